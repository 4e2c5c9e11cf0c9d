import type { ChecklistRow } from '../spreadsheet/checklist-sheet';
import type { ImplementationRecord, ImplementationStatus, Subject } from './model';

/**
 * What importing a filled 落实情况表 would do, row by row, before anything is written:
 * - `new`: the item has no record for the region and year;
 * - `changed`: it has one, and the file says otherwise (shown old → new);
 * - `unchanged`: the file says what is stored;
 * - `blank`: the status was left empty: nothing is changed for the item;
 * - `invalid`: a problem at a cell (the reader's message names it).
 * The import is all or nothing: while any row is invalid nothing can be written, so that a file
 * is never half taken; the user corrects the file and reads it again.
 */
export type PreviewKind = 'new' | 'changed' | 'unchanged' | 'blank' | 'invalid';

export const PREVIEW_KINDS: readonly PreviewKind[] = [
  'invalid',
  'new',
  'changed',
  'unchanged',
  'blank',
];

/** A text field of a record the import changes: shown old → new, an erasure included. */
export interface FieldChange {
  field: 'evidence' | 'documentRef' | 'reply';
  before: string;
  after: string;
}

/**
 * Texts as the sheet gives them back: a cell loses leading and trailing spaces and line breaks
 * and turns CRLF into LF, so a record typed with them (the form keeps them) reads the same.
 */
const asInSheet = (text: string) => text.replace(/\r\n?/g, '\n').trim();

const TEXT_FIELDS: ReadonlyArray<FieldChange['field']> = ['evidence', 'documentRef', 'reply'];

export interface PreviewRow {
  kind: PreviewKind;
  row: ChecklistRow;
  /** For a changed row, every text field that changes (the status is `before` → `row`). */
  changes: FieldChange[];
  /** What is stored now for the item, region and year (with the version the write will state). */
  before: (ImplementationRecord & { version: number }) | null;
}

/** A write the import makes, in the repository's input shape (src/db/implementation.ts). */
export interface PreviewInput {
  planId: string;
  regionId: string;
  subject: Subject;
  year: number;
  status: ImplementationStatus;
  evidence: string;
  documentRef: string;
  reply: string;
  expectedVersion: number;
}

export interface ChecklistPreview {
  rows: PreviewRow[];
  counts: Record<PreviewKind, number>;
  /** No invalid row, and something to write. */
  canCommit: boolean;
  /** The new and changed rows as writes, each stating the version shown as 原值. */
  inputs: PreviewInput[];
}

export function previewChecklist(
  rows: readonly ChecklistRow[],
  current: ReadonlyArray<ImplementationRecord & { version: number }>,
  target: { planId: string; regionId: string; year: number },
): ChecklistPreview {
  const stored = new Map(
    current
      .filter((r) => r.regionId === target.regionId && r.year === target.year)
      .map((r) => [`${r.subject.kind}:${r.subject.id}`, r]),
  );
  const counts: Record<PreviewKind, number> = {
    new: 0,
    changed: 0,
    unchanged: 0,
    blank: 0,
    invalid: 0,
  };
  const inputs: PreviewInput[] = [];
  const out = rows.map((row): PreviewRow => {
    const before = stored.get(`${row.subject.kind}:${row.subject.id}`) ?? null;
    const changes: FieldChange[] = before
      ? TEXT_FIELDS.filter((field) => asInSheet(before[field]) !== asInSheet(row[field])).map(
          (field) => ({ field, before: before[field], after: row[field] }),
        )
      : [];
    let kind: PreviewKind;
    if (row.errors.length > 0) kind = 'invalid';
    else if (row.status === null) kind = 'blank';
    else if (!before) kind = 'new';
    else if (before.status === row.status && changes.length === 0) kind = 'unchanged';
    else kind = 'changed';
    counts[kind]++;
    if ((kind === 'new' || kind === 'changed') && row.status !== null) {
      inputs.push({
        planId: target.planId,
        regionId: target.regionId,
        subject: row.subject,
        year: target.year,
        status: row.status,
        evidence: row.evidence,
        documentRef: row.documentRef,
        reply: row.reply,
        expectedVersion: before?.version ?? 0,
      });
    }
    return { kind, row, before, changes: kind === 'changed' ? changes : [] };
  });
  return { rows: out, counts, canCommit: counts.invalid === 0 && inputs.length > 0, inputs };
}
