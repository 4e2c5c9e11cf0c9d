import { useQuery } from '@tanstack/react-query';
import type { Plan } from '../domain/catalog/schema';
import { ensureRegions } from '../db/regions';
import { useDataset } from './dataset';
import { queryKeys } from './query-keys';

/** A plan's regions (its own area first), seeded from the catalog on first use. */
export function useRegions(plan: Plan | undefined) {
  const { db, dataset } = useDataset();
  return useQuery({
    queryKey: queryKeys.regions(dataset, plan?.id ?? ''),
    queryFn: () => ensureRegions(db, plan as Plan),
    enabled: plan !== undefined,
  });
}
