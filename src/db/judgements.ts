import type { StatusCode } from '../domain/assessment/types';
import type { AppDatabase, AuditRow, JudgementRow } from './database';
import { ValidationError } from './errors';

export const judgementKeyString = (
  j: Pick<JudgementRow, 'planId' | 'itemId' | 'regionId' | 'asOfYear'>,
) => `${j.planId}|${j.itemId}|${j.regionId}|${j.asOfYear}`;

/** Sets (or replaces) an evaluator's status for one item; the reason is required. */
export async function setJudgement(
  db: AppDatabase,
  input: Omit<JudgementRow, 'at'>,
): Promise<JudgementRow> {
  if (!input.reason.trim()) throw new ValidationError('人工评定或调整状态必须填写理由', 'reason');
  const row: JudgementRow = { ...input, reason: input.reason.trim(), at: new Date().toISOString() };
  await db.transaction('rw', db.judgements, db.auditLog, async () => {
    const before = await db.judgements.get([row.planId, row.itemId, row.regionId, row.asOfYear]);
    await db.judgements.put(row);
    await db.auditLog.add({
      entity: 'judgement',
      key: judgementKeyString(row),
      planId: row.planId,
      action: before ? 'update' : 'create',
      before: before ?? null,
      after: row,
      by: row.by,
      at: row.at,
      reason: row.reason,
    });
  });
  return row;
}

export async function clearJudgement(
  db: AppDatabase,
  key: Pick<JudgementRow, 'planId' | 'itemId' | 'regionId' | 'asOfYear'>,
  by: string,
  reason: string,
): Promise<void> {
  await db.transaction('rw', db.judgements, db.auditLog, async () => {
    const before = await db.judgements.get([key.planId, key.itemId, key.regionId, key.asOfYear]);
    if (!before) return;
    await db.judgements.delete([key.planId, key.itemId, key.regionId, key.asOfYear]);
    await db.auditLog.add({
      entity: 'judgement',
      key: judgementKeyString(key),
      planId: key.planId,
      action: 'delete',
      before,
      after: null,
      by,
      at: new Date().toISOString(),
      reason,
    });
  });
}

export async function listJudgements(
  db: AppDatabase,
  planId: string,
  regionId: string,
  asOfYear: number,
) {
  const rows = await db.judgements.where('planId').equals(planId).toArray();
  return rows.filter((j) => j.regionId === regionId && j.asOfYear === asOfYear);
}

export async function judgementHistory(
  db: AppDatabase,
  key: Pick<JudgementRow, 'planId' | 'itemId' | 'regionId' | 'asOfYear'>,
): Promise<AuditRow[]> {
  const rows = await db.auditLog.where('key').equals(judgementKeyString(key)).toArray();
  return rows.filter((r) => r.entity === 'judgement').sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
}

export type { StatusCode };
