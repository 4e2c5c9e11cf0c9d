import { STATUS_CODES, type StatusCode } from '../domain/assessment/types';
import { checkText, TEXT_RULES } from '../domain/import/text-rules';
import { auditOrigin } from './audit';
import { announceChange } from './changes';
import type { AppDatabase, JudgementRow, RecordAuditRow } from './database';
import { JudgementConflictError, ValidationError } from './errors';

export type JudgementKey = Pick<JudgementRow, 'planId' | 'itemId' | 'regionId' | 'asOfYear'>;

export const judgementKeyString = (j: JudgementKey) =>
  `${j.planId}|${j.itemId}|${j.regionId}|${j.asOfYear}`;

export interface JudgementInput extends JudgementKey {
  status: StatusCode;
  reason: string;
  by: string;
  /**
   * The version of the judgement this replaces, as the evaluator saw it (`JudgementRow.version`);
   * 0 or absent: there was none. Anything else stored is a JudgementConflictError.
   */
  expectedVersion?: number;
}

function checkVersion(current: JudgementRow | undefined, expectedVersion = 0) {
  if ((current?.version ?? 0) !== expectedVersion) {
    throw new JudgementConflictError(current ?? null, expectedVersion);
  }
}

/** Sets (or replaces) an evaluator's status for one item; the reason is required. */
export async function setJudgement(db: AppDatabase, input: JudgementInput): Promise<JudgementRow> {
  if (!STATUS_CODES.includes(input.status)) {
    throw new ValidationError(`未知的状态“${input.status}”`, 'status');
  }
  if (!input.reason.trim()) throw new ValidationError('人工评定或调整状态必须填写理由', 'reason');
  const problem = checkText(input.reason.trim(), TEXT_RULES.judgementReason);
  if (problem) throw new ValidationError(problem, 'reason');
  const { expectedVersion, ...fields } = input;
  const at = new Date().toISOString();
  const row = await db.transaction('rw', db.judgements, db.auditLog, async () => {
    const before = await db.judgements.get([
      input.planId,
      input.itemId,
      input.regionId,
      input.asOfYear,
    ]);
    checkVersion(before, expectedVersion);
    const next: JudgementRow = {
      ...fields,
      reason: input.reason.trim(),
      at,
      version: (before?.version ?? 0) + 1,
    };
    await db.judgements.put(next);
    await db.auditLog.add({
      entity: 'judgement',
      key: judgementKeyString(next),
      planId: next.planId,
      action: before ? 'update' : 'create',
      before: before ?? null,
      after: next,
      ...auditOrigin(),
      by: next.by,
      at,
      reason: next.reason,
    });
    return next;
  });
  announceChange(db, { kind: 'judgements', planId: row.planId });
  return row;
}

/** Withdraws a judgement (the computed status applies again); `expectedVersion` as for setting. */
export async function clearJudgement(
  db: AppDatabase,
  key: JudgementKey,
  by: string,
  reason: string,
  expectedVersion: number,
): Promise<void> {
  const isCleared = await db.transaction('rw', db.judgements, db.auditLog, async () => {
    const before = await db.judgements.get([key.planId, key.itemId, key.regionId, key.asOfYear]);
    if (!before && expectedVersion === 0) return false;
    checkVersion(before, expectedVersion);
    await db.judgements.delete([key.planId, key.itemId, key.regionId, key.asOfYear]);
    await db.auditLog.add({
      entity: 'judgement',
      key: judgementKeyString(key),
      planId: key.planId,
      action: 'delete',
      before,
      after: null,
      ...auditOrigin(),
      by,
      at: new Date().toISOString(),
      reason,
    });
    return true;
  });
  if (isCleared) announceChange(db, { kind: 'judgements', planId: key.planId });
}

/** The judgements of one region and as-of year. */
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
  key: JudgementKey,
): Promise<RecordAuditRow[]> {
  const rows = await db.auditLog.where('key').equals(judgementKeyString(key)).toArray();
  return rows
    .filter((r): r is RecordAuditRow => r.entity === 'judgement')
    .sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
}

export type { StatusCode };
