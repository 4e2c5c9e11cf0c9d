import {
  displayUnit,
  formatDifference,
  formatNumber,
  formatPercent,
  formatProgress,
  POINTS_EN,
} from '../../domain/assessment/numbers';
import { useLocale } from '../../shared/i18n';

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

/**
 * Gaps and changes in the UI language's words: percentages in 百分点 (pp in English), per-mille
 * in 千分点, else the unit; `signedDiff` adds the sign ("+0.25张", "−1.2个百分点").
 */
export function useDifferenceFormat() {
  const { locale } = useLocale();
  const points = locale === 'en' ? POINTS_EN : undefined;
  const diff = (value: number | null | undefined, unit?: string | null): string =>
    value === null || value === undefined || !Number.isFinite(value)
      ? DASH
      : formatDifference(value, unit ?? null, 2, points);
  const signedDiff = (value: number | null | undefined, unit?: string | null): string => {
    if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
    const sign = value > 0 ? '+' : value < 0 ? '−' : '';
    return `${sign}${diff(Math.abs(value), unit)}`;
  };
  return { diff, signedDiff };
}

/** Completion: ">100%" above the target, as in the 评估 table and the entry grid. */
export function progressText(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined || !Number.isFinite(ratio)
    ? DASH
    : formatProgress(ratio);
}
