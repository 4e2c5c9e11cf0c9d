import type { ReturnProblem, ReturnValue } from './returns';

/**
 * What importing a return would do, worked out before anything is written: each value of the
 * file sorted into new (no value stored), changed (old → new) and unchanged, beside the cells
 * that cannot be taken (invalid, with the reason at the row and column). The version of every
 * stored value seen here is what the import states when it writes, so a value changed in
 * between (another tab, another import) is refused and shown, never overwritten.
 */
export interface StoredValue {
  itemId: string;
  regionId: string;
  year: number;
  value: number;
  text: string;
  dataStatus: 'final' | 'preliminary';
  note: string;
  source: string;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

export interface PreviewRow extends ReturnValue {
  /** The value stored now; null when there is none. */
  old: StoredValue | null;
}

export interface ReturnsPreview {
  added: PreviewRow[];
  changed: PreviewRow[];
  unchanged: PreviewRow[];
  invalid: ReturnProblem[];
}

const cellKey = (c: { itemId: string; regionId: string; year: number }) =>
  `${c.regionId}|${c.itemId}|${c.year}`;

/**
 * @example a file with 4.4 for a cell storing 4.4 (正式), 4.6 for one storing 4.5, and 4.8 for an
 * empty one → unchanged [4.4], changed [4.5 → 4.6], added [4.8]
 */
export function classifyReturns(
  values: readonly ReturnValue[],
  problems: readonly ReturnProblem[],
  stored: readonly StoredValue[],
): ReturnsPreview {
  const byCell = new Map(stored.map((s) => [cellKey(s), s]));
  const places = new Map<string, ReturnValue[]>();
  for (const v of values) places.set(cellKey(v), [...(places.get(cellKey(v)) ?? []), v]);
  const preview: ReturnsPreview = { added: [], changed: [], unchanged: [], invalid: [...problems] };
  for (const v of values) {
    const same = places.get(cellKey(v)) ?? [];
    if (same.length > 1) {
      // Two values for one cell: which one the department meant cannot be told.
      const others = same.filter((o) => o !== v).map((o) => o.place);
      preview.invalid.push({
        place: v.place,
        text: v.text,
        message: `与${others.join('、')}重复（同一区域、指标、年份），请只保留一个`,
        itemId: v.itemId,
        regionId: v.regionId,
        year: v.year,
      });
      continue;
    }
    const old = byCell.get(cellKey(v)) ?? null;
    const row: PreviewRow = { ...v, old };
    if (!old) preview.added.push(row);
    else if (
      old.value === v.value &&
      (v.dataStatus === undefined || v.dataStatus === old.dataStatus) &&
      (v.note === undefined || v.note === old.note)
    ) {
      preview.unchanged.push(row);
    } else preview.changed.push(row);
  }
  return preview;
}
