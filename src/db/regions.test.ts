import { afterEach, describe, expect, it } from 'vitest';
import dazhou from '../../data/plans/dazhou.json';
import { parsePlan } from '../domain/catalog/validate';
import { openDatabase, type AppDatabase } from './database';
import { addRegion, ensureRegions, planAreaOf, regionKey, updateRegion } from './regions';
import { listValues, saveValues } from './values';

const parsed = parsePlan(dazhou);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const plan = parsed.plan;

const opened: AppDatabase[] = [];
let counter = 0;
function freshDb(): AppDatabase {
  const db = openDatabase(`regions-test-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('ensureRegions', () => {
  it('copies the catalog’s regions on first use, the plan’s own area first', async () => {
    const db = freshDb();
    const rows = await ensureRegions(db, plan);
    expect(rows.map((r) => r.name)).toEqual(plan.regions.map((r) => r.name));
    expect(rows[0]?.name).toBe('达州市');
    expect(rows.every((r) => r.isFromCatalog && r.archived === 0)).toBe(true);
  });

  it('is idempotent, and keeps renamed regions as renamed', async () => {
    const db = freshDb();
    const [first] = await ensureRegions(db, plan);
    await updateRegion(db, first?.key as string, { name: '达州市（全市）' }, '甲');
    const again = await ensureRegions(db, plan);
    expect(again).toHaveLength(plan.regions.length);
    expect(again[0]?.name).toBe('达州市（全市）');
  });

  it('still adds the catalog regions when a region was added before the first visit', async () => {
    const db = freshDb();
    await addRegion(db, plan.id, '达州高新区', 'district', '甲');
    const rows = await ensureRegions(db, plan);
    expect(rows).toHaveLength(plan.regions.length + 1);
    expect(rows[0]?.name).toBe('达州市');
    expect(rows.at(-1)?.name).toBe('达州高新区');
  });
});

describe('planAreaOf', () => {
  it('is the catalog’s first region, stored as such: renaming it or adding regions does not move it', async () => {
    const db = freshDb();
    const rows = await ensureRegions(db, plan);
    expect(planAreaOf(rows)?.regionId).toBe('dazhou');
    expect(rows.filter((r) => r.role === 'plan-area')).toHaveLength(1);
    await updateRegion(db, regionKey(plan.id, 'dazhou'), { name: '达州' }, '甲');
    await updateRegion(db, regionKey(plan.id, 'tongchuan'), { name: '达州市' }, '甲');
    const added = await addRegion(db, plan.id, '达州高新区', 'district', '甲');
    expect(added.role).toBe('subregion');
    const again = await ensureRegions(db, plan);
    expect(planAreaOf(again)).toMatchObject({ regionId: 'dazhou', name: '达州' });
  });

  it('is given to the catalog’s first region when stored regions lack one', async () => {
    const db = freshDb();
    await ensureRegions(db, plan);
    await db.regions.update(regionKey(plan.id, 'dazhou'), { role: 'subregion' });
    expect(planAreaOf(await ensureRegions(db, plan))?.regionId).toBe('dazhou');
  });
});

describe('addRegion', () => {
  it('adds a region after the others, and audits it with the author', async () => {
    const db = freshDb();
    await ensureRegions(db, plan);
    const row = await addRegion(db, plan.id, '  达州经开区 ', 'district', '李录入');
    expect(row.name).toBe('达州经开区');
    expect(row.isFromCatalog).toBe(false);
    const rows = await ensureRegions(db, plan);
    expect(rows.at(-1)?.key).toBe(row.key);
    const audit = await db.auditLog.where('key').equals(row.key).toArray();
    expect(audit).toMatchObject([{ entity: 'region', action: 'create', by: '李录入' }]);
  });

  it('refuses an empty name, a duplicate and an overlong one, writing nothing', async () => {
    const db = freshDb();
    await ensureRegions(db, plan);
    await expect(addRegion(db, plan.id, '  ', 'county', '甲')).rejects.toThrow('区域名称不能为空');
    await expect(addRegion(db, plan.id, '渠县', 'county', '甲')).rejects.toThrow(
      '已有名为“渠县”的区域',
    );
    await expect(addRegion(db, plan.id, '县'.repeat(41), 'county', '甲')).rejects.toThrow('过长');
    await expect(addRegion(db, plan.id, '<script>新区', 'county', '甲')).rejects.toThrow(
      '区域名称中有网页代码“<script”',
    );
    expect(await db.regions.count()).toBe(plan.regions.length);
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe('updateRegion', () => {
  it('renames, and records old → new', async () => {
    const db = freshDb();
    await ensureRegions(db, plan);
    const key = regionKey(plan.id, 'quxian');
    const after = await updateRegion(db, key, { name: '渠县（新）' }, '甲');
    expect(after.name).toBe('渠县（新）');
    const [audit] = await db.auditLog.where('key').equals(key).toArray();
    expect(audit).toMatchObject({ before: { name: '渠县' }, after: { name: '渠县（新）' } });
  });

  it('archives and restores a region without touching its values', async () => {
    const db = freshDb();
    await ensureRegions(db, plan);
    const key = regionKey(plan.id, 'quxian');
    const ctx = { by: '甲', baseYear: 2015, endYear: 2020, itemIds: new Set(['x']) };
    await saveValues(
      db,
      [{ planId: plan.id, itemId: 'x', regionId: 'quxian', year: 2016, value: 1 }],
      ctx,
    );
    expect((await updateRegion(db, key, { archived: true }, '甲')).archived).toBe(1);
    expect(await listValues(db, plan.id, { regionId: 'quxian' })).toHaveLength(1);
    expect((await updateRegion(db, key, { archived: false }, '甲')).archived).toBe(0);
  });

  it('refuses a rename to another region’s name, and an unknown region', async () => {
    const db = freshDb();
    await ensureRegions(db, plan);
    await expect(
      updateRegion(db, regionKey(plan.id, 'quxian'), { name: '大竹县' }, '甲'),
    ).rejects.toThrow('已有名为“大竹县”的区域');
    await expect(updateRegion(db, 'nope', { name: 'x' }, '甲')).rejects.toThrow('区域不存在');
  });
});
