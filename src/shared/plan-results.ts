import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { JudgementRow, ObservationRow, RegionRow } from '../db/database';
import type { PlanValues } from '../db/plan-values';
import {
  applyJudgements,
  indexValues,
  planItems,
  planModeFor,
  type AssessmentMode,
  type JudgedResult,
  type RegionRole,
  type ValueIndex,
} from '../domain/assessment';
import { assessItemCached, assessPlanCached } from '../domain/assessment/all-regions';
import type { Plan } from '../domain/catalog/schema';
import { useDataset } from './dataset';
import { defaultYearOf } from './default-year';
import { useObservations } from './observations';
import { queryKeys } from './query-keys';
import { useRegions } from './regions';

// In their own small module so that the shell can use them without loading the engine.
export { defaultYear, defaultYearOf, periodYears } from './default-year';

/** The role of a stored region in its plan: its own area, or one of its counties. */
export function regionRole(region: Pick<RegionRow, 'role'>): RegionRole {
  // Stored on the region when it was first seeded (the catalog's first region is the plan's own
  // area): a rename never makes 达州市 a peer of its counties.
  return region.role;
}

/** Every judgement of a plan (all regions and years), filtered in memory. */
export function usePlanJudgements(planId: string) {
  const { db, dataset } = useDataset();
  return useQuery({
    queryKey: [...queryKeys.judgements(dataset, planId), 'all'],
    queryFn: () => db.judgements.where('planId').equals(planId).toArray(),
  });
}

const NO_VALUES = indexValues([]);

/**
 * Judged results of several regions of a plan (the entry grid by indicator, 区域均衡): the same
 * values index, judgements and engine as usePlanResults, region by region. With `itemId`, only
 * that item is assessed in each region (the by-indicator grid shows one item). Results are kept
 * per region until its values change (assessPlanCached), so after a save only the region written
 * is assessed again.
 */
export function useRegionResults(
  plan: Plan,
  regions: readonly Pick<RegionRow, 'regionId' | 'role'>[],
  year: number,
  itemId?: string,
): Map<string, Map<string, JudgedResult>> {
  const observations = useObservations(plan.id);
  const judgements = usePlanJudgements(plan.id);
  const values = observations.data?.index ?? NO_VALUES;
  const regionKey = regions.map((r) => `${r.regionId}:${r.role}`).join('|');
  return useMemo(() => {
    const judgementsByRegion = new Map<string, JudgementRow[]>();
    for (const j of judgements.data ?? []) {
      if (itemId !== undefined && j.itemId !== itemId) continue;
      judgementsByRegion.set(j.regionId, [...(judgementsByRegion.get(j.regionId) ?? []), j]);
    }
    const out = new Map<string, Map<string, JudgedResult>>();
    for (const entry of regionKey ? regionKey.split('|') : []) {
      const [regionId = '', role] = entry.split(':');
      const region = {
        regionId,
        role: role === 'plan-area' ? ('plan-area' as const) : ('subregion' as const),
      };
      const one =
        itemId === undefined ? undefined : assessItemCached(plan, values, region, itemId, year);
      const computed =
        itemId === undefined ? assessPlanCached(plan, values, region, year) : one ? [one] : [];
      const own = judgementsByRegion.get(regionId) ?? [];
      // A region whose results (kept per region by the engine's cache) and judgements are the
      // same objects keeps its map, so a page that draws a row per region (the by-indicator
      // grid) redraws only the region a save changed.
      const cacheKey = one ?? computed;
      const before = judgedMaps.get(cacheKey);
      const map =
        before && sameItems(before.own, own)
          ? before.map
          : new Map(applyJudgements(computed, own, year).map((r) => [r.id, r]));
      judgedMaps.set(cacheKey, { own, map });
      out.set(regionId, map);
    }
    return out;
  }, [plan, values, regionKey, year, itemId, judgements.data]);
}

const indicatorRowsCache = new WeakMap<PlanValues, ObservationRow[]>();

/**
 * The stored values of the plan's indicators and prose targets (all regions), as flat rows: what
 * the indicator pages, exports and the report list. Values of numeric standards (服务清单) are
 * stored with the plan's values but left out here. Kept per PlanValues, so built once per change.
 */
export function indicatorRowsOf(plan: Plan, planValues: PlanValues | undefined): ObservationRow[] {
  if (!planValues) return [];
  let rows = indicatorRowsCache.get(planValues);
  if (!rows) {
    const itemIds = new Set(planItems(plan).map((i) => i.id));
    rows = planValues.rows.filter((r) => itemIds.has(r.itemId));
    indicatorRowsCache.set(planValues, rows);
  }
  return rows;
}

/** A region's judged results by the engine's results they were made from (see useRegionResults). */
const judgedMaps = new WeakMap<
  object,
  { own: readonly JudgementRow[]; map: Map<string, JudgedResult> }
>();

/** Same length and the same objects in the same order. */
function sameItems(a: readonly unknown[], b: readonly unknown[]) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export interface PlanResults {
  /** The plan's regions that are not archived, its own area first. */
  regions: RegionRow[];
  region: RegionRow | undefined;
  role: RegionRole;
  /** Every stored value of the plan: indexed, and as flat rows when asked for (`rows: true`;
   * `planValues.rows`; the indicators' and prose targets' alone with `indicatorRowsOf`). Numeric
   * standards (服务清单) are in `values` too, for assessStandards. */
  planValues: PlanValues | undefined;
  values: ValueIndex;
  year: number;
  /** 终期评估 in the plan's end year, else 中期评估 (docs/methodology.md §4). */
  mode: AssessmentMode;
  /** Every item's result for the region and year, with the evaluators' judgements laid over. */
  results: JudgedResult[];
  isLoading: boolean;
  error: unknown;
}

/**
 * The one assessment path of the app: the judged results of a plan for a region and as-of year,
 * from one index of the stored values. 总览, 评估, 数据录入 and every export read this, so they
 * cannot disagree about an indicator.
 */
export function usePlanResults(
  plan: Plan,
  choice: { regionId: string | null | undefined; year: number | null | undefined },
  /** `rows`: the page lists values with their records (`planValues.rows`, `indicatorRowsOf`). */
  options: { rows?: boolean } = {},
): PlanResults {
  const regionsQuery = useRegions(plan);
  const observations = useObservations(plan.id, options);
  const judgements = usePlanJudgements(plan.id);
  const regions = useMemo(
    () => (regionsQuery.data ?? []).filter((r) => r.archived === 0),
    [regionsQuery.data],
  );
  const region = regions.find((r) => r.regionId === choice.regionId) ?? regions[0];
  const planValues = observations.data;
  const values = planValues?.index ?? NO_VALUES;
  const year = choice.year ?? defaultYearOf(plan, planValues?.latestYear ?? null);
  const regionId = region?.regionId;
  const role = region ? regionRole(region) : 'plan-area';

  const results = useMemo(() => {
    if (!regionId) return [];
    const computed = assessPlanCached(plan, values, { regionId, role }, year);
    const own = (judgements.data ?? []).filter((j) => j.regionId === regionId);
    return applyJudgements(computed, own, year);
  }, [plan, values, regionId, role, year, judgements.data]);

  return {
    regions,
    region,
    role,
    planValues,
    values,
    year,
    mode: planModeFor(plan, year),
    results,
    isLoading: regionsQuery.isLoading || observations.isLoading || judgements.isLoading,
    error: regionsQuery.error ?? observations.error ?? judgements.error,
  };
}
