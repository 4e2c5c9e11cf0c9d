import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { planItems } from '../domain/assessment/plan';
import type { Plan } from '../domain/catalog/schema';
import { loadAllPlans } from '../domain/catalog/test-plans';
import { valueRuleFor } from '../domain/observations/value-rules';
import { openDatabase, type AppDatabase } from './database';
import { loadDemoData } from './demo';
import { ConflictError } from './errors';
import { COMPLETE_SCOPE, exportExchange } from './exchange/export';
import { applyMerge, countData, prepareImport, previewMerge, restoreFile } from './exchange/import';
import { planNumbersOf, type PlanNumbersRow } from './plan-numbers';
import { saveValues, undoAction, type WriteContext } from './values';

// The compact copy (`planNumbers`) must say exactly what the full series records say after every
// kind of write. The expected rows of the first tests are written out by hand; after the others
// the copy is compared with the series records as stored.

let plans: Plan[];
let dazhou: Plan;
beforeAll(() => {
  plans = loadAllPlans();
  dazhou = plans.find((p) => p.id === 'dazhou') as Plan;
});

const opened: AppDatabase[] = [];
let counter = 0;
function open(name = `plan-numbers-test-${Date.now()}-${counter++}`): AppDatabase {
  const db = openDatabase(name);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const R = 'education.compulsory-retention-rate';
const B = 'health.hospital-beds-per-1000';
let minute = 0;
const clock = () => new Date(Date.UTC(2026, 11, 2, 8, minute++));
function ctxOf(by: string): WriteContext {
  const rules = new Map(planItems(dazhou).map((item) => [item.id, valueRuleFor(item)]));
  return {
    by,
    baseYear: 2015,
    endYear: 2020,
    planAreaId: 'dazhou',
    itemIds: new Set(rules.keys()),
    ruleOf: (id) => rules.get(id),
    now: clock,
  };
}
const value = (regionId: string, itemId: string, year: number, v: number | null, version = 0) => ({
  planId: 'dazhou',
  regionId,
  itemId,
  year,
  value: v,
  expectedVersion: version,
});

const sorted = (rows: PlanNumbersRow[]) =>
  [...rows].sort((a, b) => `${a.planId}|${a.regionId}`.localeCompare(`${b.planId}|${b.regionId}`));
const copyOf = async (db: AppDatabase) => sorted(await db.planNumbers.toArray());
/** What the full records say, as the copy should hold it. */
const fromSeries = async (db: AppDatabase) => sorted(planNumbersOf(await db.series.toArray()));

const asFile = (text: string, name = '数据.json') => ({
  name,
  size: new TextEncoder().encode(text).length,
  text: async () => text,
});
const exportFrom = async (db: AppDatabase, by = '王评估') =>
  (await exportExchange(db, COMPLETE_SCOPE, { appVersion: '0.1.0', exportedBy: by })).text;
async function prepared(db: AppDatabase, text: string) {
  const result = await prepareImport(db, asFile(text), { builtinPlans: plans });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.file;
}

describe('planNumbers, the compact copy of the values', () => {
  it('holds each region’s numbers after a save, without cleared cells, and a refused write changes nothing', async () => {
    const db = open();
    const ctx = ctxOf('王评估');
    await saveValues(
      db,
      [
        value('dazhou', R, 2016, 97.1),
        value('dazhou', R, 2017, 97.5),
        value('dazhou', B, 2016, 4.4),
        value('tongchuan', B, 2016, 3.9),
      ],
      ctx,
    );
    expect(await copyOf(db)).toEqual([
      {
        planId: 'dazhou',
        regionId: 'dazhou',
        values: { [R]: { 2016: 97.1, 2017: 97.5 }, [B]: { 2016: 4.4 } },
      },
      { planId: 'dazhou', regionId: 'tongchuan', values: { [B]: { 2016: 3.9 } } },
    ]);

    // A cleared cell leaves the copy; a series with no value left, and a region with none, too.
    await saveValues(
      db,
      [value('dazhou', R, 2017, null, 1), value('tongchuan', B, 2016, null, 1)],
      ctx,
    );
    expect(await copyOf(db)).toEqual([
      { planId: 'dazhou', regionId: 'dazhou', values: { [R]: { 2016: 97.1 }, [B]: { 2016: 4.4 } } },
    ]);

    // A write refused for a conflict (stale version) writes nothing, the copy included.
    const before = await copyOf(db);
    await expect(
      saveValues(db, [value('dazhou', R, 2016, 90, 0), value('xuanhan', B, 2016, 3)], ctx),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await copyOf(db)).toEqual(before);
    expect(await copyOf(db)).toEqual(await fromSeries(db));
  });

  it('follows an undo, back to what was there before the action', async () => {
    const db = open();
    const ctx = ctxOf('王评估');
    await saveValues(db, [value('dazhou', R, 2016, 97.1)], ctx);
    const second = await saveValues(
      db,
      [value('dazhou', R, 2016, 98, 1), value('dazhou', B, 2016, 4.4)],
      ctx,
    );
    await undoAction(db, second.actionId as string, ctx);
    expect(await copyOf(db)).toEqual([
      { planId: 'dazhou', regionId: 'dazhou', values: { [R]: { 2016: 97.1 } } },
    ]);
    expect(await copyOf(db)).toEqual(await fromSeries(db));
  });

  it('is rebuilt by a restore and follows a merge, though exchange files never carry it', async () => {
    const a = open();
    const b = open();
    await saveValues(
      a,
      [value('dazhou', R, 2016, 97.1), value('tongchuan', B, 2016, 3.9)],
      ctxOf('王评估'),
    );
    await saveValues(b, [value('xuanhan', B, 2017, 3.2)], ctxOf('李评估'));
    const fileOfA = await exportFrom(a);
    expect(JSON.parse(fileOfA).content.tables).not.toHaveProperty('planNumbers');

    // Restore: B's data replaced by A's, the copy with it
    await restoreFile(b, await prepared(b, fileOfA), { by: '李评估', storage: null });
    expect(await copyOf(b)).toEqual(await copyOf(a));
    expect(await copyOf(b)).toEqual(await fromSeries(b));

    // Merge: B adds a value, A takes B's file in
    await saveValues(b, [value('xuanhan', B, 2017, 3.2)], ctxOf('李评估'));
    const preview = await previewMerge(a, await prepared(a, await exportFrom(b, '李评估')));
    await applyMerge(a, preview, () => 'theirs', { by: '王评估', storage: null, now: clock });
    expect((await copyOf(a)).find((r) => r.regionId === 'xuanhan')?.values).toEqual({
      [B]: { 2017: 3.2 },
    });
    expect(await copyOf(a)).toEqual(await fromSeries(a));
  });

  it('follows the sample data reset (clear and reload) and a direct removal of series', async () => {
    const db = open(`plan-numbers-test-${Date.now()}-${counter++}-demo`);
    await loadDemoData(db, [dazhou]);
    const first = await copyOf(db);
    expect(first.length).toBe(dazhou.regions.length);
    expect(first).toEqual(await fromSeries(db));
    await loadDemoData(db, [dazhou], 2017);
    expect(await copyOf(db)).toEqual(await fromSeries(db));
    // A range of series deleted (as a plan's values would be): their regions go too.
    await db.series
      .where('[planId+regionId+itemId]')
      .between(['dazhou', 'dazhou'], ['dazhou', 'dazhou', []])
      .delete();
    expect((await copyOf(db)).some((r) => r.regionId === 'dazhou')).toBe(false);
    expect(await copyOf(db)).toEqual(await fromSeries(db));
    await db.series.clear();
    expect(await copyOf(db)).toEqual([]);
  });

  it('gives the counts of the data set (the durability check after every write) from the copy', async () => {
    const db = open();
    const ctx = ctxOf('王评估');
    // Three values in two series (two audit rows), then one cleared (a third audit row)
    await saveValues(
      db,
      [
        value('dazhou', R, 2016, 97.1),
        value('dazhou', R, 2017, 97.5),
        value('tongchuan', B, 2016, 3.9),
      ],
      ctx,
    );
    await saveValues(db, [value('dazhou', R, 2017, null, 1)], ctx);
    expect(await countData(db)).toMatchObject({ values: 2, history: 3 });
  });
});
