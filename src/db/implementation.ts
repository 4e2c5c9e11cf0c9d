import type { Plan } from '../domain/catalog/schema';
import {
  validateImplementation,
  type ImplementationRecord,
  type ImplementationStatus,
  type Subject,
} from '../domain/implementation/model';
import { auditOrigin } from './audit';
import { announceChange } from './changes';
import type { AppDatabase, ImplementationAuditRow, ImplementationRow } from './database';
import {
  RecordConflictError,
  RecordUndoRefusedError,
  ValidationError,
  type RecordConflict,
} from './errors';

/**
 * Implementation statuses (落实情况) of service-list items and key tasks, per region and year:
 * the same guarantees as values (src/db/values.ts). Every input is validated first (the domain's
 * rules); a write states the version it replaces and is refused whole when any record changed
 * since (RecordConflictError); a batch is one action with one audit row per record, written in
 * one transaction; undo reverts one action and refuses when a record changed since.
 */

/** The natural key of a record: `[planId, regionId, subjectId, year]`. */
export type ImplementationKey = [planId: string, regionId: string, subjectId: string, year: number];

export interface ImplementationRef {
  planId: string;
  regionId: string;
  subjectId: string;
  year: number;
}

/** The audit log's key of a record: `plan|region|subject|year`. */
export const implementationKeyString = (r: ImplementationRef) =>
  `${r.planId}|${r.regionId}|${r.subjectId}|${r.year}`;

/** A record as pages read it: the domain's record with the version a write must state. */
export interface StoredImplementation extends ImplementationRecord {
  version: number;
}

export interface ImplementationInput {
  planId: string;
  regionId: string;
  subject: Subject;
  year: number;
  /** null clears the record (kept as a tombstone). */
  status: ImplementationStatus | null;
  /** Omitted: kept from the stored record (new records: empty). */
  evidence?: string;
  documentRef?: string;
  reply?: string;
  /** The version this write replaces, as the writer read it; 0 or absent: it saw no record. */
  expectedVersion?: number;
}

export interface ImplementationWriteContext {
  /** The evaluator's name from settings. */
  by: string;
  plan: Plan;
  /** The plan's regions (archived ones included); a record for any other region is refused. */
  regionIds?: ReadonlySet<string>;
  now?: () => Date;
}

export interface ImplementationSaveResult {
  /** The action's id in the audit log (undo reverts by it); null when nothing changed. */
  actionId: string | null;
  /** The records written, each with its new version. */
  written: Array<ImplementationRef & { version: number }>;
  unchanged: number;
}

const isLive = (row: ImplementationRow | undefined): row is ImplementationRow =>
  row !== undefined && row.status !== null;
/** The version a writer sees: a cleared record reads as none, like one never recorded. */
const seenVersion = (row: ImplementationRow | undefined) => (isLive(row) ? row.version : 0);

const refOf = (row: ImplementationRow): ImplementationRef => ({
  planId: row.planId,
  regionId: row.regionId,
  subjectId: row.subjectId,
  year: row.year,
});

function toRecord(row: ImplementationRow): StoredImplementation {
  return {
    planId: row.planId,
    regionId: row.regionId,
    subject: { kind: row.subjectKind, id: row.subjectId },
    year: row.year,
    status: row.status as ImplementationStatus,
    evidence: row.evidence,
    documentRef: row.documentRef,
    reply: row.reply,
    by: row.by,
    at: row.at,
    version: row.version,
  };
}

function conflictOf(
  ref: ImplementationRef,
  expectedVersion: number,
  row: ImplementationRow | undefined,
): RecordConflict<StoredImplementation> {
  return {
    key: implementationKeyString(ref),
    expectedVersion,
    currentVersion: seenVersion(row),
    current: isLive(row) ? toRecord(row) : null,
    changedBy: row?.by ?? null,
    changedAt: row?.at ?? null,
  };
}

const sameContent = (a: ImplementationRow | undefined, b: ImplementationRow) =>
  isLive(a)
    ? a.status === b.status &&
      a.evidence === b.evidence &&
      a.documentRef === b.documentRef &&
      a.reply === b.reply
    : b.status === null;

/** Checks an input before any write; throws ValidationError naming the field. */
function validateInput(
  input: ImplementationInput,
  ctx: ImplementationWriteContext,
  stored: { evidence: string; documentRef: string; reply: string },
) {
  if (input.planId !== ctx.plan.id) {
    throw new ValidationError(`规划“${input.planId}”不是当前规划`, 'planId');
  }
  if (input.regionId && ctx.regionIds && !ctx.regionIds.has(input.regionId)) {
    throw new ValidationError(`区域“${input.regionId}”不在本规划中`, 'regionId');
  }
  if (
    input.expectedVersion !== undefined &&
    (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 0)
  ) {
    throw new ValidationError('版本号无效', 'expectedVersion');
  }
  const problems = validateImplementation(
    {
      subject: input.subject,
      regionId: input.regionId,
      year: input.year,
      // A clearing is checked for its item, region and year only.
      status: input.status ?? 'not_started',
      evidence: input.evidence ?? stored.evidence,
      documentRef: input.documentRef ?? stored.documentRef,
      reply: input.reply ?? stored.reply,
    },
    ctx.plan,
  );
  if (problems.length > 0) throw new ValidationError(problems.join('；'), 'status');
}

function nextRow(
  input: ImplementationInput,
  previous: ImplementationRow | undefined,
  at: string,
  by: string,
): ImplementationRow {
  const kept = isLive(previous) ? previous : undefined;
  const isClearing = input.status === null;
  return {
    planId: input.planId,
    regionId: input.regionId,
    subjectKind: input.subject.kind,
    subjectId: input.subject.id,
    year: input.year,
    status: input.status,
    evidence: isClearing ? '' : (input.evidence ?? kept?.evidence ?? ''),
    documentRef: isClearing ? '' : (input.documentRef ?? kept?.documentRef ?? ''),
    reply: isClearing ? '' : (input.reply ?? kept?.reply ?? ''),
    by,
    at,
    version: (previous?.version ?? 0) + 1,
  };
}

const keyOf = (r: ImplementationRef): ImplementationKey => [
  r.planId,
  r.regionId,
  r.subjectId,
  r.year,
];

/**
 * Saves implementation records all or nothing, as one action: every input is validated first
 * (with the stored fields it leaves out), then in one transaction the records are read in bulk,
 * each `expectedVersion` compared with the stored version, and the changed records written with
 * one audit row each. A record equal to what is stored is skipped (and is no conflict). When any
 * record changed since the writer read it, nothing is written and RecordConflictError lists them.
 */
export async function saveImplementation(
  db: AppDatabase,
  inputs: readonly ImplementationInput[],
  ctx: ImplementationWriteContext,
): Promise<ImplementationSaveResult> {
  const seen = new Set<string>();
  for (const input of inputs) {
    const key = implementationKeyString({ ...input, subjectId: input.subject.id });
    if (seen.has(key)) {
      throw new ValidationError(
        `同一事项同一年份出现了两次（${input.subject.id}，${input.year}年）`,
        'subject',
      );
    }
    seen.add(key);
  }
  const at = (ctx.now?.() ?? new Date()).toISOString();
  const origin = auditOrigin();
  const written: ImplementationSaveResult['written'] = [];
  let unchanged = 0;
  await db.transaction('rw', db.implementation, db.auditLog, async () => {
    const stored = await db.implementation.bulkGet(
      inputs.map((i) => keyOf({ ...i, subjectId: i.subject.id })),
    );
    // Validated with the stored fields a write leaves out, before anything is written.
    inputs.forEach((input, index) => {
      const kept = stored[index];
      validateInput(input, ctx, isLive(kept) ? kept : { evidence: '', documentRef: '', reply: '' });
    });
    const conflicts: RecordConflict<StoredImplementation>[] = [];
    const rows: ImplementationRow[] = [];
    const audit: ImplementationAuditRow[] = [];
    inputs.forEach((input, index) => {
      const previous = stored[index];
      const ref = { ...input, subjectId: input.subject.id };
      const next = nextRow(input, previous, at, ctx.by);
      if (sameContent(previous, next) || (!isLive(previous) && input.status === null)) {
        unchanged++;
        return;
      }
      const expected = input.expectedVersion ?? 0;
      if (expected !== seenVersion(previous)) {
        conflicts.push(conflictOf(ref, expected, previous));
        return;
      }
      rows.push(next);
      audit.push({
        entity: 'implementation',
        key: implementationKeyString(ref),
        planId: input.planId,
        action: 'save',
        before: previous ?? null,
        after: next,
        ...origin,
        by: ctx.by,
        at,
        reason: '',
      });
      written.push({ ...refOf(next), version: next.version });
    });
    if (conflicts.length > 0) throw new RecordConflictError(conflicts);
    await db.implementation.bulkPut(rows);
    await db.auditLog.bulkAdd(audit);
  });
  if (written.length > 0) announceChange(db, { kind: 'implementation', planId: ctx.plan.id });
  return { actionId: written.length > 0 ? origin.actionId : null, written, unchanged };
}

/**
 * The records of a plan (all regions) or of one region, tombstones left out, read by key range:
 * a key prefix sorts before every longer key, and an array after every string and number.
 */
export async function listImplementation(
  db: AppDatabase,
  planId: string,
  scope: { regionId?: string } = {},
): Promise<StoredImplementation[]> {
  const prefix = scope.regionId === undefined ? [planId] : [planId, scope.regionId];
  const rows = await db.implementation
    .where('[planId+regionId+subjectId+year]')
    .between(prefix, [...prefix, []], true, true)
    .toArray();
  return rows.filter(isLive).map(toRecord);
}

/** One change of a record, as an item's history shows it. */
export interface ImplementationHistoryEntry {
  seq: number;
  year: number;
  action: 'save' | 'undo' | 'merge';
  /** True for a change made on another laptop, whose history came with an exchange file. */
  isImported: boolean;
  before: ImplementationRow | null;
  after: ImplementationRow;
  by: string;
  at: string;
  actionId: string;
}

/** Every change of one item in one region, all years, newest first. */
export async function implementationHistory(
  db: AppDatabase,
  subject: { planId: string; regionId: string; subjectId: string },
): Promise<ImplementationHistoryEntry[]> {
  // The key ends with "|year", so the prefix up to the last separator is this item's alone.
  const prefix = `${subject.planId}|${subject.regionId}|${subject.subjectId}|`;
  const rows = await db.auditLog.where('key').startsWith(prefix).toArray();
  return (
    rows
      .filter((row): row is ImplementationAuditRow => row.entity === 'implementation')
      .map((row) => ({
        seq: row.seq ?? 0,
        year: row.after.year,
        action: row.action,
        before: row.before,
        after: row.after,
        by: row.by,
        at: row.at,
        actionId: row.actionId,
        isImported: row.importedIn !== undefined,
      }))
      // By time, newest first (as valueHistory): rows merged from another laptop's file are added
      // after the local ones (higher seq) but may be older; put first, they read as the current
      // state although this laptop kept its own (evaluator trial).
      .sort((a, b) => (a.at === b.at ? b.seq - a.seq : a.at < b.at ? 1 : -1))
  );
}

/**
 * Whether a record is as the action left it: every later write to it was itself undone, newest
 * first, like a stack that empties (the rule of `undoAction` for values).
 */
function isUntouchedSince(later: readonly ImplementationAuditRow[]): boolean {
  const open: string[] = [];
  for (const row of later) {
    if (row.action === 'save') open.push(row.actionId);
    else if (open.at(-1) === row.undoes) open.pop();
    else return false;
  }
  return open.length === 0;
}

export interface ImplementationUndoResult {
  actionId: string;
  keys: ImplementationRef[];
}

/**
 * Reverts one action: every record it wrote goes back to what it was before (a record it
 * created becomes a tombstone), as a new write with its audit row. Refuses with
 * RecordUndoRefusedError, writing nothing, when any of them was written after the action and
 * that write was not itself undone. Null when the action is not in the audit log.
 */
export async function undoImplementation(
  db: AppDatabase,
  actionId: string,
  ctx: { by: string; now?: () => Date },
): Promise<ImplementationUndoResult | null> {
  const at = (ctx.now?.() ?? new Date()).toISOString();
  const origin = auditOrigin();
  const keys: ImplementationRef[] = [];
  let planId = '';
  const isFound = await db.transaction('rw', db.implementation, db.auditLog, async () => {
    const rows = (await db.auditLog.where('actionId').equals(actionId).toArray()).filter(
      (row): row is ImplementationAuditRow => row.entity === 'implementation',
    );
    if (rows.length === 0) return false;
    const stored = await db.implementation.bulkGet(rows.map((row) => keyOf(refOf(row.after))));
    const histories = await Promise.all(
      rows.map((row) => db.auditLog.where('key').equals(row.key).toArray()),
    );
    const changed: RecordConflict<StoredImplementation>[] = [];
    const next: ImplementationRow[] = [];
    const audit: ImplementationAuditRow[] = [];
    rows.forEach((row, index) => {
      const current = stored[index];
      const ref = refOf(row.after);
      const later = (histories[index] ?? [])
        .filter(
          (r): r is ImplementationAuditRow =>
            r.entity === 'implementation' && (r.seq ?? 0) > (row.seq ?? 0),
        )
        .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
      if (!isUntouchedSince(later)) {
        changed.push(conflictOf(ref, row.after.version, current));
        return;
      }
      const version = (current?.version ?? 0) + 1;
      const restored: ImplementationRow =
        row.before && row.before.status !== null
          ? { ...row.before, by: ctx.by, at, version }
          : {
              ...row.after,
              status: null,
              evidence: '',
              documentRef: '',
              reply: '',
              by: ctx.by,
              at,
              version,
            };
      next.push(restored);
      audit.push({
        entity: 'implementation',
        key: row.key,
        planId: row.planId,
        action: 'undo',
        before: current ?? null,
        after: restored,
        undoes: actionId,
        ...origin,
        by: ctx.by,
        at,
        reason: '撤销上一次修改',
      });
      keys.push(ref);
      planId = row.planId;
    });
    if (changed.length > 0) throw new RecordUndoRefusedError(changed);
    await db.implementation.bulkPut(next);
    await db.auditLog.bulkAdd(audit);
    return true;
  });
  if (!isFound) return null;
  announceChange(db, { kind: 'implementation', planId });
  return { actionId: origin.actionId, keys };
}
