import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import v1 from '../../test/fixtures/v1-database.json';
import { loadAllPlans } from '../domain/catalog/test-plans';
import { openDatabase, SCHEMA_VERSION, type AppDatabase } from './database';
import { listImplementation, saveImplementation } from './implementation';
import { judgementHistory, listJudgements, setJudgement } from './judgements';
import { listSurveys, saveSurvey } from './surveys';
import { upgradeToV2 } from './upgrade-v2';
import { listValues, saveValues, valueHistory } from './values';

// A v2 database holding data: the v1 fixture (test/fixtures/v1-database.json, written by the v1
// app) opened by the v2 schema exactly as shipped, then written to by the v2 code (a value typed
// over a migrated one, a judgement). The current code (v6: service-tracking tables) then opens it. Expectations come from the
// fixture's script (upgrade-v2.test.ts) and the writes below, not from the code under test.

const R = 'education.compulsory-retention-rate';
const dazhou = loadAllPlans().find((p) => p.id === 'dazhou');
if (!dazhou) throw new Error('dazhou');
let name = '';
let db: AppDatabase | undefined;
afterEach(async () => {
  db?.close();
  await Dexie.delete(name);
});

/** The v1 and v2 schemas exactly as shipped (src/db/database.ts, versions 1 and 2). */
function openV2(dbName: string): AppDatabase {
  const old = new Dexie(dbName);
  old.version(1).stores({
    userPlans: 'id',
    regions: 'key, planId',
    observations: '[planId+itemId+regionId+year], [planId+regionId], [planId+itemId], updatedAt',
    auditLog: '++seq, key, planId, at',
    judgements: '[planId+itemId+regionId+asOfYear], planId',
    settings: 'key',
  });
  old
    .version(2)
    .stores({
      series: '[planId+regionId+itemId], [planId+itemId]',
      observations: null,
      auditLog: '++seq, key, actionId',
    })
    .upgrade(upgradeToV2);
  return old as AppDatabase;
}

async function seedV2(): Promise<void> {
  name = `upgrade-v6-test-${Date.now()}-${Math.random()}`;
  const v1Db = new Dexie(name);
  v1Db.version(1).stores({
    userPlans: 'id',
    regions: 'key, planId',
    observations: '[planId+itemId+regionId+year], [planId+regionId], [planId+itemId], updatedAt',
    auditLog: '++seq, key, planId, at',
    judgements: '[planId+itemId+regionId+asOfYear], planId',
    settings: 'key',
  });
  await v1Db.open();
  for (const [table, rows] of Object.entries(v1.tables)) {
    await v1Db.table(table).bulkAdd(rows as object[]);
  }
  v1Db.close();
  const v2 = openV2(name);
  await v2.open();
  // Written by the v2 code: a value typed over the migrated 2016 value (version 2 → 3).
  await saveValues(
    v2,
    [
      {
        planId: 'dazhou',
        itemId: R,
        regionId: 'dazhou',
        year: 2016,
        value: 97.6,
        expectedVersion: 2,
      },
    ],
    { by: '赵录入', baseYear: 2015, endYear: 2020, itemIds: new Set([R]) },
  );
  await setJudgement(v2, {
    planId: 'dazhou',
    itemId: R,
    regionId: 'tongchuan',
    asOfYear: 2019,
    status: 'on_track',
    reason: '县教育局复核',
    by: '赵录入',
  });
  expect(v2.verno).toBe(2);
  v2.close();
}

describe('schema v2 → v6 (through v4 and v5)', () => {
  it('keeps every value, history entry, judgement and region, and adds empty tracking tables', async () => {
    await seedV2();
    db = openDatabase(name);
    await db.open();
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
    // The fixture's 10 values, one of them retyped in v2.
    const values = await listValues(db, 'dazhou');
    expect(values).toHaveLength(10);
    expect(values.find((v) => v.regionId === 'dazhou' && v.year === 2016)).toMatchObject({
      value: 97.6,
      updatedBy: '赵录入',
      version: 3,
    });
    // 20 migrated audit rows, one for the v2 value and one for the v2 judgement.
    expect(await db.auditLog.count()).toBe(22);
    const history = await valueHistory(db, {
      planId: 'dazhou',
      itemId: R,
      regionId: 'dazhou',
      year: 2016,
    });
    expect(history.map((h) => h.after?.value)).toEqual([97.6, 97.4, 97.1]);
    expect(await listJudgements(db, 'dazhou', 'tongchuan', 2019)).toMatchObject([
      { status: 'on_track', reason: '县教育局复核', version: 1 },
    ]);
    expect(
      await judgementHistory(db, {
        planId: 'dazhou',
        itemId: R,
        regionId: 'tongchuan',
        asOfYear: 2019,
      }),
    ).toHaveLength(1);
    expect(await db.regions.where('planId').equals('dazhou').count()).toBe(8);
    expect(await db.implementation.count()).toBe(0);
    expect(await db.surveys.count()).toBe(0);
  });

  it('takes implementation statuses and surveys once opened, beside the migrated data', async () => {
    await seedV2();
    db = openDatabase(name);
    await saveImplementation(
      db,
      [
        {
          planId: 'dazhou',
          regionId: 'tongchuan',
          subject: { kind: 'service', id: 'svc.education.1' },
          year: 2019,
          status: 'done',
          evidence: '通川区教育局报告',
        },
      ],
      { by: '赵录入', plan: dazhou },
    );
    await saveSurvey(
      db,
      {
        planId: 'dazhou',
        year: 2019,
        domain: null,
        serviceId: null,
        organiser: '达州市统计局',
        isThirdParty: false,
        method: '电话调查',
        sampleSize: 800,
        result: { kind: 'score', value: 86.5, scale: 100 },
        notes: '',
      },
      { by: '赵录入', plan: dazhou },
    );
    expect(await listImplementation(db, 'dazhou')).toHaveLength(1);
    expect(await listSurveys(db, 'dazhou')).toHaveLength(1);
    expect(await listValues(db, 'dazhou')).toHaveLength(10);
  });
});
