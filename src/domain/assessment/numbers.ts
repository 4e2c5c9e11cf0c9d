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
