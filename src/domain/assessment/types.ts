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
  /** A figure for each year (每年…, 年均…): met or missed each year. Default: isPerYearFigure. */
  isPerYear?: boolean;
  /** The target says 左右 or 约. Default: read from the printed target. */
  isApproximate?: boolean;
  /** The basis a standard is set per (每个乡镇, 每生每年): it then applies to each county too. */
  per?: string;
  /** The shared measure across plans, if any. */
  concept?: string;
}

/** The plan's calendar: base year 2015, period 2016–2020 in every plan here. */
export interface PlanCalendar {
  baseYear: number;
  startYear: number;
  endYear: number;
}

/** Actual values of one item for one region, by year. A value for the base year revises the baseline. */
export type ActualsByYear = ReadonlyMap<number, number>;

/**
 * 中期评估 (mid-term, any year before the target year: progress against time) or 终期评估
 * (final, the target year or later: was the target met). Derived from the as-of year, never
 * chosen separately, so two pages cannot disagree about it (docs/methodology.md §4).
 */
export type AssessmentMode = 'midterm' | 'final';

export type StatusCode =
  | 'achieved'
  | 'on_track'
  | 'lagging'
  | 'regressing'
  | 'not_achieved'
  | 'likely_achieved'
  | 'likely_not_achieved'
  | 'no_data'
  | 'manual'
  | 'not_assessable';

/** Every status in the order tables and roll-ups list them. */
export const STATUS_CODES: readonly StatusCode[] = [
  'achieved',
  'on_track',
  'likely_achieved',
  'lagging',
  'regressing',
  'likely_not_achieved',
  'not_achieved',
  'manual',
  'not_assessable',
  'no_data',
];

/** Statuses that only a final assessment gives (a cap already exceeded is the one exception). */
export const FINAL_ONLY_STATUSES: ReadonlySet<StatusCode> = new Set([
  'not_achieved',
  'likely_achieved',
  'likely_not_achieved',
]);

/** Statuses that only a mid-term assessment gives. */
export const MIDTERM_ONLY_STATUSES: ReadonlySet<StatusCode> = new Set([
  'on_track',
  'lagging',
  'regressing',
]);

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
  | { type: 'none' };

/**
 * Why a figure cannot be computed, or why a status is what it is. Structured, never a sentence:
 * the wording layer (src/domain/wording) says each one in Chinese or English.
 */
export type Reason =
  /** No value for any year of the period up to the as-of year. */
  | { code: 'no_data'; fromYear: number; toYear: number }
  /** Neither a revised nor a printed baseline (a county without its own 2015 value). */
  | { code: 'no_baseline' }
  /** The target is written in words: an evaluator judges. */
  | { code: 'target_words'; text: string }
  /** Neither the target nor the change cell holds a number. */
  | { code: 'no_numeric_target' }
  /** A county's cumulative item: the period total is the whole area's, not apportioned. */
  | { code: 'subregion_total' }
  /** A cumulative target of 0: no completion ratio. */
  | { code: 'zero_total' }
  /** The baseline already meets the target: it is a floor or ceiling to keep. */
  | { code: 'hold_target' }
  /** A hold target no longer met: completion of "keeping" has no ratio. */
  | { code: 'hold_not_kept' }
  /** The value equals the target, which a strict comparator (<, >) asks to pass. */
  | { code: 'strict_at_target'; comparator: '<' | '>'; target: number }
  /** Target equal to the baseline with a strict comparator (99 → >99): no ratio of distances. */
  | { code: 'zero_distance'; comparator: '<' | '>'; target: number }
  /** The target year is reached: no yearly pace is left to ask for. */
  | { code: 'target_year_reached'; targetYear: number }
  /** A figure per year (unit …/年): met or missed each year; a change per year means nothing. */
  | { code: 'per_year_figure' }
  /** A projection needs two points (a baseline and a value, or two values). */
  | { code: 'single_point' }
  /** The target year itself is reported: nothing is left to project. */
  | { code: 'target_year_reported'; targetYear: number }
  /** Years before the latest reported one have no value: they are not counted, not guessed. */
  | { code: 'gap_years'; years: number[] }
  /** The latest value is older than the as-of year: the item is judged as of its data year. */
  | { code: 'trailing_years'; years: number[]; dataYear: number }
  /**
   * A final verdict without target-year data: provisional, from the data year and the trend
   * (or the latest value alone, when there is no trend). `years` are the years after the data
   * year that have no value, the target year among them.
   */
  | {
      code: 'provisional_final';
      dataYear: number;
      targetYear: number;
      years: number[];
      basis: 'trend' | 'latest';
    }
  /**
   * A final assessment whose latest data are too old to project from (more than
   * THRESHOLDS.maxYearsProjected years before the target year): no verdict, not even a
   * provisional one.
   */
  | { code: 'data_too_old'; dataYear: number; targetYear: number }
  /** A cumulative cap (a total not to exceed) is already exceeded: it cannot be met any more. */
  | { code: 'cap_exceeded' }
  /** A target written as approximate (4%左右, 约90%): judged strictly against its number. */
  | { code: 'approximate_target' }
  /** Target derived as baseline + the printed five-year change (target cell empty). */
  | { code: 'derived_target' };

export type ReasonCode = Reason['code'];

/**
 * A computed figure, or the reason it cannot be computed. Pages and exports show the reason
 * where the figure would be; nothing renders a bare "—" or a NaN.
 */
export type Figure = { value: number; reason?: undefined } | { value: null; reason: Reason };

export const figure = (value: number): Figure => ({ value });
export const noFigure = (reason: Reason): Figure => ({ value: null, reason });

export interface AssessmentInput {
  item: AssessableItem;
  calendar: PlanCalendar;
  actuals: ActualsByYear;
  asOfYear: number;
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
  kind: IndicatorKind;
  status: StatusCode;
  /**
   * True when missing data could change the verdict: a final verdict without target-year data
   * (预计实现 / 预计难以实现), or a cumulative total with unreported years that does not yet
   * show the pace. `reasons` names the years.
   */
  isProvisional: boolean;
  /** Why the status is what it is, in the order a sentence states them. */
  reasons: Reason[];
  /** 中期 or 终期 for this item: final once the as-of year reaches the item's own target year. */
  mode: AssessmentMode;
  asOfYear: number;
  baseYear: number;
  /** The first year of the period (2016): cumulative totals count from it. */
  startYear: number;
  targetYear: number;
  /** Time progress τ at the data year (the as-of year when there is no value), as a ratio. */
  timeProgress: number;
  /** The baseline used: the revised value entered for the base year, else the catalog value. */
  baseline: Figure;
  /** True when a value was entered for the base year (a revision, for the plan's own area). */
  isBaselineRevised: boolean;
  /** `subregion` for a county: its base-year value is its own baseline, not a revision. */
  scope: 'plan-area' | 'subregion';
  targetRule: TargetRule;
  /** True when the target is written as approximate (4%左右, 约90%): judged strictly, flagged. */
  isApproximateTarget: boolean;
  /** The latest year 2016..min(as-of, target year) with a value: the data year. */
  latestYear: number | null;
  latestValue: number | null;
  /** Years 2016..min(as-of, target year) with a value. */
  reportedYears: number[];
  /** Years 2016..min(as-of, target year) without one. */
  missingYears: number[];
  /** For cumulative items: the sum of the reported years' amounts; null for level items. */
  cumulativeValue: number | null;
  /** Completion P as a ratio (0.5 = 50%). */
  progress: Figure;
  /** Remaining distance to the target in the indicator's unit (0 once met). */
  gap: Figure;
  /** Change per year still needed to reach the target by its year (cumulative: amount per year). */
  requiredAnnualChange: Figure;
  /** Average change per year so far (cumulative: average amount of the reported years). */
  averageAnnualChange: Figure;
  /** Projection to the target year: least squares (level), or the average amount (cumulative). */
  projectedValue: Figure;
  /**
   * Whether the projection meets the target; null when there is no projection, or when
   * unreported years make a projection that misses unreliable.
   */
  projectionReachesTarget: boolean | null;
}
