import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { planItems } from '../../domain/assessment/plan';
import type { Plan } from '../../domain/catalog/schema';
import { loadAllPlans } from '../../domain/catalog/test-plans';
import { valueRuleFor } from '../../domain/observations/value-rules';
import { openDatabase, type AppDatabase } from '../database';
import { ensureRegions } from '../regions';
import { saveValues, type WriteContext } from '../values';
import { backupDue, checkDurability, noteBackup, readMarker } from './durability';
import { markPending, type MarkerStorage } from './pending';

let dazhou: Plan;
beforeAll(() => {
  dazhou = loadAllPlans().find((p) => p.id === 'dazhou') as Plan;
});

const opened: AppDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});
let counter = 0;
function fresh(name = `durability-test-${Date.now()}-${counter++}`): AppDatabase {
  const db = openDatabase(name);
  opened.push(db);
  return db;
}

function memoryStorage(): MarkerStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, v) => void items.set(key, v),
    removeItem: (key) => void items.delete(key),
  };
}

const B = 'health.hospital-beds-per-1000';
function ctx(): WriteContext {
  const rules = new Map(planItems(dazhou).map((item) => [item.id, valueRuleFor(item)]));
  return {
    by: '王评估',
    baseYear: 2015,
    endYear: 2020,
    planAreaId: 'dazhou',
    itemIds: new Set(rules.keys()),
    ruleOf: (id) => rules.get(id),
    now: () => new Date('2026-12-02T08:00:00.000Z'),
  };
}

async function twoValues(db: AppDatabase) {
  await ensureRegions(db, dazhou);
  await saveValues(
    db,
    [2016, 2017].map((year) => ({
      planId: 'dazhou',
      regionId: 'dazhou',
      itemId: B,
      year,
      value: 4.4,
      expectedVersion: 0,
    })),
    ctx(),
  );
}

describe('the durability marker', () => {
  it('remembers what the data set held, and says so when the database comes back empty', async () => {
    const storage = memoryStorage();
    const name = `durability-test-evicted-${counter++}`;
    const db = fresh(name);
    await twoValues(db);
    const first = await checkDurability(db, storage, new Date('2026-12-02T09:00:00.000Z'));
    expect(first.vanished).toBeNull();
    expect(first.marker).toEqual({
      dbName: name,
      counts: {
        values: 2,
        judgements: 0,
        regions: 0,
        plans: 0,
        narratives: 0,
        snapshots: 0,
        implementation: 0,
        surveys: 0,
        history: 1,
      },
      lastWriteAt: '2026-12-02T08:00:00.000Z',
      firstSeenAt: '2026-12-02T09:00:00.000Z',
      lastBackupAt: null,
    });

    // The browser evicts the database; localStorage stays.
    await db.delete();
    const again = fresh(name);
    const after = await checkDurability(again, storage);
    expect(after.vanished?.counts).toEqual({
      values: 2,
      judgements: 0,
      regions: 0,
      plans: 0,
      narratives: 0,
      snapshots: 0,
      implementation: 0,
      surveys: 0,
      history: 1,
    });
    // and keeps saying so on the next start, until the data is back
    expect((await checkDurability(again, storage)).vanished).not.toBeNull();
    await twoValues(again);
    expect((await checkDurability(again, storage)).vanished).toBeNull();
  });

  it('says nothing for a data set that never held data', async () => {
    const storage = memoryStorage();
    const db = fresh();
    await ensureRegions(db, dazhou);
    expect(await checkDurability(db, storage)).toMatchObject({ vanished: null, interrupted: null });
    expect(await checkDurability(db, storage)).toMatchObject({ vanished: null });
  });

  it('keeps the last backup time across checks', async () => {
    const storage = memoryStorage();
    const db = fresh();
    await twoValues(db);
    await checkDurability(db, storage);
    noteBackup(storage, db.name, '2026-12-03T00:00:00.000Z');
    await checkDurability(db, storage);
    expect(readMarker(storage, db.name)?.lastBackupAt).toBe('2026-12-03T00:00:00.000Z');
  });

  it('tells after a reload whether the interrupted import was written whole or not at all', async () => {
    const storage = memoryStorage();
    const db = fresh();
    const pending = {
      actionId: 'act-1',
      kind: 'merge' as const,
      fileName: 'B.json',
      startedAt: '2026-12-02T08:00:00.000Z',
    };
    markPending(storage, db.name, pending);
    expect((await checkDurability(db, storage)).interrupted).toEqual({ pending, committed: false });
    // said once
    expect((await checkDurability(db, storage)).interrupted).toBeNull();

    markPending(storage, db.name, pending);
    await db.exchanges.add({
      actionId: 'act-1',
      kind: 'merge',
      fileName: 'B.json',
      checksum: '',
      exportedAt: '2026-12-01T00:00:00.000Z',
      exportedBy: '李评估',
      at: '2026-12-02T08:00:00.000Z',
      by: '王评估',
      summary: {},
    });
    expect((await checkDurability(db, storage)).interrupted).toEqual({ pending, committed: true });
  });
});

describe('the backup reminder', () => {
  const marker = {
    dbName: 'x',
    counts: {
      values: 2,
      judgements: 0,
      regions: 0,
      plans: 0,
      narratives: 0,
      snapshots: 0,
      implementation: 0,
      surveys: 0,
      history: 1,
    },
    lastWriteAt: '2026-12-05T00:00:00.000Z',
    firstSeenAt: '2026-11-20T00:00:00.000Z',
    lastBackupAt: '2026-12-01T00:00:00.000Z',
  };
  it('reminds when the last backup is older than the setting and data changed since', () => {
    // 2026-12-01 → 2026-12-09 12:00 is 8.5 days: 8 whole days
    expect(backupDue(marker, 7, new Date('2026-12-09T12:00:00.000Z'))).toBe(8);
  });
  it('does not remind within the days set', () => {
    expect(backupDue(marker, 7, new Date('2026-12-07T23:00:00.000Z'))).toBeNull();
    expect(backupDue(marker, 10, new Date('2026-12-09T12:00:00.000Z'))).toBeNull();
  });
  it('does not remind when nothing changed since the backup', () => {
    const unchanged = { ...marker, lastWriteAt: '2026-11-30T00:00:00.000Z' };
    expect(backupDue(unchanged, 7, new Date('2026-12-20T00:00:00.000Z'))).toBeNull();
  });
  it('without any backup, counts from the first data seen', () => {
    const never = { ...marker, lastBackupAt: null };
    // 2026-11-20 → 2026-11-26 is 6 days; → 2026-11-28 is 8
    expect(backupDue(never, 7, new Date('2026-11-26T00:00:00.000Z'))).toBeNull();
    expect(backupDue(never, 7, new Date('2026-11-28T00:00:00.000Z'))).toBe(8);
  });
});
