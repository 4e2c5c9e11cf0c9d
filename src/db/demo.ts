import type { Plan } from '../domain/catalog/schema';
import { generateDemoValues } from '../domain/demo/generate';
import type { AppDatabase, ObservationRow, RegionRow } from './database';
import { regionKey } from './regions';

/** Placeholder areas for plans whose document names fewer than three divisions (demo only). */
const DEMO_EXTRA_REGIONS = ['示例区县甲', '示例区县乙', '示例区县丙'];

/**
 * Fills the demonstration database (never the user's) with synthetic values for every plan,
 * replacing what it held. Values run 2016 to `lastYear`.
 */
export async function loadDemoData(
  db: AppDatabase,
  plans: readonly Plan[],
  lastYear = 2018,
): Promise<{ values: number }> {
  if (!db.name.endsWith('-demo')) throw new Error('示例数据只能写入示例数据库');
  const regionRows: RegionRow[] = [];
  const observationRows: ObservationRow[] = [];
  const at = new Date().toISOString();
  plans.forEach((plan, planIndex) => {
    const regions: RegionRow[] = plan.regions.map((r, index) => ({
      key: regionKey(plan.id, r.id),
      planId: plan.id,
      regionId: r.id,
      name: r.name,
      level: r.level,
      archived: 0,
      sortOrder: index,
      isFromCatalog: true,
    }));
    for (const name of DEMO_EXTRA_REGIONS.slice(0, Math.max(0, 4 - regions.length))) {
      const regionId = `demo-${regions.length}`;
      regions.push({
        key: regionKey(plan.id, regionId),
        planId: plan.id,
        regionId,
        name,
        level: 'county',
        archived: 0,
        sortOrder: regions.length,
        isFromCatalog: false,
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
      observationRows.push({
        planId: plan.id,
        itemId: v.itemId,
        regionId: v.regionId,
        year: v.year,
        value: v.value,
        text: String(v.value),
        dataStatus: 'preliminary',
        source: '示例数据（虚构）',
        note: '',
        reason: '',
        updatedAt: at,
        updatedBy: '示例数据',
      });
    }
  });
  await db.transaction(
    'rw',
    [db.regions, db.observations, db.auditLog, db.judgements],
    async () => {
      await Promise.all([db.regions.clear(), db.observations.clear(), db.judgements.clear()]);
      await db.regions.bulkAdd(regionRows);
      await db.observations.bulkAdd(observationRows);
      await db.auditLog.add({
        entity: 'plan',
        key: 'demo',
        planId: '*',
        action: 'create',
        before: null,
        after: { values: observationRows.length },
        by: '示例数据',
        at,
        reason: '加载示例数据',
      });
    },
  );
  return { values: observationRows.length };
}
