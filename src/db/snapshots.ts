import type { ReportSnapshot } from '../domain/report/snapshot';
import { SNAPSHOT_FORMAT } from '../domain/report/snapshot';
import { auditOrigin } from './audit';
import { announceChange } from './changes';
import type { AppDatabase } from './database';
import { ValidationError } from './errors';
import type { SnapshotRow } from './report-tables';

export const snapshotKeyString = (id: string) => `snapshot|${id}`;

/** The list entry of a snapshot: what 报告 shows without reading its content. */
export function snapshotRowOf(snapshot: ReportSnapshot): SnapshotRow {
  return {
    id: snapshot.id,
    planId: snapshot.planId,
    regionId: snapshot.regionId,
    regionName: snapshot.regionName,
    asOfYear: snapshot.asOfYear,
    mode: snapshot.mode,
    title: snapshot.title,
    note: snapshot.note,
    createdAt: snapshot.createdAt,
    createdBy: snapshot.createdBy,
    methodVersion: snapshot.methodVersion,
    planFingerprint: snapshot.planFingerprint,
    valueCount: snapshot.values.length,
    judgementCount: snapshot.judgements.length,
    narrativeVersion: snapshot.narrative.version,
  };
}

/**
 * Stores a frozen report (freezeReport) with an audit row, in one transaction. A snapshot is
 * never replaced: an id already stored is refused (`add`, not `put`).
 */
export async function createSnapshot(
  db: AppDatabase,
  snapshot: ReportSnapshot,
): Promise<SnapshotRow> {
  if (snapshot.format !== SNAPSHOT_FORMAT || !snapshot.id) {
    throw new ValidationError('快照内容无效', 'snapshot');
  }
  if (!snapshot.createdBy.trim()) throw new ValidationError('快照需要评估人员姓名', 'createdBy');
  const row = snapshotRowOf(snapshot);
  await db.transaction('rw', db.snapshots, db.snapshotContents, db.auditLog, async () => {
    await db.snapshots.add(row);
    await db.snapshotContents.add({ id: row.id, snapshot });
    await db.auditLog.add({
      entity: 'snapshot',
      key: snapshotKeyString(row.id),
      planId: row.planId,
      action: 'create',
      before: null,
      after: row,
      ...auditOrigin(),
      by: row.createdBy,
      at: row.createdAt,
      reason: row.note,
    });
  });
  announceChange(db, { kind: 'snapshots', planId: row.planId });
  return row;
}

/** A plan's snapshots, newest first (list entries only). */
export async function listSnapshots(db: AppDatabase, planId: string): Promise<SnapshotRow[]> {
  const rows = await db.snapshots.where('planId').equals(planId).toArray();
  return rows.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** A snapshot's full content; undefined when it was deleted. */
export async function getSnapshot(
  db: AppDatabase,
  id: string,
): Promise<ReportSnapshot | undefined> {
  return (await db.snapshotContents.get(id))?.snapshot;
}

/**
 * Deletes a snapshot (list entry and content) with an audit row that keeps its list entry
 * (who froze what, when) and says who deleted it, when and why. The content is gone: a
 * snapshot worth keeping is downloaded as a file first (快照文件).
 */
export async function deleteSnapshot(
  db: AppDatabase,
  id: string,
  ctx: { by: string; reason?: string; now?: () => Date },
): Promise<boolean> {
  const at = (ctx.now?.() ?? new Date()).toISOString();
  const deleted = await db.transaction(
    'rw',
    db.snapshots,
    db.snapshotContents,
    db.auditLog,
    async () => {
      const row = await db.snapshots.get(id);
      if (!row) return null;
      await db.snapshots.delete(id);
      await db.snapshotContents.delete(id);
      await db.auditLog.add({
        entity: 'snapshot',
        key: snapshotKeyString(id),
        planId: row.planId,
        action: 'delete',
        before: row,
        after: null,
        ...auditOrigin(),
        by: ctx.by,
        at,
        reason: ctx.reason?.trim() || '删除评估快照',
      });
      return row;
    },
  );
  if (!deleted) return false;
  announceChange(db, { kind: 'snapshots', planId: deleted.planId });
  return true;
}
