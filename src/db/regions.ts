import type { Plan } from '../domain/catalog/schema';
import { checkText, TEXT_RULES } from '../domain/import/text-rules';
import { auditOrigin } from './audit';
import { announceChange } from './changes';
import type { AppDatabase, RegionRole, RegionRow } from './database';
import { ValidationError } from './errors';

export const regionKey = (planId: string, regionId: string) => `${planId}:${regionId}`;

/**
 * The plan's own area among its regions: the one whose role is `plan-area` (set when the
 * catalog's regions are seeded: the first region of a plan file is its own area). Never found by
 * name or position, so renaming or reordering regions cannot change it. Takes plain rows, so any
 * layer can call it with what it read.
 */
export function planAreaOf<R extends { role: RegionRole }>(regions: readonly R[]): R | undefined {
  return regions.find((r) => r.role === 'plan-area');
}

/**
 * A plan's regions: on first use the catalog's regions are copied into the database, where
 * users can add, rename and archive them. Archived regions keep their data.
 */
export async function ensureRegions(db: AppDatabase, plan: Plan): Promise<RegionRow[]> {
  let isChanged = false;
  const rows = await db.transaction('rw', db.regions, async () => {
    const existing = await db.regions.where('planId').equals(plan.id).toArray();
    const known = new Set(existing.map((r) => r.regionId));
    const hasPlanArea = planAreaOf(existing) !== undefined;
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
        // The first region of a plan file is the plan's own area (docs/catalog.md).
        role: (index === 0 ? 'plan-area' : 'subregion') as RegionRole,
        archived: 0 as const,
        sortOrder: index - plan.regions.length,
        isFromCatalog: true,
        // Seeded alike on every laptop, so no time or author: an exchange sees them as identical.
        version: 1,
        updatedAt: '',
        updatedBy: '',
      }))
      .filter((r) => !known.has(r.regionId));
    if (missing.length > 0) {
      await db.regions.bulkAdd(missing);
      isChanged = true;
    }
    // A plan whose stored regions lack a plan area (none was seeded from the catalog) gets the
    // catalog's first region as its area, as seeding would have given it.
    const firstId = plan.regions[0]?.id;
    const first = existing.find((r) => r.regionId === firstId);
    if (!hasPlanArea && first) {
      first.role = 'plan-area';
      await db.regions.put(first);
      isChanged = true;
    }
    return sortRegions([...existing, ...missing]);
  });
  if (isChanged) announceChange(db, { kind: 'regions', planId: plan.id });
  return rows;
}

function sortRegions(rows: RegionRow[]): RegionRow[] {
  return rows.sort((a, b) => a.sortOrder - b.sortOrder);
}

function checkName(name: string, others: RegionRow[], selfKey?: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new ValidationError('区域名称不能为空', 'name');
  if (trimmed.length > 40) throw new ValidationError('区域名称过长（最多40字）', 'name');
  const problem = checkText(trimmed, TEXT_RULES.regionName);
  if (problem) throw new ValidationError(problem, 'name');
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
  const at = new Date().toISOString();
  const added = await db.transaction('rw', db.regions, db.auditLog, async () => {
    const existing = await db.regions.where('planId').equals(planId).toArray();
    const trimmed = checkName(name, existing);
    const regionId = `user-${crypto.randomUUID().slice(0, 8)}`;
    const row: RegionRow = {
      key: regionKey(planId, regionId),
      planId,
      regionId,
      name: trimmed,
      level,
      role: 'subregion',
      archived: 0,
      sortOrder: existing.reduce((max, r) => Math.max(max, r.sortOrder), -1) + 1,
      isFromCatalog: false,
      version: 1,
      updatedAt: at,
      updatedBy: by,
    };
    await db.regions.add(row);
    await db.auditLog.add({
      entity: 'region',
      key: row.key,
      planId,
      action: 'create',
      before: null,
      after: row,
      ...auditOrigin(),
      by,
      at,
      reason: '',
    });
    return row;
  });
  announceChange(db, { kind: 'regions', planId });
  return added;
}

export async function updateRegion(
  db: AppDatabase,
  key: string,
  changes: { name?: string; archived?: boolean },
  by: string,
): Promise<RegionRow> {
  const at = new Date().toISOString();
  const updated = await db.transaction('rw', db.regions, db.auditLog, async () => {
    const before = await db.regions.get(key);
    if (!before) throw new ValidationError('区域不存在', 'key');
    const others = await db.regions.where('planId').equals(before.planId).toArray();
    const after: RegionRow = {
      ...before,
      name: changes.name !== undefined ? checkName(changes.name, others, key) : before.name,
      archived: changes.archived === undefined ? before.archived : changes.archived ? 1 : 0,
      version: (before.version ?? 1) + 1,
      updatedAt: at,
      updatedBy: by,
    };
    await db.regions.put(after);
    await db.auditLog.add({
      entity: 'region',
      key,
      planId: before.planId,
      action: 'update',
      before,
      after,
      ...auditOrigin(),
      by,
      at,
      reason: '',
    });
    return after;
  });
  announceChange(db, { kind: 'regions', planId: updated.planId });
  return updated;
}
