import type { AssessmentResult, PlanCalendar, TargetRule } from '../assessment/types';
import type { Comparator, IndicatorKind } from '../catalog/schema';
import { niceScale } from './scale';

/** One year of an indicator chart. Every figure is null where there is nothing to draw. */
export interface IndicatorPoint {
  year: number;
  /** Level: the value reported (the base year shows the baseline used). Cumulative: the yearly amount. */
  actual: number | null;
  /** Level: the straight path from baseline to target. Cumulative: the even path to the total. */
  expected: number | null;
  /** Cumulative only: the running total 2016..year (null for a year without a value). */
  cumulative: number | null;
  /** The dashed projection from the latest value to the engine's projection for the target year. */
  projection: number | null;
}

export interface TargetMark {
  value: number;
  comparator: Comparator;
  /** The shaded zone that satisfies the target (for stated comparators and hold targets). */
  band: readonly [number, number] | null;
}

export interface IndicatorChartData {
  kind: 'level' | 'cumulative';
  points: IndicatorPoint[];
  target: TargetMark | null;
  /** Number of years with a reported value up to the as-of year (the dots drawn). */
  reportedCount: number;
  yDomain: readonly [number, number];
  /** Round ticks on a round step across yDomain. */
  yTicks: number[];
  /** Decimals that write every tick exactly. */
  yDecimals: number;
}

function numericTarget(rule: TargetRule): { value: number; comparator: Comparator } | null {
  return rule.type === 'reach' || rule.type === 'hold' || rule.type === 'compare'
    ? { value: rule.value, comparator: rule.comparator }
    : null;
}

/** A little room above and below the figures, so lines do not sit on the frame. */
/** Linear interpolation between (x0, y0) and (x1, y1) at x. */
function lerp(x0: number, y0: number, x1: number, y1: number, x: number): number {
  return x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
}

/**
 * Shapes one indicator's chart for one region as of a year, from the engine's result (so the
 * chart and the status sentence always use the same baseline, target and projection).
 *
 * Level: years base..target; actuals up to the as-of year; the expected straight path from
 * the baseline to a numeric target; the projection dashed from the latest value to the
 * engine's projected value for the target year.
 * Cumulative: years start..target; yearly amounts, running totals and the even path
 * T × (year − start + 1) / (target − start + 1).
 *
 * @example level, B 4.31 (2015), T 5.7 (2020): expected 2018 = 4.31 + 1.39 × 3/5 = 5.144
 */
export function indicatorSeries(
  result: AssessmentResult,
  kind: IndicatorKind,
  calendar: PlanCalendar,
  actuals: ReadonlyMap<number, number>,
  asOfYear: number,
): IndicatorChartData {
  const target = numericTarget(result.targetRule);
  const isCumulative = kind === 'cumulative';
  const lastShown = Math.min(asOfYear, result.targetYear);
  const points: IndicatorPoint[] = [];
  let reportedCount = 0;

  if (isCumulative) {
    const first = result.startYear;
    const span = result.targetYear - first + 1;
    let total = 0;
    for (let year = first; year <= result.targetYear; year++) {
      const value = year <= lastShown ? actuals.get(year) : undefined;
      if (value !== undefined) {
        total += value;
        reportedCount++;
      }
      points.push({
        year,
        actual: value ?? null,
        expected: target ? (target.value * (year - first + 1)) / span : null,
        cumulative: value !== undefined ? total : null,
        projection: null,
      });
    }
  } else {
    const B = result.baseline.value;
    const base = calendar.baseYear;
    for (let year = base; year <= result.targetYear; year++) {
      const reported = year <= lastShown && year !== base ? actuals.get(year) : undefined;
      if (reported !== undefined) reportedCount++;
      const actual = year === base ? B : (reported ?? null);
      const expected =
        B !== null && target && result.targetRule.type !== 'hold'
          ? lerp(base, B, result.targetYear, target.value, year)
          : null;
      points.push({ year, actual, expected, cumulative: null, projection: null });
    }
  }

  // The projection: from the latest figure (level value or running total) to the engine's value.
  const latestFigure = isCumulative ? result.cumulativeValue : result.latestValue;
  const projected = result.projectedValue.value;
  if (
    projected !== null &&
    result.latestYear !== null &&
    latestFigure !== null &&
    result.latestYear < result.targetYear
  ) {
    for (const point of points) {
      if (point.year >= result.latestYear) {
        point.projection = lerp(
          result.latestYear,
          latestFigure,
          result.targetYear,
          projected,
          point.year,
        );
      }
    }
  }

  const figures: number[] = [];
  for (const p of points) {
    for (const v of [isCumulative ? p.cumulative : p.actual, p.expected, p.projection]) {
      if (v !== null) figures.push(v);
    }
  }
  if (target) figures.push(target.value);
  // Round ticks on a round step, so that labels never crowd ("109" over "110").
  const {
    domain: yDomain,
    ticks: yTicks,
    decimals: yDecimals,
  } = figures.length === 0
    ? { domain: [0, 1] as const, ticks: [0, 1], decimals: 0 }
    : niceScale(Math.min(...figures), Math.max(...figures));
  const hasBand =
    target !== null &&
    target.comparator !== '=' &&
    (result.targetRule.type === 'compare' || result.targetRule.type === 'hold');
  const band: TargetMark['band'] =
    hasBand && target
      ? target.comparator.startsWith('>')
        ? [target.value, Math.max(yDomain[1], target.value)]
        : [Math.min(yDomain[0], target.value), target.value]
      : null;

  return {
    kind: isCumulative ? 'cumulative' : 'level',
    points,
    target: target ? { ...target, band } : null,
    reportedCount,
    yDomain,
    yTicks,
    yDecimals,
  };
}
