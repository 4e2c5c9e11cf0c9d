import type { Plan } from '../domain/catalog/schema';
import { generateDemoValues } from '../domain/demo/generate';
import { auditOrigin } from './audit';
import { announceChange } from './changes';
import type { AppDatabase, RegionRow, SeriesRow } from './database';
import { regionKey } from './regions';

/** Placeholder areas for plans whose document names fewer than three divisions (demo only). */
const DEMO_EXTRA_REGIONS = ['示例区县甲', '示例区县乙', '示例区县丙'];

/**
 * Fills the demonstration database (never the user's) with synthetic values for every plan,
 * replacing everything it held, history included: a reload starts the sample data afresh, and
 * every tab forgets its undo history (a `reset` change). Values run 2016 to `lastYear`.
 */
export async function loadDemoData(
  db: AppDatabase,
  plans: readonly Plan[],
  lastYear = 2018,
): Promise<{ values: number }> {
  if (!db.name.endsWith('-demo')) throw new Error('示例数据只能写入示例数据库');
  const regionRows: RegionRow[] = [];
  const series = new Map<string, SeriesRow>();
  let count = 0;
  const at = new Date().toISOString();
  plans.forEach((plan, planIndex) => {
    const regions: RegionRow[] = plan.regions.map((r, index) => ({
      key: regionKey(plan.id, r.id),
      planId: plan.id,
      regionId: r.id,
      name: r.name,
      level: r.level,
      role: index === 0 ? 'plan-area' : 'subregion',
      archived: 0,
      sortOrder: index,
      isFromCatalog: true,
      version: 1,
      updatedAt: '',
      updatedBy: '',
    }));
    for (const name of DEMO_EXTRA_REGIONS.slice(0, Math.max(0, 4 - regions.length))) {
      const regionId = `demo-${regions.length}`;
      regions.push({
        key: regionKey(plan.id, regionId),
        planId: plan.id,
        regionId,
        name,
        level: 'county',
        role: 'subregion',
        archived: 0,
        sortOrder: regions.length,
        isFromCatalog: false,
        version: 1,
        updatedAt: '',
        updatedBy: '',
      });
    }
    regionRows.push(...regions);
    const values = generateDemoValues(
      plan,
      regions.map((r) => r.regionId),
      Math.min(lastYear, plan.period.end),
      2016 + planIndex,
    );
    for (const v of values) {
      const key = `${plan.id}|${v.regionId}|${v.itemId}`;
      let row = series.get(key);
      if (!row) {
        row = { planId: plan.id, regionId: v.regionId, itemId: v.itemId, cells: {} };
        series.set(key, row);
      }
      row.cells[v.year] = {
        value: v.value,
        text: String(v.value),
        dataStatus: 'preliminary',
        source: '示例数据（虚构）',
        note: '',
        reason: '',
        updatedAt: at,
        updatedBy: '示例数据',
        version: 1,
      };
      count++;
    }
  });
  await db.transaction('rw', [db.regions, db.series, db.auditLog, db.judgements], async () => {
    await Promise.all([
      db.regions.clear(),
      db.series.clear(),
      db.judgements.clear(),
      db.auditLog.clear(),
    ]);
    await db.regions.bulkAdd(regionRows);
    await db.series.bulkAdd([...series.values()]);
    await db.auditLog.add({
      entity: 'plan',
      key: 'demo',
      planId: '*',
      action: 'create',
      before: null,
      after: { values: count },
      ...auditOrigin(),
      by: '示例数据',
      at,
      reason: '加载示例数据',
    });
  });
  announceChange(db, { kind: 'reset' });
  return { values: count };
}
