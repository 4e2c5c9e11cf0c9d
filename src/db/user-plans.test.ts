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

  it('refuses a different file under the id of a removed plan whose values are still stored', async () => {
    // Regression: removing a plan keeps its values; a new file under the same id picked them up
    // and showed them against its own items.
    fresh();
    const first = { ...zhoucun, id: 'zibo-zhangdian', name: '张店区规划（第一版）' };
    await loadUserPlan(db, JSON.stringify(first), 'first.json', BUILTIN, '王评估');
    await db.series.put({
      planId: 'zibo-zhangdian',
      regionId: zhoucun.regions[0].id,
      itemId: zhoucun.indicators[0].id,
      cells: {
        2017: {
          value: 99.2,
          text: '99.2',
          dataStatus: 'preliminary',
          source: '',
          note: '',
          reason: '',
          updatedAt: '2026-01-01T00:00:00.000Z',
          updatedBy: '王评估',
          version: 1,
        },
        // A cleared value is not stored data: it is not counted.
        2018: {
          value: null,
          text: '',
          dataStatus: 'preliminary',
          source: '',
          note: '',
          reason: '',
          updatedAt: '2026-01-01T00:00:00.000Z',
          updatedBy: '王评估',
          version: 2,
        },
      },
    });
    await removeUserPlan(db, 'zibo-zhangdian', '王评估');

    const other = { ...zhoucun, id: 'zibo-zhangdian', name: '另一份规划' };
    const refused = await loadUserPlan(db, JSON.stringify(other), 'other.json', BUILTIN, '王评估');
    expect(refused).toEqual({
      ok: false,
      errors: [
        'id：编号“zibo-zhangdian”下仍保存着此前载入的规划“张店区规划（第一版）”（文件 first.json）的数据（1个数值），而本文件的内容与它不同。为免旧数值对应到新文件的指标上，未载入。请把本文件的 id 改为新的编号后再载入；或重新载入原文件 first.json，旧数据随之恢复。',
      ],
    });
    expect(await listUserPlans(db)).toEqual([]);
    expect(await db.series.count()).toBe(1);

    // The same file again is the same plan: its values come back with it.
    const again = await loadUserPlan(db, JSON.stringify(first), 'renamed.json', BUILTIN, '王评估');
    expect(again.ok).toBe(true);
    // Key order and whitespace do not make a different plan.
    await removeUserPlan(db, 'zibo-zhangdian', '王评估');
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(first).reverse()), null, 2);
    expect((await loadUserPlan(db, reordered, 'r.json', BUILTIN, '王评估')).ok).toBe(true);
  });

  it('loads a different file under a reused id when nothing is stored under it', async () => {
    fresh();
    const first = { ...zhoucun, id: 'zibo-zhangdian' };
    await loadUserPlan(db, JSON.stringify(first), 'first.json', BUILTIN, '王评估');
    await removeUserPlan(db, 'zibo-zhangdian', '王评估');
    const other = { ...zhoucun, id: 'zibo-zhangdian', name: '另一份规划' };
    expect((await loadUserPlan(db, JSON.stringify(other), 'o.json', BUILTIN, '王评估')).ok).toBe(
      true,
    );
  });

  it('refuses a plan id with stored values whose earlier plan is unknown', async () => {
    fresh();
    await db.judgements.put({
      planId: 'zibo-zhangdian',
      itemId: 'x',
      regionId: 'zibo',
      asOfYear: 2018,
      status: 'manual',
      reason: '评估组判断',
      by: '王评估',
      at: '2026-01-01T00:00:00.000Z',
    } as never);
    const result = await loadUserPlan(
      db,
      JSON.stringify({ ...zhoucun, id: 'zibo-zhangdian' }),
      'a.json',
      BUILTIN,
      '王评估',
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]).toContain(
        '编号“zibo-zhangdian”下仍保存着此前载入的规划的数据（1条评估判断）',
      );
  });
});
