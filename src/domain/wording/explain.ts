import type { AssessmentResult, Figure, Reason } from '../assessment/types';
import { isClose } from '../assessment/numbers';
import { THRESHOLDS } from '../assessment/thresholds';
import {
  DIGITS,
  derivedDigits,
  formatDifference,
  formatPercent,
  formatQuantity,
  formatYearList,
  formatYears,
  type Locale,
} from './format';

/**
 * Sentences that state a result with the numbers used, in the plans' and assessment reports'
 * own terms (完成进度, 时间进度, 提前实现, 进度滞后, 逆向变化, 需年均提高 …), built from the
 * result's structured parts so that each language renders them whole. docs/wording.md lists
 * every sentence with an example; tests hold fixed strings for real rows of the plans.
 */

type Say = (zh: string, en: string) => string;

function sayer(locale: Locale): Say {
  return (zh, en) => (locale === 'en' ? en : zh);
}

/**
 * One reason, as a clause (no final punctuation). `kind` tells a running total (where a year
 * without data is left out of the sum) from a level.
 */
export function reasonText(
  reason: Reason,
  unit: string | null,
  locale: Locale = 'zh-CN',
  kind: 'level' | 'cumulative' = 'level',
): string {
  const say = sayer(locale);
  const q = (value: number) => formatQuantity(value, unit, locale);
  const relation = (comparator: '<' | '>') =>
    comparator === '<' ? say('低于', 'below ') : say('高于', 'above ');
  switch (reason.code) {
    case 'no_data':
      return say(
        `${formatYears(reason.fromYear, reason.toYear)}没有实际值`,
        `no value for ${formatYears(reason.fromYear, reason.toYear, 'en')}`,
      );
    case 'no_baseline':
      // Said where any figure needing a baseline would be (completion, the change so far).
      return say('缺少基期值', 'no baseline');
    case 'target_words':
      return say(
        `目标为文字表述“${reason.text}”，需评估人员人工评定`,
        `the target is in words (“${reason.text}”): an evaluator judges it`,
      );
    case 'no_numeric_target':
      return say('没有数值型目标，需评估人员人工评定', 'no numeric target: an evaluator judges it');
    case 'subregion_total':
      return say(
        '规划目标是全域总量，未分解到各区县，不能直接比较',
        'the target is a total for the whole area, not split among counties, so it cannot be compared',
      );
    case 'zero_total':
      return say(
        '累计目标为0，无法计算完成进度',
        'the period total is 0, so completion cannot be computed',
      );
    case 'hold_target':
      return say(
        '基期值已达到目标，目标视为保持（底线）目标',
        'the baseline already meets the target, so it is a level to keep',
      );
    case 'hold_not_kept':
      return say(
        '保持类目标未能保持，不计算完成进度',
        'a level to keep that was not kept has no completion ratio',
      );
    case 'strict_at_target':
      return say(
        `实际值等于目标值${q(reason.target)}，而目标要求${relation(reason.comparator)}${q(reason.target)}`,
        `the value equals ${q(reason.target)}, but the target asks for ${relation(reason.comparator)}${q(reason.target)}`,
      );
    case 'zero_distance':
      return say(
        `目标要求在基期值${q(reason.target)}的基础上继续${reason.comparator === '>' ? '提高' : '降低'}，不计算完成进度`,
        `the target asks for a further ${reason.comparator === '>' ? 'rise' : 'fall'} from the baseline ${q(reason.target)}, so there is no completion ratio`,
      );
    case 'target_year_reached':
      return say(
        `已到目标年份${reason.targetYear}年，不再计算需年均变化`,
        `the target year ${reason.targetYear} is reached: no yearly pace is left`,
      );
    case 'per_year_figure':
      return say(
        '目标为每年数值，逐年判断，不计算年均变化',
        'a figure per year is judged each year; no change per year is computed',
      );
    case 'single_point':
      return say('只有一个数据点，无法推算趋势', 'a single data point: no trend can be projected');
    case 'target_year_reported':
      return say(
        `已有${reason.targetYear}年数据，不再推算`,
        `${reason.targetYear} is reported: nothing to project`,
      );
    case 'gap_years':
      return kind === 'cumulative'
        ? say(
            `缺少${formatYearList(reason.years)}数据（未计入累计值，也未估算）`,
            `no data for ${formatYearList(reason.years, 'en')} (left out of the total, not estimated)`,
          )
        : say(
            `缺少${formatYearList(reason.years)}数据`,
            `no data for ${formatYearList(reason.years, 'en')}`,
          );
    case 'trailing_years':
      return say(
        `缺少${formatYearList(reason.years)}数据，按${reason.dataYear}年数据评估`,
        `no data for ${formatYearList(reason.years, 'en')}: assessed on ${reason.dataYear} data`,
      );
    case 'provisional_final':
      return say(
        `缺少${formatYearList(reason.years)}数据，终期结论为预计（依据${reason.dataYear}年数据${reason.basis === 'trend' ? '及趋势' : ''}）`,
        `no data for ${formatYearList(reason.years, 'en')}: the final verdict is provisional (on ${reason.dataYear} data${reason.basis === 'trend' ? ' and the trend' : ''})`,
      );
    case 'data_too_old':
      return say(
        `最新数据为${reason.dataYear}年，距目标年（${reason.targetYear}年）超过${THRESHOLDS.maxYearsProjected}年，数据过旧，不作终期判断`,
        `the latest data are for ${reason.dataYear}, more than ${THRESHOLDS.maxYearsProjected} years before the target year ${reason.targetYear}: too old for a final verdict`,
      );
    case 'cap_exceeded':
      return say(
        '累计已超过上限，目标已无法实现',
        'the running total already exceeds the cap: the target can no longer be met',
      );
    case 'approximate_target':
      return say(
        '目标为约数（“左右”或“约”），按目标值严格判断，评估人员可结合实际评定',
        'the target is approximate (左右 / 约): judged strictly against its figure; an evaluator may judge otherwise',
      );
    case 'derived_target':
      return say(
        '目标值由基期值加累计增加值推算',
        'the target is the baseline plus the printed five-year change',
      );
  }
}

/** A figure for a table cell: the number, or the reason it cannot be computed. */
export function figureText(
  value: Figure,
  show: (value: number) => string,
  unit: string | null,
  locale: Locale = 'zh-CN',
): { text: string; reason: string | null } {
  return value.value === null
    ? { text: '—', reason: reasonText(value.reason, unit, locale) }
    : { text: show(value.value), reason: null };
}

/** Says a change with its direction in words: "提高0.78个百分点", "下降0.11张". */
export function changeText(
  value: number,
  unit: string | null,
  locale: Locale = 'zh-CN',
  digits: number = DIGITS.derived,
): string {
  const amount = formatDifference(value, unit, locale, digits);
  // Nothing moved (after rounding): "提高0个百分点" would read as a figure that is not there.
  if (amount === formatDifference(0, unit, locale, digits)) {
    return locale === 'en' ? 'no change' : '无变化';
  }
  if (locale === 'en') return `a ${value >= 0 ? 'rise' : 'fall'} of ${amount}`;
  return `${value >= 0 ? '提高' : '下降'}${amount}`;
}

/**
 * The sentence a report can quote for one result.
 *
 * @example "2018年实际值4.8张，基期值4.31张，2020年目标值5.70张；完成进度35.3%，低于时间进度60.0%，
 *   进度滞后；距目标还差0.9张，需年均提高0.45张（此前年均提高0.16张）；按趋势推算2020年约为5.11张，
 *   难以实现目标。"
 */
export function explainResult(
  r: AssessmentResult,
  target: string,
  locale: Locale = 'zh-CN',
): string {
  const say = sayer(locale);
  const unit = r.unit;
  const q = (value: number, digits: number = DIGITS.printed) =>
    formatQuantity(value, unit, locale, digits);
  const digits = derivedDigits(r);
  const d = (value: number) => formatQuantity(value, unit, locale, digits);
  const parts: string[] = [];
  const isCumulative = r.kind === 'cumulative';
  const reasons = new Map(r.reasons.map((reason) => [reason.code, reason]));
  const reasonPart = (reason: Reason) => reasonText(reason, unit, locale, r.kind);

  // 1. What was measured: the figures compared, and the target as printed.
  if (r.latestYear !== null && r.latestValue !== null && r.targetRule.type !== 'words') {
    if (isCumulative && r.cumulativeValue !== null) {
      const span = formatYears(r.startYear, r.latestYear, locale);
      parts.push(
        say(
          `${span}${r.startYear === r.latestYear ? '' : '累计'}${q(r.cumulativeValue)}，目标为${target}`,
          `${span}${r.startYear === r.latestYear ? '' : ' total'} ${q(r.cumulativeValue)}; target ${target}`,
        ),
      );
    } else {
      const baseline =
        r.baseline.value === null
          ? say('无基期值', 'no baseline')
          : say(
              `基期值${q(r.baseline.value)}${r.isBaselineRevised && r.scope === 'plan-area' ? '（已修订）' : ''}`,
              `baseline ${q(r.baseline.value)}${r.isBaselineRevised && r.scope === 'plan-area' ? ' (revised)' : ''}`,
            );
      parts.push(
        say(
          `${r.latestYear}年实际值${q(r.latestValue)}，${baseline}，${r.targetYear}年目标值${target}`,
          `${r.latestYear} value ${q(r.latestValue)}, ${baseline}, ${r.targetYear} target ${target}`,
        ),
      );
    }
  }

  // 2. Data that is missing, named, before any verdict that rests on what is there.
  for (const code of ['gap_years', 'trailing_years'] as const) {
    const reason = reasons.get(code);
    if (reason && r.status !== 'no_data') parts.push(reasonPart(reason));
  }

  // 3. The verdict.
  const P = r.progress.value;
  const tau = formatPercent(r.timeProgress);
  // Nothing moved since the baseline: said in words, not as "完成进度0.0%"; a level moved away
  // from the target as the fall or rise it is, not as "完成进度-2400.0%".
  const movedAway =
    P !== null &&
    P < 0 &&
    !isClose(P, 0) &&
    !isCumulative &&
    r.latestValue !== null &&
    r.baseline.value !== null
      ? r.latestValue - r.baseline.value
      : null;
  const progressClause =
    P === null
      ? null
      : isClose(P, 0)
        ? say('较基期尚无进展（完成进度0%）', 'no progress since the baseline (completion 0%)')
        : movedAway !== null
          ? say(
              `较基期${changeText(movedAway, unit, 'zh-CN', digits)}，与目标方向相反`,
              `${changeText(movedAway, unit, 'en', digits)} since the baseline, away from the target`,
            )
          : say(`完成进度${formatPercent(P)}`, `completion ${formatPercent(P)}`);
  switch (r.status) {
    case 'achieved': {
      const exceeded = P !== null && P > 1 && r.targetRule.type !== 'hold';
      if (reasons.has('hold_target')) {
        parts.push(reasonPart(reasons.get('hold_target') as Reason));
        parts.push(say(`${r.latestYear}年仍达到目标`, `still met in ${r.latestYear}`));
      } else if (r.mode === 'midterm') {
        parts.push(
          exceeded
            ? say('已超过目标值，提前实现', 'already beyond the target: achieved early')
            : say(
                `${progressClause ? `${progressClause}，` : ''}已达到目标值，提前实现`,
                `${progressClause ? `${progressClause}; ` : ''}target reached: achieved early`,
              ),
        );
      } else {
        parts.push(
          say(
            `${progressClause && !exceeded ? `${progressClause}，` : ''}已实现目标`,
            `${progressClause && !exceeded ? `${progressClause}; ` : ''}target achieved`,
          ),
        );
      }
      break;
    }
    case 'on_track':
      if (reasons.has('strict_at_target')) {
        parts.push(reasonPart(reasons.get('strict_at_target') as Reason));
        parts.push(
          say(
            '尚未实现，但已达目标值水平，符合进度要求',
            'not yet met, but at the target level: on track',
          ),
        );
      } else if (P !== null) {
        parts.push(
          say(
            `完成进度${formatPercent(P)}，不低于时间进度${tau}，符合进度要求`,
            `completion ${formatPercent(P)}, not below time progress ${tau}: on track`,
          ),
        );
      } else {
        parts.push(say('未超过上限，符合进度要求', 'within the cap: on track'));
      }
      break;
    case 'lagging':
      if (P === null) {
        const zero = reasons.get('zero_distance');
        if (zero) parts.push(reasonPart(zero));
        parts.push(say('尚未达到目标，进度滞后', 'target not yet reached: lagging'));
      } else {
        parts.push(
          say(
            `${progressClause}，低于时间进度${tau}，进度滞后`,
            `${progressClause}, below time progress ${tau}: lagging`,
          ),
        );
      }
      if (r.isProvisional) {
        parts.push(
          say(
            '因缺少年份数据，累计值偏低，补齐数据后需复核',
            'the total lacks years of data and may be low: check again once they are in',
          ),
        );
      }
      break;
    case 'regressing':
      if (reasons.has('hold_target')) parts.push(reasonPart(reasons.get('hold_target') as Reason));
      if (r.baseline.value !== null && r.latestValue !== null && !isCumulative) {
        parts.push(
          say(
            `较基期${changeText(r.latestValue - r.baseline.value, unit)}，与目标方向相反，属逆向变化`,
            `${changeText(r.latestValue - r.baseline.value, unit, 'en')} since the baseline, away from the target: regressing`,
          ),
        );
      } else {
        parts.push(
          say(
            '累计值为负，与目标方向相反，属逆向变化',
            'the total is negative, away from the target: regressing',
          ),
        );
      }
      break;
    case 'not_achieved':
      if (reasons.has('cap_exceeded')) {
        parts.push(reasonPart(reasons.get('cap_exceeded') as Reason));
      } else if (reasons.has('strict_at_target')) {
        parts.push(
          `${reasonPart(reasons.get('strict_at_target') as Reason)}${say('，未实现目标', ': target not achieved')}`,
        );
      } else {
        parts.push(
          say(
            `${progressClause && !reasons.has('hold_target') ? `${progressClause}，` : ''}未实现目标`,
            `${progressClause && !reasons.has('hold_target') ? `${progressClause}; ` : ''}target not achieved`,
          ),
        );
      }
      break;
    case 'likely_achieved':
    case 'likely_not_achieved': {
      // Said with the projection below when there is one; from the latest value otherwise.
      const provisional = reasons.get('provisional_final');
      if (provisional) parts.push(reasonPart(provisional));
      if (provisional?.code === 'provisional_final' && provisional.basis === 'latest') {
        parts.push(
          r.status === 'likely_achieved'
            ? say(
                `${r.latestYear}年已达到目标，预计实现目标`,
                `met in ${r.latestYear}: the target is likely to be met`,
              )
            : say(
                `${r.latestYear}年尚未达到目标，预计难以实现目标`,
                `not met in ${r.latestYear}: the target is likely to be missed`,
              ),
        );
      } else if (progressClause) {
        parts.push(
          P !== null && P > 1
            ? say(`${r.latestYear}年已超过目标值`, `beyond the target in ${r.latestYear}`)
            : progressClause,
        );
      }
      break;
    }
    case 'no_data':
      parts.push(
        `${reasonPart(reasons.get('no_data') as Reason)}${say('，无法评估', ': cannot assess')}`,
      );
      break;
    case 'manual':
    case 'not_assessable': {
      const main = r.reasons[0];
      const noCompletion =
        main?.code === 'no_baseline'
          ? say('，无法计算完成进度', ', so completion cannot be computed')
          : '';
      parts.push(main ? `${reasonPart(main)}${noCompletion}` : say('无法计算', 'cannot compute'));
      if (r.status === 'not_assessable' && r.gap.value !== null && r.gap.value > 0) {
        parts.push(say('目标尚未达到', 'target not yet reached'));
      }
      break;
    }
  }

  // 4. The pace now needed, where the target is not met and the period not over (at the final
  // assessment only the gap is said).
  const needsPace =
    r.status === 'lagging' ||
    r.status === 'regressing' ||
    r.status === 'likely_not_achieved' ||
    (r.status === 'not_assessable' &&
      !reasons.has('subregion_total') &&
      !reasons.has('data_too_old'));
  if (needsPace && r.gap.value !== null && r.gap.value > 0) {
    const gapText = isCumulative
      ? d(r.gap.value)
      : formatDifference(r.gap.value, unit, locale, digits);
    // A ceiling or floor to keep (孕产妇死亡率 0 → 3) is exceeded or undercut, not "short of".
    const hold = r.targetRule.type === 'hold' ? r.targetRule.comparator : null;
    const isCeiling = hold === '<=' || hold === '<';
    const isFloor = hold === '>=' || hold === '>';
    let pace = isCeiling
      ? say(`超出目标上限${gapText}`, `${gapText} above the ceiling`)
      : isFloor
        ? say(`低于目标下限${gapText}`, `${gapText} below the floor`)
        : isCumulative
          ? say(`距目标还差${gapText}`, `${gapText} short of the target`)
          : say(`距目标还差${gapText}`, `${gapText} from the target`);
    const required = r.mode === 'final' ? null : r.requiredAnnualChange.value;
    if (required !== null) {
      const average = r.averageAnnualChange.value;
      if (isCumulative) {
        pace += say(
          `，剩余年份需年均完成${d(required)}${average !== null ? `（此前年均${d(average)}）` : ''}`,
          `; ${d(required)} a year needed from now${average !== null ? ` (so far ${d(average)} a year)` : ''}`,
        );
      } else {
        const before =
          average === null
            ? ''
            : isClose(average, 0)
              ? say('（此前无变化）', ' (no change so far)')
              : say(
                  `（此前年均${changeText(average, unit, 'zh-CN', digits)}）`,
                  ` (so far ${changeText(average, unit, 'en', digits)} a year)`,
                );
        pace += say(
          `，需年均${changeText(required, unit, 'zh-CN', digits)}${before}`,
          `; needs ${changeText(required, unit, 'en', digits)} a year${before}`,
        );
      }
    }
    parts.push(pace);
  }

  // 5. Where the trend leads, for anything not yet settled; for a provisional final verdict
  // this is the verdict itself.
  const projected = r.projectedValue.value;
  const isSettled = r.status === 'achieved' || r.status === 'not_achieved';
  const isLikely = r.status === 'likely_achieved' || r.status === 'likely_not_achieved';
  if (projected !== null && !isSettled && r.status !== 'no_data') {
    const reach = isLikely
      ? r.status === 'likely_achieved'
        ? say('预计实现目标', 'the target is likely to be met')
        : r.projectionReachesTarget === null
          ? say(
              '预计难以实现目标（缺少年份数据，补齐后需复核）',
              'the target is likely to be missed (years of data are missing: check again once they are in)',
            )
          : say('预计难以实现目标', 'the target is likely to be missed')
      : r.projectionReachesTarget === null
        ? say(
            '因缺少年份数据，无法据此判断能否实现',
            'with years of data missing, this cannot tell whether the target will be met',
          )
        : r.projectionReachesTarget
          ? say('可望实现目标', 'the target is within reach')
          : say('难以实现目标', 'the target looks out of reach');
    parts.push(
      say(
        `按${isCumulative ? '已报告年份年均值' : '趋势'}推算${r.targetYear}年${isCumulative ? '累计' : ''}约为${d(projected)}，${reach}`,
        `on the ${isCumulative ? 'average of the reported years' : 'trend'}, ${r.targetYear}${isCumulative ? ' total' : ''} ≈ ${d(projected)}: ${reach}`,
      ),
    );
  }

  // 6. Notes on the target itself.
  for (const code of ['approximate_target', 'derived_target'] as const) {
    const reason = reasons.get(code);
    if (reason && r.status !== 'manual') parts.push(reasonPart(reason));
  }
  return locale === 'en' ? `${capitalise(parts.join('; '))}.` : `${parts.join('；')}。`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
