import type { Comparator } from '../catalog/schema';
import { satisfies } from './target-rule';
import { THRESHOLDS } from './thresholds';

export interface RegionValue {
  region: string;
  value: number;
}

export interface Dispersion {
  year: number;
  count: number;
  min: RegionValue;
  max: RegionValue;
  mean: number;
  /** Population standard deviation (every region of the plan is observed, not sampled). */
  standardDeviation: number;
  /** max / min; null when min ≤ 0 (the ratio has no meaning then). */
  maxMinRatio: number | null;
  /** σ / mean; null when the mean is 0. */
  coefficientOfVariation: number | null;
}

/**
 * Dispersion of one indicator across regions in one year. Needs at least two regions.
 *
 * @example dispersion(2018, [{region:'通川区',value:4},{region:'渠县',value:6}])
 *   → min 4, max 6, mean 5, σ 1, max/min 1.5, CV 0.2
 */
export function dispersion(year: number, values: readonly RegionValue[]): Dispersion | null {
  if (values.length < 2) return null;
  let min = values[0] as RegionValue;
  let max = min;
  let sum = 0;
  for (const v of values) {
    if (v.value < min.value) min = v;
    if (v.value > max.value) max = v;
    sum += v.value;
  }
  const mean = sum / values.length;
  const variance = values.reduce((acc, v) => acc + (v.value - mean) ** 2, 0) / values.length;
  const standardDeviation = Math.sqrt(variance);
  return {
    year,
    count: values.length,
    min,
    max,
    mean,
    standardDeviation,
    maxMinRatio: min.value > 0 ? max.value / min.value : null,
    coefficientOfVariation: mean !== 0 ? standardDeviation / Math.abs(mean) : null,
  };
}

export type DispersionTrend = 'narrowed' | 'widened' | 'stable' | 'unknown';

export interface EqualizationResult {
  year: number;
  current: Dispersion | null;
  /** The first year with values for at least two regions, for comparison. */
  first: Dispersion | null;
  trend: DispersionTrend;
  /** Regions whose value misses the plan target (empty when the target is not numeric). */
  regionsMissingTarget: RegionValue[];
  /** Dispersion for every year with at least two regions, in year order (for charts). */
  series: Dispersion[];
}

/**
 * Equalization across regions for one indicator: the dispersion in `year`, how it moved since
 * the first year with data for two or more regions, and which regions miss the target.
 */
export function assessEqualization(
  valuesByYear: ReadonlyMap<number, readonly RegionValue[]>,
  year: number,
  target: { value: number; comparator: Comparator } | null,
): EqualizationResult {
  const series = [...valuesByYear.keys()]
    .sort((a, b) => a - b)
    .filter((y) => y <= year)
    .map((y) => dispersion(y, valuesByYear.get(y) ?? []))
    .filter((d): d is Dispersion => d !== null);
  const current = series.find((d) => d.year === year) ?? null;
  const first = series[0] ?? null;
  let trend: DispersionTrend = 'unknown';
  if (current && first && current.year > first.year) {
    const a = first.coefficientOfVariation;
    const b = current.coefficientOfVariation;
    if (a !== null && b !== null) {
      const delta = b - a;
      trend =
        delta < -THRESHOLDS.dispersionChangeTolerance
          ? 'narrowed'
          : delta > THRESHOLDS.dispersionChangeTolerance
            ? 'widened'
            : 'stable';
    }
  }
  const regionsMissingTarget = target
    ? (valuesByYear.get(year) ?? []).filter(
        (v) => !satisfies(v.value, target.comparator, target.value),
      )
    : [];
  return { year, current, first, trend, regionsMissingTarget, series };
}
