import type { JudgementRow, ObservationRow } from './database';
import type { NarrativeRow } from './report-tables';
import { formatDateTime } from '../domain/wording/format';

/** A stored time as the pages show it (Beijing time), to the minute. */
const shownTime = (iso: string) => formatDateTime(iso).slice(0, 16);

/** A write refused before it happened; `field` names the place for the message. */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** A cell as a write names it. */
export interface CellRef {
  planId: string;
  itemId: string;
  regionId: string;
  year: number;
}

/** A cell changed by someone else since the writer read it: what is stored now, by whom, when. */
export interface ValueConflict extends CellRef {
  /** The version the writer read (0: no value). */
  expectedVersion: number;
  /** The version to state to replace what is stored now (0 when the cell is empty). */
  currentVersion: number;
  /** The value stored now; null when the cell is empty (cleared, or never entered). */
  current: ObservationRow | null;
  /** Who wrote the stored state and when (also for a cleared cell); null when never entered. */
  changedBy: string | null;
  changedAt: string | null;
}

/**
 * A write that would replace values it never saw: another tab (or an import) changed them after
 * the writer read them. Nothing of the write is stored; `conflicts` lists every such cell.
 */
export class ConflictError extends Error {
  constructor(readonly conflicts: ValueConflict[]) {
    super(`${conflicts.length}个值已被他人修改，未保存`);
    this.name = 'ConflictError';
  }
}

/**
 * An undo refused because cells of the action were changed after it (by this tab, another tab
 * or an import): undo never overwrites a later change. `changed` lists them as stored now.
 */
export class UndoRefusedError extends Error {
  constructor(readonly changed: ValueConflict[]) {
    super(`无法撤销：${changed.length}个值已在之后被修改`);
    this.name = 'UndoRefusedError';
  }
}

/** A judgement changed by someone else since the evaluator opened it. */
export class JudgementConflictError extends Error {
  constructor(
    readonly current: JudgementRow | null,
    readonly expectedVersion: number,
  ) {
    super(
      current
        ? `此项评定已被${current.by}于${shownTime(current.at)}修改，请查看后再保存`
        : '此项评定已被他人撤销，请查看后再保存',
    );
    this.name = 'JudgementConflictError';
  }
}

/**
 * The evaluator's narrative was saved by someone else (another tab, another laptop's import) since
 * this editor read it: nothing is stored; `current` is what is stored now.
 */
export class NarrativeConflictError extends Error {
  constructor(
    readonly current: NarrativeRow | null,
    readonly expectedVersion: number,
  ) {
    super(
      current
        ? `这段文字已由${current.updatedBy}于${shownTime(current.updatedAt)}在别处修改，未保存`
        : '这段文字已在别处被删除，未保存',
    );
    this.name = 'NarrativeConflictError';
  }
}

/**
 * One record (an implementation status, a survey) changed by someone else since the writer read
 * it: what is stored now, by whom, when. `key` is the record's audit key.
 */
export interface RecordConflict<T> {
  key: string;
  /** The version the writer read (0: none). */
  expectedVersion: number;
  /** The version to state to replace what is stored now (0 when there is none). */
  currentVersion: number;
  /** The record stored now; null when there is none (cleared, or never recorded). */
  current: T | null;
  changedBy: string | null;
  changedAt: string | null;
}

/**
 * A write of records that would replace states it never saw. Nothing of the write is stored;
 * `conflicts` lists every such record with what is stored now.
 */
export class RecordConflictError<T = unknown> extends Error {
  constructor(readonly conflicts: RecordConflict<T>[]) {
    super(
      conflicts.length === 1 && conflicts[0]?.changedBy
        ? `此项已被${conflicts[0].changedBy}于${shownTime(conflicts[0].changedAt ?? '')}修改，未保存；请查看后再保存`
        : `${conflicts.length}项已被他人修改，未保存；请查看后再保存`,
    );
    this.name = 'RecordConflictError';
  }
}

/** An undo of records refused because some were changed after the action; nothing is written. */
export class RecordUndoRefusedError<T = unknown> extends Error {
  constructor(readonly changed: RecordConflict<T>[]) {
    super(`无法撤销：${changed.length}项已在之后被修改`);
    this.name = 'RecordUndoRefusedError';
  }
}
