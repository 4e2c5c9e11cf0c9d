import {
  Fragment,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { ObservationRow } from '../../db/database';
import type { ObservationInput, ObservationKey } from '../../db/observations';
import { checkJump, previousValue } from '../../domain/observations/parse';
import {
  formatValue,
  parseValue,
  type ValueError,
  type ValueErrorCode,
  type ValueRule,
} from '../../domain/observations/value-rules';
import { parseBlock, placeBlock } from '../../domain/observations/paste';
import { useLocale, useT } from '../../shared/i18n';
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

export type Notice = { kind: 'ok' | 'error' | 'info'; text: string };

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
  save: (inputs: ObservationInput[]) => Promise<unknown>;
  remove: (key: ObservationKey) => Promise<unknown>;
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
}

interface Draft {
  text: string;
  message: CellMessage;
  confirmedText: string | null;
}

interface PasteChange {
  row: GridRow;
  year: number;
  input: ObservationInput;
  old: ObservationRow | undefined;
  warning: string | null;
}

interface PastePlan {
  changes: PasteChange[];
  invalid: number;
  outside: number;
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
  const [flash, setFlash] = useState<ReadonlySet<string>>(new Set());
  const [reasonPrompt, setReasonPrompt] = useState<{ inputs: ObservationInput[] } | null>(null);
  const [pastePlan, setPastePlan] = useState<PastePlan | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
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

  const jumpWarning = (row: GridRow, year: number, value: number, extra?: Map<number, number>) => {
    const previous = previousValue(year, rowValues(row, extra), baseYear, row.catalogBaseline);
    return checkJump(value, previous, row.rule)?.message ?? null;
  };

  const setDraft = (key: string, draft: Draft | null) =>
    setDrafts((current) => {
      const next = new Map(current);
      if (draft) next.set(key, draft);
      else next.delete(key);
      return next;
    });

  const doSave = async (inputs: ObservationInput[], keys: string[], texts: string[]) => {
    setPending((current) => {
      const next = new Map(current);
      keys.forEach((k, i) => next.set(k, texts[i] as string));
      return next;
    });
    try {
      await props.save(inputs);
      setFlash(new Set(keys));
      keys.forEach((k) => setDraft(k, null));
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      keys.forEach((k, i) =>
        setDraft(k, {
          text: texts[i] as string,
          message: { kind: 'error', text: message },
          confirmedText: null,
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

  const saveOne = async (row: GridRow, input: ObservationInput, key: string, text: string) => {
    const isSaved = await doSave([input], [key], [text]);
    if (isSaved) {
      props.notify({
        kind: 'ok',
        text: t('saved', {
          what: `${row.label} ${input.year}`,
          value: formatCellValue(input.value),
        }),
      });
    }
  };

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
      if (existing) {
        void props
          .remove([props.planId, row.itemId, row.regionId, year])
          .then(() =>
            props.notify({ kind: 'ok', text: t('deleted', { what: `${row.label} ${year}` }) }),
          )
          .catch((error: unknown) =>
            props.notify({ kind: 'error', text: t('saveFailed', { message: String(error) }) }),
          );
      }
      return true;
    }
    if (parsed.kind === 'error') {
      const message: CellMessage = { kind: 'error', text: errorText(parsed) };
      if (isLeaving) {
        setDraft(key, { text: ed.text, message, confirmedText: null });
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
        setDraft(key, { text: ed.text, message, confirmedText: ed.text });
        setEditor(null);
      } else {
        setEditor({ ...ed, message, confirmedText: ed.text });
      }
      return false;
    }
    const input: ObservationInput = {
      planId: props.planId,
      itemId: row.itemId,
      regionId: row.regionId,
      year,
      value: parsed.value,
      text: parsed.text,
    };
    if (year === baseYear && row.regionId === props.planAreaId) {
      // A baseline revision needs its reason before anything is written.
      setDraft(key, {
        text: ed.text,
        message: { kind: 'warning', text: t('reasonRequired') },
        confirmedText: ed.text,
      });
      setEditor(null);
      setReasonPrompt({ inputs: [input] });
      return true;
    }
    close();
    void saveOne(row, input, key, parsed.text);
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
    });
  };

  const onCellKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (editorRef.current || reasonPrompt || pastePlan) return;
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
        commit({ row, col, text: '', message: null, confirmedText: null }, null);
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
    const pastedByRow = new Map<number, Map<number, number>>();
    let invalid = 0;
    const newDrafts = new Map(drafts);
    for (const cell of cells) {
      const row = rows[cell.rowIndex] as GridRow;
      const year = years[cell.columnIndex] as number;
      const key = cellKey(row.itemId, row.regionId, year);
      const parsed = parseValue(cell.text, row.rule);
      if (parsed.kind === 'error') {
        invalid++;
        newDrafts.set(key, {
          text: cell.text,
          message: { kind: 'error', text: errorText(parsed) },
          confirmedText: null,
        });
        continue;
      }
      if (parsed.kind !== 'value') continue;
      newDrafts.delete(key);
      const old = observations.get(key);
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
        },
      });
    }
    setDrafts(newDrafts);
    const plan: PastePlan = { changes, invalid, outside };
    if (changes.length === 0) {
      props.notify({ kind: invalid ? 'error' : 'info', text: pasteSummary(plan) });
      return;
    }
    const needsPreview = changes.some((c) => c.old || c.warning || isRevision(c));
    if (needsPreview) setPastePlan(plan);
    else void applyPaste(plan, '');
  };

  /** A base-year value of the plan's own area revises the printed baseline (needs a reason). */
  const isRevision = (c: { year: number; input: { regionId: string } }) =>
    c.year === baseYear && c.input.regionId === props.planAreaId;

  const pasteSummary = (plan: PastePlan, written = 0) =>
    [
      written > 0 ? t('pasteDone', { count: written }) : plan.invalid ? '' : t('pasteNothing'),
      plan.invalid ? t('pasteInvalid', { count: plan.invalid }) : '',
      plan.outside ? t('pasteOutside', { count: plan.outside }) : '',
    ]
      .filter(Boolean)
      .join(' ');

  const applyPaste = async (plan: PastePlan, reason: string) => {
    setPastePlan(null);
    wantFocus.current = true;
    const inputs = plan.changes.map((c) => (isRevision(c) ? { ...c.input, reason } : c.input));
    const keys = plan.changes.map((c) => cellKey(c.row.itemId, c.row.regionId, c.year));
    const isSaved = await doSave(
      inputs,
      keys,
      plan.changes.map((c) => c.input.text ?? ''),
    );
    if (isSaved) {
      props.notify({
        kind: plan.invalid ? 'error' : 'ok',
        text: pasteSummary(plan, plan.changes.length),
      });
    }
  };

  const confirmReason = async (reason: string) => {
    const prompt = reasonPrompt;
    if (!prompt) return;
    setReasonPrompt(null);
    wantFocus.current = true;
    const inputs = prompt.inputs.map((i) => ({ ...i, reason }));
    const first = inputs[0] as ObservationInput;
    const row = rows.find((r) => r.itemId === first.itemId && r.regionId === first.regionId);
    if (row)
      await saveOne(
        row,
        first,
        cellKey(first.itemId, first.regionId, first.year),
        first.text ?? '',
      );
  };

  const columnCount = years.length + 10;
  return (
    <>
      <div className="entry-grid-wrap">
        <table
          ref={tableRef}
          className="data entry-grid"
          role="grid"
          aria-label={props.label}
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
          <tbody>
            {rows.map((row, r) => {
              const groupRow =
                row.group !== null && row.group !== rows[r - 1]?.group ? (
                  <tr className="group-row">
                    <td colSpan={columnCount}>{row.group}</td>
                  </tr>
                ) : null;
              return (
                <Fragment key={row.key}>
                  {groupRow}
                  <tr data-item={row.itemId} data-region={row.regionId}>
                    {row.leading}
                    {years.map((year, c) => {
                      const key = cellKey(row.itemId, row.regionId, year);
                      const isActive = r === active.row && c === active.col;
                      const isEditing = editor !== null && editor.row === r && editor.col === c;
                      return (
                        <GridCell
                          key={year}
                          r={r}
                          c={c}
                          year={year}
                          isBaseYear={year === baseYear}
                          row={row}
                          obs={observations.get(key)}
                          draft={drafts.get(key)}
                          pendingText={pending.get(key)}
                          isFlashing={flash.has(key)}
                          isActive={isActive}
                          editor={isEditing ? editor : null}
                          onEditorChange={(text) =>
                            editorRef.current &&
                            setEditor({ ...editorRef.current, text, message: null })
                          }
                          onEditorKeyDown={onEditorKeyDown}
                          onEditorBlur={() => {
                            const ed = editorRef.current;
                            if (ed && ed.row === r && ed.col === c) commit(ed, null, true);
                          }}
                          onCatch={(text) => startEdit(r, c, text)}
                          onSelect={() => {
                            wantFocus.current = true;
                            setActive({ row: r, col: c });
                          }}
                          onEdit={() => startEdit(r, c, null)}
                          isReadOnly={props.isReadOnly}
                        />
                      );
                    })}
                    {row.trailing}
                  </tr>
                </Fragment>
              );
            })}
          </tbody>
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
        <p>{t('pasteSummary', { count: changes.length, overwrites })}</p>
        {props.plan.invalid > 0 && (
          <p className="errors">{t('pasteInvalid', { count: props.plan.invalid })}</p>
        )}
        {props.plan.outside > 0 && (
          <p className="muted">{t('pasteOutside', { count: props.plan.outside })}</p>
        )}
        <div className="dialog-scroll">
          <table className="data">
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
            {t('pasteConfirm')}
          </button>
          <button type="button" onClick={props.onCancel}>
            {t('cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
