import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase, type ObservationRow } from './database';
import { valueRuleFor } from '../domain/observations/value-rules';
import { ValidationError } from './errors';
import {
  deleteObservation,
  listObservations,
  observationHistory,
  saveObservation,
  saveObservations,
  undoLastObservationChange,
  type ObservationInput,
  type WriteContext,
} from './observations';

const opened: AppDatabase[] = [];
let counter = 0;
function freshDb(): AppDatabase {
  const db = openDatabase(`observations-test-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const units: Record<string, string | null> = { rate: '%', beds: '张', ratio: null };
const rules = new Map(
  Object.entries(units).map(([id, unit]) => [id, valueRuleFor({ name: id, unit })]),
);
let clock = 0;
const ctx: WriteContext = {
  by: '张评估',
  baseYear: 2015,
  endYear: 2020,
  itemIds: new Set(Object.keys(units)),
  ruleOf: (id) => rules.get(id),
  now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)),
};

const input = (over: Partial<ObservationInput> = {}): ObservationInput => ({
  planId: 'p',
  itemId: 'rate',
  regionId: 'r1',
  year: 2016,
  value: 96.98,
  text: '96.98%',
  ...over,
});

describe('saveObservations', () => {
  it('stores a value with its typed text, author and time, and audits the creation', async () => {
    const db = freshDb();
    const result = await saveObservation(db, input(), ctx);
    expect(result).toEqual({ written: 1, unchanged: 0 });
    const stored = await db.observations.get(['p', 'rate', 'r1', 2016]);
    expect(stored).toMatchObject({
      value: 96.98,
      text: '96.98%',
      dataStatus: 'preliminary',
      updatedBy: '张评估',
    });
    const history = await observationHistory(db, ['p', 'rate', 'r1', 2016]);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'create', before: null, by: '张评估' });
  });

  it('records old → new when a value changes, and keeps note, source and status', async () => {
    const db = freshDb();
    await saveObservation(
      db,
      input({ note: '统计公报', source: '市教育局', dataStatus: 'final' }),
      ctx,
    );
    await saveObservation(db, input({ value: 97.1, text: '97.1' }), ctx);
    const history = await observationHistory(db, ['p', 'rate', 'r1', 2016]);
    expect(history.map((h) => h.action)).toEqual(['update', 'create']);
    expect((history[0]?.before as ObservationRow).value).toBe(96.98);
    expect((history[0]?.after as ObservationRow).value).toBe(97.1);
    const stored = await db.observations.get(['p', 'rate', 'r1', 2016]);
    expect(stored).toMatchObject({ note: '统计公报', source: '市教育局', dataStatus: 'final' });
  });

  it('adds nothing to the history when the same value is saved again', async () => {
    const db = freshDb();
    await saveObservation(db, input(), ctx);
    expect(await saveObservation(db, input(), ctx)).toEqual({ written: 0, unchanged: 1 });
    expect(await db.auditLog.count()).toBe(1);
  });

  it('writes nothing at all when one input of a batch is invalid', async () => {
    const db = freshDb();
    const batch = [input(), input({ itemId: 'beds', value: -3, text: '-3' })];
    await expect(saveObservations(db, batch, ctx)).rejects.toThrow('单位为“张”的数值不能为负数');
    expect(await db.observations.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('refuses a percentage above 100, a year outside the plan, an unknown item', async () => {
    const db = freshDb();
    await expect(saveObservation(db, input({ value: 101 }), ctx)).rejects.toThrow(
      '百分比应在0—100之间',
    );
    await expect(saveObservation(db, input({ year: 2021 }), ctx)).rejects.toThrow(
      '年份2021不在2015—2020年之间',
    );
    await expect(saveObservation(db, input({ itemId: 'nope' }), ctx)).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await db.observations.count()).toBe(0);
  });

  it('requires a reason to revise the base-year value, and keeps it', async () => {
    const db = freshDb();
    await expect(saveObservation(db, input({ year: 2015 }), ctx)).rejects.toThrow(
      '修订基期值必须填写原因',
    );
    await saveObservation(db, input({ year: 2015, reason: '统计口径调整' }), ctx);
    const [entry] = await observationHistory(db, ['p', 'rate', 'r1', 2015]);
    expect(entry?.reason).toBe('统计口径调整');
  });

  it('takes a county’s own 2015 value without a reason: only the plan area revises the printed baseline', async () => {
    const db = freshDb();
    const withArea: WriteContext = { ...ctx, planAreaId: 'area' };
    await saveObservation(
      db,
      input({ regionId: 'county', year: 2015, value: 95.5, text: '95.5' }),
      withArea,
    );
    expect((await db.observations.get(['p', 'rate', 'county', 2015]))?.value).toBe(95.5);
    await expect(
      saveObservation(db, input({ regionId: 'area', year: 2015, value: 97, text: '97' }), withArea),
    ).rejects.toThrow('修订基期值必须填写原因');
  });

  it('lists a plan’s values, for all regions or one', async () => {
    const db = freshDb();
    await saveObservations(
      db,
      [input(), input({ regionId: 'r2' }), input({ planId: 'q', itemId: 'rate' })],
      ctx,
    );
    expect(await listObservations(db, 'p')).toHaveLength(2);
    expect(await listObservations(db, 'p', 'r2')).toHaveLength(1);
  });
});

describe('deleteObservation', () => {
  it('removes the value and audits what it was', async () => {
    const db = freshDb();
    await saveObservation(db, input(), ctx);
    expect(await deleteObservation(db, ['p', 'rate', 'r1', 2016], ctx, '录错')).toBe(true);
    expect(await db.observations.count()).toBe(0);
    const [entry] = await observationHistory(db, ['p', 'rate', 'r1', 2016]);
    expect(entry).toMatchObject({ action: 'delete', after: null, reason: '录错' });
    expect(await deleteObservation(db, ['p', 'rate', 'r1', 2016], ctx)).toBe(false);
  });
});

describe('undoLastObservationChange', () => {
  it('reverts changes one by one, newest first, and audits each undo', async () => {
    const db = freshDb();
    await saveObservation(db, input({ value: 90, text: '90' }), ctx);
    await saveObservation(db, input({ value: 91, text: '91' }), ctx);
    await saveObservation(db, input({ itemId: 'beds', value: 5, text: '5' }), ctx);

    const first = await undoLastObservationChange(db, 'p', ctx);
    expect((first?.after as ObservationRow).itemId).toBe('beds');
    expect(await db.observations.get(['p', 'beds', 'r1', 2016])).toBeUndefined();

    await undoLastObservationChange(db, 'p', ctx);
    expect((await db.observations.get(['p', 'rate', 'r1', 2016]))?.value).toBe(90);

    await undoLastObservationChange(db, 'p', ctx);
    expect(await db.observations.get(['p', 'rate', 'r1', 2016])).toBeUndefined();

    expect(await undoLastObservationChange(db, 'p', ctx)).toBeNull();
    const undos = (await db.auditLog.toArray()).filter((a) => a.action === 'undo');
    expect(undos).toHaveLength(3);
    expect(undos.every((u) => u.by === '张评估')).toBe(true);
  });

  it('reverts a pasted block as a whole, then the change before it', async () => {
    const db = freshDb();
    await saveObservation(db, input({ value: 90, text: '90' }), ctx);
    // A 2 × 2 block pasted from Excel: one overwrite and three new values.
    await saveObservations(
      db,
      [
        input({ value: 92, text: '92' }),
        input({ year: 2017, value: 93, text: '93' }),
        input({ itemId: 'beds', value: 5, text: '5' }),
        input({ itemId: 'beds', year: 2017, value: 5.2, text: '5.2' }),
      ],
      ctx,
    );
    const undone = await undoLastObservationChange(db, 'p', ctx);
    expect(undone?.batch).toBeDefined();
    const left = await listObservations(db, 'p');
    expect(left.map((o) => [o.itemId, o.year, o.value])).toEqual([['rate', 2016, 90]]);
    expect((await db.auditLog.toArray()).filter((a) => a.action === 'undo')).toHaveLength(4);

    await undoLastObservationChange(db, 'p', ctx);
    expect(await listObservations(db, 'p')).toEqual([]);
    expect(await undoLastObservationChange(db, 'p', ctx)).toBeNull();
  });

  it('restores a deleted value', async () => {
    const db = freshDb();
    await saveObservation(db, input(), ctx);
    await deleteObservation(db, ['p', 'rate', 'r1', 2016], ctx);
    await undoLastObservationChange(db, 'p', ctx);
    expect((await db.observations.get(['p', 'rate', 'r1', 2016]))?.value).toBe(96.98);
  });

  it('for one region, never reverts the same change twice', async () => {
    const db = freshDb();
    await saveObservation(db, input({ value: 80, text: '80' }), ctx);
    await saveObservation(db, input({ value: 81, text: '81' }), ctx);
    await saveObservation(db, input({ value: 82, text: '82' }), ctx);
    await saveObservation(db, input({ regionId: 'r2', value: 50, text: '50' }), ctx);

    await undoLastObservationChange(db, 'p', ctx, 'r1');
    expect((await db.observations.get(['p', 'rate', 'r1', 2016]))?.value).toBe(81);
    await undoLastObservationChange(db, 'p', ctx, 'r1');
    expect((await db.observations.get(['p', 'rate', 'r1', 2016]))?.value).toBe(80);
    // The other region is untouched.
    expect((await db.observations.get(['p', 'rate', 'r2', 2016]))?.value).toBe(50);
  });

  it('leaves other plans alone', async () => {
    const db = freshDb();
    await saveObservation(db, input({ planId: 'q' }), ctx);
    expect(await undoLastObservationChange(db, 'p', ctx)).toBeNull();
    expect(await db.observations.count()).toBe(1);
  });
});
