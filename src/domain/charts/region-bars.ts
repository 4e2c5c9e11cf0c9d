import {
  assessEqualization,
  type DispersionTrend,
  type RegionValue,
} from '../assessment/equalization';
import { assessIndicator } from '../assessment/assess';
import { indexValues } from '../assessment/plan';
import type { AssessableItem, PlanCalendar } from '../assessment/types';
import type { Comparator, IndicatorKind } from '../catalog/schema';

export interface RegionRef {
  regionId: string;
  name: string;
}

export interface ObservationLike {
  itemId: string;
  regionId: string;
  year: number;
  value: number;
}

export interface RegionBar {
  regionId: string;
  name: string;
  /** Level: the value of the year. Cumulative: the running total from the first year. */
  value: number | null;
  /** True when the value misses the plan target; null without a value or a comparable target. */
  isBelowTarget: boolean | null;
  /** True when the value is short of the expected path for the year; null when there is none. */
  isBehindSchedule: boolean | null;
}

export interface DispersionPoint {
  year: number;
  count: number;
  /** Coefficient of variation σ / mean, or null when the mean is 0. */
  coefficientOfVariation: number | null;
  /** max / min, or null when the minimum is 0 or below. */
  maxMinRatio: number | null;
  min: RegionValue;
  max: RegionValue;
  mean: number;
}

export interface RegionComparison {
  bars: RegionBar[];
  /** The target the bars are compared to; null for words, none, or cumulative city totals. */
  target: { value: number; comparator: Comparator } | null;
  belowTarget: RegionBar[];
  /**
   * True when regions were assessed against their own schedule (mid-term, numeric target):
   * `isBehindSchedule` is then the engine's verdict for each region on its own baseline.
   */
  hasSchedule: boolean;
  behindSchedule: RegionBar[];
  /** Regions without a value for the year. */
  missing: RegionRef[];
  dispersion: DispersionPoint[];
  trend: DispersionTrend;
}

/**
 * Per region, the figure compared across regions in `year`: the level value, or for a
 * cumulative item the running total from `startYear` (null when any year is missing, since
 * a partial total would look like a shortfall).
 */
function figuresByYear(
  kind: IndicatorKind,
  rows: readonly ObservationLike[],
  itemId: string,
  regions: readonly RegionRef[],
  startYear: number,
  lastYear: number,
): Map<number, RegionValue[]> {
  const byRegion = new Map<string, Map<number, number>>();
  for (const row of rows) {
    if (row.itemId !== itemId) continue;
    let years = byRegion.get(row.regionId);
    if (!years) byRegion.set(row.regionId, (years = new Map()));
    years.set(row.year, row.value);
  }
  const out = new Map<number, RegionValue[]>();
  for (let year = startYear; year <= lastYear; year++) {
    const values: RegionValue[] = [];
    for (const region of regions) {
      const years = byRegion.get(region.regionId);
      if (!years) continue;
      if (kind === 'cumulative') {
        let total = 0;
        let isComplete = true;
        for (let y = startYear; y <= year; y++) {
          const v = years.get(y);
          if (v === undefined) isComplete = false;
          else total += v;
        }
        if (isComplete) values.push({ region: region.regionId, value: total });
      } else {
        const v = years.get(year);
        if (v !== undefined) values.push({ region: region.regionId, value: v });
      }
    }
    if (values.length > 0) out.set(year, values);
  }
  return out;
}

/**
 * Compares the regions of a plan on one item in one year, and follows their dispersion over the
 * years up to it. Uses the engine's `assessEqualization`, so "below target" and "narrowing"
 * mean here exactly what they mean in the assessment.
 *
 * A cumulative item's target is a total for the plan's whole area, so regions' running totals
 * are not compared to it (`target` is null).
 *
 * @example regions A 4, B 6, target ≥ 5 → bars A(below) B(ok); CV 0.2, max/min 1.5
 */
export function compareRegions(input: {
  kind: IndicatorKind;
  itemId: string;
  regions: readonly RegionRef[];
  rows: readonly ObservationLike[];
  startYear: number;
  year: number;
  target: { value: number; comparator: Comparator } | null;
  /**
   * The item and calendar, to judge each region against its own schedule with the engine
   * (each county from its own 2015 value, as on the 评估 page).
   */
  schedule?: { item: AssessableItem; calendar: PlanCalendar };
}): RegionComparison {
  const { kind, itemId, regions, rows, startYear, year, schedule } = input;
  const target = kind === 'cumulative' ? null : input.target;
  const targetYear = schedule ? (schedule.item.year ?? schedule.calendar.endYear) : year;
  const hasSchedule = schedule !== undefined && target !== null && year < targetYear;
  const values = indexValues(rows);
  const verdict = (regionId: string): boolean | null => {
    if (!hasSchedule || !schedule) return null;
    const status = assessIndicator({
      item: schedule.item,
      calendar: schedule.calendar,
      actuals: values.actuals(regionId, itemId),
      asOfYear: year,
      scope: 'subregion',
    }).status;
    if (status === 'lagging' || status === 'regressing') return true;
    if (status === 'on_track' || status === 'achieved') return false;
    return null;
  };
  const valuesByYear = figuresByYear(kind, rows, itemId, regions, startYear, year);
  const equalization = assessEqualization(valuesByYear, year, target);
  const below = new Set(equalization.regionsMissingTarget.map((v) => v.region));
  const thisYear = new Map((valuesByYear.get(year) ?? []).map((v) => [v.region, v.value]));
  const bars: RegionBar[] = regions.map((region) => {
    const value = thisYear.get(region.regionId) ?? null;
    return {
      regionId: region.regionId,
      name: region.name,
      value,
      isBelowTarget: value === null || target === null ? null : below.has(region.regionId),
      isBehindSchedule: value === null ? null : verdict(region.regionId),
    };
  });
  return {
    bars,
    target,
    belowTarget: bars.filter((b) => b.isBelowTarget === true),
    hasSchedule,
    behindSchedule: bars.filter((b) => b.isBehindSchedule === true),
    missing: regions.filter((r) => !thisYear.has(r.regionId)),
    dispersion: equalization.series.map((d) => ({
      year: d.year,
      count: d.count,
      coefficientOfVariation: d.coefficientOfVariation,
      maxMinRatio: d.maxMinRatio,
      min: d.min,
      max: d.max,
      mean: d.mean,
    })),
    trend: equalization.trend,
  };
}
