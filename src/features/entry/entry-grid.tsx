import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { ObservationRow } from '../../db/database';
import { ConflictError, type ValueConflict } from '../../db/errors';
import type { SaveResult, ValueInput } from '../../db/values';
import { THRESHOLDS } from '../../domain/assessment/thresholds';
import { checkJump, previousValue } from '../../domain/observations/parse';
import { looksLikeRunningTotals } from '../../domain/observations/running-totals';
import { formatNumber, formatYearList } from '../../domain/wording/format';
import {
  formatValue,
  parseValue,
  type ValueError,
  type ValueErrorCode,
  type ValueRule,
} from '../../domain/observations/value-rules';
import { parseBlock, placeBlock } from '../../domain/observations/paste';
import { useLocale, useT } from '../../shared/i18n';
import { ConflictDialog } from './conflict-dialog';
import { cellKey, formatCellValue } from './grid-model';
import { entryMessages } from './messages';

const PARSE_ERROR_KEYS = {
  not_a_number: 'errNotANumber',
  percent_range: 'errPercentRange',
  permille_range: 'errPermilleRange',
  negative: 'errNegative',
  not_a_ratio_indicator: 'errNotRatio',
  ratio_denominator: 'errRatioDenominator',
  wrong_symbol: 'errWrongSymbol',
  exponent: 'errExponent',
  inner_space: 'errInnerSpace',
  foreign_digits: 'errForeignDigits',
  bad_grouping: 'errBadGrouping',
  too_many_digits: 'errTooManyDigits',
  not_finite: 'errNotFinite',
  range: 'errRange',
  too_large: 'errTooLarge',
} as const satisfies Record<ValueErrorCode, string>;

/** One row of the grid: an item for a region (by-region view) or a region for an item. */
export interface GridRow {
  key: string;
  itemId: string;
  regionId: string;
  unit: string | null;
  /** The value rule of the row's item (valueRuleFor): what a cell accepts. */
  rule: ValueRule;
  /** A period total: its cells take yearly amounts, and running totals typed in are questioned. */
  isCumulative?: boolean;
  /** The plan's printed baseline, when it applies to this row's region (jump checks, placeholder). */
  catalogBaseline: number | null;
  catalogBaselineRaw: string | null;
  /** A heading shown above the first row of each group (the domain). */
  group: string | null;
  /** For messages: "九年义务教育巩固率" or "九年义务教育巩固率 · 通川区". */
  label: string;
  leading: ReactNode;
  trailing: ReactNode;
}

/** A cell a notice speaks of, as saved: the page stops saying 已保存 once it changes. */
export interface NoticeCell {
  itemId: string;
  regionId: string;
  year: number;
  version: number;
}

export type Notice = { kind: 'ok' | 'error' | 'info'; text: string; saved?: NoticeCell[] };

interface Props {
  planId: string;
  rows: GridRow[];
  years: number[];
  baseYear: number;
  /** The plan's own area: only its base-year values revise the printed baseline. */
  planAreaId: string | undefined;
  headLeading: ReactNode;
  headTrailing: ReactNode;
  observations: ReadonlyMap<string, ObservationRow>;
  isReadOnly: boolean;
  onActiveCell: (cell: { itemId: string; regionId: string; year: number } | null) => void;
  /** Writes one action; rejects with ConflictError when a cell changed since it was read. */
  save: (inputs: ValueInput[]) => Promise<SaveResult>;
  undo: () => void;
  notify: (notice: Notice) => void;
  label: string;
}

interface CellMessage {
  kind: 'error' | 'warning';
  text: string;
}

interface Editor {
  row: number;
  col: number;
  text: string;
  message: CellMessage | null;
  /** The text whose jump warning was shown: entering it again saves it. */
  confirmedText: string | null;
  /** The version of the value shown when editing began: the save replaces exactly that one. */
  baseVersion: number;
}

interface Draft {
  text: string;
  message: CellMessage;
  confirmedText: string | null;
  baseVersion: number;
}

interface PasteChange {
  row: GridRow;
  year: number;
  input: ValueInput & { value: number };
  old: ObservationRow | undefined;
  warning: string | null;
}

/** A pasted cell that cannot be written, with its message. */
export interface PasteInvalid {
  row: GridRow;
  year: number;
  text: string;
  message: string;
  /** The version shown under it when pasted, kept for its draft. */
  baseVersion: number;
}

interface PastePlan {
  changes: PasteChange[];
  invalid: PasteInvalid[];
  /** Cells of valid text: their earlier rejected drafts go when the paste is committed. */
  validKeys: string[];
  outside: number;
}

/** A write in flight or waiting on the user: what to retry after a conflict, what to say after. */
interface SaveBatch {
  inputs: ValueInput[];
  texts: string[];
  onSaved: (result: SaveResult) => void;
}

type Move = 'up' | 'down' | 'left' | 'right' | 'next' | 'previous' | null;

export function EntryGrid(props: Props) {
  const t = useT(entryMessages);
  const { locale } = useLocale();
  // The domain's messages are Chinese; in English the code picks the message.
  const errorText = (parsed: ValueError) =>
    locale === 'en'
      ? t(PARSE_ERROR_KEYS[parsed.code], {
          text: parsed.text,
          min: formatValue(parsed.min),
          max: formatValue(parsed.max),
        })
      : parsed.message;
  const { rows, years, baseYear, observations } = props;
  const [activeState, setActive] = useState({ row: 0, col: Math.min(1, years.length - 1) });
  const active = {
    row: Math.max(0, Math.min(activeState.row, rows.length - 1)),
    col: Math.max(0, Math.min(activeState.col, years.length - 1)),
  };
  const [editor, setEditorState] = useState<Editor | null>(null);
  const editorRef = useRef<Editor | null>(null);
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Draft>>(new Map());
  const [pending, setPending] = useState<ReadonlyMap<string, string>>(new Map());
  /** Cells just saved, with the version written: the ✓ shows only while that version is stored. */
  const [flash, setFlash] = useState<ReadonlyMap<string, number>>(new Map());
  const [reasonPrompt, setReasonPrompt] = useState<{ inputs: ValueInput[] } | null>(null);
  const [pastePlan, setPastePlan] = useState<PastePlan | null>(null);
  const [conflict, setConflict] = useState<{
    batch: SaveBatch;
    conflicts: ValueConflict[];
  } | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  // Each row's cells as last drawn (see `cellsOf`); only ever compared by content.
  const [keptCells] = useState(() => new Map<string, RowCell[]>());
  const rowActions = useRef<RowActions | null>(null);
  const wantFocus = useRef(false);

  const setEditor = (next: Editor | null) => {
    editorRef.current = next;
    setEditorState(next);
  };

  const keyAt = (row: number, col: number) => {
    const r = rows[row] as GridRow;
    return cellKey(r.itemId, r.regionId, years[col] as number);
  };

  const { onActiveCell } = props;
  // Primitive dependencies: rows are rebuilt on every render of the page, and an object here
  // would report the same cell again and again.
  const activeItemId = rows[active.row]?.itemId;
  const activeRegionId = rows[active.row]?.regionId;
  const activeYear = years[active.col];
  useEffect(() => {
    onActiveCell(
      activeItemId !== undefined && activeRegionId !== undefined && activeYear !== undefined
        ? { itemId: activeItemId, regionId: activeRegionId, year: activeYear }
        : null,
    );
  }, [onActiveCell, activeItemId, activeRegionId, activeYear]);

  // Focus follows the active cell after every move, so fast typing never lands nowhere. The
  // active cell holds an invisible input: what is typed there (IME and full-width text
  // included) starts editing, and the same element then becomes the visible editor.
  useLayoutEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    const input = tableRef.current?.querySelector<HTMLInputElement>(
      `td[data-row="${active.row}"][data-col="${active.col}"] input`,
    );
    if (input && document.activeElement !== input) input.focus();
  });

  const moveFrom = (row: number, col: number, move: Move) => {
    let r = row;
    let c = col;
    if (move === 'up') r--;
    if (move === 'down') r++;
    if (move === 'left') c--;
    if (move === 'right') c++;
    if (move === 'next') {
      c++;
      if (c >= years.length) {
        c = 0;
        r++;
      }
    }
    if (move === 'previous') {
      c--;
      if (c < 0) {
        c = years.length - 1;
        r--;
      }
    }
    r = Math.max(0, Math.min(rows.length - 1, r));
    c = Math.max(0, Math.min(years.length - 1, c));
    wantFocus.current = true;
    setActive({ row: r, col: c });
  };

  const rowValues = (row: GridRow, extra?: ReadonlyMap<number, number>) => {
    const values = new Map<number, number>();
    for (const year of years) {
      const obs = observations.get(cellKey(row.itemId, row.regionId, year));
      if (obs) values.set(year, obs.value);
    }
    extra?.forEach((v, y) => values.set(y, v));
    return values;
  };

  /**
   * What to ask before saving a plausible but doubtful value: running totals typed into a period
   * total's row (docs/data-entry.md), or a jump from the previous year. Null: nothing to ask.
   */
  const jumpWarning = (row: GridRow, year: number, value: number, extra?: Map<number, number>) => {
    const values = rowValues(row, extra);
    if (row.isCumulative && year !== baseYear) {
      const series = [...values.entries(), [year, value] as const].filter(([y]) => y !== baseYear);
      const byYear = new Map(series);
      if (looksLikeRunningTotals([...byYear.entries()])) {
        const previous = byYear.get(year - 1);
        const years = [...byYear.keys()].sort((a, b) => a - b);
        return t('runningTotals', {
          years: formatYearList(years, locale),
          year,
          amount: previous === undefined ? '—' : formatNumber(value - previous, 4),
        });
      }
    }
    const previous = previousValue(year, values, baseYear, row.catalogBaseline);
    const jump = checkJump(value, previous, row.rule);
    if (!jump) return null;
    const vars = {
      year: jump.previousYear,
      previous: formatNumber(jump.previousValue, 4),
      change: `${jump.change > 0 ? '+' : ''}${formatNumber(jump.basis === 'points' ? jump.change : jump.change * 100, 2)}`,
      limit:
        jump.basis === 'points'
          ? THRESHOLDS.jumpWarningPercentagePoints
          : THRESHOLDS.jumpWarningRelative * 100,
    };
    return t(jump.basis === 'points' ? 'jumpPoints' : 'jumpRelative', vars);
  };

  const setDraft = (key: string, draft: Draft | null) =>
    setDrafts((current) => {
      const next = new Map(current);
      if (draft) next.set(key, draft);
      else next.delete(key);
      return next;
    });

  const inputKey = (i: { itemId: string; regionId: string; year: number }) =>
    cellKey(i.itemId, i.regionId, i.year);

  /**
   * Writes a batch. Until the write is stored the cells show the typed text as pending, never as
   * saved; a conflict leaves the user's text in its cells, marked, and asks which value to keep.
   */
  const doSave = async (batch: SaveBatch): Promise<boolean> => {
    const keys = batch.inputs.map(inputKey);
    setPending((current) => {
      const next = new Map(current);
      keys.forEach((k, i) => next.set(k, batch.texts[i] as string));
      return next;
    });
    try {
      const result = await props.save(batch.inputs);
      setFlash(new Map(result.cells.map((c) => [inputKey(c), c.version])));
      keys.forEach((k) => setDraft(k, null));
      batch.onSaved(result);
      return true;
    } catch (error) {
      if (error instanceof ConflictError) {
        const conflicting = new Set(error.conflicts.map(inputKey));
        keys.forEach((k, i) => {
          if (!conflicting.has(k)) return;
          setDraft(k, {
            text: batch.texts[i] as string,
            message: { kind: 'error', text: t('conflictCell') },
            confirmedText: null,
            baseVersion: batch.inputs[i]?.expectedVersion ?? 0,
          });
        });
        setConflict({ batch, conflicts: error.conflicts });
        props.notify({ kind: 'error', text: t('conflictNotice', { count: conflicting.size }) });
        return false;
      }
      const message = error instanceof Error ? error.message : String(error);
      keys.forEach((k, i) =>
        setDraft(k, {
          text: batch.texts[i] as string,
          message: { kind: 'error', text: message },
          confirmedText: null,
          baseVersion: batch.inputs[i]?.expectedVersion ?? 0,
        }),
      );
      props.notify({ kind: 'error', text: t('saveFailed', { message }) });
      return false;
    } finally {
      setPending((current) => {
        const next = new Map(current);
        keys.forEach((k) => next.delete(k));
        return next;
      });
    }
  };

  /** Keeps what is stored for the conflicting cells; the rest of the batch is still written. */
  const keepTheirs = () => {
    const current = conflict;
    if (!current) return;
    setConflict(null);
    wantFocus.current = true;
    const conflicting = new Set(current.conflicts.map(inputKey));
    conflicting.forEach((k) => setDraft(k, null));
    const { batch } = current;
    const rest = batch.inputs
      .map((input, i) => ({ input, text: batch.texts[i] as string }))
      .filter(({ input }) => !conflicting.has(inputKey(input)));
    if (rest.length === 0) {
      props.notify({ kind: 'info', text: t('keptTheirs') });
      return;
    }
    void doSave({
      inputs: rest.map((r) => r.input),
      texts: rest.map((r) => r.text),
      onSaved: batch.onSaved,
    });
  };

  /** Writes the user's values over what is stored now, stating the versions just shown. */
  const writeMine = () => {
    const current = conflict;
    if (!current) return;
    setConflict(null);
    wantFocus.current = true;
    const versions = new Map(current.conflicts.map((c) => [inputKey(c), c.currentVersion]));
    void doSave({
      ...current.batch,
      inputs: current.batch.inputs.map((input) => ({
        ...input,
        expectedVersion: versions.get(inputKey(input)) ?? input.expectedVersion,
      })),
    });
  };

  const saveOne = (row: GridRow, input: ValueInput, text: string) =>
    doSave({
      inputs: [input],
      texts: [text],
      onSaved: (result) =>
        props.notify({
          kind: 'ok',
          saved: result.cells,
          text:
            input.value === null
              ? t('deleted', { what: `${row.label} ${input.year}` })
              : t('saved', {
                  what: `${row.label} ${input.year}`,
                  value: formatCellValue(input.value),
                }),
        }),
    });

  /** Parses, checks and saves the editor's text; returns false when the editor stays open. */
  const commit = (ed: Editor, move: Move, isLeaving = false): boolean => {
    const row = rows[ed.row];
    const year = years[ed.col];
    if (!row || year === undefined) return true;
    const key = cellKey(row.itemId, row.regionId, year);
    const existing = observations.get(key);
    const parsed = parseValue(ed.text, row.rule);
    const close = () => {
      setEditor(null);
      if (move) moveFrom(ed.row, ed.col, move);
      else wantFocus.current = !isLeaving;
    };
    if (parsed.kind === 'empty') {
      setDraft(key, null);
      close();
      // Only a value the user saw is cleared: an empty cell left empty changes nothing, even if
      // another tab filled it meanwhile.
      if (ed.baseVersion > 0) {
        const input: ValueInput = {
          planId: props.planId,
          itemId: row.itemId,
          regionId: row.regionId,
          year,
          value: null,
          expectedVersion: ed.baseVersion,
        };
        void saveOne(row, input, '');
      }
      return true;
    }
    if (parsed.kind === 'error') {
      const message: CellMessage = { kind: 'error', text: errorText(parsed) };
      if (isLeaving) {
        setDraft(key, { text: ed.text, message, confirmedText: null, baseVersion: ed.baseVersion });
        setEditor(null);
      } else {
        setEditor({ ...ed, message });
      }
      return false;
    }
    if (existing && existing.value === parsed.value && existing.text === parsed.text) {
      setDraft(key, null);
      close();
      return true;
    }
    const warning = jumpWarning(row, year, parsed.value);
    if (warning && ed.confirmedText !== ed.text) {
      const message: CellMessage = { kind: 'warning', text: `${warning}。${t('confirmJump')}` };
      if (isLeaving) {
        setDraft(key, {
          text: ed.text,
          message,
          confirmedText: ed.text,
          baseVersion: ed.baseVersion,
        });
        setEditor(null);
      } else {
        setEditor({ ...ed, message, confirmedText: ed.text });
      }
      return false;
    }
    const input: ValueInput = {
      planId: props.planId,
      itemId: row.itemId,
      regionId: row.regionId,
      year,
      value: parsed.value,
      text: parsed.text,
      expectedVersion: ed.baseVersion,
    };
    if (year === baseYear && row.regionId === props.planAreaId) {
      // A baseline revision needs its reason before anything is written.
      setDraft(key, {
        text: ed.text,
        message: { kind: 'warning', text: t('reasonRequired') },
        confirmedText: ed.text,
        baseVersion: ed.baseVersion,
      });
      setEditor(null);
      setReasonPrompt({ inputs: [input] });
      return true;
    }
    close();
    void saveOne(row, input, parsed.text);
    return true;
  };

  const startEdit = (row: number, col: number, text: string | null) => {
    if (props.isReadOnly || !rows[row]) return;
    const key = keyAt(row, col);
    const draft = drafts.get(key);
    const existing = observations.get(key);
    setActive({ row, col });
    wantFocus.current = true;
    setEditor({
      row,
      col,
      text: text ?? draft?.text ?? existing?.text ?? '',
      message: text === null ? (draft?.message ?? null) : null,
      confirmedText: text === null ? (draft?.confirmedText ?? null) : null,
      baseVersion: draft?.baseVersion ?? existing?.version ?? 0,
    });
  };

  const onCellKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (editorRef.current || reasonPrompt || pastePlan || conflict) return;
    const { row, col } = active;
    const key = event.key;
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    const moves: Record<string, Move> = {
      ArrowUp: 'up',
      ArrowDown: 'down',
      ArrowLeft: 'left',
      ArrowRight: 'right',
    };
    if (moves[key] && plain) {
      event.preventDefault();
      moveFrom(row, col, moves[key] as Move);
    } else if (key === 'Tab' && plain) {
      const atEdge = event.shiftKey
        ? row === 0 && col === 0
        : row === rows.length - 1 && col === years.length - 1;
      if (atEdge) return; // let focus leave the grid
      event.preventDefault();
      moveFrom(row, col, event.shiftKey ? 'previous' : 'next');
    } else if (key === 'Enter' && plain) {
      event.preventDefault();
      if (drafts.has(keyAt(row, col))) startEdit(row, col, null);
      else moveFrom(row, col, event.shiftKey ? 'up' : 'down');
    } else if (key === 'F2') {
      event.preventDefault();
      startEdit(row, col, null);
    } else if (key === 'Escape') {
      setDraft(keyAt(row, col), null);
    } else if (key === 'Delete' && plain) {
      event.preventDefault();
      const cell = keyAt(row, col);
      if (drafts.has(cell)) setDraft(cell, null);
      else if (observations.has(cell) && !props.isReadOnly) {
        const baseVersion = observations.get(cell)?.version ?? 0;
        commit({ row, col, text: '', message: null, confirmedText: null, baseVersion }, null);
      }
    } else if (key === 'Backspace' && plain) {
      event.preventDefault();
      startEdit(row, col, '');
    } else if ((event.ctrlKey || event.metaKey) && key.toLowerCase() === 'z') {
      event.preventDefault();
      props.undo();
    }
    // Any other key types into the active cell's input, whose change starts editing.
  };

  const onEditorKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const ed = editorRef.current;
    if (!ed) return;
    const key = event.key;
    let move: Move | undefined;
    if (key === 'Enter') move = event.shiftKey ? 'up' : 'down';
    else if (key === 'Tab') move = event.shiftKey ? 'previous' : 'next';
    else if (key === 'ArrowUp') move = 'up';
    else if (key === 'ArrowDown') move = 'down';
    if (key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDraft(keyAt(ed.row, ed.col), null);
      setEditor(null);
      wantFocus.current = true;
      return;
    }
    if (move === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    commit(ed, move);
  };

  const onPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    if (props.isReadOnly) return;
    const text = event.clipboardData.getData('text/plain');
    const block = parseBlock(text);
    const isSingle = block.length === 1 && block[0]?.length === 1;
    // A single value pasted while editing goes into the editor like any text.
    if (editorRef.current && isSingle) return;
    event.preventDefault();
    const start = editorRef.current ?? active;
    if (editorRef.current) setEditor(null);
    const { cells, outside } = placeBlock(block, start.row, start.col, rows.length, years.length);
    const changes: PasteChange[] = [];
    const invalid: PasteInvalid[] = [];
    const validKeys: string[] = [];
    const pastedByRow = new Map<number, Map<number, number>>();
    for (const cell of cells) {
      const row = rows[cell.rowIndex] as GridRow;
      const year = years[cell.columnIndex] as number;
      const key = cellKey(row.itemId, row.regionId, year);
      const old = observations.get(key);
      const parsed = parseValue(cell.text, row.rule);
      if (parsed.kind === 'error') {
        invalid.push({
          row,
          year,
          text: cell.text,
          message: errorText(parsed),
          baseVersion: old?.version ?? 0,
        });
        continue;
      }
      if (parsed.kind !== 'value') continue;
      validKeys.push(key);
      let pasted = pastedByRow.get(cell.rowIndex);
      if (!pasted) pastedByRow.set(cell.rowIndex, (pasted = new Map()));
      const warning = jumpWarning(row, year, parsed.value, pasted);
      pasted.set(year, parsed.value);
      if (old && old.value === parsed.value && old.text === parsed.text) continue;
      changes.push({
        row,
        year,
        old,
        warning,
        input: {
          planId: props.planId,
          itemId: row.itemId,
          regionId: row.regionId,
          year,
          value: parsed.value,
          text: parsed.text,
          // The version shown now: if another tab writes before the paste is confirmed, the
          // write is refused and the user sees the new value.
          expectedVersion: old?.version ?? 0,
        },
      });
    }
    const plan: PastePlan = { changes, invalid, validKeys, outside };
    if (changes.length === 0) {
      placeDrafts(plan);
      props.notify({ kind: invalid.length ? 'error' : 'info', text: pasteSummary(plan) });
      return;
    }
    // Nothing is written before the user has seen every invalid cell, every overwrite, every
    // warning and every baseline revision.
    const needsPreview =
      invalid.length > 0 || changes.some((c) => c.old || c.warning || isRevision(c));
    if (needsPreview) setPastePlan(plan);
    else void applyPaste(plan, '');
  };

  /** Leaves the invalid pasted texts in their cells, marked, and clears older drafts of valid ones. */
  const placeDrafts = (plan: PastePlan) =>
    setDrafts((current) => {
      const next = new Map(current);
      plan.validKeys.forEach((k) => next.delete(k));
      for (const cell of plan.invalid) {
        next.set(cellKey(cell.row.itemId, cell.row.regionId, cell.year), {
          text: cell.text,
          message: { kind: 'error', text: cell.message },
          confirmedText: null,
          baseVersion: cell.baseVersion,
        });
      }
      return next;
    });

  /** A base-year value of the plan's own area revises the printed baseline (needs a reason). */
  const isRevision = (c: { year: number; input: { regionId: string } }) =>
    c.year === baseYear && c.input.regionId === props.planAreaId;

  const pasteSummary = (plan: PastePlan, written = 0) =>
    [
      written > 0
        ? t('pasteDone', { count: written })
        : plan.invalid.length
          ? ''
          : t('pasteNothing'),
      plan.invalid.length ? t('pasteInvalid', { count: plan.invalid.length }) : '',
      plan.outside ? t('pasteOutside', { count: plan.outside }) : '',
    ]
      .filter(Boolean)
      .join(' ');

  const applyPaste = async (plan: PastePlan, reason: string) => {
    setPastePlan(null);
    wantFocus.current = true;
    placeDrafts(plan);
    await doSave({
      inputs: plan.changes.map((c) => (isRevision(c) ? { ...c.input, reason } : c.input)),
      texts: plan.changes.map((c) => c.input.text ?? ''),
      onSaved: (result) =>
        props.notify({
          kind: plan.invalid.length ? 'error' : 'ok',
          saved: result.cells,
          text: pasteSummary(plan, result.written),
        }),
    });
  };

  const confirmReason = async (reason: string) => {
    const prompt = reasonPrompt;
    if (!prompt) return;
    setReasonPrompt(null);
    wantFocus.current = true;
    const first = { ...(prompt.inputs[0] as ValueInput), reason };
    const row = rows.find((r) => r.itemId === first.itemId && r.regionId === first.regionId);
    if (row) await saveOne(row, first, first.text ?? '');
  };

  const labelOf = (c: { itemId: string; regionId: string }) =>
    rows.find((r) => r.itemId === c.itemId && r.regionId === c.regionId)?.label ??
    `${c.itemId} · ${c.regionId}`;

  const columnCount = years.length + 10;

  // A long grid draws only the rows in its scrolled box (and a few around them), plus the active
  // row and the editor's, wherever they are: 200 regions drawn as 200 rows made every save and
  // every focus change lay out a 1,400-cell table (docs/performance.md). Rows keep their index
  // (data-row, aria-rowindex), so keys, paste and messages work on the whole grid as before.
  // Grouped rows (by region, a heading per domain) are drawn whole: at most a plan's items.
  const isVirtual = rows.length > VIRTUAL_FROM && rows.every((row) => row.group === null);
  const editorRow = editor?.row ?? null;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      for (const extra of [active.row, editorRow]) {
        if (extra !== null && extra < range.count && !indexes.includes(extra)) indexes.push(extra);
      }
      return indexes.sort((a, b) => a - b);
    },
    [active.row, editorRow],
  );
  // No React Compiler here; the virtualizer's functions are read on every render, not memoised.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: isVirtual ? rows.length : 0,
    getScrollElement: () => wrapRef.current,
    estimateSize: () => ROW_HEIGHT_ESTIMATE,
    overscan: 10,
    rangeExtractor,
  });
  const drawn = isVirtual
    ? virtualizer.getVirtualItems().map((v) => ({ r: v.index, start: v.start, end: v.end }))
    : rows.map((_, r) => ({ r, start: 0, end: 0 }));

  // Each drawn row's cells: what is stored, drafts, pending texts and saved marks. An array kept
  // while every cell is the same, so a row whose cells did not change is not drawn again when a
  // save refetches the values or changes the maps of drafts and pending cells.
  const cellsOf = (row: GridRow): RowCell[] => {
    const cells = years.map((year): RowCell => {
      const key = cellKey(row.itemId, row.regionId, year);
      const obs = observations.get(key);
      return {
        obs,
        draft: drafts.get(key),
        pendingText: pending.get(key),
        isFlashing: flash.has(key) && flash.get(key) === obs?.version,
      };
    });
    const before = keptCells.get(row.key);
    const kept =
      before && before.length === cells.length && before.every((c, i) => sameCell(c, cells[i]))
        ? before
        : cells;
    keptCells.set(row.key, kept);
    return kept;
  };
  const rowViews: ReactNode[] = [];
  let offset = 0;
  for (const { r, start, end } of drawn) {
    const row = rows[r] as GridRow;
    if (isVirtual && start > offset) rowViews.push(spacer(`gap-${r}`, start - offset, columnCount));
    offset = end;
    rowViews.push(
      <GridRowView
        key={row.key}
        row={row}
        r={r}
        isGroupStart={row.group !== null && row.group !== rows[r - 1]?.group}
        columnCount={columnCount}
        years={years}
        baseYear={baseYear}
        cells={cellsOf(row)}
        activeCol={r === active.row ? active.col : null}
        editor={editor !== null && editor.row === r ? editor : null}
        isReadOnly={props.isReadOnly}
        actions={rowActions}
        measure={isVirtual ? virtualizer.measureElement : undefined}
        ariaRowIndex={isVirtual ? r + 2 : undefined}
      />,
    );
  }
  if (isVirtual && virtualizer.getTotalSize() > offset) {
    rowViews.push(spacer('gap-end', virtualizer.getTotalSize() - offset, columnCount));
  }
  // What a row's cells do, read by the rows when an event happens: rows are memoised (an arrow
  // key redraws the two rows it leaves and enters, not all of them), so they get one stable
  // object whose handlers are refreshed after every render.
  useLayoutEffect(() => {
    rowActions.current = {
      change: (text) =>
        editorRef.current && setEditor({ ...editorRef.current, text, message: null }),
      keyDown: onEditorKeyDown,
      blur: (r, c) => {
        const ed = editorRef.current;
        if (ed && ed.row === r && ed.col === c) commit(ed, null, true);
      },
      catchText: (r, c, text) => startEdit(r, c, text),
      select: (r, c) => {
        wantFocus.current = true;
        setActive({ row: r, col: c });
      },
      edit: (r, c) => startEdit(r, c, null),
    };
  });
  return (
    <>
      <div className="entry-grid-wrap" ref={wrapRef}>
        <table
          ref={tableRef}
          className="data entry-grid"
          role="grid"
          aria-label={props.label}
          aria-rowcount={isVirtual ? rows.length + 1 : undefined}
          onKeyDown={onCellKeyDown}
          onPaste={onPaste}
        >
          <thead>
            <tr>
              {props.headLeading}
              {years.map((year) => (
                <th key={year} className="num year-col" scope="col">
                  {year === baseYear ? t('colBaseYear', { year }) : year}
                </th>
              ))}
              {props.headTrailing}
            </tr>
          </thead>
          <tbody>{rowViews}</tbody>
        </table>
      </div>
      {reasonPrompt && (
        <ReasonDialog
          year={baseYear}
          catalogRaw={
            rows.find(
              (r) =>
                r.itemId === reasonPrompt.inputs[0]?.itemId &&
                r.regionId === reasonPrompt.inputs[0]?.regionId,
            )?.catalogBaselineRaw ?? '—'
          }
          onConfirm={(reason) => void confirmReason(reason)}
          onCancel={() => {
            setReasonPrompt(null);
            wantFocus.current = true;
          }}
        />
      )}
      {conflict && (
        <ConflictDialog
          conflicts={conflict.conflicts}
          inputs={conflict.batch.inputs}
          labelOf={labelOf}
          onKeepTheirs={keepTheirs}
          onWriteMine={writeMine}
        />
      )}
      {pastePlan && (
        <PasteDialog
          plan={pastePlan}
          baseYear={baseYear}
          planAreaId={props.planAreaId}
          onConfirm={(reason) => void applyPaste(pastePlan, reason)}
          onCancel={() => {
            setPastePlan(null);
            wantFocus.current = true;
          }}
        />
      )}
    </>
  );
}

/** What the cells of a row do; see `rowActions` in EntryGrid. */
interface RowActions {
  change: (text: string) => void;
  keyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  blur: (r: number, c: number) => void;
  catchText: (r: number, c: number, text: string) => void;
  select: (r: number, c: number) => void;
  edit: (r: number, c: number) => void;
}

/** Rows of a grid beyond this many are drawn only where the grid is scrolled to. */
const VIRTUAL_FROM = 60;
/** The height of a row of the by-indicator grid in pixels, until rows are measured. */
const ROW_HEIGHT_ESTIMATE = 27;

/** What one cell of a row shows besides the row itself. */
interface RowCell {
  obs: ObservationRow | undefined;
  draft: Draft | undefined;
  pendingText: string | undefined;
  isFlashing: boolean;
}

function sameCell(a: RowCell, b: RowCell | undefined) {
  return (
    b !== undefined &&
    a.draft === b.draft &&
    a.pendingText === b.pendingText &&
    a.isFlashing === b.isFlashing &&
    (a.obs === b.obs ||
      (a.obs !== undefined &&
        b.obs !== undefined &&
        a.obs.version === b.obs.version &&
        a.obs.value === b.obs.value &&
        a.obs.text === b.obs.text &&
        a.obs.dataStatus === b.obs.dataStatus &&
        a.obs.source === b.obs.source &&
        a.obs.note === b.obs.note &&
        a.obs.updatedBy === b.obs.updatedBy))
  );
}

/** Stands for the rows not drawn above or below the drawn ones, at their height. */
function spacer(key: string, height: number, columnCount: number) {
  return (
    <tr key={key} className="grid-spacer" aria-hidden="true">
      <td colSpan={columnCount} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

/**
 * One row of the grid, drawn again only when something it shows changed: its active cell, its
 * editor, or its cells (an array kept while every cell is the same: see `cellsOf`).
 */
const GridRowView = memo(function GridRowView(props: {
  row: GridRow;
  r: number;
  isGroupStart: boolean;
  columnCount: number;
  years: number[];
  baseYear: number;
  cells: RowCell[];
  /** The active column when the active cell is in this row. */
  activeCol: number | null;
  /** The editor when it is open in this row. */
  editor: Editor | null;
  isReadOnly: boolean;
  actions: { current: RowActions | null };
  /** Measures the drawn row's height (a long grid draws only some rows). */
  measure: ((element: Element | null) => void) | undefined;
  ariaRowIndex: number | undefined;
}) {
  const { row, r, years, cells, editor, actions, measure, ariaRowIndex } = props;
  return (
    <>
      {props.isGroupStart && (
        <tr className="group-row">
          <td colSpan={props.columnCount}>{row.group}</td>
        </tr>
      )}
      <tr
        data-item={row.itemId}
        data-region={row.regionId}
        data-index={r}
        ref={measure}
        aria-rowindex={ariaRowIndex}
      >
        {row.leading}
        {years.map((year, c) => {
          const cell = cells[c] as RowCell;
          const isEditing = editor !== null && editor.col === c;
          return (
            <GridCell
              key={year}
              r={r}
              c={c}
              year={year}
              isBaseYear={year === props.baseYear}
              row={row}
              obs={cell.obs}
              draft={cell.draft}
              pendingText={cell.pendingText}
              isFlashing={cell.isFlashing}
              isActive={c === props.activeCol}
              editor={isEditing ? editor : null}
              onEditorChange={(text) => actions.current?.change(text)}
              onEditorKeyDown={(event) => actions.current?.keyDown(event)}
              onEditorBlur={() => actions.current?.blur(r, c)}
              onCatch={(text) => actions.current?.catchText(r, c, text)}
              onSelect={() => actions.current?.select(r, c)}
              onEdit={() => actions.current?.edit(r, c)}
              isReadOnly={props.isReadOnly}
            />
          );
        })}
        {row.trailing}
      </tr>
    </>
  );
});

function GridCell(props: {
  r: number;
  c: number;
  year: number;
  isBaseYear: boolean;
  row: GridRow;
  obs: ObservationRow | undefined;
  draft: Draft | undefined;
  pendingText: string | undefined;
  isFlashing: boolean;
  isActive: boolean;
  editor: Editor | null;
  onEditorChange: (text: string) => void;
  onEditorKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onEditorBlur: () => void;
  onCatch: (text: string) => void;
  onSelect: () => void;
  onEdit: () => void;
  isReadOnly: boolean;
}) {
  const t = useT(entryMessages);
  const { obs, draft, editor, row } = props;
  const message = editor ? editor.message : (draft?.message ?? null);
  const classes = ['entry-cell', 'num'];
  if (props.isActive) classes.push('is-active');
  if (editor) classes.push('is-editing');
  if (message) classes.push(message.kind === 'error' ? 'has-error' : 'has-warning');
  if (props.pendingText !== undefined) classes.push('is-pending');
  else if (props.isFlashing && obs) classes.push('is-saved');
  if (props.isBaseYear) classes.push('base-year');
  if (obs?.dataStatus === 'final') classes.push('is-final');

  // One input element for both roles, first among the children so React keeps it (and its
  // focus) when the cell switches from catching keys to editing.
  const input =
    editor || props.isActive ? (
      <input
        className={editor ? 'cell-input' : 'cell-catcher'}
        value={editor ? editor.text : ''}
        readOnly={props.isReadOnly}
        aria-label={`${row.label} ${props.year}`}
        aria-invalid={message?.kind === 'error' || undefined}
        onChange={(event) =>
          editor ? props.onEditorChange(event.target.value) : props.onCatch(event.target.value)
        }
        onKeyDown={editor ? props.onEditorKeyDown : undefined}
        onBlur={editor ? props.onEditorBlur : undefined}
      />
    ) : null;
  let content: ReactNode;
  if (editor) {
    content = null;
  } else if (draft) {
    content = <span className="cell-value">{draft.text}</span>;
  } else if (props.pendingText !== undefined) {
    content = <span className="cell-value">{props.pendingText}</span>;
  } else if (obs) {
    content = <span className="cell-value">{formatCellValue(obs.value)}</span>;
  } else if (props.isBaseYear && row.catalogBaselineRaw) {
    content = <span className="catalog-value">{row.catalogBaselineRaw}</span>;
  } else {
    content = null;
  }
  const title = obs
    ? [
        `${t('typedText')}：${obs.text}`,
        `${t('dataStatus')}：${obs.dataStatus === 'final' ? t('final') : t('preliminary')}`,
        obs.source && `${t('source')}：${obs.source}`,
        obs.note && `${t('note')}：${obs.note}`,
        `${t('updatedBy')}：${obs.updatedBy}`,
      ]
        .filter(Boolean)
        .join('\n')
    : undefined;
  return (
    <td
      className={classes.join(' ')}
      data-row={props.r}
      data-col={props.c}
      data-year={props.year}
      aria-selected={props.isActive}
      title={title}
      onMouseDown={(event) => {
        if (editor) return; // let the click place the caret
        event.preventDefault(); // keep focus on the inputs, not on the cell
        props.onSelect();
      }}
      onDoubleClick={props.onEdit}
    >
      {input}
      {content}
      {obs && (obs.note || obs.source) && !editor && <span className="cell-marker" aria-hidden />}
      {message && (
        <div className={`cell-message cell-message-${message.kind}`} role="alert">
          {message.text}
        </div>
      )}
    </td>
  );
}

function ReasonDialog(props: {
  year: number;
  catalogRaw: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const t = useT(entryMessages);
  const [reason, setReason] = useState('');
  const [isMissing, setMissing] = useState(false);
  const submit = () => {
    if (!reason.trim()) setMissing(true);
    else props.onConfirm(reason.trim());
  };
  return (
    <div className="entry-dialog-backdrop">
      <div
        className="entry-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('reasonTitle', { year: props.year })}
      >
        <h3>{t('reasonTitle', { year: props.year })}</h3>
        <p className="muted">{t('reasonHelp', { catalog: props.catalogRaw })}</p>
        <label className="dialog-field">
          {t('reasonLabel')}
          <input
            autoFocus
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') submit();
              if (event.key === 'Escape') props.onCancel();
            }}
          />
        </label>
        {isMissing && <p className="errors">{t('reasonRequired')}</p>}
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={submit}>
            {t('confirm')}
          </button>
          <button type="button" onClick={props.onCancel}>
            {t('cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}

function PasteDialog(props: {
  plan: PastePlan;
  baseYear: number;
  planAreaId: string | undefined;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const t = useT(entryMessages);
  const [reason, setReason] = useState('');
  const [isMissing, setMissing] = useState(false);
  const { changes } = props.plan;
  const needsReason = changes.some(
    (c) => c.year === props.baseYear && c.input.regionId === props.planAreaId,
  );
  const overwrites = changes.filter((c) => c.old).length;
  const submit = () => {
    if (needsReason && !reason.trim()) setMissing(true);
    else props.onConfirm(reason.trim());
  };
  return (
    <div className="entry-dialog-backdrop">
      <div
        className="entry-dialog entry-dialog-wide"
        role="dialog"
        aria-modal="true"
        aria-label={t('pasteTitle')}
        onKeyDown={(event) => {
          if (event.key === 'Escape') props.onCancel();
        }}
      >
        <h3>{t('pasteTitle')}</h3>
        <p>
          {overwrites > 0
            ? t('pasteSummary', { count: changes.length, overwrites })
            : t('pasteSummaryNew', { count: changes.length })}
        </p>
        {props.plan.invalid.length > 0 && (
          <p className="errors">{t('pasteInvalidPreview', { count: props.plan.invalid.length })}</p>
        )}
        {props.plan.outside > 0 && (
          <p className="muted">{t('pasteOutside', { count: props.plan.outside })}</p>
        )}
        {props.plan.invalid.length > 0 && (
          <div className="dialog-scroll dialog-scroll-short">
            <table className="data" aria-label={t('pasteInvalidTitle')}>
              <thead>
                <tr>
                  <th>{t('colItem')}</th>
                  <th className="num">{t('pasteColYear')}</th>
                  <th>{t('pasteColText')}</th>
                  <th>{t('pasteColProblem')}</th>
                </tr>
              </thead>
              <tbody>
                {props.plan.invalid.map((c) => (
                  <tr key={`${c.row.key}|${c.year}`} className="invalid">
                    <td>{c.row.label}</td>
                    <td className="num">{c.year}</td>
                    <td className="pasted-text">{c.text}</td>
                    <td className="errors">{c.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="dialog-scroll">
          <table className="data" aria-label={t('pasteValidTitle')}>
            <thead>
              <tr>
                <th>{t('colItem')}</th>
                <th className="num">{t('pasteColYear')}</th>
                <th className="num">{t('pasteColOld')}</th>
                <th className="num">{t('pasteColNew')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={`${c.row.key}|${c.year}`} className={c.old ? 'overwrite' : undefined}>
                  <td>{c.row.label}</td>
                  <td className="num">{c.year}</td>
                  <td className="num">{c.old ? formatCellValue(c.old.value) : ''}</td>
                  <td className="num">{formatCellValue(c.input.value)}</td>
                  <td className="paste-warning">{c.warning}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {needsReason && (
          <label className="dialog-field">
            {t('reasonLabel')}（{props.baseYear}）
            <input value={reason} onChange={(event) => setReason(event.target.value)} />
          </label>
        )}
        {isMissing && <p className="errors">{t('reasonRequired')}</p>}
        <div className="dialog-actions">
          <button type="button" className="primary" autoFocus onClick={submit}>
            {props.plan.invalid.length > 0
              ? t('pasteConfirmValid', { count: changes.length })
              : t('pasteConfirm')}
          </button>
          <button type="button" onClick={props.onCancel}>
            {t('cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
