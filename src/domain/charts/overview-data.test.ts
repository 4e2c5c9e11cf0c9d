import { describe, expect, it } from 'vitest';
import {
  accelerationFactor,
  domainStatusRows,
  itemsOnOlderData,
  mostLagging,
  statusTiles,
  type OverviewItem,
} from './overview-data';
import type { Figure } from '../assessment/types';

/** A computed figure, or (null) one that cannot be computed, for building test items. */
const f = (value: number | null): Figure =>
  value === null ? { value: null, reason: { code: 'no_baseline' } } : { value };

function item(overrides: Partial<OverviewItem> & Pick<OverviewItem, 'id'>): OverviewItem {
  return {
    name: overrides.id,
    domain: 'health',
    unit: '%',
    kind: 'level',
    status: 'on_track',
    isProvisional: false,
    progress: f(0.6),
    timeProgress: 0.6,
    targetYear: 2020,
    latestYear: 2018,
    latestValue: 1,
    cumulativeValue: null,
    missingYears: [],
    gap: f(1),
    requiredAnnualChange: f(0.5),
    averageAnnualChange: f(0.5),
    ...overrides,
  };
}

const items: OverviewItem[] = [
  item({ id: 'a', status: 'achieved', domain: 'education' }),
  item({ id: 'b', status: 'lagging', progress: f(0.5), requiredAnnualChange: f(0.9) }),
  item({ id: 'c', status: 'lagging', progress: f(0.1), requiredAnnualChange: f(2) }),
  item({ id: 'd', status: 'regressing', progress: f(-0.2), averageAnnualChange: f(-0.1) }),
  item({
    id: 'e',
    status: 'no_data',
    progress: f(null),
    latestYear: null,
    missingYears: [2016, 2017, 2018],
  }),
  item({ id: 'f', status: 'on_track', latestYear: 2017, missingYears: [2018] }),
];

describe('overview data', () => {
  it('counts every status once, keeping zero tiles so the layout does not jump', () => {
    // Given six items; When tiles are counted; Then counts add up and zeros are present.
    const tiles = statusTiles(items, 'midterm');
    // Mid-term: no 未实现 / 预计 cards, as none of the six has one.
    expect(tiles.map((t) => t.status)).toEqual([
      'achieved',
      'on_track',
      'lagging',
      'regressing',
      'manual',
      'not_assessable',
      'no_data',
    ]);
    expect(Object.fromEntries(tiles.map((t) => [t.status, t.count]))).toMatchObject({
      achieved: 1,
      on_track: 1,
      lagging: 2,
      regressing: 1,
      no_data: 1,
    });
    expect(tiles.reduce((s, t) => s + t.count, 0)).toBe(items.length);
  });

  it('shows a status of the other mode only when an item has it', () => {
    const early = item({ id: 'g', status: 'not_achieved', targetYear: 2017 });
    expect(statusTiles([...items, early], 'midterm').map((t) => t.status)).toContain(
      'not_achieved',
    );
    const final = statusTiles([item({ id: 'h', status: 'likely_achieved' })], 'final');
    expect(final.map((t) => t.status)).toEqual([
      'achieved',
      'likely_achieved',
      'likely_not_achieved',
      'not_achieved',
      'manual',
      'not_assessable',
      'no_data',
    ]);
  });

  it('stacks statuses per domain in plan order and drops empty domains', () => {
    const rows = domainStatusRows(
      [
        { id: 'education', name: '基本公共教育' },
        { id: 'housing', name: '基本住房保障' },
        { id: 'health', name: '基本医疗卫生' },
      ],
      items,
    );
    expect(rows.map((r) => r.domainId)).toEqual(['education', 'health']);
    const health = rows[1];
    expect(health?.total).toBe(5);
    expect(health?.lagging).toBe(2);
    expect(health?.behind).toBe(3);
  });

  it('lists the items behind, regressing first, then by the largest shortfall', () => {
    const rows = mostLagging(items);
    expect(rows.map((r) => r.id)).toEqual(['d', 'c', 'b']);
    expect(rows[1]?.shortfall).toBeCloseTo(0.5);
    // c needs 2 per year where it made 0.5 per year: four times the pace.
    expect(rows[1]?.accelerationFactor).toBeCloseTo(4);
    // d moved away from its target: no pace multiple is meaningful.
    expect(rows[0]?.accelerationFactor).toBeNull();
    expect(mostLagging(items, 1)).toHaveLength(1);
  });

  it('computes the acceleration factor only when both paces point the same way', () => {
    expect(accelerationFactor(0.6, 0.3)).toBe(2);
    expect(accelerationFactor(0.6, 0)).toBeNull();
    expect(accelerationFactor(null, 0.3)).toBeNull();
    expect(accelerationFactor(-0.6, 0.3)).toBeNull();
  });

  it('counts items judged on a figure older than the as-of year (or an earlier target year)', () => {
    // 'e' has no data at all (counted as 无数据, not here); 'f' rests on 2017.
    expect(itemsOnOlderData(items, 2018).map((i) => i.id)).toEqual(['f']);
    const early = item({ id: 'g', targetYear: 2017, latestYear: 2016 });
    expect(itemsOnOlderData([early], 2019)).toHaveLength(1);
    expect(itemsOnOlderData([item({ id: 'k', targetYear: 2017, latestYear: 2017 })], 2019)).toEqual(
      [],
    );
  });
});
