import type { PlanCalendar, AssessmentResult, AssessableItem } from '../assessment/types';
import type { Standard } from '../catalog/schema';
import {
  IMPLEMENTATION_LABELS,
  IMPLEMENTATION_STATUSES,
  type ImplementationStatus,
} from '../implementation/model';
import type { ImplementationRollup } from '../implementation/rollup';
import type { Survey } from '../implementation/surveys';
import { explainResult } from './explain';
import { formatNumber, formatPercent, type Locale } from './format';
import { targetText } from './target';

/**
 * Words and numbers of service-list and key-task tracking (落实情况), numeric standards and
 * satisfaction surveys: the 服务清单 page, the 总览 panel and section 五 of the report write them
 * through these functions (docs/implementation.md).
 */

/** 已落实, 推进中 …: the plans' and the commissions' own words. */
export function implementationLabel(status: ImplementationStatus, locale: Locale = 'zh-CN') {
  return IMPLEMENTATION_LABELS[locale][status];
}

/**
 * A standard's target as printed, with the basis the plan prints apart from the figure:
 * "1000元（每生每年）", "不少于4次（每年）", "90%以上". English renders the interpreted rule.
 */
export function standardTargetText(
  standard: Standard & AssessableItem,
  rule: AssessmentResult['targetRule'],
  calendar: PlanCalendar,
  locale: Locale = 'zh-CN',
): string {
  const printed = targetText(standard, rule, calendar, locale);
  if (!standard.per) return printed;
  return locale === 'en' ? `${printed} (${standard.per})` : `${printed}（${standard.per}）`;
}

/** The engine's sentence for a standard's result, with its target as printed. */
export function standardSentence(
  standard: Standard & AssessableItem,
  result: AssessmentResult,
  calendar: PlanCalendar,
  locale: Locale = 'zh-CN',
): string {
  return explainResult(
    result,
    standardTargetText(standard, result.targetRule, calendar, locale),
    locale,
  );
}

/** "已落实3项、推进中2项、未记录4项": the counts a roll-up has, zeros left out. */
export function implementationCountText(
  rollup: Pick<ImplementationRollup, 'counts' | 'notRecorded'>,
  year: number,
): string {
  const parts = IMPLEMENTATION_STATUSES.filter((s) => rollup.counts[s] > 0).map(
    (s) => `${implementationLabel(s)}${rollup.counts[s]}项`,
  );
  if (rollup.notRecorded > 0) parts.push(`未记录${year}年落实情况${rollup.notRecorded}项`);
  return parts.join('、');
}

/**
 * The share in place with how it is computed, so that a reader can check it:
 * "已落实3项，占适用事项8项的37.5%".
 */
export function shareInPlaceText(rollup: ImplementationRollup, locale: Locale = 'zh-CN'): string {
  const applicable = rollup.total - rollup.counts.not_applicable;
  if (locale === 'en') {
    return rollup.shareInPlace === null
      ? 'every item is not applicable: no share in place'
      : `${rollup.counts.done} in place of ${applicable} applicable: ${formatPercent(rollup.shareInPlace)}`;
  }
  if (rollup.shareInPlace === null) return '各项均不适用，不计算落实比例';
  return `已落实${rollup.counts.done}项，占适用事项${applicable}项的${formatPercent(rollup.shareInPlace)}`;
}

/** What the plan lists: "基本公共服务清单100项、重点任务27项". */
export function listedText(serviceCount: number, taskCount: number): string {
  return [
    serviceCount > 0 ? `基本公共服务清单${serviceCount}项` : null,
    taskCount > 0 ? `重点任务${taskCount}项` : null,
  ]
    .filter((x): x is string => x !== null)
    .join('、');
}

/**
 * The opening paragraph of section 五.
 *
 * @example "规划列有基本公共服务清单100项、重点任务27项，共127项。2018年，周村区已落实1项、不适用1项、
 *   未记录2018年落实情况125项。已落实1项，占适用事项126项的0.8%（未记录的事项计为未落实）。"
 */
export function trackingSummaryParagraph(f: {
  regionName: string;
  year: number;
  serviceCount: number;
  taskCount: number;
  rollup: ImplementationRollup;
}): string {
  const listed = `规划列有${listedText(f.serviceCount, f.taskCount)}，共${f.rollup.total}项。`;
  const counts = implementationCountText(f.rollup, f.year);
  const share =
    f.rollup.shareInPlace === null
      ? `${shareInPlaceText(f.rollup)}。`
      : `${shareInPlaceText(f.rollup)}${f.rollup.notRecorded > 0 ? '（未记录的事项计为未落实）' : ''}。`;
  // A status is recorded for one year (not a running state "截至" it): 2018年，周村区已落实….
  return `${listed}${f.year}年，${f.regionName}${counts}。${share}`;
}

/** Section 五 when nothing is recorded for the region and year: said plainly. */
export function nothingRecordedParagraph(f: {
  regionName: string;
  year: number;
  serviceCount: number;
  taskCount: number;
}): string {
  const listed = listedText(f.serviceCount, f.taskCount);
  return `${listed ? `规划列有${listed}。` : ''}本系统未记录${f.regionName}${f.year}年服务清单和重点任务的落实情况，本报告未作评估。`;
}

/**
 * The numeric standards' paragraph.
 *
 * @example "服务清单、专栏和重点任务中列有数值标准129项，其中25项与主要指标或文中目标相同，已在第二部分评估；
 *   其余104项单独评估。截至2018年，录入实际值的2项中，已实现1项、未实现1项；其余102项没有实际值。"
 */
export function standardsParagraph(f: {
  year: number;
  /** Standards judged on their own values (standardItems). */
  own: number;
  /** Standards restating an indicator or a prose target. */
  restated: number;
  withData: number;
  countsText: string;
}): string {
  const all = f.own + f.restated;
  const head =
    f.restated > 0
      ? `服务清单、专栏和重点任务中列有数值标准${all}项，其中${f.restated}项与主要指标或文中目标相同，已在第二部分评估；其余${f.own}项单独评估。`
      : `服务清单、专栏和重点任务中列有数值标准${all}项。`;
  if (f.withData === 0) return `${head}截至${f.year}年，尚未录入任何一项的实际值，未作判断。`;
  const rest = f.own - f.withData;
  return `${head}截至${f.year}年，录入实际值的${f.withData}项中，${f.countsText}${rest > 0 ? `；其余${rest}项没有实际值` : ''}。`;
}

/** A survey's result: "满意率92.5%", "满意度得分86.5分（满分100分）". */
export function surveyResultText(survey: Pick<Survey, 'result'>, locale: Locale = 'zh-CN'): string {
  const { result } = survey;
  if (result.kind === 'rate') {
    return locale === 'en'
      ? `${formatNumber(result.value, 4)}% satisfied`
      : `满意率${formatNumber(result.value, 4)}%`;
  }
  return locale === 'en'
    ? `score ${formatNumber(result.value, 4)} of ${formatNumber(result.scale, 4)}`
    : `满意度得分${formatNumber(result.value, 4)}分（满分${formatNumber(result.scale, 4)}分）`;
}

/**
 * One survey as the report states it, naming who ran it and how.
 *
 * @example "2018年，山东某调查研究中心（第三方）采用入户问卷方式调查基本医疗卫生服务，样本量1200，满意率92.5%。"
 */
export function surveySentence(survey: Survey, subjectName: string): string {
  const who = `${survey.organiser}${survey.isThirdParty ? '（第三方）' : ''}`;
  const how = survey.method.trim() ? `采用${survey.method.trim()}方式` : '';
  const sample = survey.sampleSize !== null ? `，样本量${survey.sampleSize}` : '';
  return `${survey.year}年，${who}${how}调查${subjectName}${sample}，${surveyResultText(survey)}。`;
}

/** Section 五 without any survey recorded. */
export function noSurveySentence(year: number): string {
  return `截至${year}年，本系统未记录社会满意度调查结果。`;
}
