import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ObservationRow, RegionRow } from '../../db/database';
import {
  applyJudgements,
  assessmentModeFor,
  assessPlan,
  type AssessmentMode,
  type JudgedResult,
} from '../../domain/assessment';
import type { OverviewItem } from '../../domain/charts';
import type { Plan } from '../../domain/catalog/schema';
import { useDataset } from '../../shared/dataset';
import { useObservations } from '../../shared/observations';
import { queryKeys } from '../../shared/query-keys';
import { useRegions } from '../../shared/regions';
import { useRoute, useSetParams } from '../../shared/router';

export type OverviewView = 'summary' | 'domain' | 'indicator' | 'regions' | 'plans';
const VIEWS: readonly OverviewView[] = ['summary', 'domain', 'indicator', 'regions', 'plans'];

/** The choices kept in the address: `#/overview?plan=dazhou&view=regions&item=…&year=2018`. */
export interface OverviewParams {
  view: OverviewView;
  regionId: string | null;
  year: number | null;
  mode: AssessmentMode;
  itemId: string | null;
  domainId: string | null;
  sort: string | null;
  concept: string | null;
}

export function useOverviewParams(): [OverviewParams, ReturnType<typeof useSetParams>] {
  const { params } = useRoute();
  const setParams = useSetParams();
  const view = params.get('view') as OverviewView | null;
  const year = Number(params.get('year'));
  return [
    {
      view: view && VIEWS.includes(view) ? view : 'summary',
      regionId: params.get('region'),
      year: Number.isInteger(year) && year > 0 ? year : null,
      mode: params.get('mode') === 'final' ? 'final' : 'midterm',
      itemId: params.get('item'),
      domainId: params.get('domain'),
      sort: params.get('sort'),
      concept: params.get('concept'),
    },
    setParams,
  ];
}

/**
 * The as-of year when none is chosen: the latest year with any value within the period, so a
 * commission member first sees the newest figures; the period's first year without data.
 */
export function defaultYear(plan: Plan, rows: readonly ObservationRow[]): number {
  let latest = plan.period.start;
  for (const row of rows) {
    if (row.year > latest && row.year <= plan.period.end) latest = row.year;
  }
  return latest;
}

export function yearsOf(plan: Plan): number[] {
  const years: number[] = [];
  for (let y = plan.period.start; y <= plan.period.end; y++) years.push(y);
  return years;
}

/** Every judgement of a plan (all regions and years); filtered in memory. */
function useJudgements(planId: string) {
  const { db, dataset } = useDataset();
  return useQuery({
    // Under the plan's judgements key, so the judgement UI's invalidation refreshes this too.
    queryKey: [...queryKeys.judgements(dataset, planId), 'all'],
    queryFn: () => db.judgements.where('planId').equals(planId).toArray(),
  });
}

export interface PlanAssessment {
  regions: RegionRow[];
  region: RegionRow | undefined;
  rows: ObservationRow[];
  year: number;
  /** The mode applied: 终期评估 only in the plan's end year (assessmentModeFor). */
  mode: AssessmentMode;
  results: JudgedResult[];
  /** The results as the overview shapes them: the status shown is the judged one. */
  items: OverviewItem[];
  isLoading: boolean;
  error: unknown;
}

/** Assesses the chosen plan for the chosen region, year and mode, with evaluators' judgements. */
export function usePlanAssessment(plan: Plan, params: OverviewParams): PlanAssessment {
  const regionsQuery = useRegions(plan);
  const observations = useObservations(plan.id);
  const judgements = useJudgements(plan.id);
  const regions = useMemo(
    () => (regionsQuery.data ?? []).filter((r) => r.archived === 0),
    [regionsQuery.data],
  );
  const region = regions.find((r) => r.regionId === params.regionId) ?? regions[0];
  const rows = useMemo(() => observations.data ?? [], [observations.data]);
  const year = params.year ?? defaultYear(plan, rows);
  const regionId = region?.regionId;
  const mode = assessmentModeFor(params.mode, year, plan);

  const results = useMemo(() => {
    if (!regionId) return [];
    const computed = assessPlan(plan, { rows, regionId }, year, mode);
    const own = (judgements.data ?? []).filter(
      (j) => j.regionId === regionId && j.asOfYear === year,
    );
    return applyJudgements(computed, own);
  }, [plan, rows, regionId, year, mode, judgements.data]);

  const items = useMemo(() => results.map((r) => ({ ...r, status: r.effectiveStatus })), [results]);

  return {
    regions,
    region,
    rows,
    year,
    mode,
    results,
    items,
    isLoading: regionsQuery.isLoading || observations.isLoading || judgements.isLoading,
    error: regionsQuery.error ?? observations.error ?? judgements.error,
  };
}

/** What the overview page hands each sub-view. */
export interface ViewProps {
  plan: Plan;
  assessment: PlanAssessment;
  params: OverviewParams;
  setParams: ReturnType<typeof useSetParams>;
  region: RegionRow;
}
