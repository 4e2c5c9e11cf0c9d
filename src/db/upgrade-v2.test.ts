import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import v1 from '../../test/fixtures/v1-database.json';
import { openDatabase, SCHEMA_VERSION, type AppDatabase } from './database';
import { judgementHistory, listJudgements } from './judgements';
import { planAreaOf } from './regions';
import { listValues, saveValues, valueHistory } from './values';

// test/fixtures/v1-database.json holds every table of a database written by the v1 app
// (commit f10d518) for 达州市规划: regions seeded, one added and 达州市 renamed; a value typed and
// changed with note, source and 正式; a column pasted down the seven regions (one batch); a
// baseline revision with its reason; a value cleared; a value cleared and the clearing undone;
// three judgements. The expectations below are worked out from that script, not from the code.

const R = 'education.compulsory-retention-rate';
const B = 'health.hospital-beds-per-1000';
let name = '';
let db: AppDatabase | undefined;
afterEach(async () => {
  db?.close();
  await Dexie.delete(name);
});

async function seedV1(): Promise<void> {
  name = `upgrade-test-${Date.now()}`;
  const old = new Dexie(name);
  // The v1 schema exactly as shipped.
  old.version(1).stores({
    userPlans: 'id',
    regions: 'key, planId',
    observations: '[planId+itemId+regionId+year], [planId+regionId], [planId+itemId], updatedAt',
    auditLog: '++seq, key, planId, at',
    judgements: '[planId+itemId+regionId+asOfYear], planId',
    settings: 'key',
  });
  await old.open();
  for (const [table, rows] of Object.entries(v1.tables)) {
    await old.table(table).bulkAdd(rows as object[]);
  }
  old.close();
}

describe('schema v1 → v2', () => {
  it('keeps every value, with its text, detail and a version counting its writes', async () => {
    await seedV1();
    db = openDatabase(name);
    await db.open();
    // Opened by the current code: v2 and every later upgrade ran (v4 adds the report tables, v5
    // the exchange log, v6 the service-tracking tables).
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'auditLog',
      'exchanges',
      'implementation',
      'judgements',
      'narratives',
      'planNumbers',
      'regions',
      'series',
      'settings',
      'snapshotContents',
      'snapshots',
      'surveys',
      'userPlans',
    ]);
    const values = await listValues(db, 'dazhou');
    expect(values).toHaveLength(10);
    const at = (regionId: string, year: number) =>
      values.find((v) => v.itemId === R && v.regionId === regionId && v.year === year);
    expect(at('dazhou', 2016)).toMatchObject({
      value: 97.4,
      text: '97.4%',
      note: '统计公报',
      source: '市教育局',
      dataStatus: 'final',
      updatedBy: '王评估',
      version: 2,
    });
    expect(at('dazhou', 2015)).toMatchObject({ value: 96.5, reason: '统计口径调整', version: 1 });
    expect(
      ['dazhou', 'tongchuan', 'dachuan', 'xuanhan', 'kaijiang', 'dazhu', 'quxian'].map(
        (r) => at(r, 2017)?.value,
      ),
    ).toEqual([90, 91, 92, 93, 94, 95, 96]);
    // Entered, cleared, the clearing undone: three writes.
    expect(at('quxian', 2018)).toMatchObject({ value: 93, version: 3 });
    // Entered and cleared: not a value, but the clearing is kept with who and why.
    expect(at('tongchuan', 2018)).toBeUndefined();
    const tongchuan = await db.series.get(['dazhou', 'tongchuan', R]);
    expect(tongchuan?.cells[2018]).toMatchObject({ value: null, version: 2, updatedBy: '王评估' });
    // One record per series: 达州市 has three years of one item in one record.
    expect(await db.series.count()).toBe(7);
    // A later write states the migrated version.
    await saveValues(
      db,
      [
        {
          planId: 'dazhou',
          itemId: R,
          regionId: 'dazhou',
          year: 2016,
          value: 97.5,
          expectedVersion: 2,
        },
      ],
      { by: '新', baseYear: 2015, endYear: 2020, itemIds: new Set([R]) },
    );
  });

  it('keeps every history entry, in order, with batches as one action', async () => {
    await seedV1();
    db = openDatabase(name);
    await db.open();
    expect(await db.auditLog.count()).toBe(20);
    const dazhou2016 = await valueHistory(db, {
      planId: 'dazhou',
      itemId: R,
      regionId: 'dazhou',
      year: 2016,
    });
    expect(dazhou2016.map((h) => [h.before?.value ?? null, h.after?.value])).toEqual([
      [97.1, 97.4],
      [null, 97.1],
    ]);
    const quxian2018 = await valueHistory(db, {
      planId: 'dazhou',
      itemId: R,
      regionId: 'quxian',
      year: 2018,
    });
    expect(
      quxian2018.map((h) => [h.action, h.before?.value ?? null, h.after?.value ?? null]),
    ).toEqual([
      ['undo', null, 93],
      ['save', 93, null],
      ['save', null, 93],
    ]);
    const tongchuan2018 = await valueHistory(db, {
      planId: 'dazhou',
      itemId: R,
      regionId: 'tongchuan',
      year: 2018,
    });
    expect(tongchuan2018[0]).toMatchObject({ reason: '录错', by: '王评估' });
    const baseline = await valueHistory(db, {
      planId: 'dazhou',
      itemId: R,
      regionId: 'dazhou',
      year: 2015,
    });
    expect(baseline[0]?.reason).toBe('统计口径调整');
    // The pasted column is one action; the undo names the action it reverted.
    const audit = await db.auditLog.toArray();
    const pasted = audit.filter((a) => a.entity === 'series' && a.changes[0]?.year === 2017);
    expect(pasted).toHaveLength(7);
    expect(new Set(pasted.map((a) => a.actionId)).size).toBe(1);
    const undo = audit.find((a) => a.entity === 'series' && a.action === 'undo');
    expect(undo).toMatchObject({ seq: 17, undoes: 'v1-16' });
    const byActionId = await db.auditLog
      .where('actionId')
      .equals(pasted[0]?.actionId ?? '')
      .count();
    expect(byActionId).toBe(7);
  });

  it('marks the catalog’s first region as the plan area, whatever its name now', async () => {
    await seedV1();
    db = openDatabase(name);
    await db.open();
    const regions = await db.regions.where('planId').equals('dazhou').toArray();
    expect(regions).toHaveLength(8);
    expect(planAreaOf(regions)).toMatchObject({ regionId: 'dazhou', name: '达州市（全市）' });
    expect(regions.filter((r) => r.role === 'subregion')).toHaveLength(7);
    expect(regions.find((r) => !r.isFromCatalog)?.role).toBe('subregion');
  });

  it('keeps every judgement and its history, each at version 1', async () => {
    await seedV1();
    db = openDatabase(name);
    await db.open();
    expect(await listJudgements(db, 'dazhou', 'dazhou', 2018)).toMatchObject([
      { itemId: B, status: 'achieved', reason: '复核：已达标', by: '李复核', version: 1 },
    ]);
    expect(await listJudgements(db, 'dazhou', 'quxian', 2018)).toMatchObject([
      { status: 'lagging', reason: '渠县滞后', version: 1 },
    ]);
    const history = await judgementHistory(db, {
      planId: 'dazhou',
      itemId: B,
      regionId: 'dazhou',
      asOfYear: 2018,
    });
    expect(history.map((h) => [h.action, h.by])).toEqual([
      ['update', '李复核'],
      ['create', '王评估'],
    ]);
  });
});
