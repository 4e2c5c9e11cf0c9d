import type { AppDatabase, AuditRow, DataStatus, ObservationRow } from './database';
import { checkValue, type ValueRule } from '../domain/observations/value-rules';
import { ValidationError } from './errors';

export type ObservationKey = [planId: string, itemId: string, regionId: string, year: number];

export function observationKeyString([planId, itemId, regionId, year]: ObservationKey): string {
  return `${planId}|${itemId}|${regionId}|${year}`;
}

export interface ObservationInput {
  planId: string;
  itemId: string;
  regionId: string;
  year: number;
  value: number;
  text?: string;
  dataStatus?: DataStatus;
  source?: string;
  note?: string;
  reason?: string;
}

export interface WriteContext {
  /** The evaluator's name from settings; shown on every change. */
  by: string;
  /** The plan's base year (2015) and end year (2020): values outside are refused. */
  baseYear: number;
  endYear: number;
  /** The plan's own area: only its base-year value is a revision of the catalog's baseline. */
  planAreaId?: string;
  /** Ids of the plan's indicators and text targets; a value for anything else is refused. */
  itemIds: ReadonlySet<string>;
  /** The value rule of an item (valueRuleFor); when given, values are checked against it. */
  ruleOf?: (itemId: string) => ValueRule | undefined;
  now?: () => Date;
}

/** Checks an input before any write; throws ValidationError naming the field. */
export function validateObservation(input: ObservationInput, ctx: WriteContext): void {
  if (!ctx.itemIds.has(input.itemId)) {
    throw new ValidationError(`指标“${input.itemId}”不在本规划中`, 'itemId');
  }
  if (!Number.isInteger(input.year) || input.year < ctx.baseYear || input.year > ctx.endYear) {
    throw new ValidationError(`年份${input.year}不在${ctx.baseYear}—${ctx.endYear}年之间`, 'year');
  }
  const rule = ctx.ruleOf?.(input.itemId);
  if (rule) {
    // The same rules as at the cell, so a paste or an import cannot store what typing could not;
    // checked on the number itself, never on String(value) read again ("1e-7" was typed by nobody).
    const problem = checkValue(input.value, rule);
    if (problem) throw new ValidationError(problem.message, 'value');
  }
  if (!Number.isFinite(input.value)) {
    throw new ValidationError('数值无效', 'value');
  }
  if (!input.regionId) throw new ValidationError('未选择区域', 'regionId');
  // Revising the plan area's printed baseline needs a reason; a county's own 2015 value is its
  // first figure, not a revision (the catalog's baseline is the whole area's).
  const isPlanArea = ctx.planAreaId === undefined || input.regionId === ctx.planAreaId;
  if (input.year === ctx.baseYear && isPlanArea && !input.reason?.trim()) {
    throw new ValidationError('修订基期值必须填写原因', 'reason');
  }
}

function toRow(
  input: ObservationInput,
  previous: ObservationRow | undefined,
  ctx: WriteContext,
): ObservationRow {
  return {
    planId: input.planId,
    itemId: input.itemId,
    regionId: input.regionId,
    year: input.year,
    value: input.value,
    text: input.text ?? String(input.value),
    dataStatus: input.dataStatus ?? previous?.dataStatus ?? 'preliminary',
    source: input.source ?? previous?.source ?? '',
    note: input.note ?? previous?.note ?? '',
    reason: input.reason ?? '',
    updatedAt: (ctx.now?.() ?? new Date()).toISOString(),
    updatedBy: ctx.by,
  };
}

function keyOf(
  row: Pick<ObservationRow, 'planId' | 'itemId' | 'regionId' | 'year'>,
): ObservationKey {
  return [row.planId, row.itemId, row.regionId, row.year];
}

function auditFor(
  before: ObservationRow | undefined,
  after: ObservationRow | undefined,
  action: AuditRow['action'],
  ctx: WriteContext,
  reason: string,
): AuditRow {
  const row = (after ?? before) as ObservationRow;
  return {
    entity: 'observation',
    key: observationKeyString(keyOf(row)),
    planId: row.planId,
    action,
    before: before ?? null,
    after: after ?? null,
    by: ctx.by,
    at: (ctx.now?.() ?? new Date()).toISOString(),
    reason,
  };
}

/**
 * Saves values all-or-nothing: every input is validated first, then all are written with their
 * audit entries in one transaction. An unchanged value (same number, text, status, source and
 * note) is skipped, so re-saving a cell adds no noise to the history.
 */
export async function saveObservations(
  db: AppDatabase,
  inputs: readonly ObservationInput[],
  ctx: WriteContext,
): Promise<{ written: number; unchanged: number }> {
  inputs.forEach((input) => validateObservation(input, ctx));
  // One id for every entry of a multi-value save, so that undo reverts a pasted block at once.
  const batch = inputs.length > 1 ? crypto.randomUUID() : undefined;
  let written = 0;
  let unchanged = 0;
  await db.transaction('rw', db.observations, db.auditLog, async () => {
    for (const input of inputs) {
      const key = keyOf(input);
      const previous = await db.observations.get(key);
      const next = toRow(input, previous, ctx);
      if (
        previous &&
        previous.value === next.value &&
        previous.text === next.text &&
        previous.dataStatus === next.dataStatus &&
        previous.source === next.source &&
        previous.note === next.note
      ) {
        unchanged++;
        continue;
      }
      await db.observations.put(next);
      await db.auditLog.add({
        ...auditFor(previous, next, previous ? 'update' : 'create', ctx, next.reason),
        batch,
      });
      written++;
    }
  });
  return { written, unchanged };
}

export async function saveObservation(db: AppDatabase, input: ObservationInput, ctx: WriteContext) {
  return saveObservations(db, [input], ctx);
}

export async function deleteObservation(
  db: AppDatabase,
  key: ObservationKey,
  ctx: WriteContext,
  reason = '',
): Promise<boolean> {
  return db.transaction('rw', db.observations, db.auditLog, async () => {
    const previous = await db.observations.get(key);
    if (!previous) return false;
    await db.observations.delete(key);
    await db.auditLog.add(auditFor(previous, undefined, 'delete', ctx, reason));
    return true;
  });
}

/** Every value of a plan, optionally for one region. */
export async function listObservations(
  db: AppDatabase,
  planId: string,
  regionId?: string,
): Promise<ObservationRow[]> {
  if (regionId !== undefined) {
    return db.observations.where('[planId+regionId]').equals([planId, regionId]).toArray();
  }
  return db.observations
    .where('[planId+itemId+regionId+year]')
    .between([planId], [planId, []])
    .toArray();
}

/** The changes of one cell, newest first. */
export async function observationHistory(
  db: AppDatabase,
  key: ObservationKey,
): Promise<AuditRow[]> {
  const rows = await db.auditLog.where('key').equals(observationKeyString(key)).toArray();
  return rows.sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
}

/**
 * Reverts the most recent observation change in a plan (optionally one region) that has not
 * been undone yet, and records the undo in the audit log. Returns the reverted entry, or null.
 */
export async function undoLastObservationChange(
  db: AppDatabase,
  planId: string,
  ctx: WriteContext,
  regionId?: string,
): Promise<AuditRow | null> {
  return db.transaction('rw', db.observations, db.auditLog, async () => {
    const entries = await db.auditLog.where('planId').equals(planId).reverse().sortBy('seq');
    const undone = new Set<number>();
    for (const entry of entries) {
      if (entry.entity !== 'observation') continue;
      // An undo entry is noted before the region filter: its `after` holds no region, and
      // skipping it would let the next undo revert the same change twice.
      if (entry.action === 'undo') {
        undone.add((entry.after as { undoneSeq: number } | null)?.undoneSeq ?? -1);
        continue;
      }
      const row = (entry.after ?? entry.before) as ObservationRow;
      if (regionId !== undefined && row.regionId !== regionId) continue;
      if (undone.has(entry.seq as number)) continue;
      // The change to undo, with the rest of its batch (newest first), none of them undone yet.
      const group = entry.batch
        ? entries.filter(
            (e) => e.batch === entry.batch && e.action !== 'undo' && !undone.has(e.seq as number),
          )
        : [entry];
      for (const change of group) {
        const changed = (change.after ?? change.before) as ObservationRow;
        const before = change.before as ObservationRow | null;
        if (before) await db.observations.put(before);
        else await db.observations.delete(keyOf(changed));
        await db.auditLog.add({
          entity: 'observation',
          key: change.key,
          planId,
          action: 'undo',
          before: change.after,
          after: { undoneSeq: change.seq, restored: before },
          by: ctx.by,
          at: (ctx.now?.() ?? new Date()).toISOString(),
          reason: group.length > 1 ? `撤销上一次修改（共${group.length}个值）` : '撤销上一次修改',
        });
      }
      return entry;
    }
    return null;
  });
}
