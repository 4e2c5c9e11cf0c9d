import { useMemo } from 'react';
import type { RegionRow } from '../../db/database';
import type { OverviewItem } from '../../domain/charts';
import type { Plan } from '../../domain/catalog/schema';
import { usePlanResults, type PlanResults } from '../../shared/plan-results';
import { useSearchParams, type SetSearch } from '../../shared/address';
import type { OverviewView } from '../../shared/search';

export type { OverviewView };

/** The choices kept in the address: `#/overview?plan=dazhou&view=regions&item=…&year=2018`. */
export interface OverviewParams {
  view: OverviewView;
  regionId: string | null;
  year: number | null;
  itemId: string | null;
  domainId: string | null;
  sort: string | null;
  concept: string | null;
}

/** The address's choices, validated (src/shared/search.ts); absent ones are null. */
export function useOverviewParams(): [OverviewParams, SetSearch] {
  const [search, setSearch] = useSearchParams('overview');
  return [
    {
      view: search.view ?? 'summary',
      regionId: search.region ?? null,
      year: search.year ?? null,
      itemId: search.item ?? null,
      domainId: search.domain ?? null,
      sort: search.sort ?? null,
      concept: search.concept ?? null,
    },
    setSearch,
  ];
}

export interface PlanAssessment extends PlanResults {
  /** The results as the overview shapes them: the status shown is the judged one. */
  items: OverviewItem[];
}

/** The chosen plan's judged results for the chosen region and year (the app's one path). */
export function usePlanAssessment(plan: Plan, params: OverviewParams): PlanAssessment {
  // The regions and indicator views list stored values with their records; the others need
  // only the numbers (the first screen of 总览 among them).
  const planResults = usePlanResults(
    plan,
    { regionId: params.regionId, year: params.year },
    { rows: params.view === 'regions' || params.view === 'indicator' },
  );
  const { results } = planResults;
  const items = useMemo(() => results.map((r) => ({ ...r, status: r.effectiveStatus })), [results]);
  return { ...planResults, items };
}

/** What the overview page hands each sub-view. */
export interface ViewProps {
  plan: Plan;
  assessment: PlanAssessment;
  params: OverviewParams;
  setParams: SetSearch;
  region: RegionRow;
}
