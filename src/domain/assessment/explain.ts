import { formatDifference, formatPercent, formatQuantity } from './numbers';
import type { AssessmentResult, TargetRule } from './types';

const COMPARATOR_WORDS = {
  '>': '高于',
  '>=': '不低于',
  '<': '低于',
  '<=': '不高于',
  '=': '等于',
} as const;

const withUnit = formatQuantity;
const difference = formatDifference;

export function describeTarget(rule: TargetRule, unit: string | null): string {
  switch (rule.type) {
    case 'words':
      return `“${rule.text}”`;
    case 'none':
      return '（无数值目标）';
    case 'compare':
      return `${COMPARATOR_WORDS[rule.comparator]}${withUnit(rule.value, unit)}`;
    case 'reach':
    case 'hold':
      return `${withUnit(rule.value, unit)}${rule.derived ? '（由基期值加累计增加值推算）' : ''}`;
  }
}

/**
 * A Chinese sentence stating the result with the numbers used, for pasting into a report.
 *
 * @example "2018年实际值5.2张，基期值4.31张，2020年目标值5.7张；完成进度59.7%，低于时间进度60%，进度滞后；…"
 */
export function explain(r: Omit<AssessmentResult, 'explanation'>): string {
  const unit = r.unit;
  const parts: string[] = [];
  const targetText = `${r.targetYear}年目标${r.targetRule.type === 'compare' ? '' : '值'}${describeTarget(r.targetRule, unit)}`;
  const isCumulative = r.cumulativeValue !== null;

  if (r.latestYear !== null && r.latestValue !== null) {
    if (isCumulative) {
      parts.push(
        `${r.startYear === r.latestYear ? '' : `${r.startYear}—`}${r.latestYear}年累计${withUnit(r.cumulativeValue as number, unit)}，期末累计目标${describeTarget(r.targetRule, unit)}`,
      );
    } else {
      const baseline =
        r.baselineValue === null
          ? '无基期值'
          : `基期值${withUnit(r.baselineValue, unit)}${r.isBaselineRevised && r.scope === 'plan-area' ? '（已修订）' : ''}`;
      parts.push(
        `${r.latestYear}年实际值${withUnit(r.latestValue, unit)}，${baseline}，${targetText}`,
      );
    }
  } else if (r.status !== 'no_data') {
    parts.push(targetText);
  }
  if (r.missingYears.length > 0 && r.status !== 'no_data') {
    parts.push(`缺少${r.missingYears.join('、')}年数据`);
  }

  const progress = r.progress === null ? null : formatPercent(r.progress);
  const tau = formatPercent(r.timeProgress);
  switch (r.status) {
    case 'achieved':
      // Above 100% the ratio says little (0.3 over a planned 0.02 is 1600%): say it plainly.
      if (r.progress !== null && r.progress > 1 && r.targetRule.type !== 'hold') {
        parts.push('已超过目标，提前实现');
      } else {
        parts.push(
          `${progress && r.targetRule.type !== 'hold' ? `完成进度${progress}，` : ''}已达到目标`,
        );
      }
      break;
    case 'on_track':
      parts.push(`完成进度${progress}，不低于时间进度${tau}，符合进度要求`);
      break;
    case 'lagging':
      parts.push(`完成进度${progress ?? '无法计算'}，低于时间进度${tau}，进度滞后`);
      break;
    case 'regressing':
      parts.push(`较基期向偏离目标的方向变化，属逆向变化`);
      break;
    case 'not_achieved':
      parts.push(`${progress ? `完成进度${progress}，` : ''}未实现目标`);
      break;
    case 'no_data':
      parts.push(`${r.reason ?? '没有实际值'}，无法评估`);
      break;
    case 'manual':
    case 'not_assessable':
      parts.push(r.reason ?? '无法计算');
      break;
  }
  if (r.status === 'achieved' && r.reason) parts.push(r.reason);
  if (r.isApproximateTarget && r.status !== 'achieved' && r.status !== 'manual') {
    parts.push('目标为约数（“左右”或“约”），按目标值严格判断；评估人员可结合实际评定');
  }

  if (
    (r.status === 'lagging' || r.status === 'regressing' || r.status === 'not_assessable') &&
    r.gap
  ) {
    let pace = `距目标还差${isCumulative ? withUnit(r.gap, unit, 2) : difference(r.gap, unit)}`;
    if (r.requiredAnnualChange !== null) {
      pace += isCumulative
        ? `，剩余年份需年均完成${withUnit(r.requiredAnnualChange, unit, 2)}`
        : `，需年均${r.requiredAnnualChange >= 0 ? '提高' : '降低'}${difference(Math.abs(r.requiredAnnualChange), unit)}`;
      if (r.averageAnnualChange !== null) {
        pace += isCumulative
          ? `（此前年均${withUnit(r.averageAnnualChange, unit, 2)}）`
          : `（此前年均${r.averageAnnualChange >= 0 ? '提高' : '降低'}${difference(Math.abs(r.averageAnnualChange), unit)}）`;
      }
    }
    parts.push(pace);
  }
  if (
    r.projectedValue !== null &&
    r.status !== 'achieved' &&
    r.latestYear !== null &&
    r.latestYear < r.targetYear
  ) {
    parts.push(
      `按趋势推算${r.targetYear}年${isCumulative ? '累计' : ''}约为${withUnit(r.projectedValue, unit, 2)}，${r.projectionReachesTarget ? '可望实现目标' : '难以实现目标'}`,
    );
  }
  return `${parts.join('；')}。`;
}
