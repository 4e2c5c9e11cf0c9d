import type { Plan } from '../domain/catalog/schema';
import type { AppDatabase, RegionRow } from './database';
import { ValidationError } from './errors';

export const regionKey = (planId: string, regionId: string) => `${planId}:${regionId}`;

/**
 * A plan's regions: on first use the catalog's regions are copied into the database, where
 * users can add, rename and archive them. Archived regions keep their data.
 */
export async function ensureRegions(db: AppDatabase, plan: Plan): Promise<RegionRow[]> {
  return db.transaction('rw', db.regions, async () => {
    const existing = await db.regions.where('planId').equals(plan.id).toArray();
    const known = new Set(existing.map((r) => r.regionId));
    // Catalog regions are added when missing, not only when the plan has none: a region added
    // by hand before the first visit must not keep the catalog's regions out forever.
    // Catalog regions are never deleted (only archived), so a missing one was never seeded.
    const missing: RegionRow[] = plan.regions
      .map((r, index) => ({
        key: regionKey(plan.id, r.id),
        planId: plan.id,
        regionId: r.id,
        name: r.name,
        level: r.level,
        archived: 0 as const,
        sortOrder: index - plan.regions.length,
        isFromCatalog: true,
      }))
      .filter((r) => !known.has(r.regionId));
    if (missing.length > 0) await db.regions.bulkAdd(missing);
    return sortRegions([...existing, ...missing]);
  });
}

function sortRegions(rows: RegionRow[]): RegionRow[] {
  return rows.sort((a, b) => a.sortOrder - b.sortOrder);
}

function checkName(name: string, others: RegionRow[], selfKey?: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new ValidationError('区域名称不能为空', 'name');
  if (trimmed.length > 40) throw new ValidationError('区域名称过长（最多40字）', 'name');
  if (others.some((r) => r.name === trimmed && r.key !== selfKey)) {
    throw new ValidationError(`已有名为“${trimmed}”的区域`, 'name');
  }
  return trimmed;
}

export async function addRegion(
  db: AppDatabase,
  planId: string,
  name: string,
  level: string,
  by: string,
): Promise<RegionRow> {
  return db.transaction('rw', db.regions, db.auditLog, async () => {
    const existing = await db.regions.where('planId').equals(planId).toArray();
    const trimmed = checkName(name, existing);
    const regionId = `user-${crypto.randomUUID().slice(0, 8)}`;
    const row: RegionRow = {
      key: regionKey(planId, regionId),
      planId,
      regionId,
      name: trimmed,
      level,
      archived: 0,
      sortOrder: existing.reduce((max, r) => Math.max(max, r.sortOrder), -1) + 1,
      isFromCatalog: false,
    };
    await db.regions.add(row);
    await db.auditLog.add({
      entity: 'region',
      key: row.key,
      planId,
      action: 'create',
      before: null,
      after: row,
      by,
      at: new Date().toISOString(),
      reason: '',
    });
    return row;
  });
}

export async function updateRegion(
  db: AppDatabase,
  key: string,
  changes: { name?: string; archived?: boolean },
  by: string,
): Promise<RegionRow> {
  return db.transaction('rw', db.regions, db.auditLog, async () => {
    const before = await db.regions.get(key);
    if (!before) throw new ValidationError('区域不存在', 'key');
    const others = await db.regions.where('planId').equals(before.planId).toArray();
    const after: RegionRow = {
      ...before,
      name: changes.name !== undefined ? checkName(changes.name, others, key) : before.name,
      archived: changes.archived === undefined ? before.archived : changes.archived ? 1 : 0,
    };
    await db.regions.put(after);
    await db.auditLog.add({
      entity: 'region',
      key,
      planId: before.planId,
      action: 'update',
      before,
      after,
      by,
      at: new Date().toISOString(),
      reason: '',
    });
    return after;
  });
}
