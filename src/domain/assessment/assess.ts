import { explain } from './explain';
import { isClose } from './numbers';
import { interpretTarget, satisfies } from './target-rule';
import { THRESHOLDS } from './thresholds';
import { projectLinear } from './trend';
import type { AssessmentInput, AssessmentResult, StatusCode, TargetRule } from './types';

/** Time progress τ = (t − base year) / (target year − base year), clamped to [0, 1]. */
export function timeProgress(asOfYear: number, baseYear: number, targetYear: number): number {
  if (targetYear <= baseYear) return 1;
  return Math.min(1, Math.max(0, (asOfYear - baseYear) / (targetYear - baseYear)));
}

type Draft = Omit<AssessmentResult, 'explanation'>;

/**
 * Assesses one indicator for one region as of a year. Pure: the same input always gives the
 * same result, and no field is ever NaN or ±Infinity (a figure that cannot be computed is null).
 * docs/methodology.md states every rule implemented here, with worked examples.
 */
export function assessIndicator(input: AssessmentInput): AssessmentResult {
  const { item, calendar, actuals, asOfYear } = input;
  const targetYear = item.year ?? calendar.endYear;
  const isFinal = input.mode === 'final' || asOfYear >= targetYear;
  const tau = timeProgress(asOfYear, calendar.baseYear, targetYear);

  const revisedBaseline = actuals.get(calendar.baseYear);
  const isSubregion = input.scope === 'subregion';
  // A county's baseline is its own 2015 value; the catalog's 2015 cell is the whole area's.
  const catalogBaseline = isSubregion ? null : (item.baseline?.value ?? null);
  const baselineValue = revisedBaseline ?? catalogBaseline;
  const rule = interpretTarget(item, item.kind === 'cumulative' ? null : baselineValue);

  const periodYears: number[] = [];
  for (let y = calendar.startYear; y <= Math.min(asOfYear, targetYear); y++) periodYears.push(y);
  const yearsWithData = periodYears.filter((y) => actuals.has(y));
  const missingYears = periodYears.filter((y) => !actuals.has(y));

  const draft: Draft = {
    id: item.id,
    name: item.name,
    unit: item.unit,
    status: 'no_data',
    reason: null,
    progress: null,
    timeProgress: tau,
    startYear: calendar.startYear,
    targetYear,
    baselineValue,
    isBaselineRevised: revisedBaseline !== undefined,
    scope: isSubregion ? 'subregion' : 'plan-area',
    targetRule: rule,
    isApproximateTarget: /左右|约/.test(item.target?.raw ?? ''),
    latestYear: null,
    latestValue: null,
    cumulativeValue: null,
    missingYears,
    gap: null,
    requiredAnnualChange: null,
    averageAnnualChange: null,
    projectedValue: null,
    projectionReachesTarget: null,
  };

  if (rule.type === 'words') {
    fillLatest(draft, input, yearsWithData);
    return finish({
      ...draft,
      status: 'manual',
      reason: `目标为文字表述“${rule.text}”，需评估人员人工评定`,
    });
  }
  if (yearsWithData.length === 0) {
    return finish({
      ...draft,
      status: 'no_data',
      reason: `${calendar.startYear}—${Math.min(asOfYear, targetYear)}年没有实际值`,
    });
  }
  if (isSubregion && item.kind === 'cumulative' && rule.type !== 'none') {
    fillLatest(draft, input, yearsWithData);
    return finish({
      ...draft,
      status: isFinal ? 'manual' : 'not_assessable',
      reason: '期末累计目标是全域合计，未分解到各区县，不能直接比较',
    });
  }
  if (rule.type === 'none') {
    fillLatest(draft, input, yearsWithData);
    return finish({ ...draft, status: isFinal ? 'manual' : 'not_assessable', reason: rule.reason });
  }
  return finish(
    item.kind === 'cumulative'
      ? assessCumulative(draft, input, rule, yearsWithData, isFinal)
      : assessLevel(draft, input, rule, yearsWithData, isFinal),
  );
}

/** The last guard of the "no NaN escapes" promise: a figure that is not finite becomes null. */
function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

function finish(draft: Draft): AssessmentResult {
  const clean: Draft = {
    ...draft,
    progress: finiteOrNull(draft.progress),
    gap: finiteOrNull(draft.gap),
    requiredAnnualChange: finiteOrNull(draft.requiredAnnualChange),
    averageAnnualChange: finiteOrNull(draft.averageAnnualChange),
    projectedValue: finiteOrNull(draft.projectedValue),
    cumulativeValue: finiteOrNull(draft.cumulativeValue),
  };
  if (clean.projectedValue === null) clean.projectionReachesTarget = null;
  return { ...clean, explanation: explain(clean) };
}

function fillLatest(draft: Draft, input: AssessmentInput, yearsWithData: number[]): void {
  const latestYear = yearsWithData.at(-1);
  if (latestYear === undefined) return;
  draft.latestYear = latestYear;
  if (input.item.kind === 'cumulative') {
    const total = yearsWithData.reduce((sum, y) => sum + (input.actuals.get(y) ?? 0), 0);
    draft.latestValue = input.actuals.get(latestYear) ?? null;
    draft.cumulativeValue = total;
  } else {
    draft.latestValue = input.actuals.get(latestYear) ?? null;
  }
}

type NumericRule = Extract<TargetRule, { value: number }>;

function assessLevel(
  draft: Draft,
  input: AssessmentInput,
  rule: NumericRule,
  yearsWithData: number[],
  isFinal: boolean,
): Draft {
  fillLatest(draft, input, yearsWithData);
  const { item, calendar, actuals } = input;
  const y = draft.latestValue as number;
  const latestYear = draft.latestYear as number;
  const B = draft.baselineValue;
  const T = rule.value;
  const sign = goodSign(rule, item.direction);
  const isMet = satisfies(y, rule.comparator, T);
  const yearsLeft = draft.targetYear - latestYear;

  // A target per year (城市低保标准年均增长4%, 每年建成5个: unit "…/年") is met or not each year;
  // a "change per year" of such a figure means nothing, so no pace is given for it.
  const isPerYearFigure = item.unit?.endsWith('/年') ?? false;
  draft.gap = isMet ? 0 : Math.abs(T - y);
  draft.requiredAnnualChange = isMet
    ? 0
    : yearsLeft > 0 && !isPerYearFigure
      ? (T - y) / yearsLeft
      : null;

  const points: Array<[number, number]> = [];
  if (B !== null) points.push([calendar.baseYear, B]);
  for (const year of yearsWithData) points.push([year, actuals.get(year) as number]);
  // Once the target year is reported there is nothing left to project.
  draft.projectedValue =
    latestYear >= draft.targetYear ? null : projectLinear(points, draft.targetYear);
  draft.projectionReachesTarget =
    draft.projectedValue === null ? null : satisfies(draft.projectedValue, rule.comparator, T);

  if (B === null) {
    if (isMet) return { ...draft, status: 'achieved' };
    if (isFinal) return { ...draft, status: 'not_achieved' };
    return {
      ...draft,
      status: 'not_assessable',
      reason: '缺少基期值，无法计算完成进度；目标尚未达到',
    };
  }
  draft.averageAnnualChange =
    latestYear > calendar.baseYear && !isPerYearFigure
      ? (y - B) / (latestYear - calendar.baseYear)
      : null;

  const hasMovedAway = sign * (y - B) < 0 && !isClose(y, B);
  if (rule.type === 'hold' || isClose(T, B)) {
    // Maintain target: the baseline already meets it. Progress is all or nothing.
    draft.progress = isMet ? 1 : hasMovedAway ? null : 0;
    const reason =
      rule.type === 'hold'
        ? '基期值已达到目标，目标视为保持（底线）目标'
        : rule.type === 'compare'
          ? '目标要求在基期值基础上继续改善'
          : '目标值与基期值相同';
    if (isMet) return { ...draft, status: 'achieved', reason };
    if (isFinal) return { ...draft, status: 'not_achieved', reason };
    return { ...draft, status: hasMovedAway ? 'regressing' : 'lagging', reason };
  }

  draft.progress = (y - B) / (T - B);
  if (isMet) return { ...draft, status: 'achieved' };
  if (isFinal) return { ...draft, status: 'not_achieved' };
  if (hasMovedAway) return { ...draft, status: 'regressing' };
  return { ...draft, status: statusFromProgress(draft.progress, draft.timeProgress) };
}

function assessCumulative(
  draft: Draft,
  input: AssessmentInput,
  rule: NumericRule,
  yearsWithData: number[],
  isFinal: boolean,
): Draft {
  fillLatest(draft, input, yearsWithData);
  const { calendar } = input;
  const total = draft.cumulativeValue as number;
  const T = rule.value;
  const isMet = satisfies(total, rule.comparator, T);
  const asOf = Math.min(input.asOfYear, draft.targetYear);
  const yearsLeft = draft.targetYear - asOf;
  const averageAmount = total / yearsWithData.length;

  draft.gap = isMet ? 0 : Math.max(0, T - total);
  draft.requiredAnnualChange = isMet ? 0 : yearsLeft > 0 ? (T - total) / yearsLeft : null;
  draft.averageAnnualChange = averageAmount;
  // The running total projected by adding the average annual amount for every year not yet reported.
  const yearsNotReported = draft.targetYear - calendar.startYear + 1 - yearsWithData.length;
  draft.projectedValue = asOf >= draft.targetYear ? null : total + averageAmount * yearsNotReported;
  draft.projectionReachesTarget =
    draft.projectedValue === null ? null : satisfies(draft.projectedValue, rule.comparator, T);
  draft.progress = isClose(T, 0) ? null : total / T;
  if (draft.progress === null) {
    return { ...draft, status: 'not_assessable', reason: '累计目标为0，无法计算完成进度' };
  }
  if (isMet) return { ...draft, status: 'achieved' };
  if (isFinal) return { ...draft, status: 'not_achieved' };
  if (total < 0) return { ...draft, status: 'regressing' };
  return { ...draft, status: statusFromProgress(draft.progress, draft.timeProgress) };
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

/** 符合进度 when P ≥ τ − margin (时间过半、任务过半), else 进度滞后. */
export function statusFromProgress(progress: number, tau: number): StatusCode {
  return progress >= tau - THRESHOLDS.onTrackMargin || isClose(progress, tau)
    ? 'on_track'
    : 'lagging';
}
