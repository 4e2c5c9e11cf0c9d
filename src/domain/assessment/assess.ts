import { displayUnitOf } from '../wording/units';
import { isPerYearFigure, isSizeIndependent } from './scale';
import { isClose } from './numbers';
import { interpretTarget, satisfies } from './target-rule';
import { THRESHOLDS } from './thresholds';
import { projectLinear } from './trend';
import {
  figure,
  noFigure,
  type AssessableItem,
  type AssessmentInput,
  type AssessmentMode,
  type AssessmentResult,
  type Figure,
  type Reason,
  type StatusCode,
  type TargetRule,
} from './types';

/** Time progress τ = (t − base year) / (target year − base year), clamped to [0, 1]. */
export function timeProgress(asOfYear: number, baseYear: number, targetYear: number): number {
  if (targetYear <= baseYear) return 1;
  return Math.min(1, Math.max(0, (asOfYear - baseYear) / (targetYear - baseYear)));
}

/** 终期 once the as-of year reaches the target year, else 中期 (docs/methodology.md §4). */
export function modeFor(asOfYear: number, targetYear: number): AssessmentMode {
  return asOfYear >= targetYear ? 'final' : 'midterm';
}

type NumericRule = Extract<TargetRule, { value: number }>;

/** What every branch of the assessment knows about the item's data. */
interface Facts {
  input: AssessmentInput;
  rule: TargetRule;
  mode: AssessmentMode;
  targetYear: number;
  baseline: Figure;
  reportedYears: number[];
  missingYears: number[];
  /** Missing years before the latest reported one: unknown, never counted or guessed. */
  gapYears: number[];
  /** Missing years after the latest reported one, up to min(as-of, target year). */
  trailingYears: number[];
  latestYear: number | null;
}

type Outcome = Pick<
  AssessmentResult,
  | 'status'
  | 'isProvisional'
  | 'reasons'
  | 'latestValue'
  | 'cumulativeValue'
  | 'progress'
  | 'gap'
  | 'requiredAnnualChange'
  | 'averageAnnualChange'
  | 'projectedValue'
  | 'projectionReachesTarget'
>;

/**
 * Assesses one indicator for one region as of a year. Pure: the same input always gives the
 * same result. Every figure is a finite number or carries the reason it cannot be computed;
 * every rule here is stated, with a worked example, in docs/methodology.md.
 */
export function assessIndicator(input: AssessmentInput): AssessmentResult {
  const { item, calendar, actuals, asOfYear } = input;
  const targetYear = item.year ?? calendar.endYear;
  const mode = modeFor(asOfYear, targetYear);
  const isSubregion = input.scope === 'subregion';

  const revisedBaseline = actuals.get(calendar.baseYear);
  // A county's baseline is its own 2015 value; the catalog's 2015 cell is the whole area's.
  const catalogBaseline = isSubregion ? undefined : item.baseline?.value;
  const baselineValue = revisedBaseline ?? catalogBaseline;
  const baseline =
    baselineValue === undefined ? noFigure({ code: 'no_baseline' }) : figure(baselineValue);
  const rule = interpretTarget(item, item.kind === 'cumulative' ? null : (baselineValue ?? null));

  const lastYear = Math.min(asOfYear, targetYear);
  const periodYears: number[] = [];
  for (let y = calendar.startYear; y <= lastYear; y++) periodYears.push(y);
  const reportedYears = periodYears.filter((y) => actuals.has(y));
  const missingYears = periodYears.filter((y) => !actuals.has(y));
  const latestYear = reportedYears.at(-1) ?? null;
  const facts: Facts = {
    input,
    rule,
    mode,
    targetYear,
    baseline,
    reportedYears,
    missingYears,
    gapYears: latestYear === null ? [] : missingYears.filter((y) => y < latestYear),
    trailingYears: missingYears.filter((y) => latestYear === null || y > latestYear),
    latestYear,
  };

  const outcome = assessOutcome(facts);
  return {
    id: item.id,
    name: item.name,
    // Figures are written with this unit: 女=100 for a sex ratio printed with none.
    unit: displayUnitOf(item),
    kind: item.kind,
    ...outcome,
    mode,
    asOfYear,
    baseYear: calendar.baseYear,
    startYear: calendar.startYear,
    targetYear,
    // Judged as of the data year: a 2017 figure is compared with 2017's time progress, not 2018's.
    timeProgress: timeProgress(latestYear ?? asOfYear, calendar.baseYear, targetYear),
    baseline,
    isBaselineRevised: revisedBaseline !== undefined,
    scope: isSubregion ? 'subregion' : 'plan-area',
    targetRule: rule,
    isApproximateTarget: isApproximate(item),
    latestYear,
    reportedYears,
    missingYears,
  };
}

/** A standard set per institution or place (每个乡镇一所, 每生每年600元) applies to each county. */
function hasOwnTarget(item: AssessableItem): boolean {
  return item.per !== undefined;
}

function isApproximate(item: AssessableItem): boolean {
  return item.isApproximate ?? /左右|约/.test(item.target?.raw ?? '');
}

function assessOutcome(f: Facts): Outcome {
  const { input, rule } = f;
  const { item, calendar } = input;
  const empty: Outcome = {
    status: 'no_data',
    isProvisional: false,
    reasons: [],
    latestValue: f.latestYear === null ? null : (input.actuals.get(f.latestYear) ?? null),
    cumulativeValue:
      item.kind === 'cumulative' && f.latestYear !== null
        ? f.reportedYears.reduce((sum, y) => sum + (input.actuals.get(y) ?? 0), 0)
        : null,
    progress: noFigure({ code: 'no_numeric_target' }),
    gap: noFigure({ code: 'no_numeric_target' }),
    requiredAnnualChange: noFigure({ code: 'no_numeric_target' }),
    averageAnnualChange: noFigure({ code: 'no_numeric_target' }),
    projectedValue: noFigure({ code: 'no_numeric_target' }),
    projectionReachesTarget: null,
  };
  const withReason = (reason: Reason): Outcome => ({
    ...empty,
    progress: noFigure(reason),
    gap: noFigure(reason),
    requiredAnnualChange: noFigure(reason),
    averageAnnualChange: noFigure(reason),
    projectedValue: noFigure(reason),
  });

  if (rule.type === 'words') {
    const reason: Reason = { code: 'target_words', text: rule.text };
    return { ...withReason(reason), status: 'manual', reasons: [reason] };
  }
  if (f.latestYear === null) {
    const reason: Reason = {
      code: 'no_data',
      fromYear: calendar.startYear,
      toYear: Math.min(input.asOfYear, f.targetYear),
    };
    return { ...withReason(reason), status: 'no_data', reasons: [reason] };
  }
  if (rule.type === 'none') {
    const reason: Reason = { code: 'no_numeric_target' };
    return {
      ...withReason(reason),
      status: f.mode === 'final' ? 'manual' : 'not_assessable',
      reasons: [reason, ...missingDataReasons(f)],
    };
  }
  // A county is not held to a total set for the whole area: a period total (新增城镇就业17万人),
  // or a level that grows with the area (公共图书馆年流通人次200万人次). Rates and per-capita
  // figures apply to every county as printed.
  if (input.scope === 'subregion' && !isSizeIndependent(item) && !hasOwnTarget(item)) {
    const reason: Reason = { code: 'subregion_total' };
    return {
      ...withReason(reason),
      status: f.mode === 'final' ? 'manual' : 'not_assessable',
      // The running total is still shown: say which years it leaves out.
      reasons: [reason, ...missingDataReasons(f)],
    };
  }
  const outcome =
    item.kind === 'cumulative' ? assessCumulative(f, rule, empty) : assessLevel(f, rule, empty);
  // Reasons every numeric outcome shares, after the outcome's own.
  const shared: Reason[] = [];
  if (rule.derived) shared.push({ code: 'derived_target' });
  if (isApproximate(item)) shared.push({ code: 'approximate_target' });
  return { ...outcome, reasons: [...outcome.reasons, ...shared] };
}

/**
 * +1 when higher is better, −1 when lower is. A stated comparator decides (">99" wants higher
 * values whatever the catalog direction says); a plain number follows the indicator's direction.
 */
function goodSign(rule: NumericRule, direction: 'up' | 'down'): 1 | -1 {
  if (rule.type === 'compare' && rule.comparator !== '=') {
    return rule.comparator.startsWith('>') ? 1 : -1;
  }
  return direction === 'up' ? 1 : -1;
}

/** True when `value` sits exactly on a strict target (2.4 for "<2.4"): close, but not met. */
function strictComparatorAt(rule: NumericRule, value: number): '<' | '>' | null {
  return (rule.comparator === '<' || rule.comparator === '>') && isClose(value, rule.value)
    ? rule.comparator
    : null;
}

/** The reasons that explain a judgement made before the as-of year's data are in. */
function missingDataReasons(f: Facts): Reason[] {
  const reasons: Reason[] = [];
  if (f.gapYears.length > 0) reasons.push({ code: 'gap_years', years: f.gapYears });
  if (f.trailingYears.length > 0 && f.latestYear !== null && f.mode === 'midterm') {
    reasons.push({ code: 'trailing_years', years: f.trailingYears, dataYear: f.latestYear });
  }
  return reasons;
}

function assessLevel(f: Facts, rule: NumericRule, base: Outcome): Outcome {
  const { item, calendar, actuals } = f.input;
  const latestYear = f.latestYear as number;
  const y = actuals.get(latestYear) as number;
  const T = rule.value;
  const B = f.baseline.value;
  const sign = goodSign(rule, item.direction);
  const isMet = satisfies(y, rule.comparator, T);
  const isHold = rule.type === 'hold';
  // 99 → ">99": the target asks for movement from the baseline itself (see zero_distance).
  const isZeroDistance = !isHold && B !== null && isClose(T, B);
  const strictAt = isMet || isZeroDistance ? null : strictComparatorAt(rule, y);
  const strictReason: Reason | null = strictAt
    ? { code: 'strict_at_target', comparator: strictAt, target: T }
    : null;
  const yearsLeft = f.targetYear - latestYear;
  // A target per year (城市低保标准年均增长4%, 每年建成5个) is met or not each year.
  const isPerYearTarget = isPerYearFigure(item);

  // At the baseline of a ">99 from 99" target, the distance left is no number (not 0).
  const unmeasured: Reason | null =
    strictReason ??
    (isZeroDistance && !isMet && isClose(y, T)
      ? { code: 'zero_distance', comparator: rule.comparator === '<' ? '<' : '>', target: T }
      : null);
  const gap: Figure = isMet
    ? figure(0)
    : unmeasured
      ? noFigure(unmeasured)
      : figure(Math.abs(T - y));
  const requiredAnnualChange: Figure = isMet
    ? figure(0)
    : unmeasured
      ? noFigure(unmeasured)
      : isPerYearTarget
        ? noFigure({ code: 'per_year_figure' })
        : yearsLeft <= 0
          ? noFigure({ code: 'target_year_reached', targetYear: f.targetYear })
          : figure((T - y) / yearsLeft);
  const averageAnnualChange: Figure =
    B === null
      ? noFigure({ code: 'no_baseline' })
      : isPerYearTarget
        ? noFigure({ code: 'per_year_figure' })
        : figure((y - B) / (latestYear - calendar.baseYear));

  const points: Array<[number, number]> = [];
  if (B !== null) points.push([calendar.baseYear, B]);
  for (const year of f.reportedYears) points.push([year, actuals.get(year) as number]);
  // Once the target year is reported there is nothing left to project.
  const projected: number | null =
    latestYear >= f.targetYear ? null : projectLinear(points, f.targetYear);
  const projectedValue: Figure =
    latestYear >= f.targetYear
      ? noFigure({ code: 'target_year_reported', targetYear: f.targetYear })
      : projected === null
        ? noFigure({ code: 'single_point' })
        : figure(projected);
  const projectionReachesTarget =
    projected === null ? null : satisfies(projected, rule.comparator, T);

  const hasMovedAway = B !== null && sign * (y - B) < 0 && !isClose(y, B);
  const progress: Figure =
    B === null
      ? noFigure({ code: 'no_baseline' })
      : isHold
        ? isMet
          ? figure(1)
          : noFigure({ code: 'hold_not_kept' })
        : isZeroDistance
          ? noFigure({
              code: 'zero_distance',
              comparator: rule.comparator === '<' ? '<' : '>',
              target: T,
            })
          : strictReason
            ? noFigure(strictReason)
            : figure((y - B) / (T - B));

  const outcome: Outcome = {
    ...base,
    latestValue: y,
    progress,
    gap,
    requiredAnnualChange,
    averageAnnualChange,
    projectedValue,
    projectionReachesTarget,
  };
  const own: Reason[] = [];
  if (isHold) own.push({ code: 'hold_target' });
  if (isZeroDistance && !isMet) own.push(progress.reason as Reason);
  if (strictReason) own.push(strictReason);

  if (f.mode === 'final') {
    if (latestYear >= f.targetYear) {
      return {
        ...outcome,
        status: isMet ? 'achieved' : 'not_achieved',
        reasons: [...own, ...missingDataReasons(f)],
      };
    }
    const tooOld = dataTooOld(f, [...own, ...missingDataReasons(f)]);
    if (tooOld) return { ...outcome, ...tooOld };
    // No target-year figure: a provisional verdict from the trend, else from the latest value.
    const basis = projected === null ? 'latest' : 'trend';
    const isLikely = basis === 'trend' ? projectionReachesTarget === true : isMet;
    return {
      ...outcome,
      status: isLikely ? 'likely_achieved' : 'likely_not_achieved',
      isProvisional: true,
      reasons: [
        ...own,
        {
          code: 'provisional_final',
          dataYear: latestYear,
          targetYear: f.targetYear,
          years: f.trailingYears,
          basis,
        },
        ...missingDataReasons(f),
      ],
    };
  }

  const reasons = [...own, ...missingDataReasons(f)];
  const status: StatusCode = isMet
    ? 'achieved'
    : B === null
      ? 'not_assessable'
      : strictReason
        ? // At the final target's level already: on track, though the strict target is not met.
          'on_track'
        : hasMovedAway || isHold
          ? 'regressing'
          : isZeroDistance
            ? 'lagging'
            : statusFromProgress(progress.value as number, timeProgressAt(f, latestYear));
  if (status === 'not_assessable') reasons.unshift({ code: 'no_baseline' });
  return { ...outcome, status, reasons };
}

function timeProgressAt(f: Facts, year: number): number {
  return timeProgress(year, f.input.calendar.baseYear, f.targetYear);
}

/**
 * A cumulative item: the target is a total over the period (新增城镇就业 17万人 for 2016–2020),
 * or, for a lower-is-better item, a cap not to exceed. Unreported years are not counted and
 * not guessed: the running total is then a lower bound, and a verdict it cannot settle is
 * provisional.
 */
function assessCumulative(f: Facts, rule: NumericRule, base: Outcome): Outcome {
  const { item, actuals } = f.input;
  const latestYear = f.latestYear as number;
  const S = base.cumulativeValue as number;
  const T = rule.value;
  const isCap = goodSign(rule, item.direction) < 0;
  const isMet = satisfies(S, rule.comparator, T);
  const strictAt = isMet ? null : strictComparatorAt(rule, S);
  const strictReason: Reason | null = strictAt
    ? { code: 'strict_at_target', comparator: strictAt, target: T }
    : null;
  const hasGaps = f.gapYears.length > 0;
  const isComplete = f.missingYears.length === 0 && latestYear >= f.targetYear;
  const yearsLeft = f.targetYear - latestYear;
  const averageAmount = S / f.reportedYears.length;

  const gap: Figure = strictReason
    ? noFigure(strictReason)
    : isCap
      ? figure(Math.max(0, S - T))
      : figure(isMet ? 0 : T - S);
  const requiredAnnualChange: Figure =
    isMet && !isCap
      ? figure(0)
      : strictReason
        ? noFigure(strictReason)
        : yearsLeft <= 0
          ? noFigure({ code: 'target_year_reached', targetYear: f.targetYear })
          : figure((T - S) / yearsLeft);
  // The running total projected by adding the average amount for each year after the latest
  // reported one. Gap years stay uncounted, so with gaps the projection is a lower bound.
  const projected = latestYear >= f.targetYear ? null : S + averageAmount * yearsLeft;
  const projectedValue: Figure =
    projected === null
      ? noFigure({ code: 'target_year_reported', targetYear: f.targetYear })
      : figure(projected);
  let projectionReachesTarget: boolean | null =
    projected === null ? null : satisfies(projected, rule.comparator, T);
  // With gap years the projection is a lower bound, which settles one side only: a total it
  // reaches is reached, a cap it exceeds is exceeded; the other side stays open.
  if (hasGaps) {
    const isSettled = isCap ? projectionReachesTarget === false : projectionReachesTarget === true;
    if (!isSettled) projectionReachesTarget = null;
  }

  const progress: Figure = isClose(T, 0)
    ? noFigure({ code: 'zero_total' })
    : strictReason
      ? noFigure(strictReason)
      : figure(S / T);
  const outcome: Outcome = {
    ...base,
    latestValue: actuals.get(latestYear) ?? null,
    progress,
    gap,
    requiredAnnualChange,
    averageAnnualChange: figure(averageAmount),
    projectedValue,
    projectionReachesTarget,
  };
  const missing = missingDataReasons(f);
  if (progress.value === null && progress.reason.code === 'zero_total') {
    return { ...outcome, status: 'not_assessable', reasons: [progress.reason] };
  }

  if (isCap) {
    // The reported amounts alone exceed the cap: no later figure can undo that.
    if (!isMet) {
      return {
        ...outcome,
        status: 'not_achieved',
        reasons: [{ code: 'cap_exceeded' }, ...missing],
      };
    }
    if (f.mode === 'midterm') return { ...outcome, status: 'on_track', reasons: missing };
    if (isComplete) return { ...outcome, status: 'achieved', reasons: missing };
    // As far as the reported years go, the cap holds.
    return provisionalFinal(f, outcome, projectionReachesTarget !== false, missing);
  }

  // A total to reach: the reported amounts are a lower bound, so reaching it is certain.
  if (isMet) return { ...outcome, status: 'achieved', reasons: missing };
  if (f.mode === 'final') {
    if (isComplete) {
      return { ...outcome, status: 'not_achieved', reasons: strictReason ? [strictReason] : [] };
    }
    return provisionalFinal(f, outcome, projectionReachesTarget === true, missing);
  }
  if (S < 0) return { ...outcome, status: 'regressing', reasons: missing };
  if (strictReason) return { ...outcome, status: 'on_track', reasons: [strictReason, ...missing] };
  const status = statusFromProgress(progress.value as number, timeProgressAt(f, latestYear));
  // Behind on the reported years only: the unreported ones may close the distance.
  return { ...outcome, status, isProvisional: status === 'lagging' && hasGaps, reasons: missing };
}

/**
 * No final verdict, not even a provisional one, from data more than
 * THRESHOLDS.maxYearsProjected years older than the target year.
 */
function dataTooOld(
  f: Facts,
  others: Reason[],
): Pick<
  Outcome,
  | 'status'
  | 'reasons'
  | 'isProvisional'
  | 'projectedValue'
  | 'requiredAnnualChange'
  | 'projectionReachesTarget'
> | null {
  const dataYear = f.latestYear as number;
  if (f.targetYear - dataYear <= THRESHOLDS.maxYearsProjected) return null;
  const reason: Reason = { code: 'data_too_old', dataYear, targetYear: f.targetYear };
  return {
    status: 'not_assessable',
    isProvisional: false,
    reasons: [reason, ...others],
    // Nothing is projected or asked of the years left from data this old.
    projectedValue: noFigure(reason),
    requiredAnnualChange: noFigure(reason),
    projectionReachesTarget: null,
  };
}

function provisionalFinal(
  f: Facts,
  outcome: Outcome,
  isLikely: boolean,
  missing: Reason[],
): Outcome {
  const tooOld = dataTooOld(f, missing);
  if (tooOld) return { ...outcome, ...tooOld };
  return {
    ...outcome,
    status: isLikely ? 'likely_achieved' : 'likely_not_achieved',
    isProvisional: true,
    reasons: [
      {
        code: 'provisional_final',
        dataYear: f.latestYear as number,
        targetYear: f.targetYear,
        years: f.trailingYears,
        basis: 'trend',
      },
      ...missing,
    ],
  };
}

/** 符合进度 when P ≥ τ − margin (时间过半、任务过半), else 进度滞后. */
export function statusFromProgress(progress: number, tau: number): StatusCode {
  return progress >= tau - THRESHOLDS.onTrackMargin || isClose(progress, tau)
    ? 'on_track'
    : 'lagging';
}
