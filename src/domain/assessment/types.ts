import type { Comparator, Direction, IndicatorKind, Quantity } from '../catalog/schema';

/** What the engine needs of an indicator or a prose target (catalog Indicator / TextTarget). */
export interface AssessableItem {
  id: string;
  name: string;
  unit: string | null;
  direction: Direction;
  kind: IndicatorKind;
  baseline: Quantity | null;
  target: Quantity | null;
  change?: Quantity | null;
  /** Which cell holds the period total of a cumulative item when both are numbers. */
  totalFrom?: 'target' | 'change';
  /** The year the target applies to; defaults to the plan's end year. */
  year?: number;
}

/** The plan's calendar: base year 2015, period 2016–2020 in every plan here. */
export interface PlanCalendar {
  baseYear: number;
  startYear: number;
  endYear: number;
}

/** Actual values of one item for one region, by year. A value for the base year revises the baseline. */
export type ActualsByYear = ReadonlyMap<number, number>;

export type AssessmentMode = 'midterm' | 'final';

export type StatusCode =
  | 'achieved'
  | 'on_track'
  | 'lagging'
  | 'regressing'
  | 'not_achieved'
  | 'no_data'
  | 'manual'
  | 'not_assessable';

export const STATUS_CODES: readonly StatusCode[] = [
  'achieved',
  'on_track',
  'lagging',
  'regressing',
  'not_achieved',
  'manual',
  'not_assessable',
  'no_data',
];

export const STATUS_LABELS_ZH: Record<StatusCode, string> = {
  achieved: '已实现',
  on_track: '符合进度',
  lagging: '进度滞后',
  regressing: '逆向变化',
  not_achieved: '未实现',
  no_data: '无数据',
  manual: '需人工评定',
  not_assessable: '无法计算',
};

/**
 * How the target reads once interpreted:
 * - `reach`: a plain number to reach in the good direction (up: y ≥ T; down: y ≤ T);
 * - `compare`: a stated comparator (">99": y > 99);
 * - `hold`: the baseline already meets the target, so the target is a floor/ceiling to keep
 *   (a target equal to the baseline, "孕产妇死亡率 0 → 3", or a target below the baseline of an
 *   up indicator);
 * - `words`: no number (持续提高, 实现应改尽改): an evaluator judges;
 * - `none`: nothing to assess against.
 */
export type TargetRule =
  | { type: 'reach' | 'hold' | 'compare'; value: number; comparator: Comparator; derived: boolean }
  | { type: 'words'; text: string }
  | { type: 'none'; reason: string };

export interface AssessmentInput {
  item: AssessableItem;
  calendar: PlanCalendar;
  actuals: ActualsByYear;
  asOfYear: number;
  mode: AssessmentMode;
  /**
   * `subregion` for a county or district of the plan's area: the catalog's baseline and any
   * period total are the whole area's, so they do not apply (see docs/methodology.md §1).
   * Default `plan-area`.
   */
  scope?: 'plan-area' | 'subregion';
}

export interface AssessmentResult {
  id: string;
  name: string;
  unit: string | null;
  status: StatusCode;
  /** Why the status is what it is, when the engine cannot say more (not_assessable, manual, hold …). */
  reason: string | null;
  /** Completion P as a ratio (0.5 = 50%), or null when it cannot be computed. */
  progress: number | null;
  /** Time progress τ as a ratio. */
  timeProgress: number;
  /** The first year of the period (2016): cumulative totals count from it. */
  startYear: number;
  targetYear: number;
  /** The baseline used: the revised value entered for the base year, else the catalog value. */
  baselineValue: number | null;
  /** True when a value was entered for the base year (a revision, for the plan's own area). */
  isBaselineRevised: boolean;
  /** `subregion` for a county: its base-year value is its own baseline, not a revision. */
  scope: 'plan-area' | 'subregion';
  targetRule: TargetRule;
  /** True when the target is written as approximate (4%左右, 约90%): judged strictly, flagged. */
  isApproximateTarget: boolean;
  /** The figure compared to the target: the latest level, or the running total (cumulative). */
  latestYear: number | null;
  latestValue: number | null;
  /** The running total 2016..t for cumulative indicators; null for level indicators. */
  cumulativeValue: number | null;
  /** Years of the period up to the as-of year that have no value. */
  missingYears: number[];
  /** Remaining distance to the target in the indicator's unit (0 once met), or null. */
  gap: number | null;
  /** Change per year still needed to reach the target by its year (for cumulative: amount per year). */
  requiredAnnualChange: number | null;
  /** Average change per year so far (for cumulative: average annual amount). */
  averageAnnualChange: number | null;
  /** Least-squares projection to the target year, or null with fewer than two points. */
  projectedValue: number | null;
  projectionReachesTarget: boolean | null;
  /** A Chinese sentence that states the result with the numbers used. */
  explanation: string;
}
