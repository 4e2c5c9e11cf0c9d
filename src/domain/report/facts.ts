import { BEHIND_STATUSES } from '../charts/overview-data';
import {
  behindBullet,
  countyBehindBullet,
  manualBullet,
  missingDataBullet,
  noDataBullet,
  paceBullet,
  preliminaryBullet,
  preliminaryLine,
  widenedBullet,
} from '../wording/report';
import { analyseReport } from './analysis';
import type { ReportInput } from './model';

export interface ReportFacts {
  /** Facts for 存在的问题及原因: what is behind, where counties drift apart, what has no data. */
  problems: string[];
  /** Facts for 下一步建议: the pace needed, the data to complete, what awaits a judgement. */
  suggestions: string[];
}

/**
 * Factual bullet points the evaluator can copy into the parts they write (存在的问题及原因,
 * 下一步建议). The app states figures only; causes and recommendations are the evaluator's.
 *
 * @example problems[0]: "进度滞后的指标：每千人口床位数（完成进度35.3%，时间进度60.0%）。"
 */
export function reportFacts(input: ReportInput): ReportFacts {
  const a = analyseReport(input);
  const byId = new Map(a.results.map((r) => [r.id, r]));
  const problems: string[] = [];
  for (const status of BEHIND_STATUSES) {
    // The status shown (an evaluator's where one applies) decides the group and the details.
    const items = a.behind
      .filter((row) => row.status === status)
      .flatMap((row) => {
        const result = byId.get(row.id);
        return result ? [{ ...result, status: row.status }] : [];
      });
    if (items.length > 0) problems.push(behindBullet(status, a.mode, items));
  }
  const widened = a.equalization.filter((row) => row.trend === 'widened');
  if (widened.length > 0) {
    problems.push(
      widenedBullet(
        widened.map((row) => {
          const points = row.comparison.dispersion;
          const first = points[0];
          const last = points.at(-1);
          return {
            name: row.result.name,
            fromYear: first?.year ?? a.asOfYear,
            from: first?.coefficientOfVariation ?? null,
            toYear: last?.year ?? a.asOfYear,
            to: last?.coefficientOfVariation ?? null,
          };
        }),
      ),
    );
  }
  const counties = a.countyRows.filter((row) => row.behindShare !== null);
  if (counties.length > 0) {
    problems.push(
      countyBehindBullet(counties.map((row) => ({ name: row.name, share: row.behindShare ?? 0 }))),
    );
  }
  const lastYear = Math.min(a.asOfYear, a.plan.period.end);
  const noData = a.results.filter((r) => r.effectiveStatus === 'no_data');
  if (noData.length > 0) {
    problems.push(
      noDataBullet(
        noData.map((r) => r.name),
        a.plan.period.start,
        lastYear,
      ),
    );
  }

  const suggestions: string[] = [];
  const paced = a.behind
    .map((row) => ({ result: byId.get(row.id), factor: row.accelerationFactor }))
    .filter(
      (e): e is { result: NonNullable<typeof e.result>; factor: number | null } =>
        e.result !== undefined &&
        e.result.requiredAnnualChange.value !== null &&
        (e.result.gap.value ?? 0) > 0,
    );
  if (paced.length > 0) suggestions.push(paceBullet(paced));
  const missing = a.results
    .filter((r) => r.latestYear !== null && r.missingYears.length > 0)
    .map((r) => ({ name: r.name, years: r.missingYears }));
  if (missing.length > 0) suggestions.push(missingDataBullet(missing));
  const manual = a.results.filter((r) => r.effectiveStatus === 'manual' && !r.judgement);
  if (manual.length > 0) suggestions.push(manualBullet(manual.map((r) => r.name)));
  const preliminary = a.results
    .filter((r) => a.preliminaryYears.has(r.id))
    .map((r) => preliminaryLine(r.name, a.preliminaryYears.get(r.id) ?? []));
  if (preliminary.length > 0) suggestions.push(preliminaryBullet(preliminary));
  return { problems, suggestions };
}
