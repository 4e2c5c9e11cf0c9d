import type { Plan } from '../domain/catalog/schema';
import { validateSurvey, type Survey } from '../domain/implementation/surveys';
import { auditOrigin } from './audit';
import { announceChange } from './changes';
import type { AppDatabase, SurveyAuditRow, SurveyRow } from './database';
import { RecordConflictError, ValidationError, type RecordConflict } from './errors';

/**
 * Satisfaction surveys (社会满意度调查) of a plan: validated before every write, versioned like
 * values (a write states the version it replaces; RecordConflictError otherwise), every change in
 * the audit log, a withdrawn survey kept as a tombstone.
 */

export interface SurveyInput extends Omit<Survey, 'id' | 'by' | 'at'> {
  /** Absent: a new survey (an id is made). */
  id?: string;
  /** The version this write replaces, as read; 0 or absent for a new survey. */
  expectedVersion?: number;
}

export interface SurveyWriteContext {
  by: string;
  plan: Plan;
  now?: () => Date;
}

/** The audit log's key of a survey. */
export const surveyKeyString = (s: Pick<SurveyRow, 'planId' | 'id'>) =>
  `${s.planId}|survey|${s.id}`;

const isLive = (row: SurveyRow | undefined): row is SurveyRow =>
  row !== undefined && row.deleted === 0;

function conflictOf(id: string, planId: string, expected: number, row: SurveyRow | undefined) {
  const conflict: RecordConflict<SurveyRow> = {
    key: surveyKeyString({ planId, id }),
    expectedVersion: expected,
    currentVersion: isLive(row) ? row.version : 0,
    current: isLive(row) ? row : null,
    changedBy: row?.by ?? null,
    changedAt: row?.at ?? null,
  };
  return new RecordConflictError([conflict]);
}

/** Records a new survey or corrects one; returns the stored row. */
export async function saveSurvey(
  db: AppDatabase,
  input: SurveyInput,
  ctx: SurveyWriteContext,
): Promise<SurveyRow> {
  const { id: givenId, expectedVersion = 0, ...fields } = input;
  if (fields.planId !== ctx.plan.id) {
    throw new ValidationError(`规划“${fields.planId}”不是当前规划`, 'planId');
  }
  const problems = validateSurvey(fields, ctx.plan);
  if (problems.length > 0) throw new ValidationError(problems.join('；'), 'survey');
  const id = givenId ?? crypto.randomUUID();
  const at = (ctx.now?.() ?? new Date()).toISOString();
  const row = await db.transaction('rw', db.surveys, db.auditLog, async () => {
    const before = await db.surveys.get(id);
    const seen = isLive(before) ? before.version : 0;
    if (seen !== expectedVersion) throw conflictOf(id, fields.planId, expectedVersion, before);
    const next: SurveyRow = {
      ...fields,
      id,
      by: ctx.by,
      at,
      version: (before?.version ?? 0) + 1,
      deleted: 0,
    };
    await db.surveys.put(next);
    const audit: SurveyAuditRow = {
      entity: 'survey',
      key: surveyKeyString(next),
      planId: next.planId,
      action: isLive(before) ? 'update' : 'create',
      before: before ?? null,
      after: next,
      ...auditOrigin(),
      by: ctx.by,
      at,
      reason: '',
    };
    await db.auditLog.add(audit);
    return next;
  });
  announceChange(db, { kind: 'surveys', planId: row.planId });
  return row;
}

/** Withdraws a survey (kept as a tombstone); `expectedVersion` as for a correction. */
export async function deleteSurvey(
  db: AppDatabase,
  id: string,
  expectedVersion: number,
  ctx: SurveyWriteContext,
): Promise<void> {
  const at = (ctx.now?.() ?? new Date()).toISOString();
  await db.transaction('rw', db.surveys, db.auditLog, async () => {
    const before = await db.surveys.get(id);
    if (!isLive(before) || before.version !== expectedVersion) {
      throw conflictOf(id, ctx.plan.id, expectedVersion, before);
    }
    const next: SurveyRow = { ...before, by: ctx.by, at, version: before.version + 1, deleted: 1 };
    await db.surveys.put(next);
    const audit: SurveyAuditRow = {
      entity: 'survey',
      key: surveyKeyString(next),
      planId: next.planId,
      action: 'delete',
      before,
      after: next,
      ...auditOrigin(),
      by: ctx.by,
      at,
      reason: '撤回调查结果',
    };
    await db.auditLog.add(audit);
  });
  announceChange(db, { kind: 'surveys', planId: ctx.plan.id });
}

/** The surveys of a plan, withdrawn ones left out, by year then time of recording. */
export async function listSurveys(db: AppDatabase, planId: string): Promise<SurveyRow[]> {
  const rows = await db.surveys.where('planId').equals(planId).toArray();
  return rows.filter(isLive).sort((a, b) => a.year - b.year || a.at.localeCompare(b.at));
}

/** Every change of one survey, newest first. */
export async function surveyHistory(
  db: AppDatabase,
  survey: Pick<SurveyRow, 'planId' | 'id'>,
): Promise<SurveyAuditRow[]> {
  const rows = await db.auditLog.where('key').equals(surveyKeyString(survey)).toArray();
  return rows
    .filter((r): r is SurveyAuditRow => r.entity === 'survey')
    .sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
}
