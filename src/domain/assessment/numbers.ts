import { THRESHOLDS } from './thresholds';

/** True when a and b are equal within the relative tolerance of THRESHOLDS. */
export function isClose(a: number, b: number): boolean {
  const scale = Math.max(1, Math.abs(a), Math.abs(b));
  return Math.abs(a - b) <= THRESHOLDS.relativeEpsilon * scale;
}

/** Rounds for display and storage of derived figures; keeps integers exact. */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  // Clean binary noise first: (2.03 − 1.9) / 2 is 0.06499999…, which is 0.065 and rounds to 0.07.
  const scaled = Number((value * factor).toPrecision(12));
  return (Math.sign(scaled) * Math.round(Math.abs(scaled))) / factor;
}

/** Formats a figure for Chinese sentences: at most `digits` decimals, no trailing zeros. */
export function formatNumber(value: number, digits = 2): string {
  const rounded = roundTo(value, digits);
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/**
 * Completion for display: above 100% it reads ">100%" (巩固率 96.98 → 97 at 97.3 is 1600% of the
 * planned change, a figure that misleads in a report); the exact ratio stays in exports.
 */
export function formatProgress(ratio: number): string {
  return ratio > 1 && !isClose(ratio, 1) ? '>100%' : formatPercent(ratio);
}

/** Formats a ratio as a percentage with one decimal: 0.4567 → "45.7%". */
export function formatPercent(ratio: number): string {
  return `${formatNumber(ratio * 100, 1)}%`;
}

/**
 * A unit as written after a number. "1/10万" (per 100 000, the maternal mortality rate) is
 * written "/10万" so that 24 reads "24/10万", not "241/10万".
 */
export function displayUnit(unit: string | null): string {
  if (!unit) return '';
  return /^1\//.test(unit) ? unit.slice(1) : unit;
}

/**
 * A figure with its unit in the plans' notation: "4.31张", "96.98%", "24/10万". Input figures
 * keep up to four decimals so that printed values (8.0465万人) are shown as printed.
 */
export function formatQuantity(value: number, unit: string | null, digits = 4): string {
  return `${formatNumber(value, digits)}${displayUnit(unit)}`;
}

/**
 * A difference between two figures in the unit's own terms: a percentage moves by 百分点
 * ("0.78个百分点"), a per-mille rate by 千分点; other units as for a quantity.
 */
export function formatDifference(
  value: number,
  unit: string | null,
  digits = 2,
  points: { percent: string; permille: string } = { percent: '个百分点', permille: '个千分点' },
): string {
  if (unit === '%') return `${formatNumber(value, digits)}${points.percent}`;
  if (unit === '‰') return `${formatNumber(value, digits)}${points.permille}`;
  return `${formatNumber(value, digits)}${displayUnit(unit)}`;
}

/** The words for percentage and per-mille points in English tables. */
export const POINTS_EN = { percent: ' pp', permille: ' ‰ pts' };
