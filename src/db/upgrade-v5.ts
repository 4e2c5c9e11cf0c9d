import type { Transaction } from 'dexie';
import type { AuditRow, RegionRow } from './database';

/**
 * The identity of an audit row on every laptop: one action writes one row per record, so the
 * action and the record's key name it. Kept stable forever: exchange files carry it, and an
 * import skips the rows whose id it already has.
 *
 * @example auditIdOf({ actionId: '7f3c…', key: 'dazhou|tongchuan|health.hospital-beds-per-1000' })
 *   → '7f3c…:dazhou|tongchuan|health.hospital-beds-per-1000'
 */
export function auditIdOf(row: { actionId: string; key: string }): string {
  return `${row.actionId}:${row.key}`;
}

/**
 * v2 → v5 (2026-12-03). Runs inside Dexie's upgrade transaction, so it is all or nothing.
 *
 * - audit log: every row gets its `auditId`. Rows that v2 migrated from one v1 batch may share
 *   an action and a series (two years of one series pasted at once); the later ones get `#<seq>`
 *   appended, so every id stays unique. They were written on this laptop only, so the id is
 *   stable from here on.
 * - regions: `version` counts the region's writes (seeding from the catalog counts as the
 *   first; an added region's creation likewise), `updatedAt`/`updatedBy` are those of its newest
 *   audit row, or '' for a catalog region nobody changed.
 */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  const audit = tx.table<AuditRow, number>('auditLog');
  const rows = await audit.toArray();
  rows.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  const used = new Set<string>();
  const regionWrites = new Map<string, AuditRow[]>();
  for (const row of rows) {
    let id = auditIdOf(row);
    if (used.has(id)) id = `${id}#${row.seq}`;
    used.add(id);
    row.auditId = id;
    if (row.entity === 'region')
      regionWrites.set(row.key, [...(regionWrites.get(row.key) ?? []), row]);
  }
  await audit.bulkPut(rows);

  const regions = tx.table<RegionRow, string>('regions');
  const updated = (await regions.toArray()).map((region): RegionRow => {
    const writes = regionWrites.get(region.key) ?? [];
    const last = writes.at(-1);
    return {
      ...region,
      version: writes.length + (region.isFromCatalog ? 1 : 0) || 1,
      updatedAt: last?.at ?? '',
      updatedBy: last?.by ?? '',
    };
  });
  await regions.bulkPut(updated);
}
