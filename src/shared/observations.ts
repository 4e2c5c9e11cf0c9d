import { useQuery } from '@tanstack/react-query';
import { listObservations } from '../db/observations';
import { useDataset } from './dataset';
import { queryKeys } from './query-keys';

/** Every stored value of a plan (all regions). */
export function useObservations(planId: string | undefined) {
  const { db, dataset } = useDataset();
  return useQuery({
    queryKey: queryKeys.observations(dataset, planId ?? ''),
    queryFn: () => listObservations(db, planId as string),
    enabled: planId !== undefined,
  });
}
