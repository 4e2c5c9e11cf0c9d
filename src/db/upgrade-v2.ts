import type { Transaction } from 'dexie';
import type {
  AuditRow,
  DataStatus,
  JudgementRow,
  RegionRow,
  SeriesAuditRow,
  SeriesRow,
  StoredCell,
} from './database';

/** A value as v1 stored it: one record per plan, item, region and year. Frozen here for the upgrade. */
interface V1ObservationRow {
  planId: string;
  itemId: string;
  regionId: string;
  year: number;
  value: number;
  text: string;
  dataStatus: DataStatus;
  source: string;
  note: string;
  reason: string;
  updatedAt: string;
  updatedBy: string;
}

/** An audit row as v1 wrote it (one per value; an undo's `after` held what it restored). */
interface V1AuditRow {
  seq: number;
  entity: 'observation' | 'judgement' | 'region' | 'plan';
  key: string;
  planId: string;
  action: 'create' | 'update' | 'delete' | 'undo';
  before: unknown;
  after: unknown;
  by: string;
  at: string;
  reason: string;
  batch?: string;
}

/** The series key, as in `src/db/values.ts` (kept here so the upgrade never changes with it). */
const seriesKeyOf = (r: { planId: string; regionId: string; itemId: string }) =>
  `${r.planId}|${r.regionId}|${r.itemId}`;
const cellKeyOf = (r: { planId: string; regionId: string; itemId: string; year: number }) =>
  `${seriesKeyOf(r)}|${r.year}`;

function cellFrom(row: V1ObservationRow, version: number): StoredCell {
  return {
    value: row.value,
    text: row.text,
    dataStatus: row.dataStatus,
    source: row.source,
    note: row.note,
    reason: row.reason,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
    version,
  };
}

function tombstone(at: string, by: string, version: number): StoredCell {
  return {
    value: null,
    text: '',
    dataStatus: 'preliminary',
    source: '',
    note: '',
    reason: '',
    updatedAt: at,
    updatedBy: by,
    version,
  };
}

/**
 * v1 → v2 (2026-12-01). Runs inside Dexie's upgrade transaction, so it is all or nothing.
 *
 * - values: every v1 observation becomes a year of its series record; its version is the number
 *   of writes its history records (1 when it has none, e.g. sample data). A value the history
 *   shows as cleared becomes a tombstone, so the clearing is not forgotten.
 * - audit log: each v1 value row becomes a series row with one year's change; rows of one v1
 *   batch share its id as `actionId`, other rows get `v1-<seq>`; an undo names the action it
 *   reverted. Sequence numbers, authors, times and reasons are kept.
 * - regions: the catalog region with the smallest sortOrder of each plan is its `plan-area`
 *   (seeding gave catalog regions sortOrder index − count, so the first one is the smallest).
 * - judgements: version 1.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const observations = await tx.table<V1ObservationRow>('observations').toArray();
  const oldAudit = await tx.table<V1AuditRow>('auditLog').toArray();
  oldAudit.sort((a, b) => a.seq - b.seq);

  const actionIdOf = (row: V1AuditRow) => row.batch ?? `v1-${row.seq}`;
  const bySeq = new Map(oldAudit.map((row) => [row.seq, row]));
  const writes = new Map<string, number>();
  const lastWrite = new Map<string, { at: string; by: string; isCleared: boolean }>();
  const newAudit: AuditRow[] = oldAudit.map((row): AuditRow => {
    const common = {
      seq: row.seq,
      key: row.key,
      planId: row.planId,
      actionId: actionIdOf(row),
      session: 'v1',
      by: row.by,
      at: row.at,
      reason: row.reason,
    };
    if (row.entity !== 'observation') {
      return {
        ...common,
        entity: row.entity,
        action: row.action === 'undo' ? 'update' : row.action,
        before: row.before,
        after: row.after,
      };
    }
    const isUndo = row.action === 'undo';
    const undone = isUndo ? (row.after as { undoneSeq?: number; restored?: unknown } | null) : null;
    const beforeRow = row.before as V1ObservationRow | null;
    const afterRow = (isUndo ? (undone?.restored ?? null) : row.after) as V1ObservationRow | null;
    const cell = (afterRow ?? beforeRow) as V1ObservationRow;
    const cellKey = cellKeyOf(cell);
    const version = (writes.get(cellKey) ?? 0) + 1;
    writes.set(cellKey, version);
    lastWrite.set(cellKey, { at: row.at, by: row.by, isCleared: afterRow === null });
    const undoneRow = undone?.undoneSeq !== undefined ? bySeq.get(undone.undoneSeq) : undefined;
    const audit: SeriesAuditRow = {
      ...common,
      key: seriesKeyOf(cell),
      entity: 'series',
      action: isUndo ? 'undo' : 'save',
      changes: [
        {
          year: cell.year,
          before: beforeRow ? cellFrom(beforeRow, version - 1) : null,
          after: afterRow ? cellFrom(afterRow, version) : tombstone(row.at, row.by, version),
        },
      ],
    };
    if (undoneRow) audit.undoes = actionIdOf(undoneRow);
    return audit;
  });

  const series = new Map<string, SeriesRow>();
  const seriesFor = (r: { planId: string; regionId: string; itemId: string }) => {
    const key = seriesKeyOf(r);
    let row = series.get(key);
    if (!row) {
      row = { planId: r.planId, regionId: r.regionId, itemId: r.itemId, cells: {} };
      series.set(key, row);
    }
    return row;
  };
  const stored = new Set<string>();
  for (const obs of observations) {
    const cellKey = cellKeyOf(obs);
    stored.add(cellKey);
    seriesFor(obs).cells[obs.year] = cellFrom(obs, Math.max(1, writes.get(cellKey) ?? 0));
  }
  for (const row of newAudit) {
    if (row.entity !== 'series') continue;
    for (const change of row.changes) {
      const ref = change.after ?? change.before;
      if (!ref) continue;
      const [planId = '', regionId = '', itemId = ''] = row.key.split('|');
      const cellKey = cellKeyOf({ planId, regionId, itemId, year: change.year });
      const last = lastWrite.get(cellKey);
      if (stored.has(cellKey) || !last?.isCleared) continue;
      seriesFor({ planId, regionId, itemId }).cells[change.year] = tombstone(
        last.at,
        last.by,
        writes.get(cellKey) ?? 1,
      );
      stored.add(cellKey);
    }
  }
  await tx.table<SeriesRow>('series').bulkAdd([...series.values()]);
  await tx.table<AuditRow>('auditLog').bulkPut(newAudit);

  const regions = await tx.table<RegionRow>('regions').toArray();
  const planArea = new Map<string, RegionRow>();
  for (const region of regions) {
    if (!region.isFromCatalog) continue;
    const current = planArea.get(region.planId);
    if (!current || region.sortOrder < current.sortOrder) planArea.set(region.planId, region);
  }
  await tx.table<RegionRow>('regions').bulkPut(
    regions.map((region) => ({
      ...region,
      role: planArea.get(region.planId)?.key === region.key ? 'plan-area' : 'subregion',
    })),
  );
  await tx
    .table<JudgementRow>('judgements')
    .toCollection()
    .modify((judgement) => {
      judgement.version ??= 1;
    });
}
