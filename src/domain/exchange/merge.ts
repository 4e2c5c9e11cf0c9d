import type { ExchangeAuditRow } from './exchange-rows';
import type { MergeUnit, UnitChange, UnitMerge } from './exchange-tables';

/**
 * The merge of one table of an exchange file into this laptop's data, unit by unit (a year's
 * value, a judgement, a region). Pure: the rows and histories of both sides in, a plan out. The
 * same function would merge against a replicating server (docs/data-model.md, "Exchange").
 *
 * For each unit the file holds (theirs, T) against what is stored here (mine, M):
 * - M absent: T is **added** (a cleared value too: "cleared there" is worth knowing);
 * - same content (value, text, status, source, note; a judgement's status and reason; a
 *   region's name, level, role and archiving): **identical**, skipped;
 * - T appears in my history (I had it and changed it since): mine is newer, T is **older**;
 * - M appears in their history (they had mine and changed it since): theirs is newer, T is
 *   taken over (**updated**) without asking;
 * - otherwise both changed it: a **conflict**, for the user to resolve. A cleared value against
 *   a value is a conflict too.
 *
 * "Appears" compares a write's identity: its content, time and author (not its version, which
 * each laptop counts on its own, and which a taken-over value renews).
 */

export interface MergeConflict {
  /** `${table}|${unitKey}`: what a resolution names. */
  id: string;
  table: string;
  mine: MergeUnit;
  theirs: MergeUnit;
}

export interface TableMergePlan {
  table: string;
  added: MergeUnit[];
  /** Theirs is a later state of mine: taken over without asking. */
  updated: Array<{ mine: MergeUnit; theirs: MergeUnit }>;
  identical: number;
  /** Mine is a later state of theirs: kept. */
  older: number;
  conflicts: MergeConflict[];
}

/** How one conflict is resolved: keep mine, take theirs, or whichever was written later. */
export type MergeChoice = 'mine' | 'theirs' | 'newer';

export interface MergeSides {
  /** Rows of this table in the file. */
  theirRows: readonly unknown[];
  /** The file's history rows of this table's entity. */
  theirHistory: readonly ExchangeAuditRow[];
  /** Rows stored here with the keys concerned. */
  mineRows: readonly unknown[];
  /** History stored here for the keys concerned. */
  mineHistory: readonly ExchangeAuditRow[];
}

/** A write's identity: the same on every laptop that has it (see the module comment). */
function writeId(merge: UnitMerge<unknown>, unit: MergeUnit): string {
  return JSON.stringify([unit.unitKey, unit.at, unit.by, merge.contentOf(unit)]);
}

const byTime = (a: ExchangeAuditRow, b: ExchangeAuditRow) =>
  a.at === b.at ? (a.seq ?? 0) - (b.seq ?? 0) : a.at < b.at ? -1 : 1;

/**
 * The units one side holds: its rows', and — for a table that does not keep deleted records —
 * a deleted unit for every record whose newest history row deleted it.
 */
function currentUnits(
  merge: UnitMerge<unknown>,
  rows: readonly unknown[],
  history: readonly ExchangeAuditRow[],
): Map<string, MergeUnit> {
  const units = new Map<string, MergeUnit>();
  for (const row of rows) for (const unit of merge.unitsOf(row)) units.set(unit.unitKey, unit);
  if (!merge.hasTombstones) {
    const newest = new Map<string, ExchangeAuditRow>();
    for (const row of [...history].sort(byTime)) newest.set(row.key, row);
    for (const row of newest.values()) {
      if (row.entity === 'series' || row.action !== 'delete' || units.has(row.key)) continue;
      const deleted = merge.unitsOfHistory(row).find((u) => u.isDeleted);
      if (deleted) units.set(deleted.unitKey, deleted);
    }
  }
  return units;
}

/** Every write a side's history and current state know, by identity. */
function knownWrites(
  merge: UnitMerge<unknown>,
  current: Map<string, MergeUnit>,
  history: readonly ExchangeAuditRow[],
): Set<string> {
  const known = new Set<string>();
  for (const unit of current.values()) known.add(writeId(merge, unit));
  for (const row of history) {
    for (const unit of merge.unitsOfHistory(row)) known.add(writeId(merge, unit));
  }
  return known;
}

const sameContent = (merge: UnitMerge<unknown>, a: MergeUnit, b: MergeUnit) =>
  JSON.stringify(merge.contentOf(a)) === JSON.stringify(merge.contentOf(b));

/** The keys of the records a file's rows and history name: what must be read here to merge. */
export function recordKeysConcerned(
  merge: UnitMerge<unknown>,
  sides: Pick<MergeSides, 'theirRows' | 'theirHistory'>,
): string[] {
  const keys = new Set<string>();
  for (const unit of currentUnits(merge, sides.theirRows, sides.theirHistory).values()) {
    keys.add(unit.recordKey);
  }
  return [...keys];
}

export function planTableMerge(
  table: string,
  merge: UnitMerge<unknown>,
  sides: MergeSides,
): TableMergePlan {
  const theirs = currentUnits(merge, sides.theirRows, sides.theirHistory);
  const mine = currentUnits(merge, sides.mineRows, sides.mineHistory);
  const knownMine = knownWrites(merge, mine, sides.mineHistory);
  const knownTheirs = knownWrites(merge, theirs, sides.theirHistory);
  const plan: TableMergePlan = {
    table,
    added: [],
    updated: [],
    identical: 0,
    older: 0,
    conflicts: [],
  };
  for (const t of theirs.values()) {
    const m = mine.get(t.unitKey);
    if (!m) {
      // A deletion of something never stored here needs no record (a cleared value does).
      if (t.isDeleted && !merge.hasTombstones) plan.identical++;
      else plan.added.push(t);
    } else if (sameContent(merge, m, t)) plan.identical++;
    else if (knownMine.has(writeId(merge, t))) plan.older++;
    else if (knownTheirs.has(writeId(merge, m))) plan.updated.push({ mine: m, theirs: t });
    else plan.conflicts.push({ id: `${table}|${t.unitKey}`, table, mine: m, theirs: t });
  }
  return plan;
}

/**
 * Which side a choice keeps. "Newer" compares the times the two values were written (their
 * `updatedAt`, not when the file was made); on the same instant, mine stays.
 *
 * @example chosenSide({ mine: { at: '2026-12-02T09:00Z' }, theirs: { at: '2026-12-02T10:00Z' } }, 'newer') → 'theirs'
 */
export function chosenSide(
  conflict: Pick<MergeConflict, 'mine' | 'theirs'>,
  choice: MergeChoice,
): 'mine' | 'theirs' {
  if (choice !== 'newer') return choice;
  return Date.parse(conflict.theirs.at) > Date.parse(conflict.mine.at) ? 'theirs' : 'mine';
}

/**
 * The changes a resolved plan writes, by record. An added unit keeps its version (nothing here
 * had one); a unit taken over gets a new local version above both sides', so a tab that shows
 * the old one notices (its write states the old version and is refused as a conflict).
 */
export function changesToWrite(
  merge: UnitMerge<unknown>,
  plan: TableMergePlan,
  choiceOf: (conflict: MergeConflict) => MergeChoice,
): Map<string, UnitChange[]> {
  const byRecord = new Map<string, UnitChange[]>();
  const add = (before: MergeUnit | undefined, theirs: MergeUnit, version: number) => {
    const after: MergeUnit = { ...theirs, version, payload: merge.withVersion(theirs, version) };
    const list = byRecord.get(theirs.recordKey) ?? [];
    list.push({ unitKey: theirs.unitKey, before, after });
    byRecord.set(theirs.recordKey, list);
  };
  for (const t of plan.added) add(undefined, t, t.version);
  for (const { mine, theirs } of plan.updated) {
    add(mine, theirs, Math.max(mine.version, theirs.version) + 1);
  }
  for (const conflict of plan.conflicts) {
    if (chosenSide(conflict, choiceOf(conflict)) === 'theirs') {
      add(
        conflict.mine,
        conflict.theirs,
        Math.max(conflict.mine.version, conflict.theirs.version) + 1,
      );
    }
  }
  return byRecord;
}

/**
 * A short text that changes whenever the plan would: compared before the merge is written, so
 * a change made here meanwhile (another tab) is noticed instead of overwritten.
 */
export function planDigest(merge: UnitMerge<unknown>, plan: TableMergePlan): string {
  return JSON.stringify([
    plan.table,
    plan.identical,
    plan.older,
    plan.added.map((u) => u.unitKey),
    plan.updated.map((u) => writeId(merge, u.mine)),
    plan.conflicts.map((c) => writeId(merge, c.mine)),
  ]);
}
