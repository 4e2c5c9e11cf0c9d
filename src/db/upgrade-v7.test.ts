import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type StoredCell } from './database';
import { seedDatabase } from './schema-history';

let name = '';
afterEach(async () => {
  await Dexie.delete(name);
});

const cell = (value: number | null, version = 1): StoredCell => ({
  value,
  text: value === null ? '' : String(value),
  dataStatus: 'preliminary',
  source: '统计年鉴',
  note: '',
  reason: '',
  updatedAt: '2026-11-29T08:00:00.000Z',
  updatedBy: '王评估',
  version,
});

describe('schema v6 → v7', () => {
  it('builds the compact copy of the stored values: numbers per plan and region, cleared cells left out', async () => {
    // Given a v6 database with four series: two of one region (one with a cleared 2017), one of
    // another region, and one whose only cell was cleared (its region has no value)
    name = `upgrade-v7-${Date.now()}`;
    await seedDatabase(name, 6, {
      series: [
        {
          planId: 'dazhou',
          regionId: 'dazhou',
          itemId: 'rate',
          cells: { 2016: cell(97.1), 2017: cell(null, 2) },
        },
        {
          planId: 'dazhou',
          regionId: 'dazhou',
          itemId: 'beds',
          cells: { 2015: cell(4.4), 2018: cell(5.02) },
        },
        { planId: 'dazhou', regionId: 'tongchuan', itemId: 'beds', cells: { 2016: cell(3.9) } },
        { planId: 'dazhou', regionId: 'xuanhan', itemId: 'beds', cells: { 2016: cell(null, 2) } },
        { planId: 'zhoucun', regionId: 'zhoucun', itemId: 'rate', cells: { 2020: cell(99) } },
      ],
      regions: [],
    });
    // When the current code opens it
    const db = openDatabase(name);
    await db.open();
    // Then the copy holds each region's live numbers, by plan and region
    expect(await db.planNumbers.toArray()).toEqual([
      {
        planId: 'dazhou',
        regionId: 'dazhou',
        values: { rate: { 2016: 97.1 }, beds: { 2015: 4.4, 2018: 5.02 } },
      },
      { planId: 'dazhou', regionId: 'tongchuan', values: { beds: { 2016: 3.9 } } },
      { planId: 'zhoucun', regionId: 'zhoucun', values: { rate: { 2020: 99 } } },
    ]);
    // And the series records are kept as they were
    expect(await db.series.count()).toBe(5);
    expect((await db.series.get(['dazhou', 'xuanhan', 'beds']))?.cells[2016]?.version).toBe(2);
    db.close();
  });
});
