import Dexie from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { planItems } from '../../domain/assessment/plan';
import type { Plan } from '../../domain/catalog/schema';
import { loadAllPlans } from '../../domain/catalog/test-plans';
import type { ExchangeScope } from '../../domain/exchange/exchange-file';
import { valueRuleFor } from '../../domain/observations/value-rules';
import { openDatabase, type AppDatabase } from '../database';
import { clearJudgement, judgementHistory, listJudgements, setJudgement } from '../judgements';
import { addRegion, ensureRegions, updateRegion } from '../regions';
import { writeSetting } from '../settings';
import { listValues, saveValues, undoAction, valueHistory, type WriteContext } from '../values';
import { COMPLETE_SCOPE, exportExchange } from './export';
import {
  applyMerge,
  countData,
  describeImportFailure,
  prepareImport,
  previewMerge,
  restoreFile,
  StaleImportError,
  type PreparedFile,
} from './import';
import { readPending, type MarkerStorage } from './pending';

// Two laptops, A (王评估) and B (李评估), each with its own database, exchanging files.

let plans: Plan[];
let dazhou: Plan;
beforeAll(() => {
  plans = loadAllPlans();
  dazhou = plans.find((p) => p.id === 'dazhou') as Plan;
});

const opened: AppDatabase[] = [];
let counter = 0;
function laptop(): AppDatabase {
  const db = openDatabase(`exchange-test-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const R = 'education.compulsory-retention-rate';
const B = 'health.hospital-beds-per-1000';
let minute = 0;
/** Each write one minute after the one before, so "newer" is well defined. */
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
const A = () => ctxOf('王评估');
const Bctx = () => ctxOf('李评估');
const value = (
  regionId: string,
  itemId: string,
  year: number,
  v: number | null,
  expectedVersion = 0,
) => ({
  planId: 'dazhou',
  regionId,
  itemId,
  year,
  value: v,
  expectedVersion,
});

/** A file as the browser would hand it over. */
function asFile(text: string, name = '数据.json') {
  return { name, size: new TextEncoder().encode(text).length, text: async () => text };
}

async function exportFrom(db: AppDatabase, scope: ExchangeScope = COMPLETE_SCOPE, by = '王评估') {
  return (await exportExchange(db, scope, { appVersion: '0.1.0', exportedBy: by })).text;
}

async function prepared(db: AppDatabase, text: string, name?: string): Promise<PreparedFile> {
  const result = await prepareImport(db, asFile(text, name), { builtinPlans: plans });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.file;
}

/** Every row of every table, for "nothing was written". */
async function snapshot(db: AppDatabase) {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return tables;
}

/** A memory localStorage. */
function memoryStorage(): MarkerStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, v) => void items.set(key, v),
    removeItem: (key) => void items.delete(key),
  };
}

/** A taken over from B: B restores A's backup, both edit, A imports B's file. */
async function twoLaptops() {
  const a = laptop();
  const b = laptop();
  await ensureRegions(a, dazhou);
  await saveValues(
    a,
    [
      value('dazhou', B, 2016, 4.4),
      value('tongchuan', B, 2016, 3.9),
      value('dachuan', B, 2016, 3.5),
    ],
    A(),
  );
  await setJudgement(a, {
    planId: 'dazhou',
    itemId: B,
    regionId: 'dazhou',
    asOfYear: 2018,
    status: 'lagging',
    reason: '与卫健委核实',
    by: '王评估',
  });
  await restoreFile(b, await prepared(b, await exportFrom(a), 'A的备份.json'), {
    by: '李评估',
    storage: null,
  });
  return { a, b };
}

describe('merge: two laptops exchange files', () => {
  it('adds what is new, skips what is identical, takes over what they changed after receiving mine', async () => {
    const { a, b } = await twoLaptops();
    // B changes 通川区 (which A never touched since), adds 宣汉县 and a judgement; A adds 开江县.
    await saveValues(
      b,
      [value('tongchuan', B, 2016, 4.0, 1), value('xuanhan', B, 2016, 3.2)],
      Bctx(),
    );
    await saveValues(a, [value('kaijiang', B, 2016, 3.1)], A());
    // When A imports B's file
    const preview = await previewMerge(
      a,
      await prepared(a, await exportFrom(b, COMPLETE_SCOPE, '李评估')),
    );
    // Then nothing is a conflict: 宣汉县 is new, 通川区 is B's later state of A's value, the
    // rest (达州市, 达川区, the judgement, the catalog regions) is identical
    expect(preview.conflicts).toEqual([]);
    expect(preview.refusals).toEqual([]);
    const summary = await applyMerge(a, preview, () => 'mine', {
      by: '王评估',
      storage: null,
      now: clock,
    });
    expect(summary).toMatchObject({ added: 1, updated: 1, conflictsKept: 0, conflictsTaken: 0 });
    const values = await listValues(a, 'dazhou', { itemId: B });
    const at = (regionId: string) => values.find((v) => v.regionId === regionId);
    expect(at('tongchuan')).toMatchObject({ value: 4.0, updatedBy: '李评估', version: 3 });
    expect(at('xuanhan')).toMatchObject({ value: 3.2, updatedBy: '李评估', version: 1 });
    expect(at('kaijiang')).toMatchObject({ value: 3.1, updatedBy: '王评估' });
    expect(at('dazhou')).toMatchObject({ value: 4.4, version: 1 });
  });

  it('lists cells both changed side by side and resolves each: keep mine, take theirs, take the newer', async () => {
    const { a, b } = await twoLaptops();
    // Both change all three; A at 8:xx first, then B later (the clock moves on).
    await saveValues(
      a,
      [
        value('dazhou', B, 2016, 4.5, 1),
        value('tongchuan', B, 2016, 3.8, 1),
        value('dachuan', B, 2016, 3.6, 1),
      ],
      A(),
    );
    await saveValues(
      b,
      [
        value('dazhou', B, 2016, 4.7, 1),
        value('tongchuan', B, 2016, 4.1, 1),
        value('dachuan', B, 2016, 3.7, 1),
      ],
      Bctx(),
    );
    const preview = await previewMerge(
      a,
      await prepared(a, await exportFrom(b, COMPLETE_SCOPE, '李评估')),
    );
    expect(
      preview.conflicts.map((c) => [
        c.theirs.unitKey,
        (c.mine.payload as { value: number }).value,
        c.mine.by,
        (c.theirs.payload as { value: number }).value,
        c.theirs.by,
      ]),
    ).toEqual([
      [`dazhou|dachuan|${B}|2016`, 3.6, '王评估', 3.7, '李评估'],
      [`dazhou|dazhou|${B}|2016`, 4.5, '王评估', 4.7, '李评估'],
      [`dazhou|tongchuan|${B}|2016`, 3.8, '王评估', 4.1, '李评估'],
    ]);
    const choice = { dazhou: 'mine', tongchuan: 'theirs', dachuan: 'newer' } as const;
    const summary = await applyMerge(
      a,
      preview,
      (c) => choice[c.theirs.unitKey.split('|')[1] as keyof typeof choice],
      { by: '王评估', storage: null, now: clock },
    );
    expect(summary).toMatchObject({ conflictsKept: 1, conflictsTaken: 2 });
    const values = await listValues(a, 'dazhou', { itemId: B });
    const at = (regionId: string) => values.find((v) => v.regionId === regionId);
    expect(at('dazhou')).toMatchObject({ value: 4.5, updatedBy: '王评估', version: 2 });
    // Taken over: theirs, with a version above both (2 and 2).
    expect(at('tongchuan')).toMatchObject({ value: 4.1, updatedBy: '李评估', version: 3 });
    // B wrote later than A: the newer is theirs.
    expect(at('dachuan')).toMatchObject({ value: 3.7, updatedBy: '李评估', version: 3 });
    // The history holds both laptops' changes and the import, newest first.
    const history = await valueHistory(a, {
      planId: 'dazhou',
      itemId: B,
      regionId: 'tongchuan',
      year: 2016,
    });
    expect(
      history.map((h) => [
        h.action,
        h.before?.value ?? null,
        h.after?.value ?? null,
        h.by,
        h.isImported,
      ]),
    ).toEqual([
      ['merge', 3.8, 4.1, '王评估', false],
      ['save', 3.9, 4.1, '李评估', true],
      ['save', 3.9, 3.8, '王评估', false],
      ['save', null, 3.9, '王评估', false],
    ]);
  });

  it('sends the decision back: after A kept its value, B takes A’s without a conflict', async () => {
    const { a, b } = await twoLaptops();
    await saveValues(a, [value('dazhou', B, 2016, 4.5, 1)], A());
    await saveValues(b, [value('dazhou', B, 2016, 4.7, 1)], Bctx());
    const toA = await previewMerge(a, await prepared(a, await exportFrom(b)));
    await applyMerge(a, toA, () => 'mine', { by: '王评估', storage: null, now: clock });
    // When B imports A's file (which now holds B's change in its history)
    const toB = await previewMerge(b, await prepared(b, await exportFrom(a)));
    expect(toB.conflicts).toEqual([]);
    await applyMerge(b, toB, () => 'theirs', { by: '李评估', storage: null, now: clock });
    expect(await listValues(b, 'dazhou', { regionId: 'dazhou', itemId: B })).toMatchObject([
      { value: 4.5 },
    ]);
  });

  it('treats a value cleared on one laptop and changed on the other as a conflict', async () => {
    const { a, b } = await twoLaptops();
    await saveValues(a, [value('dachuan', B, 2016, null, 1)], A());
    await saveValues(b, [value('dachuan', B, 2016, 3.6, 1)], Bctx());
    const preview = await previewMerge(a, await prepared(a, await exportFrom(b)));
    expect(preview.conflicts).toHaveLength(1);
    expect(preview.conflicts[0]?.mine.isDeleted).toBe(true);
  });

  it('merges judgements: a withdrawal made there is taken over, a change both made is a conflict', async () => {
    const { a, b } = await twoLaptops();
    const key = { planId: 'dazhou', itemId: B, regionId: 'dazhou', asOfYear: 2018 };
    await clearJudgement(b, key, '李评估', '数据已补齐', 1);
    const preview = await previewMerge(a, await prepared(a, await exportFrom(b)));
    expect(preview.conflicts).toEqual([]);
    await applyMerge(a, preview, () => 'mine', { by: '王评估', storage: null, now: clock });
    expect(await listJudgements(a, 'dazhou', 'dazhou', 2018)).toEqual([]);
    const history = await judgementHistory(a, key);
    expect(history.map((h) => [h.action, h.by])).toEqual([
      ['delete', '王评估'],
      ['delete', '李评估'],
      ['create', '王评估'],
    ]);
  });

  it('lists a region renamed differently on each laptop, and takes theirs with a new version', async () => {
    const { a, b } = await twoLaptops();
    await updateRegion(a, 'dazhou:dazhou', { name: '达州市（全市）' }, '王评估');
    await updateRegion(b, 'dazhou:dazhou', { name: '达州市全域' }, '李评估');
    const preview = await previewMerge(a, await prepared(a, await exportFrom(b)));
    expect(
      preview.conflicts.map((c) => [
        c.table,
        (c.mine.payload as { name: string }).name,
        (c.theirs.payload as { name: string }).name,
      ]),
    ).toEqual([['regions', '达州市（全市）', '达州市全域']]);
    await applyMerge(a, preview, () => 'theirs', { by: '王评估', storage: null, now: clock });
    expect(await a.regions.get('dazhou:dazhou')).toMatchObject({
      name: '达州市全域',
      version: 3,
      role: 'plan-area',
    });
  });

  it('refuses a region both laptops added under the same name, naming both ids, and writes nothing', async () => {
    const { a, b } = await twoLaptops();
    await addRegion(a, 'dazhou', '高新区', 'district', '王评估');
    await addRegion(b, 'dazhou', '高新区', 'district', '李评估');
    const before = await snapshot(a);
    const preview = await previewMerge(a, await prepared(a, await exportFrom(b)));
    expect(preview.refusals).toHaveLength(1);
    expect(preview.refusals[0]).toMatch(
      /^区域“高新区”：文件中的（编号 user-\w+）与本机的（编号 user-\w+）不是同一个区域/,
    );
    await expect(
      applyMerge(a, preview, () => 'mine', { by: '王评估', storage: null, now: clock }),
    ).rejects.toThrow('不是同一个区域');
    expect(await snapshot(a)).toEqual(before);
  });

  it('exports one plan, one region and a range of years, with only their history', async () => {
    const { a } = await twoLaptops();
    await saveValues(
      a,
      [
        value('tongchuan', B, 2017, 4.2),
        value('tongchuan', B, 2019, 4.6),
        value('tongchuan', R, 2017, 95),
      ],
      A(),
    );
    const text = await exportFrom(a, {
      isComplete: false,
      planId: 'dazhou',
      regionId: 'tongchuan',
      fromYear: 2016,
      toYear: 2018,
      kinds: ['values'],
    });
    const file = await prepared(laptop(), text);
    const series = file.content.tables.series as Array<{
      regionId: string;
      itemId: string;
      cells: Record<string, unknown>;
    }>;
    expect(series.map((s) => [s.regionId, s.itemId, Object.keys(s.cells)])).toEqual([
      ['tongchuan', R, ['2017']],
      ['tongchuan', B, ['2016', '2017']],
    ]);
    expect(file.content.tables.judgements).toBeUndefined();
    expect(file.content.tables.settings).toBeUndefined();
    expect((file.content.tables.regions as Array<{ key: string }>).map((r) => r.key)).toEqual([
      'dazhou:tongchuan',
    ]);
    // The history of exactly those series within the years: 2016's first save, and the later
    // action's row for each of the two series, cut to the years in the file (the row touched
    // 2017 and 2019; 2019's change is not in the file, so its history must not be either).
    const audit = file.content.tables.auditLog as Array<{
      key: string;
      changes: Array<{ year: number }>;
    }>;
    expect(audit.map((r) => [r.key, r.changes.map((c) => c.year)])).toEqual([
      [`dazhou|tongchuan|${B}`, [2016]],
      [`dazhou|tongchuan|${B}`, [2017]],
      [`dazhou|tongchuan|${R}`, [2017]],
    ]);
    // A part of the data restores nothing.
    await expect(
      restoreFile(laptop(), file, { by: '王评估', storage: null, now: clock }),
    ).rejects.toThrow('只包含部分数据');
  });

  it('refuses sample data into the user’s data set and the other way round', async () => {
    const demo = openDatabase(`exchange-test-${Date.now()}-demo`);
    opened.push(demo);
    const user = laptop();
    const result = await prepareImport(user, asFile(await exportFrom(demo)), {
      builtinPlans: plans,
    });
    expect(result).toEqual({
      ok: false,
      errors: ['这是“示例数据”导出的文件，不能导入“我的数据”：示例数据与您的数据从不混在一起'],
    });
  });
});

describe('merge: files limited to some years', () => {
  // Found by a hostile test: a file of 2017 alone carried A's history row of a paste over 2016
  // and 2017; B took it in, so a later full file of A's looked older than B's stale 2016 value,
  // which was kept without a word (A's 2016 change lost for good).
  it('a later full file still brings the other year of a change made in one action', async () => {
    const a = laptop();
    await ensureRegions(a, dazhou);
    const T = 'tongchuan';
    await saveValues(a, [value(T, B, 2016, 3.9), value(T, B, 2017, 4.0)], A());
    const b = laptop();
    await restoreFile(b, await prepared(b, await exportFrom(a)), { by: '李评估', storage: null });
    // A changes both years in one action (a paste).
    await saveValues(a, [value(T, B, 2016, 4.1, 1), value(T, B, 2017, 4.2, 1)], A());
    const only2017: ExchangeScope = {
      isComplete: false,
      planId: 'dazhou',
      regionId: T,
      fromYear: 2017,
      toYear: 2017,
      kinds: ['values'],
    };
    const part = await previewMerge(b, await prepared(b, await exportFrom(a, only2017)));
    await applyMerge(b, part, () => 'theirs', { by: '李评估', storage: null, now: clock });
    const afterPart = await listValues(b, 'dazhou', { itemId: B, regionId: T });
    expect(afterPart.map((v) => [v.year, v.value])).toEqual([
      [2016, 3.9],
      [2017, 4.2],
    ]);
    // Later A sends everything: B must end with A's 2016 too (taken over, or at worst asked).
    const full = await previewMerge(b, await prepared(b, await exportFrom(a)));
    await applyMerge(b, full, () => 'theirs', { by: '李评估', storage: null, now: clock });
    const afterFull = await listValues(b, 'dazhou', { itemId: B, regionId: T });
    expect(afterFull.map((v) => [v.year, v.value])).toEqual([
      [2016, 4.1],
      [2017, 4.2],
    ]);
  });
});

describe('restore', () => {
  it('puts everything back into an empty database, and the same bytes come out again', async () => {
    const { a } = await twoLaptops();
    await writeSetting(a, 'evaluatorName', '王评估');
    await addRegion(a, 'dazhou', '高新区', 'district', '王评估');
    const undone = await saveValues(a, [value('quxian', B, 2017, 3.3)], A());
    await undoAction(a, undone.actionId as string, A());
    const original = await exportExchange(a, COMPLETE_SCOPE, {
      appVersion: '0.1.0',
      exportedBy: '王评估',
      now: new Date('2026-12-03T08:00:00Z'),
    });
    // When the data is gone (a new browser profile) and the backup is restored
    const empty = laptop();
    const counts = await restoreFile(empty, await prepared(empty, original.text), {
      by: '王评估',
      storage: null,
    });
    // Three values (the undone one is a cleared cell); history: 3 saves and the judgement (from
    // twoLaptops), the region, the save and its undo.
    expect(counts).toEqual({
      values: 3,
      judgements: 1,
      regions: 1,
      plans: 0,
      narratives: 0,
      snapshots: 0,
      implementation: 0,
      surveys: 0,
      history: 7,
    });
    // Then every table is deep-equal (the import log aside), and an export gives the same bytes
    const tables = async (db: AppDatabase) => {
      const all = await snapshot(db);
      delete all.exchanges;
      return all;
    };
    expect(await tables(empty)).toEqual(await tables(a));
    const again = await exportExchange(empty, COMPLETE_SCOPE, {
      appVersion: '0.1.0',
      exportedBy: '王评估',
      now: new Date('2026-12-03T08:00:00Z'),
    });
    expect(again.text).toBe(original.text);
    expect(await empty.exchanges.toArray()).toMatchObject([
      { kind: 'restore', fileName: '数据.json' },
    ]);
  });

  it('replaces the current data, keeps this laptop’s own evaluator name, and undo still works after', async () => {
    const { a, b } = await twoLaptops();
    await writeSetting(a, 'evaluatorName', '王评估');
    await writeSetting(b, 'evaluatorName', '李评估');
    await saveValues(b, [value('xuanhan', B, 2016, 3.2)], Bctx());
    await restoreFile(b, await prepared(b, await exportFrom(a)), {
      by: '李评估',
      storage: null,
      now: clock,
    });
    expect(await listValues(b, 'dazhou', { regionId: 'xuanhan' })).toEqual([]);
    expect(await b.settings.get('evaluatorName')).toEqual({
      key: 'evaluatorName',
      value: '李评估',
    });
    expect(await countData(b)).toEqual(await countData(a));
  });

  it('restores a backup made before exchange files (format 2, schema v2) through the upgrades', async () => {
    const { readFileSync } = await import('node:fs');
    const v2 = JSON.parse(readFileSync('test/fixtures/v2-database.json', 'utf8')) as {
      tables: Record<string, unknown[]>;
    };
    const legacy = JSON.stringify({
      format: 'gongfu-monitor-backup',
      version: 2,
      exportedAt: '2026-12-01T09:00:00.000Z',
      database: 'gongfu-monitor',
      schemaVersion: 2,
      tables: v2.tables,
    });
    const db = laptop();
    const file = await prepared(db, legacy);
    expect(file.warnings).toEqual(['这是旧版的备份文件，没有校验和，无法确认文件在导出后未被改动']);
    expect(file.fromSchemaVersion).toBe(2);
    await restoreFile(db, file, { by: '王评估', storage: null, now: clock });
    expect(await listValues(db, 'dazhou')).toHaveLength(7);
    expect((await db.auditLog.toArray()).every((r) => r.auditId === `${r.actionId}:${r.key}`)).toBe(
      true,
    );
    // No scratch database is left behind.
    expect(
      (await Dexie.getDatabaseNames()).filter((n) => n.startsWith('gongfu-monitor-upgrade-')),
    ).toEqual([]);
  });
});

describe('faults: all or nothing', () => {
  it('leaves the database exactly as before when the import fails at its 3rd record', async () => {
    const { a, b } = await twoLaptops();
    await saveValues(
      b,
      [
        value('xuanhan', B, 2016, 3.2),
        value('kaijiang', B, 2016, 3.0),
        value('dazhu', B, 2016, 2.9),
        value('quxian', B, 2016, 3.4),
      ],
      Bctx(),
    );
    const preview = await previewMerge(a, await prepared(a, await exportFrom(b)));
    const before = await snapshot(a);
    let written = 0;
    a.series.hook('creating', () => {
      if (++written === 3) throw new Error('第3条写入失败（测试）');
    });
    const storage = memoryStorage();
    await expect(applyMerge(a, preview, () => 'mine', { by: '王评估', storage })).rejects.toThrow(
      '第3条写入失败',
    );
    expect(written).toBe(3);
    expect(await snapshot(a)).toEqual(before);
    expect(storage.items.size).toBe(0);
  });

  it('says plainly that the disk is full, and loses nothing, on a QuotaExceededError', async () => {
    const { a, b } = await twoLaptops();
    await saveValues(b, [value('xuanhan', B, 2016, 3.2)], Bctx());
    const preview = await previewMerge(a, await prepared(a, await exportFrom(b)));
    const before = await snapshot(a);
    a.auditLog.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await applyMerge(a, preview, () => 'mine', {
      by: '王评估',
      storage: null,
      now: clock,
    }).catch((e: unknown) => e);
    expect(describeImportFailure(error)).toBe(
      '存储空间不足：浏览器拒绝写入更多数据。本次没有写入任何内容，原有数据不变。请释放磁盘空间（或在“设置”中请求持久保存）后重试。',
    );
    expect(await snapshot(a)).toEqual(before);
  });

  it('leaves the data as it was when a restore fails midway, after clearing the tables in the same transaction', async () => {
    const { a, b } = await twoLaptops();
    await saveValues(a, [value('xuanhan', B, 2016, 3.2)], A());
    const before = await snapshot(a);
    const file = await prepared(a, await exportFrom(b));
    await expect(
      restoreFile(a, file, {
        by: '王评估',
        storage: null,
        onWriteStart: () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        },
      }),
    ).rejects.toThrow();
    expect(await snapshot(a)).toEqual(before);
  });

  it('refuses to write when the data changed after the preview (another tab), naming why', async () => {
    const { a, b } = await twoLaptops();
    await saveValues(b, [value('xuanhan', B, 2016, 3.2)], Bctx());
    const preview = await previewMerge(a, await prepared(a, await exportFrom(b)));
    await saveValues(a, [value('xuanhan', B, 2016, 3.0)], A());
    const before = await snapshot(a);
    await expect(
      applyMerge(a, preview, () => 'mine', { by: '王评估', storage: null, now: clock }),
    ).rejects.toBeInstanceOf(StaleImportError);
    expect(await snapshot(a)).toEqual(before);
  });

  it('keeps a marker while the import runs, so a reload can tell whether it committed', async () => {
    const { a, b } = await twoLaptops();
    await saveValues(b, [value('xuanhan', B, 2016, 3.2)], Bctx());
    const preview = await previewMerge(a, await prepared(a, await exportFrom(b), 'B.json'));
    const storage = memoryStorage();
    let seen: ReturnType<typeof readPending> = null;
    await applyMerge(a, preview, () => 'mine', {
      by: '王评估',
      storage,
      onWriteStart: () => {
        seen = readPending(storage, a.name);
      },
    });
    expect(seen).toMatchObject({ kind: 'merge', fileName: 'B.json' });
    expect(readPending(storage, a.name)).toBeNull();
    const done = await a.exchanges.get((seen as unknown as { actionId: string }).actionId);
    expect(done).toMatchObject({ kind: 'merge', by: '王评估', summary: { added: 1 } });
  });
});
