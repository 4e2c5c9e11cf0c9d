import {
  displayUnit,
  formatDifference,
  formatNumber,
  formatPercent,
  formatProgress,
  POINTS_EN,
} from '../../domain/assessment/numbers';

/** "—" for a figure that cannot be computed; never "NaN". */
export const DASH = '—';

export function num(value: number | null | undefined, unit?: string | null): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const shown = displayUnit(unit ?? null);
  return `${formatNumber(value, 4)}${shown && unit !== '%' && !shown.startsWith('/') ? ` ${shown}` : shown}`;
}

export function pct(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined || !Number.isFinite(ratio)
    ? DASH
    : formatPercent(ratio);
}

/** A gap or a change: percentages in 百分点, per-mille in 千分点, else the unit. */
export function diff(value: number | null | undefined, unit?: string | null): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return formatDifference(value, unit ?? null, 2, isEnglish() ? POINTS_EN : undefined);
}

// Read at call time: the overview re-renders on a locale change, so the words follow it.
function isEnglish(): boolean {
  return typeof document !== 'undefined' && document.documentElement.lang === 'en';
}

/** A signed change per year: "+0.25张", "−1.2个百分点". */
export function signedDiff(value: number | null | undefined, unit?: string | null): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${diff(Math.abs(value), unit)}`;
}

/** Completion: ">100%" above the target, as in the 评估 table and the entry grid. */
export function progressText(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined || !Number.isFinite(ratio)
    ? DASH
    : formatProgress(ratio);
}
