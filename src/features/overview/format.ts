import type { Figure } from '../../domain/assessment';
import { formatNumber, formatPercent, formatProgress, formatQuantity } from '../../domain/wording';
import { DASH, useWording } from '../../shared/wording';

export { DASH };

/** A figure as the wording layer writes it ("4.31张", "96.98%"); a bare number without a unit. */
export function num(value: number | null | undefined, unit?: string | null): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return unit === undefined ? formatNumber(value, 4) : formatQuantity(value, unit);
}

export function pct(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined || !Number.isFinite(ratio)
    ? DASH
    : formatPercent(ratio);
}

const valueOf = (v: Figure | number | null | undefined): number | null =>
  v === null || v === undefined ? null : typeof v === 'number' ? v : v.value;

/**
 * Gaps and changes in the UI language's words: percentages in 百分点 (pp in English), per-mille
 * in 千分点, else the unit; `signedDiff` adds an ASCII sign ("+0.25张", "-1.2个百分点").
 */
export function useDifferenceFormat() {
  const wording = useWording();
  return {
    diff: (value: Figure | number | null | undefined, unit?: string | null, digits?: number) =>
      wording.difference(valueOf(value), unit ?? null, digits),
    signedDiff: (
      value: Figure | number | null | undefined,
      unit?: string | null,
      digits?: number,
    ) => wording.signedDifference(valueOf(value), unit ?? null, digits),
  };
}

/** Completion: ">100%" above the target, as in the 评估 table and the entry grid. */
export function progressText(value: Figure | number | null | undefined): string {
  const ratio = valueOf(value);
  return ratio === null || !Number.isFinite(ratio) ? DASH : formatProgress(ratio);
}
