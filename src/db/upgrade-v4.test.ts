import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import v1 from '../../test/fixtures/v1-database.json';
import { openDatabase, SCHEMA_VERSION, type AppDatabase } from './database';
import { getNarrative, saveNarrative } from './narratives';
import { listSnapshots } from './snapshots';
import { upgradeToV2 } from './upgrade-v2';
import { listValues } from './values';

// A v2 database with data: the v1 fixture (test/fixtures/v1-database.json, see upgrade-v2.test)
// opened by the v2 schema exactly as it shipped, then used at v2 (a value saved, so that v2 rows
// exist that v1 never wrote). Opening it with the current code must keep every row of every
// table as it was, and add the report tables empty.

let name = '';
let db: AppDatabase | undefined;
afterEach(async () => {
  db?.close();
  await Dexie.delete(name);
});

const V1_STORES = {
  userPlans: 'id',
  regions: 'key, planId',
  observations: '[planId+itemId+regionId+year], [planId+regionId], [planId+itemId], updatedAt',
  auditLog: '++seq, key, planId, at',
  judgements: '[planId+itemId+regionId+asOfYear], planId',
  settings: 'key',
};

/** Every table of the v2 database, read at v2. */
async function seedV2(): Promise<Record<string, unknown[]>> {
  name = `upgrade-v4-test-${Date.now()}`;
  const old = new Dexie(name);
  old.version(1).stores(V1_STORES);
  await old.open();
  for (const [table, rows] of Object.entries(v1.tables)) {
    await old.table(table).bulkAdd(rows as object[]);
  }
  old.close();
  // The v2 schema exactly as shipped (2026-12-01).
  const v2 = new Dexie(name);
  v2.version(1).stores(V1_STORES);
  v2.version(2)
    .stores({
      series: '[planId+regionId+itemId], [planId+itemId]',
      observations: null,
      auditLog: '++seq, key, actionId',
    })
    .upgrade(upgradeToV2);
  await v2.open();
  expect(v2.verno).toBe(2);
  await v2.table('settings').put({ key: 'evaluatorName', value: '王评估' });
  const tables: Record<string, unknown[]> = {};
  for (const table of v2.tables) tables[table.name] = await table.toArray();
  v2.close();
  return tables;
}

describe('schema v2 → v4', () => {
  it('keeps every row of every v2 table and adds the report tables empty', async () => {
    const before = await seedV2();
    expect(before.series?.length).toBe(7);
    expect(before.auditLog?.length).toBe(20);
    db = openDatabase(name);
    await db.open();
    // Opened by the current code: v4 and the later upgrades ran. v5 adds fields to audit rows
    // (auditId) and regions (version, time, author), which it tests itself; every v2 field stays.
    expect(db.verno).toBe(SCHEMA_VERSION);
    for (const [table, rows] of Object.entries(before)) {
      if (table === 'auditLog' || table === 'regions') {
        expect(await db.table(table).toArray(), table).toMatchObject(rows);
      } else {
        expect(await db.table(table).toArray(), table).toEqual(rows);
      }
    }
    expect(await db.narratives.count()).toBe(0);
    expect(await db.snapshots.count()).toBe(0);
    expect(await db.snapshotContents.count()).toBe(0);
    // The values read as before, and the new tables take writes.
    expect(await listValues(db, 'dazhou')).toHaveLength(10);
    expect(await listSnapshots(db, 'dazhou')).toEqual([]);
    await saveNarrative(
      db,
      {
        planId: 'dazhou',
        regionId: 'dazhou',
        asOfYear: 2018,
        problems: '问题',
        suggestions: '',
        expectedVersion: 0,
      },
      { by: '王评估' },
    );
    expect(
      (await getNarrative(db, { planId: 'dazhou', regionId: 'dazhou', asOfYear: 2018 }))?.version,
    ).toBe(1);
  });
});
