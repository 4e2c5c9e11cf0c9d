import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_VERSION, type AppDatabase, type AuditRow } from './database';
import { judgementHistory, listJudgements } from './judgements';
import { schemaVersions, seedDatabase, storesAt, upgradeTables } from './schema-history';
import { listValues, saveValues, valueHistory } from './values';
import type { Plan } from '../domain/catalog/schema';
import { loadAllPlans } from '../domain/catalog/test-plans';
import { listImplementation, saveImplementation } from './implementation';
import { listSurveys } from './surveys';

// The upgrade harness: a database written by each earlier version of the app (a fixture in
// test/fixtures/v<N>-database.json, written by that version's code) is created at its version
// and opened by the current code; every upgrade function since then runs, and the data must
// all be there. To add a version's fixture: run `npx tsx scripts/write-database-fixture.ts`
// with that version's code (before the next version is added), commit the file, and add an
// entry below with what the current code must find in it.

interface Fixture {
  schemaVersion: number;
  /** The stores the fixture was written under (v1's file predates this field). */
  stores?: Record<string, string>;
  tables: Record<string, unknown[]>;
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Fixture;

const R = 'education.compulsory-retention-rate';
const B = 'health.hospital-beds-per-1000';

/** What every upgraded database must hold, whatever version it came from. */
async function checkInvariants(db: AppDatabase, fixture: Fixture) {
  expect(db.verno).toBe(SCHEMA_VERSION);
  const audit = await db.auditLog.toArray();
  // Not one history row lost, and each has a unique, stable id.
  expect(audit).toHaveLength(fixture.tables.auditLog?.length ?? 0);
  expect(new Set(audit.map((row) => row.auditId)).size).toBe(audit.length);
  expect(audit.every((row) => typeof row.auditId === 'string')).toBe(true);
  // Every region has a version, time and author (v5).
  for (const region of await db.regions.toArray()) {
    expect(region.version).toBeGreaterThanOrEqual(1);
    expect(typeof region.updatedAt).toBe('string');
    expect(typeof region.updatedBy).toBe('string');
  }
}

const FIXTURES: Array<{ file: string; check: (db: AppDatabase) => Promise<void> }> = [
  {
    // Written by the v1 app (see upgrade-v2.test.ts for what it holds).
    file: 'test/fixtures/v1-database.json',
    check: async (db) => {
      expect(await listValues(db, 'dazhou')).toHaveLength(10);
      // Its 15 value rows became series rows.
      const audit = await db.auditLog.toArray();
      expect(audit.filter((r) => r.entity === 'series')).toHaveLength(15);
      // 达州市 was renamed once by 王评估: seeded (1) + renamed (2).
      const dazhou = await db.regions.get('dazhou:dazhou');
      expect(dazhou).toMatchObject({ name: '达州市（全市）', version: 2, updatedBy: '王评估' });
      // 达川区 was never changed: seeded alike everywhere, no time or author.
      expect(await db.regions.get('dazhou:dachuan')).toMatchObject({
        version: 1,
        updatedAt: '',
        updatedBy: '',
      });
    },
  },
  {
    // Written by scripts/write-database-fixture.ts with the v2 code (commit e35ca25).
    file: 'test/fixtures/v2-database.json',
    check: async (db) => {
      const values = await listValues(db, 'dazhou');
      const at = (regionId: string, itemId: string, year: number) =>
        values.find((v) => v.regionId === regionId && v.itemId === itemId && v.year === year);
      // The pasted column of four less 通川区 (cleared): 3; the typed and changed value: 1; the
      // baseline revision, 达州市's 2016 and the added region's 2016 beds: 3. 7 values.
      expect(values).toHaveLength(7);
      expect(at('dazhou', R, 2016)).toMatchObject({
        value: 97.4,
        text: '97.4%',
        dataStatus: 'final',
        source: '市教育局',
        note: '统计公报',
        version: 2,
      });
      expect(at('dazhou', B, 2015)).toMatchObject({ value: 4.35, reason: '卫生统计年鉴更正' });
      expect(at('tongchuan', R, 2017)).toBeUndefined();
      // The clearing is kept as a tombstone; the undone value too (version 2, empty).
      expect((await db.series.get(['dazhou', 'tongchuan', R]))?.cells[2017]).toMatchObject({
        value: null,
        version: 2,
        reason: '录错',
      });
      expect((await db.series.get(['dazhou', 'quxian', R]))?.cells[2018]).toMatchObject({
        value: null,
        version: 2,
      });
      const history = await valueHistory(db, {
        planId: 'dazhou',
        itemId: R,
        regionId: 'dazhou',
        year: 2016,
      });
      expect(history.map((h) => [h.before?.value ?? null, h.after?.value])).toEqual([
        [97.1, 97.4],
        [null, 97.1],
      ]);
      // One judgement left (the other withdrawn), at version 2, with both changes in history.
      expect(await listJudgements(db, 'dazhou', 'dazhou', 2018)).toMatchObject([
        { itemId: B, status: 'on_track', version: 2 },
      ]);
      const judged = await judgementHistory(db, {
        planId: 'dazhou',
        itemId: B,
        regionId: 'dazhou',
        asOfYear: 2018,
      });
      expect(judged.map((h) => h.action)).toEqual(['update', 'create']);
      // Regions: renamed (v2), added (v1 with its author), archived (v2), untouched (v1, '').
      const regions = await db.regions.where('planId').equals('dazhou').toArray();
      const byId = new Map(regions.map((r) => [r.regionId, r]));
      expect(byId.get('dazhou')).toMatchObject({
        version: 2,
        updatedAt: '2026-12-01T08:00:00.000Z',
      });
      expect(byId.get('user-00000000')).toMatchObject({
        name: '高新区',
        version: 1,
        updatedAt: '2026-12-01T08:01:00.000Z',
        updatedBy: '王评估',
      });
      expect(byId.get('kaijiang')).toMatchObject({ archived: 1, version: 2 });
      expect(byId.get('xuanhan')).toMatchObject({ version: 1, updatedAt: '', updatedBy: '' });
      expect(await db.userPlans.get('dalian-copy')).toMatchObject({ fileName: 'dalian-copy.json' });
      expect(await db.settings.get('evaluatorName')).toEqual({
        key: 'evaluatorName',
        value: '王评估',
      });
      // The audit id is the action and the key.
      const first = (await db.auditLog.orderBy('seq').first()) as AuditRow;
      expect(first.auditId).toBe(`${first.actionId}:${first.key}`);
      // A write after the upgrade states the version it found, and is recorded with an id.
      const saved = await saveValues(
        db,
        [
          {
            planId: 'dazhou',
            itemId: B,
            regionId: 'dazhou',
            year: 2016,
            value: 4.7,
            expectedVersion: 1,
          },
        ],
        { by: '新', baseYear: 2015, endYear: 2020, itemIds: new Set([B]) },
      );
      const row = await db.auditLog
        .where('actionId')
        .equals(saved.actionId ?? '')
        .first();
      expect(row?.auditId).toBe(`${saved.actionId}:dazhou|dazhou|${B}`);
    },
  },
  {
    // Written by scripts/write-database-fixture.ts with the v5 code as released (commit
    // 50faa5e): the exchange release, which had no service-tracking tables. Opened by the
    // current code, the 服务清单 tables exist and take records (schema v6).
    file: 'test/fixtures/v5-database.json',
    check: async (db) => {
      expect(await listValues(db, 'dazhou')).toHaveLength(7);
      expect(db.tables.map((t) => t.name)).toEqual(
        expect.arrayContaining(['implementation', 'surveys']),
      );
      const zhoucun = loadAllPlans().find((p) => p.id === 'zhoucun') as Plan;
      await saveImplementation(
        db,
        [
          {
            planId: 'zhoucun',
            regionId: 'zhoucun',
            subject: { kind: 'service', id: 'svc.education.1' },
            year: 2018,
            status: 'in_progress',
          },
        ],
        { by: '王评估', plan: zhoucun },
      );
      expect(await listImplementation(db, 'zhoucun')).toMatchObject([
        { status: 'in_progress', version: 1 },
      ]);
      expect(await listSurveys(db, 'zhoucun')).toEqual([]);
    },
  },
  {
    // Written by scripts/write-database-fixture.ts with the v6 code as released (commit
    // 5e4e616, the services merge). Opened by the current code, the compact copy of the values
    // (schema v7, planNumbers) is built from its series: 4 regions with a value (通川区 and
    // 渠县 hold only cleared cells).
    file: 'test/fixtures/v6-database.json',
    check: async (db) => {
      expect(await listValues(db, 'dazhou')).toHaveLength(7);
      const copy = await db.planNumbers.toArray();
      expect(copy.map((r) => r.regionId).sort()).toEqual([
        'dachuan',
        'dazhou',
        'user-00000000',
        'xuanhan',
      ]);
      expect((await db.planNumbers.get(['dazhou', 'dazhou']))?.values).toEqual({
        [R]: { 2016: 97.4, 2017: 90 },
        [B]: { 2015: 4.35, 2016: 4.6 },
      });
    },
  },
];

let name = '';
afterEach(async () => {
  if (name) await Dexie.delete(name);
  name = '';
});

describe('schema upgrades', () => {
  it('knows every version it ever declared, oldest first, ending at the current one', () => {
    expect(schemaVersions().at(-1)).toBe(SCHEMA_VERSION);
    // The current stores are what a database opened now has.
    const db = openDatabase('stores-check');
    const now = Object.fromEntries(
      db.tables.map((t) => [
        t.name,
        [t.schema.primKey, ...t.schema.indexes].map((index) => index.src).join(', '),
      ]),
    );
    expect(storesAt(SCHEMA_VERSION)).toEqual(now);
  });

  it.each(FIXTURES)('opens a database written by an earlier version: $file', async (entry) => {
    const fixture = read(entry.file);
    // The fixture was written under the stores the code's history says that version had.
    if (fixture.stores) expect(fixture.stores).toEqual(storesAt(fixture.schemaVersion));
    name = `upgrade-harness-${fixture.schemaVersion}-${Date.now()}`;
    await seedDatabase(name, fixture.schemaVersion, fixture.tables);
    const db = openDatabase(name);
    try {
      await db.open();
      await checkInvariants(db, fixture);
      await entry.check(db);
    } finally {
      db.close();
    }
  });

  it('has a fixture for every earlier version', () => {
    const covered = FIXTURES.map((f) => read(f.file).schemaVersion);
    // v4 (report tables) was merged without a fixture (the
    // fixture script came with v5); upgrade-v4.test.ts opens a v2 database through v4 and v5.
    const expected = schemaVersions().filter((v) => v < SCHEMA_VERSION && v !== 4);
    expect(covered).toEqual(expected);
  });

  it('upgrades rows from an older version without touching any database of the user', async () => {
    const v2 = read('test/fixtures/v2-database.json');
    const before = await Dexie.getDatabaseNames();
    const tables = await upgradeTables(v2.tables, 2);
    expect(await Dexie.getDatabaseNames()).toEqual(before);
    expect(tables.series).toHaveLength(7);
    expect(tables.exchanges).toEqual([]);
    expect(
      (tables.auditLog as AuditRow[]).every((row) => row.auditId === `${row.actionId}:${row.key}`),
    ).toBe(true);
  });
});
