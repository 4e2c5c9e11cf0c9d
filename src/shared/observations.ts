import { useQuery } from '@tanstack/react-query';
import { readPlanValues } from '../db/plan-values';
import { listValues } from '../db/values';
import { useDataset } from './dataset';
import { queryKeys } from './query-keys';

/**
 * Every stored value of a plan (all regions), indexed: for pages that compare regions or assess
 * all. Kept in memory and brought up to date by reading only the series a write named
 * (readPlanValues), so a refetch after one saved cell reads one record.
 */
export function useObservations(planId: string | undefined, options: { rows?: boolean } = {}) {
  const { db, dataset } = useDataset();
  // Numbers only unless rows are asked for: the full records of a province are ten times the
  // reading (docs/performance.md); a write invalidates both keys (one prefix).
  const rows = options.rows === true;
  return useQuery({
    queryKey: rows
      ? queryKeys.observationRows(dataset, planId ?? '')
      : queryKeys.observations(dataset, planId ?? ''),
    queryFn: () => readPlanValues(db, planId as string, { rows }),
    enabled: planId !== undefined,
  });
}

/**
 * The stored values of one region or one item of a plan, read by key range: a page that shows
 * one region or one item reads only that. Disabled until the region or item is known.
 */
export function useValues(planId: string, scope: { regionId?: string; itemId?: string }) {
  const { db, dataset } = useDataset();
  const isKnown = scope.regionId !== undefined || scope.itemId !== undefined;
  return useQuery({
    queryKey: queryKeys.values(dataset, planId, scope),
    queryFn: () => listValues(db, planId, scope),
    enabled: isKnown,
  });
}
