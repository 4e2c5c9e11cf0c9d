import type { Plan } from '../catalog/schema';

/**
 * A satisfaction survey (社会满意度调查), which the plans require (达州 l.1257, 周村 l.756,
 * 邯郸 l.655): who ran it, how, how many answered, and the result as a rate (满意率, %) or a
 * score on a stated scale (满意度得分, e.g. of 100).
 */
export interface Survey {
  id: string;
  planId: string;
  year: number;
  /** A domain of the plan, or null for the plan as a whole. */
  domain: string | null;
  /** A service-list item, when the survey asked about one service. */
  serviceId: string | null;
  organiser: string;
  isThirdParty: boolean;
  method: string;
  sampleSize: number | null;
  result: { kind: 'rate'; value: number } | { kind: 'score'; value: number; scale: number };
  notes: string;
  by: string;
  at: string;
}

export const MAX_SAMPLE = 10_000_000;

/** Chinese messages naming the field; empty when the survey can be stored. */
export function validateSurvey(survey: Omit<Survey, 'id' | 'by' | 'at'>, plan: Plan): string[] {
  const errors: string[] = [];
  if (
    !Number.isInteger(survey.year) ||
    survey.year < plan.baseYear ||
    survey.year > plan.period.end
  ) {
    errors.push(`调查年份${survey.year}不在${plan.baseYear}—${plan.period.end}年之间`);
  }
  if (survey.domain !== null && !plan.domains.some((d) => d.id === survey.domain)) {
    errors.push(`领域“${survey.domain}”不在本规划中`);
  }
  if (survey.serviceId !== null && !plan.services.some((s) => s.id === survey.serviceId)) {
    errors.push(`服务项目“${survey.serviceId}”不在本规划中`);
  }
  if (!survey.organiser.trim()) errors.push('请填写组织单位（如第三方机构名称）');
  if (survey.organiser.length > 200) errors.push('组织单位过长（最多200字）');
  if (survey.method.length > 500) errors.push('调查方法过长（最多500字）');
  if (survey.notes.length > 2000) errors.push('备注过长（最多2000字）');
  if (
    survey.sampleSize !== null &&
    (!Number.isInteger(survey.sampleSize) ||
      survey.sampleSize < 1 ||
      survey.sampleSize > MAX_SAMPLE)
  ) {
    errors.push(`样本量应为1—${MAX_SAMPLE}之间的整数`);
  }
  const { result } = survey;
  if (!Number.isFinite(result.value)) errors.push('结果不是有效数字');
  else if (result.kind === 'rate' && (result.value < 0 || result.value > 100)) {
    errors.push('满意率应在0—100%之间');
  } else if (result.kind === 'score') {
    if (!Number.isFinite(result.scale) || result.scale <= 0) errors.push('满分应大于0');
    else if (result.value < 0 || result.value > result.scale) {
      errors.push(`得分应在0—${result.scale}之间`);
    }
  }
  return errors;
}

/** A survey's result as a share of its scale (a rate of 92.5% and a score of 92.5/100 alike). */
export function surveyShare(survey: Pick<Survey, 'result'>): number {
  const { result } = survey;
  return result.kind === 'rate' ? result.value / 100 : result.value / result.scale;
}

/**
 * The results over time for one domain (null: the plan as a whole), one point per year; where
 * several surveys share a year, the one with the largest sample counts, and the others are
 * listed beside it, never averaged.
 */
export function surveyTrend(
  surveys: readonly Survey[],
  domain: string | null,
): Array<{ year: number; survey: Survey; others: Survey[] }> {
  const byYear = new Map<number, Survey[]>();
  for (const s of surveys) {
    if (s.domain !== domain || s.serviceId !== null) continue;
    byYear.set(s.year, [...(byYear.get(s.year) ?? []), s]);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, list]) => {
      const sorted = [...list].sort((a, b) => (b.sampleSize ?? 0) - (a.sampleSize ?? 0));
      return { year, survey: sorted[0] as Survey, others: sorted.slice(1) };
    });
}
