import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from './database';
import { listUserPlans, loadUserPlan, removeUserPlan } from './user-plans';

let db: AppDatabase;
let counter = 0;
afterEach(async () => {
  await db?.delete();
});
const fresh = () => (db = openDatabase(`user-plans-test-${++counter}`));
const zhoucun = JSON.parse(
  readFileSync(new URL('../../data/plans/zhoucun.json', import.meta.url), 'utf8'),
);
const BUILTIN = new Set(['dazhou', 'dazhou-2017', 'zhoucun', 'handan', 'dalian']);

describe('plans loaded from files', () => {
  it('are validated before anything is stored, with the place of each error', async () => {
    fresh();
    const bad = { ...zhoucun, id: 'other', baseYear: '2015' };
    const result = await loadUserPlan(db, JSON.stringify(bad), 'bad.json', BUILTIN, '王评估');
    expect(result).toEqual({ ok: false, errors: ['baseYear：类型不对，应为 number'] });
    expect(await listUserPlans(db)).toEqual([]);
  });

  it('cannot replace a built-in plan or one already loaded', async () => {
    fresh();
    const builtin = await loadUserPlan(
      db,
      JSON.stringify(zhoucun),
      'zhoucun.json',
      BUILTIN,
      '王评估',
    );
    expect(builtin.ok).toBe(false);
    const other = { ...zhoucun, id: 'zibo-zhangdian' };
    expect((await loadUserPlan(db, JSON.stringify(other), 'a.json', BUILTIN, '王评估')).ok).toBe(
      true,
    );
    const again = await loadUserPlan(
      db,
      JSON.stringify({ ...other, name: '改过的' }),
      'b.json',
      BUILTIN,
      '王评估',
    );
    expect(again.ok).toBe(false);
    const stored = await listUserPlans(db);
    expect(stored.map((r) => [r.id, r.fileName, r.plan.name])).toEqual([
      ['zibo-zhangdian', 'a.json', zhoucun.name],
    ]);
  });

  it('can be removed, leaving an audit entry', async () => {
    fresh();
    const other = { ...zhoucun, id: 'zibo-zhangdian' };
    await loadUserPlan(db, JSON.stringify(other), 'a.json', BUILTIN, '王评估');
    await removeUserPlan(db, 'zibo-zhangdian', '王评估');
    expect(await listUserPlans(db)).toEqual([]);
    const audit = await db.auditLog.toArray();
    expect(audit.map((a) => [a.entity, a.action])).toEqual([
      ['plan', 'create'],
      ['plan', 'delete'],
    ]);
  });
});
