import { THRESHOLDS } from './thresholds';

/** True when a and b are equal within the relative tolerance of THRESHOLDS. */
export function isClose(a: number, b: number): boolean {
  const scale = Math.max(1, Math.abs(a), Math.abs(b));
  return Math.abs(a - b) <= THRESHOLDS.relativeEpsilon * scale;
}

/** Rounds for display and storage of derived figures; keeps integers exact. */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Formats a figure for Chinese sentences: at most `digits` decimals, no trailing zeros. */
export function formatNumber(value: number, digits = 2): string {
  const rounded = roundTo(value, digits);
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Formats a ratio as a percentage with one decimal: 0.4567 → "45.7%". */
export function formatPercent(ratio: number): string {
  return `${formatNumber(ratio * 100, 1)}%`;
}
