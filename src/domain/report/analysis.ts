import { isSizeIndependent } from '../assessment/scale';
import {
  catalogRegionRole,
  indexValues,
  planModeFor,
  type JudgedResult,
  type ValueIndex,
} from '../assessment/plan';
import { STATUS_CODES, type AssessmentMode, type StatusCode } from '../assessment/types';
import type { DispersionTrend } from '../assessment/equalization';
import { BEHIND_STATUSES, mostLagging, type LaggingRow } from '../charts/overview-data';
import { compareRegions, type RegionComparison } from '../charts/region-bars';
import { regionStatusRows, type RegionStatusRow } from '../charts/region-status';
import type { Plan } from '../catalog/schema';
import { planItem } from '../wording/records';
import type { ReportInput, ReportObservation, ReportRegion } from './model';

/**
 * What the report's sections, the evaluator's fact list and the spreadsheets share, worked out
 * once from the input: the region, the counts by the status shown, the items behind, the
 * county comparisons. Nothing here computes an assessment: results come from the engine
 * (`assessPlan`, `applyJudgements`), counties from `regionStatusRows`, dispersion from
 * `compareRegions` (which uses `assessEqualization`), exactly as the 总览 page reads them.
 */
export interface ReportAnalysis {
  plan: Plan;
  region: ReportRegion;
  isPlanArea: boolean;
  asOfYear: number;
  mode: AssessmentMode;
  results: readonly JudgedResult[];
  values: ValueIndex;
  /** Values of the report's region up to the as-of year, with their metadata. */
  ownObservations: ReportObservation[];
  /** Years shown per item: the period's first year to the as-of year (or the end year). */
  years: number[];
  /** Counts by the status shown (the evaluator's where one applies). */
  counts: Record<StatusCode, number>;
  /** Items with a verdict: on track, achieved, likely achieved, or behind. */
  assessed: number;
  onTrack: number;
  judgedCount: number;
  /** Items behind, most serious first (regressing, not achieved, likely missed, lagging). */
  behind: LaggingRow[];
  /** Preliminary years per item for the report's region. */
  preliminaryYears: Map<string, number[]>;
  counties: ReportRegion[];
  /** Counties with at least one value. */
  countiesWithData: ReportRegion[];
  equalization: EqualizationRow[];
  countyRows: RegionStatusRow[];
}

export interface EqualizationRow {
  result: JudgedResult;
  comparison: RegionComparison;
  trend: DispersionTrend;
}

const ON_TRACK: ReadonlySet<StatusCode> = new Set(['on_track', 'achieved', 'likely_achieved']);

export function analyseReport(input: ReportInput): ReportAnalysis {
  const { plan, asOfYear } = input;
  const region: ReportRegion = input.regions.find((r) => r.regionId === input.regionId) ?? {
    regionId: input.regionId,
    name: plan.regions.find((r) => r.id === input.regionId)?.name ?? input.regionId,
    role: catalogRegionRole(plan, input.regionId),
  };
  const isPlanArea = region.role === 'plan-area';
  const mode = planModeFor(plan, asOfYear);
  const values = indexValues(input.observations);
  // Grouped by domain in the plan's order (the table's indicators before the prose targets
  // within a domain), so that 附表1 can print each domain once.
  const domainIndex = new Map(plan.domains.map((d, i) => [d.id, i]));
  const results = [...input.results].sort(
    (x, y) => (domainIndex.get(x.domain) ?? 0) - (domainIndex.get(y.domain) ?? 0),
  );
  const lastYear = Math.min(asOfYear, plan.period.end);
  const years: number[] = [];
  for (let y = plan.period.start; y <= lastYear; y++) years.push(y);

  const ownObservations = input.observations.filter(
    (o) => o.regionId === region.regionId && o.year <= lastYear,
  );
  const preliminaryYears = new Map<string, number[]>();
  for (const o of ownObservations) {
    if (o.dataStatus !== 'preliminary' || o.year < plan.period.start) continue;
    preliminaryYears.set(o.itemId, [...(preliminaryYears.get(o.itemId) ?? []), o.year].sort());
  }

  const counts = Object.fromEntries(STATUS_CODES.map((s) => [s, 0])) as Record<StatusCode, number>;
  for (const r of results) counts[r.effectiveStatus]++;
  const behindCount = BEHIND_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const onTrack = [...ON_TRACK].reduce((sum, s) => sum + counts[s], 0);

  const behind = mostLagging(
    results.map((r) => ({ ...r, status: r.effectiveStatus })),
    Number.POSITIVE_INFINITY,
  );

  const counties = isPlanArea ? input.regions.filter((r) => r.role === 'subregion') : [];
  const withData = new Set(input.observations.map((o) => o.regionId));
  const countiesWithData = counties.filter((c) => withData.has(c.regionId));

  const equalization: EqualizationRow[] = [];
  if (countiesWithData.length >= 2) {
    for (const r of results) {
      const item = planItem(plan, r.id);
      if (!item || !isSizeIndependent(item)) continue;
      const rule = r.targetRule;
      const comparison = compareRegions({
        kind: r.kind,
        itemId: r.id,
        regions: countiesWithData,
        rows: input.observations,
        startYear: plan.period.start,
        year: lastYear,
        target:
          rule.type === 'reach' || rule.type === 'hold' || rule.type === 'compare'
            ? { value: rule.value, comparator: rule.comparator }
            : null,
      });
      if (comparison.dispersion.length === 0) continue;
      equalization.push({ result: r, comparison, trend: comparison.trend });
    }
  }
  const countyRows =
    countiesWithData.length > 0 ? regionStatusRows(plan, values, countiesWithData, asOfYear) : [];

  return {
    plan,
    region,
    isPlanArea,
    asOfYear,
    mode,
    results,
    values,
    ownObservations,
    years,
    counts,
    assessed: onTrack + behindCount,
    onTrack,
    judgedCount: results.filter((r) => r.judgement !== null).length,
    behind,
    preliminaryYears,
    counties,
    countiesWithData,
    equalization,
    countyRows,
  };
}
