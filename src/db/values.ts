import { checkText, TEXT_RULES } from '../domain/import/text-rules';
import { checkValue, formatValue, type ValueRule } from '../domain/observations/value-rules';
import { auditOrigin } from './audit';
import { announceChange } from './changes';
import type {
  AppDatabase,
  CellChange,
  DataStatus,
  ObservationRow,
  SeriesAuditRow,
  SeriesRow,
  StoredCell,
} from './database';
import {
  ConflictError,
  UndoRefusedError,
  ValidationError,
  type CellRef,
  type ValueConflict,
} from './errors';

/** The key of a series record: `[planId, regionId, itemId]`. */
export type SeriesKey = [planId: string, regionId: string, itemId: string];

/** A series as the audit log's `key` names it: `plan|region|item`. */
export function seriesKeyString(ref: { planId: string; regionId: string; itemId: string }) {
  return `${ref.planId}|${ref.regionId}|${ref.itemId}`;
}

/** One value to write. */
export interface ValueInput extends CellRef {
  /** The number; null clears the cell. */
  value: number | null;
  /** The text exactly as typed; by default the number written out. */
  text?: string;
  /** Omitted: kept from the stored cell (新 cells: 初步, empty source and note). */
  dataStatus?: DataStatus;
  source?: string;
  note?: string;
  reason?: string;
  /**
   * The version of the cell this write replaces, as the writer read it (`ObservationRow.version`);
   * 0 or absent: the writer saw no value. Any other stored state is a conflict.
   */
  expectedVersion?: number;
}

export interface WriteContext {
  /** The evaluator's name from settings; shown on every change. */
  by: string;
  /** The plan's base year (2015) and end year (2020): values outside are refused. */
  baseYear: number;
  endYear: number;
  /**
   * The plan's own area (`planAreaOf(regions)`): only its base-year value is a revision of the
   * catalog's baseline and needs a reason. Absent: every region's base-year value needs one.
   */
  planAreaId?: string;
  /** Ids of the plan's indicators and text targets; a value for anything else is refused. */
  itemIds: ReadonlySet<string>;
  /** The value rule of an item (valueRuleFor); when given, values are checked against it. */
  ruleOf?: (itemId: string) => ValueRule | undefined;
  now?: () => Date;
}

export interface SaveOptions {
  /** Called as records are written: a long write can show how far it got. */
  onProgress?: (done: number, total: number) => void;
  /**
   * The reason every audit row of this action carries (an import: "导入：文件名"); by default a
   * series row with one change carries that value's own reason.
   */
  reason?: string;
}

export interface SaveResult {
  /** The id of the action in the audit log (undo reverts by it); null when nothing changed. */
  actionId: string | null;
  written: number;
  unchanged: number;
  /** The cells written, each with the version it now has (for the undo history, the ✓ shown). */
  cells: WrittenCell[];
}

/** A cell a write stored, and the version it got. */
export interface WrittenCell extends CellRef {
  version: number;
}

/**
 * Records written per bulk call inside the one transaction, so progress can be reported; small
 * enough that the copying of one call (synchronous in put/add) stays a short task.
 */
const CHUNK = 500;
/**
 * Inputs validated, and series built, between two returns to the event loop: a province's import
 * (120,000 values, 20,000 series) was one main-thread task of seconds, during which the page
 * could neither draw its progress nor answer a key (docs/performance.md).
 */
const INPUT_SLICE = 5_000;
const SERIES_SLICE = 1_000;

/** Lets the browser run other tasks (draw, input) before the work goes on. */
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Checks an input before any write; throws ValidationError naming the field. */
export function validateValue(input: ValueInput, ctx: WriteContext): void {
  if (!ctx.itemIds.has(input.itemId)) {
    throw new ValidationError(`指标“${input.itemId}”不在本规划中`, 'itemId');
  }
  if (!Number.isInteger(input.year) || input.year < ctx.baseYear || input.year > ctx.endYear) {
    throw new ValidationError(`年份${input.year}不在${ctx.baseYear}—${ctx.endYear}年之间`, 'year');
  }
  if (!input.regionId) throw new ValidationError('未选择区域', 'regionId');
  if (
    input.expectedVersion !== undefined &&
    (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 0)
  ) {
    throw new ValidationError('版本号无效', 'expectedVersion');
  }
  // Free text passes the same rules as in an import (text-rules.ts), so a backup always restores.
  for (const [field, text, rule] of [
    ['note', input.note, TEXT_RULES.note],
    ['source', input.source, TEXT_RULES.source],
    ['reason', input.reason, TEXT_RULES.reason],
    ['text', input.text, TEXT_RULES.valueText],
  ] as const) {
    const problem = text === undefined ? null : checkText(text, rule);
    if (problem) throw new ValidationError(problem, field);
  }
  if (input.value === null) return;
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
  // Revising the plan area's printed baseline needs a reason; a county's own 2015 value is its
  // first figure, not a revision (the catalog's baseline is the whole area's).
  const isPlanArea = ctx.planAreaId === undefined || input.regionId === ctx.planAreaId;
  if (input.year === ctx.baseYear && isPlanArea && !input.reason?.trim()) {
    throw new ValidationError('修订基期值必须填写原因', 'reason');
  }
}

const isLive = (cell: StoredCell | undefined): cell is StoredCell & { value: number } =>
  cell !== undefined && cell.value !== null;

/** The version a writer sees: a cleared cell reads as "no value", like one never entered. */
const seenVersion = (cell: StoredCell | undefined) => (isLive(cell) ? cell.version : 0);

function toFlat(series: SeriesRow, year: number, cell: StoredCell & { value: number }) {
  const row: ObservationRow = {
    planId: series.planId,
    itemId: series.itemId,
    regionId: series.regionId,
    year,
    value: cell.value,
    text: cell.text,
    dataStatus: cell.dataStatus,
    source: cell.source,
    note: cell.note,
    reason: cell.reason,
    updatedAt: cell.updatedAt,
    updatedBy: cell.updatedBy,
    version: cell.version,
  };
  return row;
}

/** One flat row per live value of the given series (cleared cells left out). */
export function flattenSeries(series: Iterable<SeriesRow>): ObservationRow[] {
  const rows: ObservationRow[] = [];
  for (const s of series) {
    for (const [yearText, cell] of Object.entries(s.cells)) {
      if (isLive(cell)) rows.push(toFlat(s, Number(yearText), cell));
    }
  }
  return rows;
}

function conflictFor(
  ref: CellRef,
  expectedVersion: number,
  series: SeriesRow | undefined,
  cell: StoredCell | undefined,
): ValueConflict {
  return {
    planId: ref.planId,
    itemId: ref.itemId,
    regionId: ref.regionId,
    year: ref.year,
    expectedVersion,
    currentVersion: seenVersion(cell),
    current: series && isLive(cell) ? toFlat(series, ref.year, cell) : null,
    changedBy: cell?.updatedBy ?? null,
    changedAt: cell?.updatedAt ?? null,
  };
}

const sameContent = (a: StoredCell | undefined, b: StoredCell) =>
  isLive(a)
    ? a.value === b.value &&
      a.text === b.text &&
      a.dataStatus === b.dataStatus &&
      a.source === b.source &&
      a.note === b.note
    : b.value === null;

function nextCell(
  input: ValueInput,
  previous: StoredCell | undefined,
  at: string,
  by: string,
): StoredCell {
  const version = (previous?.version ?? 0) + 1;
  if (input.value === null) {
    return {
      value: null,
      text: '',
      dataStatus: 'preliminary',
      source: '',
      note: '',
      reason: input.reason ?? '',
      updatedAt: at,
      updatedBy: by,
      version,
    };
  }
  const kept = isLive(previous) ? previous : undefined;
  return {
    value: input.value,
    text: input.text ?? formatValue(input.value),
    dataStatus: input.dataStatus ?? kept?.dataStatus ?? 'preliminary',
    source: input.source ?? kept?.source ?? '',
    note: input.note ?? kept?.note ?? '',
    reason: input.reason ?? '',
    updatedAt: at,
    updatedBy: by,
    version,
  };
}

/**
 * A region with at least this many series in one write is read whole by key range (one request)
 * instead of series by series: IndexedDB pays per request, and an import of a province plan
 * (20,000 series) spent about a second in single reads (docs/performance.md).
 */
const REGION_RANGE_READ_MIN = 16;

/** The stored series for the given keys, in their order (undefined where none is stored). */
async function readStoredSeries(
  db: AppDatabase,
  keys: readonly SeriesKey[],
): Promise<(SeriesRow | undefined)[]> {
  const byRegion = new Map<string, SeriesKey[]>();
  for (const key of keys) {
    const region = `${key[0]}|${key[1]}`;
    const list = byRegion.get(region);
    if (list) list.push(key);
    else byRegion.set(region, [key]);
  }
  const found = new Map<string, SeriesRow>();
  const single: SeriesKey[] = [];
  const ranges: Promise<void>[] = [];
  byRegion.forEach((regionKeys) => {
    if (regionKeys.length < REGION_RANGE_READ_MIN) {
      single.push(...regionKeys);
      return;
    }
    const [planId, regionId] = regionKeys[0] as SeriesKey;
    ranges.push(
      db.series
        .where('[planId+regionId+itemId]')
        .between([planId, regionId], [planId, regionId, []], true, true)
        .toArray()
        .then((rows) => rows.forEach((row) => found.set(seriesKeyString(row), row))),
    );
  });
  const [singles] = await Promise.all([db.series.bulkGet(single), ...ranges]);
  single.forEach((key, i) => {
    const row = singles[i];
    if (row) found.set(seriesKeyString(row), row);
  });
  return keys.map(([planId, regionId, itemId]) =>
    found.get(seriesKeyString({ planId, regionId, itemId })),
  );
}

async function writeInChunks(
  db: AppDatabase,
  series: SeriesRow[],
  audit: SeriesAuditRow[],
  onProgress: SaveOptions['onProgress'],
) {
  const total = series.length + audit.length;
  let done = 0;
  for (let i = 0; i < series.length; i += CHUNK) {
    const chunk = series.slice(i, i + CHUNK);
    await db.series.bulkPut(chunk);
    onProgress?.((done += chunk.length), total);
  }
  for (let i = 0; i < audit.length; i += CHUNK) {
    const chunk = audit.slice(i, i + CHUNK);
    await db.auditLog.bulkAdd(chunk);
    onProgress?.((done += chunk.length), total);
  }
}

/**
 * Saves values all or nothing, as one action: every input is validated first; then, in one
 * transaction, the series are read in bulk, each input's `expectedVersion` is compared with the
 * stored version, and the changed series are written with one audit row per series. When any
 * cell changed since the writer read it, nothing is written and a ConflictError lists them.
 *
 * An input equal to what is stored (number, text, status, source and note) is skipped, and is no
 * conflict even when its version is old: the stored value is the one the writer wanted.
 */
export async function saveValues(
  db: AppDatabase,
  inputs: readonly ValueInput[],
  ctx: WriteContext,
  options: SaveOptions = {},
): Promise<SaveResult> {
  const seen = new Set<string>();
  for (const [index, input] of inputs.entries()) {
    if (index > 0 && index % INPUT_SLICE === 0) await yieldToBrowser();
    validateValue(input, ctx);
    const cellKey = `${seriesKeyString(input)}|${input.year}`;
    // Two values for one cell in one action: which one was meant cannot be told.
    if (seen.has(cellKey)) {
      throw new ValidationError(
        `${input.itemId}（${input.regionId}）${input.year}年出现了两次`,
        'year',
      );
    }
    seen.add(cellKey);
  }
  const at = (ctx.now?.() ?? new Date()).toISOString();
  const origin = auditOrigin();
  const byKey = new Map<string, { key: SeriesKey; inputs: ValueInput[] }>();
  for (const [index, input] of inputs.entries()) {
    if (index > 0 && index % INPUT_SLICE === 0) await yieldToBrowser();
    const key = seriesKeyString(input);
    let group = byKey.get(key);
    if (!group) {
      group = { key: [input.planId, input.regionId, input.itemId], inputs: [] };
      byKey.set(key, group);
    }
    group.inputs.push(input);
  }
  const groups = [...byKey.values()];
  let unchanged = 0;
  const written: WrittenCell[] = [];
  const changedKeys = new Map<string, string>();
  await db.transaction('rw', db.series, db.auditLog, async () => {
    const stored = await readStoredSeries(
      db,
      groups.map((g) => g.key),
    );
    const conflicts: ValueConflict[] = [];
    const nextSeries: SeriesRow[] = [];
    const audit: SeriesAuditRow[] = [];
    for (const [index, group] of groups.entries()) {
      if (index > 0 && index % SERIES_SLICE === 0) {
        // Inside the transaction a timer would let it commit; a read keeps it open and still
        // hands the main thread back until the read's answer comes.
        await db.series.get(group.key);
      }
      const before = stored[index];
      const [planId, regionId, itemId] = group.key;
      const cells: Record<number, StoredCell> = { ...before?.cells };
      const changes: CellChange[] = [];
      for (const input of group.inputs) {
        const previous = cells[input.year];
        const next = nextCell(input, previous, at, ctx.by);
        if (sameContent(previous, next)) {
          unchanged++;
          continue;
        }
        const expected = input.expectedVersion ?? 0;
        if (expected !== seenVersion(previous)) {
          conflicts.push(conflictFor(input, expected, before, previous));
          continue;
        }
        cells[input.year] = next;
        changes.push({ year: input.year, before: previous ?? null, after: next });
        written.push({ planId, itemId, regionId, year: input.year, version: next.version });
      }
      if (changes.length === 0) continue;
      const key = seriesKeyString({ planId, regionId, itemId });
      changedKeys.set(key, planId);
      nextSeries.push({ planId, regionId, itemId, cells });
      audit.push({
        entity: 'series',
        key,
        planId,
        action: 'save',
        changes,
        ...origin,
        by: ctx.by,
        at,
        reason: options.reason ?? (changes.length === 1 ? (changes[0]?.after?.reason ?? '') : ''),
      });
    }
    if (conflicts.length > 0) throw new ConflictError(conflicts);
    await writeInChunks(db, nextSeries, audit, options.onProgress);
  });
  announceValues(db, changedKeys);
  return {
    actionId: written.length > 0 ? origin.actionId : null,
    written: written.length,
    unchanged,
    cells: written,
  };
}

function announceValues(db: AppDatabase, changedKeys: Map<string, string>) {
  const byPlan = new Map<string, string[]>();
  changedKeys.forEach((planId, key) => {
    // Pushed, not copied: a province's import names 20,000 series (copying was quadratic).
    const keys = byPlan.get(planId);
    if (keys) keys.push(key);
    else byPlan.set(planId, [key]);
  });
  byPlan.forEach((seriesKeys, planId) =>
    announceChange(db, { kind: 'values', planId, seriesKeys }),
  );
}

/** Where a page reads: the whole plan, one region, one item, or one region's item. */
export interface ValueScope {
  regionId?: string;
  itemId?: string;
}

/**
 * The stored values of a plan as flat rows (one per value, cleared cells left out), read by key
 * range: a region's by the primary key `[planId+regionId+itemId]`, an item's across regions by
 * the `[planId+itemId]` index, so a page that shows one region or one item reads only that.
 */
export async function listValues(
  db: AppDatabase,
  planId: string,
  scope: ValueScope = {},
): Promise<ObservationRow[]> {
  const { regionId, itemId } = scope;
  if (regionId !== undefined && itemId !== undefined) {
    const one = await db.series.get([planId, regionId, itemId]);
    return flattenSeries(one ? [one] : []);
  }
  if (itemId !== undefined) {
    return flattenSeries(
      await db.series.where('[planId+itemId]').equals([planId, itemId]).toArray(),
    );
  }
  // A key prefix sorts before every longer key, and an array after every string: so
  // [plan] … [plan, []] spans the plan and [plan, region] … [plan, region, []] the region.
  const prefix = regionId === undefined ? [planId] : [planId, regionId];
  return flattenSeries(
    await db.series
      .where('[planId+regionId+itemId]')
      .between(prefix, [...prefix, []], true, true)
      .toArray(),
  );
}

/** One change of one cell, as its history shows it. */
export interface CellHistoryEntry {
  seq: number;
  action: 'save' | 'undo' | 'merge';
  before: StoredCell | null;
  after: StoredCell | null;
  by: string;
  at: string;
  reason: string;
  actionId: string;
  /** True for a change made on another laptop, whose history came with an exchange file. */
  isImported: boolean;
}

/** The changes of one cell, newest first: its series' audit rows, filtered to its year. */
export async function valueHistory(db: AppDatabase, cell: CellRef): Promise<CellHistoryEntry[]> {
  const rows = await db.auditLog.where('key').equals(seriesKeyString(cell)).toArray();
  const entries: CellHistoryEntry[] = [];
  for (const row of rows) {
    if (row.entity !== 'series') continue;
    for (const change of row.changes) {
      if (change.year !== cell.year) continue;
      entries.push({
        seq: row.seq ?? 0,
        action: row.action,
        before: change.before,
        after: change.after,
        by: row.by,
        at: row.at,
        // A value's own reason (a baseline revision) is on the cell; an undo's on the row.
        reason: row.action === 'undo' ? row.reason : change.after?.reason || row.reason,
        actionId: row.actionId,
        isImported: row.importedIn !== undefined,
      });
    }
  }
  // By time, newest first: rows merged from another laptop's file are added after the local
  // ones (higher seq) but may be older. Within one time, the later row first.
  return entries.sort((a, b) => (a.at === b.at ? b.seq - a.seq : a.at < b.at ? 1 : -1));
}

export interface UndoResult {
  /** The id of the undo itself in the audit log. */
  actionId: string;
  /** The cells set back, with their new versions. */
  cells: WrittenCell[];
}

/**
 * Whether a cell is as the action left it: every later write to it (from its series' history)
 * was itself undone, newest first, like a stack that empties. Anything else (a save, by any tab,
 * never undone; an undo of an older action) means the cell changed since.
 */
function isUntouchedSince(later: readonly SeriesAuditRow[], year: number): boolean {
  const open: string[] = [];
  for (const row of later) {
    // History brought in by an exchange file records writes on another laptop; what the import
    // itself changed here is its own `merge` row, which counts as a change.
    if (row.importedIn !== undefined) continue;
    if (!row.changes.some((c) => c.year === year)) continue;
    if (row.action === 'save') open.push(row.actionId);
    else if (open.at(-1) === row.undoes) open.pop();
    else return false;
  }
  return open.length === 0;
}

/**
 * Reverts one action (`SaveResult.actionId`): every cell it wrote goes back to what it was
 * before, as a new write (version + 1) recorded in the audit log. Refuses with UndoRefusedError,
 * writing nothing, when any of those cells was written after the action and that write was not
 * itself undone: undo never overwrites a later change, by this tab or any other. Returns null
 * when the action is no longer in the audit log (the sample data was reloaded since).
 */
export async function undoAction(
  db: AppDatabase,
  actionId: string,
  ctx: Pick<WriteContext, 'by' | 'now'>,
): Promise<UndoResult | null> {
  const at = (ctx.now?.() ?? new Date()).toISOString();
  const origin = auditOrigin();
  const cells: WrittenCell[] = [];
  const changedKeys = new Map<string, string>();
  const isFound = await db.transaction('rw', db.series, db.auditLog, async () => {
    const rows = (await db.auditLog.where('actionId').equals(actionId).toArray()).filter(
      (row): row is SeriesAuditRow => row.entity === 'series',
    );
    if (rows.length === 0) return false;
    const keys = rows.map((row) => {
      const [planId = '', regionId = '', itemId = ''] = row.key.split('|');
      return [planId, regionId, itemId] as SeriesKey;
    });
    const stored = await db.series.bulkGet(keys);
    const histories = await Promise.all(
      rows.map((row) => db.auditLog.where('key').equals(row.key).toArray()),
    );
    const changed: ValueConflict[] = [];
    const nextSeries: SeriesRow[] = [];
    const audit: SeriesAuditRow[] = [];
    rows.forEach((row, index) => {
      const series = stored[index];
      const [planId, regionId, itemId] = keys[index] as SeriesKey;
      const later = (histories[index] ?? [])
        .filter((r): r is SeriesAuditRow => r.entity === 'series' && (r.seq ?? 0) > (row.seq ?? 0))
        .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
      const next: Record<number, StoredCell> = { ...series?.cells };
      const changes: CellChange[] = [];
      for (const change of row.changes) {
        const ref = { planId, regionId, itemId, year: change.year };
        const current = next[change.year];
        if (!isUntouchedSince(later, change.year)) {
          changed.push(conflictFor(ref, change.after?.version ?? 0, series, current));
          continue;
        }
        const version = (current?.version ?? 0) + 1;
        const restored: StoredCell = change.before
          ? { ...change.before, updatedAt: at, updatedBy: ctx.by, version }
          : nextCell({ ...ref, value: null }, current, at, ctx.by);
        next[change.year] = restored;
        changes.push({ year: change.year, before: current ?? null, after: restored });
        cells.push({ ...ref, version });
      }
      if (changes.length === 0) return;
      changedKeys.set(row.key, planId);
      nextSeries.push({ planId, regionId, itemId, cells: next });
      audit.push({
        entity: 'series',
        key: row.key,
        planId,
        action: 'undo',
        changes,
        undoes: actionId,
        ...origin,
        by: ctx.by,
        at,
        reason: '撤销上一次修改',
      });
    });
    if (changed.length > 0) throw new UndoRefusedError(changed);
    await writeInChunks(db, nextSeries, audit, undefined);
    return true;
  });
  if (!isFound) return null;
  announceValues(db, changedKeys);
  return { actionId: origin.actionId, cells };
}
