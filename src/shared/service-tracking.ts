import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { listImplementation, type StoredImplementation } from '../db/implementation';
import { listSurveys } from '../db/surveys';
import type { SurveyRow } from '../db/database';
import type { Plan } from '../domain/catalog/schema';
import {
  assessStandards,
  implementationByDomain,
  rollUpImplementation,
  rollUpStandards,
  subjectStates,
  unitScorecards,
  type ImplementationRollup,
  type StandardResult,
  type StandardRollup,
  type SubjectState,
  type UnitScorecard,
} from '../domain/implementation';
import { serviceTrackingBlocks } from '../domain/implementation/report-blocks';
import type { ReportBlock } from '../domain/report/model';
import { useDataset } from './dataset';
import type { PlanResults } from './plan-results';
import { queryKeys } from './query-keys';

/** Every implementation record of a plan (all regions and years), tombstones left out. */
export function useImplementationRecords(planId: string) {
  const { db, dataset } = useDataset();
  return useQuery({
    queryKey: queryKeys.implementation(dataset, planId),
    queryFn: () => listImplementation(db, planId),
  });
}

/** The satisfaction surveys of a plan, withdrawn ones left out. */
export function useSurveys(planId: string) {
  const { db, dataset } = useDataset();
  return useQuery({
    queryKey: queryKeys.surveys(dataset, planId),
    queryFn: () => listSurveys(db, planId),
  });
}

export interface ServiceTracking {
  records: StoredImplementation[];
  /** Every service item and task for the region and year. */
  states: SubjectState[];
  rollup: ImplementationRollup;
  byDomain: ReturnType<typeof implementationByDomain>;
  /** Every numeric standard judged for the region and year (assessStandards). */
  standards: StandardResult[];
  standardRollup: StandardRollup;
  /** Standards' rollups by domain. */
  standardsByDomain: Map<string, StandardRollup>;
  scorecards: UnitScorecard[];
  surveys: SurveyRow[];
  isLoading: boolean;
  error: unknown;
}

/**
 * The tracking of a plan for the region and year of `results` (usePlanResults, the one
 * assessment path: its values index holds the standards' values too, and its judged statuses
 * give each unit's indicators). 服务清单, the 总览 panel and the report read it from here.
 */
export function useServiceTracking(plan: Plan, results: PlanResults): ServiceTracking {
  const records = useImplementationRecords(plan.id);
  const surveys = useSurveys(plan.id);
  const regionId = results.region?.regionId;
  const { values, role, year } = results;
  const standards = useMemo(
    () => (regionId ? assessStandards(plan, values, { regionId, role }, year) : []),
    [plan, values, regionId, role, year],
  );
  const tracking = useMemo(() => {
    const stored = records.data ?? [];
    const states = regionId ? subjectStates(plan, stored, regionId, year) : [];
    const itemStatus = new Map(results.results.map((r) => [r.id, r.effectiveStatus]));
    const standardStatus = new Map(standards.map((r) => [r.id, r.status]));
    const standardsByDomain = new Map<string, StandardRollup>();
    for (const domain of plan.domains) {
      standardsByDomain.set(
        domain.id,
        rollUpStandards(standards.filter((s) => s.domain === domain.id)),
      );
    }
    return {
      records: stored,
      states,
      rollup: rollUpImplementation(states),
      byDomain: implementationByDomain(plan, states),
      standardRollup: rollUpStandards(standards),
      standardsByDomain,
      scorecards: unitScorecards(
        plan,
        states,
        (id) => itemStatus.get(id),
        (id) => standardStatus.get(id),
      ),
    };
  }, [plan, records.data, regionId, year, results.results, standards]);
  const isLoading = records.isLoading || surveys.isLoading;
  const error = records.error ?? surveys.error;
  return useMemo(
    () => ({ ...tracking, standards, surveys: surveys.data ?? NO_SURVEYS, isLoading, error }),
    [tracking, standards, surveys.data, isLoading, error],
  );
}

const NO_SURVEYS: SurveyRow[] = [];

/** Section 五 of the report from the tracking (serviceTrackingBlocks). */
export function useServiceTrackingBlocks(
  plan: Plan,
  results: PlanResults,
  tracking: ServiceTracking,
): ReportBlock[] | null {
  const regionName = results.region?.name;
  return useMemo(
    () =>
      regionName === undefined || tracking.isLoading
        ? null
        : serviceTrackingBlocks({
            plan,
            regionName,
            year: results.year,
            states: tracking.states,
            standards: tracking.standards,
            surveys: tracking.surveys,
            scorecards: tracking.scorecards,
            areaName: results.role === 'plan-area' ? null : (results.regions[0]?.name ?? null),
          }),
    [plan, regionName, results.year, results.role, results.regions, tracking],
  );
}
