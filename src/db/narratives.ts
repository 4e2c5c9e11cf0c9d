import { NARRATIVE_MAX_CHARS } from '../domain/import/text-rules';
import { auditOrigin } from './audit';
import { announceChange } from './changes';
import type { AppDatabase } from './database';
import { NarrativeConflictError, ValidationError } from './errors';
import type { NarrativeRow } from './report-tables';

export type NarrativeKey = Pick<NarrativeRow, 'planId' | 'regionId' | 'asOfYear'>;

export const narrativeKeyString = (k: NarrativeKey) =>
  `narrative|${k.planId}|${k.regionId}|${k.asOfYear}`;

/** One section may be long, but not a book pasted by mistake. */
export { NARRATIVE_MAX_CHARS };

export interface NarrativeInput extends NarrativeKey {
  problems: string;
  suggestions: string;
  /** The version this save replaces, as the editor read it (0: none stored). */
  expectedVersion: number;
}

export interface NarrativeContext {
  by: string;
  /** Written to the audit row ("从本浏览器草稿迁移"); empty for an ordinary save. */
  reason?: string;
  now?: () => Date;
}

export async function getNarrative(
  db: AppDatabase,
  key: NarrativeKey,
): Promise<NarrativeRow | undefined> {
  return db.narratives.get([key.planId, key.regionId, key.asOfYear]);
}

function check(input: NarrativeInput) {
  if (!input.planId || !input.regionId || !Number.isInteger(input.asOfYear)) {
    throw new ValidationError('报告的规划、区域或年份无效', 'key');
  }
  for (const field of ['problems', 'suggestions'] as const) {
    if (typeof input[field] !== 'string') throw new ValidationError('文字无效', field);
    if (input[field].length > NARRATIVE_MAX_CHARS) {
      throw new ValidationError(`文字超过${NARRATIVE_MAX_CHARS}字，未保存`, field);
    }
  }
}

/**
 * Saves the evaluator's two sections of one report as a new version, with an audit row holding
 * the text before and after. Refuses with NarrativeConflictError, writing nothing, when the
 * stored version is not the one the editor read (another tab saved since): two tabs never
 * overwrite each other silently. Text equal to what is stored is not written again.
 */
export async function saveNarrative(
  db: AppDatabase,
  input: NarrativeInput,
  ctx: NarrativeContext,
): Promise<NarrativeRow> {
  check(input);
  const at = (ctx.now?.() ?? new Date()).toISOString();
  let isWritten = false;
  const row = await db.transaction('rw', db.narratives, db.auditLog, async () => {
    const before = await getNarrative(db, input);
    if ((before?.version ?? 0) !== input.expectedVersion) {
      throw new NarrativeConflictError(before ?? null, input.expectedVersion);
    }
    if (before && before.problems === input.problems && before.suggestions === input.suggestions) {
      return before;
    }
    const next: NarrativeRow = {
      planId: input.planId,
      regionId: input.regionId,
      asOfYear: input.asOfYear,
      problems: input.problems,
      suggestions: input.suggestions,
      version: (before?.version ?? 0) + 1,
      updatedAt: at,
      updatedBy: ctx.by,
    };
    await db.narratives.put(next);
    await db.auditLog.add({
      entity: 'narrative',
      key: narrativeKeyString(next),
      planId: next.planId,
      action: before ? 'update' : 'create',
      before: before ?? null,
      after: next,
      ...auditOrigin(),
      by: ctx.by,
      at,
      reason: ctx.reason ?? '',
    });
    isWritten = true;
    return next;
  });
  if (isWritten) announceChange(db, { kind: 'narratives', planId: row.planId });
  return row;
}

export interface NarrativeDraft extends NarrativeKey {
  problems: string;
  suggestions: string;
}

/**
 * Moves drafts that the v2 app kept in localStorage into the database, once: a draft for a
 * report that has no stored narrative becomes its first version (audit reason
 * "从本浏览器草稿迁移"); a report that already has one keeps it (the draft was moved before, or
 * the evaluator has written here since). One transaction; returns the drafts it stored. The
 * caller removes every draft from localStorage after this resolves.
 */
export async function migrateNarrativeDrafts(
  db: AppDatabase,
  drafts: readonly NarrativeDraft[],
  ctx: NarrativeContext,
): Promise<NarrativeDraft[]> {
  const wanted = drafts.filter((d) => (d.problems ?? '').trim() || (d.suggestions ?? '').trim());
  if (wanted.length === 0) return [];
  for (const d of wanted) check({ ...d, expectedVersion: 0 });
  const at = (ctx.now?.() ?? new Date()).toISOString();
  const origin = auditOrigin();
  const reason = ctx.reason ?? '从本浏览器草稿迁移';
  const stored = await db.transaction('rw', db.narratives, db.auditLog, async () => {
    const existing = await db.narratives.bulkGet(
      wanted.map((d) => [d.planId, d.regionId, d.asOfYear] as [string, string, number]),
    );
    const rows: NarrativeRow[] = [];
    wanted.forEach((d, i) => {
      if (existing[i]) return;
      rows.push({
        planId: d.planId,
        regionId: d.regionId,
        asOfYear: d.asOfYear,
        problems: d.problems,
        suggestions: d.suggestions,
        version: 1,
        updatedAt: at,
        updatedBy: ctx.by,
      });
    });
    await db.narratives.bulkPut(rows);
    await db.auditLog.bulkAdd(
      rows.map((row) => ({
        entity: 'narrative' as const,
        key: narrativeKeyString(row),
        planId: row.planId,
        action: 'create' as const,
        before: null,
        after: row,
        ...origin,
        by: ctx.by,
        at,
        reason,
      })),
    );
    return rows;
  });
  for (const planId of new Set(stored.map((r) => r.planId))) {
    announceChange(db, { kind: 'narratives', planId });
  }
  return stored;
}
