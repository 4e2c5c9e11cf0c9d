export interface NiceScale {
  domain: readonly [number, number];
  ticks: number[];
  /** Decimals that write every tick exactly (0.0025 needs 4: never "0.003" under the line). */
  decimals: number;
}

const STEPS = [1, 2, 2.5, 5, 10];

/**
 * An axis over [min, max] with at most `maxTicks` ticks on a round step (1, 2, 2.5 or 5 times a
 * power of ten), the domain snapped to whole steps, so that no two tick labels crowd each other
 * ("109" over "110") and every label is a round number.
 *
 * @example niceScale(4.31, 5.7) → { domain: [4, 6], ticks: [4, 4.5, 5, 5.5, 6] }
 */
export function niceScale(min: number, max: number, maxTicks = 6): NiceScale {
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    return { domain: [0, 1], ticks: [0, 1], decimals: 0 };
  }
  let low = Math.min(min, max);
  let high = Math.max(min, max);
  // A range too narrow to divide (one value, or two that differ in the last bits) is widened.
  if (high - low <= 1e-9 * Math.max(1, Math.abs(high))) {
    const pad = Math.abs(low) < 1e-9 ? 1 : Math.abs(low) * 0.1;
    low -= pad;
    high += pad;
  }
  const rough = (high - low) / Math.max(1, maxTicks - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = (STEPS.find((s) => s * magnitude >= rough - magnitude * 1e-9) ?? 10) * magnitude;
  // Whole steps around the data; the tolerance absorbs binary noise (0.3 / 0.1 = 2.9999…), and
  // the checks after it make sure the data stays covered.
  let first = Math.floor(low / step + 1e-9);
  if (first * step > low) first -= 1;
  let last = Math.ceil(high / step - 1e-9);
  if (last * step < high) last += 1;
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toPrecision(12)));
  const decimals = Math.max(0, ...ticks.map(decimalsOf));
  return { domain: [first * step, last * step], ticks, decimals };
}

/** The fewest decimals (up to 12) that write a number exactly: 0.0025 → 4, 5 → 0. */
function decimalsOf(value: number): number {
  for (let d = 0; d < 12; d++) if (Number(value.toFixed(d)) === value) return d;
  return 12;
}
