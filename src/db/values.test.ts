import { afterEach, describe, expect, it } from 'vitest';
import { valueRuleFor } from '../domain/observations/value-rules';
import { ActionHistory } from './action-history';
import { watchChanges, type DataChange } from './changes';
import { openDatabase, type AppDatabase } from './database';
import { ConflictError, UndoRefusedError, ValidationError } from './errors';
import {
  listValues,
  saveValues,
  undoAction,
  valueHistory,
  type ValueInput,
  type WriteContext,
} from './values';

const opened: AppDatabase[] = [];
let counter = 0;
function freshDb(): AppDatabase {
  const db = openDatabase(`values-test-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const items: Record<string, { name: string; unit: string | null }> = {
  rate: { name: '九年义务教育巩固率', unit: '%' },
  beds: { name: '每千人口床位数', unit: '张' },
  preschool: { name: '学前三年毛入学率', unit: '%' },
  ratio: { name: '出生人口性别比', unit: null },
};
const rules = new Map(Object.entries(items).map(([id, item]) => [id, valueRuleFor(item)]));
let clock = 0;
const ctxOf = (by: string): WriteContext => ({
  by,
  baseYear: 2015,
  endYear: 2020,
  itemIds: new Set(Object.keys(items)),
  ruleOf: (id) => rules.get(id),
  now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)),
});
const ctx = ctxOf('张评估');

const input = (over: Partial<ValueInput> = {}): ValueInput => ({
  planId: 'p',
  itemId: 'rate',
  regionId: 'r1',
  year: 2016,
  value: 96.98,
  text: '96.98%',
  ...over,
});
const cell = { planId: 'p', itemId: 'rate', regionId: 'r1', year: 2016 };

/** The stored value of one cell, as a page reads it (undefined: none). */
async function valueAt(db: AppDatabase, over: Partial<typeof cell> = {}) {
  const c = { ...cell, ...over };
  const rows = await listValues(db, c.planId, { regionId: c.regionId, itemId: c.itemId });
  return rows.find((r) => r.year === c.year);
}

describe('saveValues', () => {
  it('stores a value with its typed text, author, time and version 1, and audits it', async () => {
    const db = freshDb();
    const result = await saveValues(db, [input()], ctx);
    expect(result).toMatchObject({ written: 1, unchanged: 0 });
    expect(result.actionId).toEqual(expect.any(String));
    expect(await valueAt(db)).toMatchObject({
      value: 96.98,
      text: '96.98%',
      dataStatus: 'preliminary',
      updatedBy: '张评估',
      version: 1,
    });
    const history = await valueHistory(db, cell);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'save', before: null, by: '张评估' });
    expect(history[0]?.after?.value).toBe(96.98);
  });

  it('records old → new, counts versions, and keeps note, source and status', async () => {
    const db = freshDb();
    await saveValues(
      db,
      [input({ note: '统计公报', source: '市教育局', dataStatus: 'final' })],
      ctx,
    );
    await saveValues(db, [input({ value: 97.1, text: '97.1', expectedVersion: 1 })], ctx);
    const history = await valueHistory(db, cell);
    expect(history.map((h) => [h.before?.value ?? null, h.after?.value])).toEqual([
      [96.98, 97.1],
      [null, 96.98],
    ]);
    expect(await valueAt(db)).toMatchObject({
      value: 97.1,
      version: 2,
      note: '统计公报',
      source: '市教育局',
      dataStatus: 'final',
    });
  });

  it('adds nothing to the history when the same value is saved again', async () => {
    const db = freshDb();
    await saveValues(db, [input()], ctx);
    const again = await saveValues(db, [input({ expectedVersion: 1 })], ctx);
    expect(again).toMatchObject({ actionId: null, written: 0, unchanged: 1 });
    expect(await db.auditLog.count()).toBe(1);
  });

  it('writes one record per series and one audit row per series for a block of values', async () => {
    const db = freshDb();
    // A 2 × 3 block: two items of one region, three years each.
    await saveValues(
      db,
      [2016, 2017, 2018].flatMap((year) => [
        input({ year, value: 90 + year - 2016, text: String(90 + year - 2016) }),
        input({ itemId: 'beds', year, value: 5, text: '5' }),
      ]),
      ctx,
    );
    expect(await db.series.count()).toBe(2);
    const audit = await db.auditLog.toArray();
    expect(audit).toHaveLength(2);
    expect(new Set(audit.map((a) => a.actionId)).size).toBe(1);
    expect(audit.map((a) => a.entity === 'series' && a.changes.map((c) => c.year))).toEqual([
      [2016, 2017, 2018],
      [2016, 2017, 2018],
    ]);
  });

  it('writes nothing at all when one input of a batch is invalid', async () => {
    const db = freshDb();
    const batch = [input(), input({ itemId: 'beds', value: -3, text: '-3' })];
    await expect(saveValues(db, batch, ctx)).rejects.toThrow('不能为负数');
    expect(await db.series.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('refuses a percentage above 100, a year outside the plan, an unknown item, a cell given twice', async () => {
    const db = freshDb();
    await expect(saveValues(db, [input({ value: 101 })], ctx)).rejects.toThrow(
      '百分比应在0—100之间（“101”）',
    );
    await expect(saveValues(db, [input({ year: 2021 })], ctx)).rejects.toThrow(
      '年份2021不在2015—2020年之间',
    );
    await expect(saveValues(db, [input({ itemId: 'nope' })], ctx)).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(saveValues(db, [input(), input({ value: 97 })], ctx)).rejects.toThrow(
      '出现了两次',
    );
    expect(await db.series.count()).toBe(0);
  });

  it('refuses web page code and overlong text in a note or source, as an import would, writing nothing', async () => {
    const db = freshDb();
    await expect(
      saveValues(db, [input({ note: '见<script>alert(1)</script>' })], ctx),
    ).rejects.toThrow('备注中有网页代码“<script”，不像是录入的内容');
    await expect(saveValues(db, [input({ source: 'javascript:alert(1)' })], ctx)).rejects.toThrow(
      '来源中有网页链接代码“javascript:”',
    );
    await expect(saveValues(db, [input({ note: '注'.repeat(10_000) })], ctx)).rejects.toThrow(
      '备注过长（10000字，最多2000字）',
    );
    expect(await db.series.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('accepts a small number that JavaScript writes with an exponent (1e-7)', async () => {
    const db = freshDb();
    await saveValues(db, [input({ value: 1e-7, text: '0.0000001' })], ctx);
    expect(await valueAt(db)).toMatchObject({ value: 1e-7, text: '0.0000001' });
  });

  it('checks values with the cell’s rules: a gross enrolment above 100% is stored, a share is not', async () => {
    const db = freshDb();
    await saveValues(db, [input({ itemId: 'preschool', value: 103.5, text: '103.5' })], ctx);
    expect((await valueAt(db, { itemId: 'preschool' }))?.value).toBe(103.5);
    await expect(saveValues(db, [input({ value: 150, text: '150' })], ctx)).rejects.toThrow(
      '百分比应在0—100之间（“150”）',
    );
    await expect(
      saveValues(db, [input({ itemId: 'beds', value: 1e21, text: '1e21' })], ctx),
    ).rejects.toThrow('超出数值范围');
    await expect(
      saveValues(db, [input({ itemId: 'beds', value: Number.NaN, text: 'NaN' })], ctx),
    ).rejects.toThrow('不是有效的数值');
    expect(await listValues(db, 'p', { itemId: 'rate' })).toEqual([]);
  });

  it('requires a reason to revise the base-year value, and keeps it', async () => {
    const db = freshDb();
    await expect(saveValues(db, [input({ year: 2015 })], ctx)).rejects.toThrow(
      '修订基期值必须填写原因',
    );
    await saveValues(db, [input({ year: 2015, reason: '统计口径调整' })], ctx);
    const [entry] = await valueHistory(db, { ...cell, year: 2015 });
    expect(entry?.reason).toBe('统计口径调整');
  });

  it('takes a county’s own 2015 value without a reason: only the plan area revises the printed baseline', async () => {
    const db = freshDb();
    const withArea: WriteContext = { ...ctx, planAreaId: 'area' };
    await saveValues(
      db,
      [input({ regionId: 'county', year: 2015, value: 95.5, text: '95.5' })],
      withArea,
    );
    expect((await valueAt(db, { regionId: 'county', year: 2015 }))?.value).toBe(95.5);
    await expect(
      saveValues(db, [input({ regionId: 'area', year: 2015, value: 97, text: '97' })], withArea),
    ).rejects.toThrow('修订基期值必须填写原因');
  });

  it('clears a value as a tombstone: the page no longer sees it, its version and author stay', async () => {
    const db = freshDb();
    await saveValues(db, [input()], ctx);
    await saveValues(db, [input({ value: null, expectedVersion: 1 })], ctxOf('李四'));
    expect(await valueAt(db)).toBeUndefined();
    const stored = await db.series.get(['p', 'r1', 'rate']);
    expect(stored?.cells[2016]).toMatchObject({ value: null, version: 2, updatedBy: '李四' });
    const [entry] = await valueHistory(db, cell);
    expect(entry).toMatchObject({ before: { value: 96.98 }, after: { value: null } });
    // A cleared cell reads as "no value": writing again states version 0, and versions go on.
    await saveValues(db, [input({ value: 97, text: '97' })], ctx);
    expect(await valueAt(db)).toMatchObject({ value: 97, version: 3 });
  });
});

describe('saveValues: concurrent edits', () => {
  it('refuses to replace a value the writer never saw, naming the stored value, who and when', async () => {
    const db = freshDb();
    // Given two tabs that both saw the cell empty (version 0); the first saves 89.5
    await saveValues(db, [input({ value: 89.5, text: '89.5' })], ctxOf('李四'));
    // When the second saves its own entry, with a new value elsewhere in the same action
    const mine = [input({ value: 90, text: '90' }), input({ year: 2017, value: 91, text: '91' })];
    const error = await saveValues(db, mine, ctxOf('张三')).catch((e: unknown) => e);
    // Then nothing of it is written, and the conflict says what is stored
    expect(error).toBeInstanceOf(ConflictError);
    const conflicts = (error as ConflictError).conflicts;
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      ...cell,
      expectedVersion: 0,
      currentVersion: 1,
      current: { value: 89.5 },
      changedBy: '李四',
    });
    expect(conflicts[0]?.changedAt).toMatch(/^2026-01-01T/);
    expect(await valueAt(db)).toMatchObject({ value: 89.5, version: 1 });
    expect(await valueAt(db, { year: 2017 })).toBeUndefined();
    expect(await db.auditLog.count()).toBe(1);

    // Writing mine after seeing theirs states their version, and succeeds
    await saveValues(
      db,
      mine.map((m) => ({ ...m, expectedVersion: m.year === 2016 ? 1 : 0 })),
      ctx,
    );
    expect(await valueAt(db)).toMatchObject({ value: 90, version: 2 });
  });

  it('writes an imported return as one action naming the file, or nothing when a cell changed since the preview', async () => {
    const db = freshDb();
    await saveValues(db, [input({ itemId: 'beds', value: 4.4, text: '4.4' })], ctxOf('李四'));
    // The preview saw beds 2016 at version 1 and rate 2016/2017 empty.
    const file = (over: Partial<ValueInput>) => input({ source: '市卫健委.xlsx', ...over });
    const seen = [
      file({ itemId: 'beds', value: 4.6, text: '4.6', expectedVersion: 1 }),
      file({ value: 96, text: '96', expectedVersion: 0 }),
      file({ year: 2017, value: 97, text: '97', expectedVersion: 0 }),
    ];
    // Meanwhile another tab types rate 2017: the whole import is refused, that cell named.
    await saveValues(db, [input({ year: 2017, value: 90, text: '90' })], ctxOf('王五'));
    const error = await saveValues(db, seen, ctx, { reason: '导入：市卫健委.xlsx' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).conflicts.map((c) => [c.itemId, c.year, c.changedBy])).toEqual([
      ['rate', 2017, '王五'],
    ]);
    expect(await valueAt(db, { itemId: 'beds' })).toMatchObject({ value: 4.4, version: 1 });
    expect(await valueAt(db)).toBeUndefined();

    // Read again (rate 2017 now at version 1): one action, every row naming the file.
    const result = await saveValues(
      db,
      seen.map((s) => (s.year === 2017 ? { ...s, expectedVersion: 1 } : s)),
      ctx,
      { reason: '导入：市卫健委.xlsx' },
    );
    expect(result.written).toBe(3);
    const rows = await db.auditLog
      .where('actionId')
      .equals(result.actionId as string)
      .toArray();
    expect(rows.map((r) => r.reason)).toEqual(['导入：市卫健委.xlsx', '导入：市卫健委.xlsx']);
    expect(await valueAt(db, { itemId: 'beds' })).toMatchObject({
      value: 4.6,
      source: '市卫健委.xlsx',
      version: 2,
    });
    const history = await valueHistory(db, { ...cell, year: 2017 });
    expect(history[0]).toMatchObject({ reason: '导入：市卫健委.xlsx', by: '张评估' });
  });

  it('refuses to write over a value cleared meanwhile, naming who cleared it', async () => {
    const db = freshDb();
    await saveValues(db, [input()], ctx);
    await saveValues(db, [input({ value: null, expectedVersion: 1 })], ctxOf('李四'));
    const error = await saveValues(db, [input({ value: 97, text: '97', expectedVersion: 1 })], ctx)
      .then(() => null)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).conflicts[0]).toMatchObject({
      current: null,
      currentVersion: 0,
      changedBy: '李四',
    });
  });

  it('is no conflict when both wrote the same value', async () => {
    const db = freshDb();
    await saveValues(db, [input({ value: 89.5, text: '89.5' })], ctxOf('李四'));
    const result = await saveValues(db, [input({ value: 89.5, text: '89.5' })], ctx);
    expect(result).toMatchObject({ written: 0, unchanged: 1 });
  });

  it('tells other tabs which plan and series changed, once per write', async () => {
    const db = freshDb();
    const other = new BroadcastChannel(`${db.name}:changes`);
    const received: DataChange[] = [];
    const local: DataChange[] = [];
    other.onmessage = (event: MessageEvent<DataChange>) => received.push(event.data);
    const stop = watchChanges(db.name, (change, origin) => {
      if (origin === 'local') local.push(change);
    });
    await saveValues(db, [input(), input({ regionId: 'r2' })], ctx);
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toEqual({
      kind: 'values',
      planId: 'p',
      seriesKeys: ['p|r1|rate', 'p|r2|rate'],
    });
    expect(local).toEqual(received);
    stop();
    other.close();
  });
});

describe('saveValues: a write that names a whole region', () => {
  // From 16 series of one region in a write, the stored ones are read by key range (one request
  // per region) instead of one by one: versions, conflicts and other regions must not notice.
  const many = Array.from({ length: 20 }, (_, i) => `item${i}`);
  const wide: WriteContext = {
    ...ctx,
    itemIds: new Set(many),
    ruleOf: () => rules.get('rate'),
  };
  const all = (over: Partial<ValueInput>) =>
    many.map((itemId) => input({ itemId, text: undefined, ...over }));

  it('updates every stored series of the region, creates the new ones, and leaves its neighbours', async () => {
    // Given 20 series in r1 and in r2 of plan p, and in r1 of plan q, each with 2016 = 50
    const db = freshDb();
    await saveValues(
      db,
      [
        ...all({ value: 50 }),
        ...all({ regionId: 'r2', value: 50 }),
        ...all({ planId: 'q', value: 50 }),
      ],
      wide,
    );
    // When one write changes r1's 2016 values (seen at version 1), adds 2017, and one r2 value
    await saveValues(
      db,
      [
        ...all({ value: 60, expectedVersion: 1 }),
        ...all({ year: 2017, value: 61 }),
        input({ regionId: 'r2', itemId: 'item3', year: 2018, value: 70 }),
      ],
      wide,
    );
    // Then r1 has 60 at version 2 and 61 at version 1 in every series
    const r1 = await listValues(db, 'p', { regionId: 'r1' });
    expect(r1).toHaveLength(40);
    for (const itemId of many) {
      const byYear = r1.filter((r) => r.itemId === itemId);
      expect(byYear.map((r) => [r.year, r.value, r.version])).toEqual([
        [2016, 60, 2],
        [2017, 61, 1],
      ]);
    }
    // and r2 and plan q kept their 50s; r2 gained its one 2018 value
    const r2 = await listValues(db, 'p', { regionId: 'r2' });
    expect(r2.filter((r) => r.year === 2016).every((r) => r.value === 50 && r.version === 1)).toBe(
      true,
    );
    expect(r2.filter((r) => r.year === 2018).map((r) => [r.itemId, r.value])).toEqual([
      ['item3', 70],
    ]);
    const q = await listValues(db, 'q');
    expect(q.map((r) => r.value)).toEqual(many.map(() => 50));
  });

  it('still refuses a series changed since it was read, and writes none of the region', async () => {
    const db = freshDb();
    await saveValues(db, all({ value: 50 }), wide);
    // Given item7's 2016 value changed by someone else (version 2)
    await saveValues(db, [input({ itemId: 'item7', value: 55, expectedVersion: 1 })], {
      ...wide,
      by: '李四',
    });
    // When a write of the whole region states version 1 for every series
    const error = await saveValues(db, all({ value: 60, expectedVersion: 1 }), wide).catch(
      (e: unknown) => e,
    );
    // Then it is refused naming item7 only, and no value of the region changed
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).conflicts.map((c) => [c.itemId, c.currentVersion])).toEqual([
      ['item7', 2],
    ]);
    const stored = await listValues(db, 'p', { regionId: 'r1' });
    expect(stored.filter((r) => r.value === 60)).toEqual([]);
  });
});

describe('listValues', () => {
  it('reads a plan’s values for the whole plan, one region, one item or one series', async () => {
    const db = freshDb();
    await saveValues(
      db,
      [
        input(),
        input({ year: 2017, value: 97, text: '97' }),
        input({ regionId: 'r2' }),
        input({ itemId: 'beds', value: 5, text: '5' }),
        input({ planId: 'q' }),
      ],
      ctx,
    );
    const cells = (rows: Awaited<ReturnType<typeof listValues>>) =>
      rows.map((r) => `${r.regionId} ${r.itemId} ${r.year}`).sort();
    expect(cells(await listValues(db, 'p'))).toEqual([
      'r1 beds 2016',
      'r1 rate 2016',
      'r1 rate 2017',
      'r2 rate 2016',
    ]);
    expect(cells(await listValues(db, 'p', { regionId: 'r1' }))).toEqual([
      'r1 beds 2016',
      'r1 rate 2016',
      'r1 rate 2017',
    ]);
    expect(cells(await listValues(db, 'p', { itemId: 'rate' }))).toEqual([
      'r1 rate 2016',
      'r1 rate 2017',
      'r2 rate 2016',
    ]);
    expect(cells(await listValues(db, 'p', { regionId: 'r2', itemId: 'rate' }))).toEqual([
      'r2 rate 2016',
    ]);
    expect(await listValues(db, 'nope')).toEqual([]);
  });
});

describe('undoAction', () => {
  const regions = ['dazhou', 'tongchuan', 'dachuan', 'xuanhan', 'kaijiang', 'dazhu', 'quxian'];

  it('reverts a whole pasted column in every region, but refuses when a cell changed since (finding 1)', async () => {
    const db = freshDb();
    const history = new ActionHistory();
    // Given 90 … 96 pasted down the seven regions at 2016
    const paste = await saveValues(
      db,
      regions.map((regionId, i) => input({ regionId, value: 90 + i, text: String(90 + i) })),
      ctx,
    );
    history.record(paste.actionId as string, paste.cells);
    // and 通川区 typed over afterwards
    const typed = await saveValues(
      db,
      [input({ regionId: 'tongchuan', value: 80, text: '80', expectedVersion: 1 })],
      ctx,
    );
    history.record(typed.actionId as string, typed.cells);

    // When 达州市's last action is undone, it is the paste
    const last = history.latest({ planId: 'p', regionId: 'dazhou' });
    expect(last?.actionId).toBe(paste.actionId);
    const error = await undoAction(db, last?.actionId as string, ctx).catch((e: unknown) => e);
    // Then it is refused, naming 通川区 2016 as it is now, and nothing changes
    expect(error).toBeInstanceOf(UndoRefusedError);
    expect((error as UndoRefusedError).changed).toMatchObject([
      { regionId: 'tongchuan', year: 2016, current: { value: 80 }, changedBy: '张评估' },
    ]);
    expect((await valueAt(db, { regionId: 'tongchuan' }))?.value).toBe(80);
    expect((await valueAt(db, { regionId: 'dazhou' }))?.value).toBe(90);

    // 通川区's own last action is the typed 80: undoing it brings back the pasted 91
    expect(history.latest({ planId: 'p', regionId: 'tongchuan' })?.actionId).toBe(typed.actionId);
    await undoAction(db, typed.actionId as string, ctx);
    history.remove(typed.actionId as string);
    expect(await valueAt(db, { regionId: 'tongchuan' })).toMatchObject({ value: 91, version: 3 });
    const [entry] = await valueHistory(db, { ...cell, regionId: 'tongchuan' });
    expect(entry).toMatchObject({ action: 'undo', before: { value: 80 }, after: { value: 91 } });

    // and then the paste can be undone as a whole: the later change was itself undone
    await undoAction(db, paste.actionId as string, ctx);
    expect(await listValues(db, 'p')).toEqual([]);
  });

  it('refuses when another tab changed a cell, even back and forth, unless that change was undone', async () => {
    const db = freshDb();
    const mine = await saveValues(db, [input({ value: 90, text: '90' })], ctx);
    await saveValues(db, [input({ value: 91, text: '91', expectedVersion: 1 })], ctxOf('李四'));
    await saveValues(db, [input({ value: 90, text: '90', expectedVersion: 2 })], ctxOf('李四'));
    await expect(undoAction(db, mine.actionId as string, ctx)).rejects.toBeInstanceOf(
      UndoRefusedError,
    );
    expect(await valueAt(db)).toMatchObject({ value: 90, updatedBy: '李四' });
  });

  it('restores a cleared value and the detail (source, note) an action replaced', async () => {
    const db = freshDb();
    await saveValues(db, [input({ note: '初报' })], ctx);
    const detail = await saveValues(
      db,
      [input({ note: '复核后', dataStatus: 'final', expectedVersion: 1 })],
      ctx,
    );
    const cleared = await saveValues(db, [input({ value: null, expectedVersion: 2 })], ctx);
    await undoAction(db, cleared.actionId as string, ctx);
    expect(await valueAt(db)).toMatchObject({ value: 96.98, note: '复核后', version: 4 });
    await undoAction(db, detail.actionId as string, ctx);
    expect(await valueAt(db)).toMatchObject({
      note: '初报',
      dataStatus: 'preliminary',
      version: 5,
    });
  });

  it('returns null for an action no longer in the log, and never undoes one twice', async () => {
    const db = freshDb();
    const saved = await saveValues(db, [input()], ctx);
    expect(await undoAction(db, 'no-such-action', ctx)).toBeNull();
    await undoAction(db, saved.actionId as string, ctx);
    await expect(undoAction(db, saved.actionId as string, ctx)).rejects.toBeInstanceOf(
      UndoRefusedError,
    );
  });
});

describe('ActionHistory', () => {
  it('finds the newest action of the view: by region, by item, within the plan', () => {
    const history = new ActionHistory();
    history.record('a', [cell, { ...cell, regionId: 'r2' }]);
    history.record('b', [{ ...cell, itemId: 'beds' }]);
    history.record('c', [{ ...cell, planId: 'q' }]);
    expect(history.latest({ planId: 'p', regionId: 'r1' })?.actionId).toBe('b');
    expect(history.latest({ planId: 'p', regionId: 'r2' })?.actionId).toBe('a');
    expect(history.latest({ planId: 'p', itemId: 'rate' })?.actionId).toBe('a');
    history.remove('b');
    expect(history.latest({ planId: 'p', regionId: 'r1' })?.actionId).toBe('a');
    expect(history.latest({ planId: 'p', itemId: 'beds' })).toBeUndefined();
  });

  it('keeps the kinds of action apart: the entry grid never undoes a status set on 服务清单', () => {
    const history = new ActionHistory();
    history.record('typed', [cell]);
    // A standard's value and a 落实情况 recorded later in the same region, on the 服务清单 page.
    history.record('standard', [{ ...cell, itemId: 'std.svc.education.1.1' }], 'standards');
    history.record('status', [{ ...cell, itemId: 'svc.education.1' }], 'implementation');
    expect(history.latest({ planId: 'p', regionId: 'r1' })?.actionId).toBe('typed');
    expect(
      history.latest({ planId: 'p', regionId: 'r1', kinds: ['standards', 'implementation'] }),
    ).toMatchObject({ actionId: 'status', kind: 'implementation' });
    history.remove('status');
    expect(
      history.latest({ planId: 'p', regionId: 'r1', kinds: ['standards', 'implementation'] }),
    ).toMatchObject({ actionId: 'standard', kind: 'standards' });
  });
});
