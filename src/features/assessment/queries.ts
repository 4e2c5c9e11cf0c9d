import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StatusCode } from '../../domain/assessment/types';
import { clearJudgement, judgementHistory, setJudgement } from '../../db/judgements';
import { useDataset } from '../../shared/dataset';
import { queryKeys } from '../../shared/query-keys';

export function useJudgementHistory(key: {
  planId: string;
  itemId: string;
  regionId: string;
  asOfYear: number;
}) {
  const { db, dataset } = useDataset();
  return useQuery({
    queryKey: [
      ...queryKeys.judgements(dataset, key.planId),
      'history',
      key.itemId,
      key.regionId,
      key.asOfYear,
    ],
    queryFn: () => judgementHistory(db, key),
  });
}

export function useSetJudgement() {
  const { db, dataset } = useDataset();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      planId: string;
      itemId: string;
      regionId: string;
      asOfYear: number;
      status: StatusCode | null;
      reason: string;
      by: string;
    }): Promise<void> =>
      input.status === null
        ? clearJudgement(db, input, input.by, input.reason)
        : setJudgement(db, { ...input, status: input.status }).then(() => undefined),
    onSuccess: (_data, input) =>
      queryClient.invalidateQueries({ queryKey: queryKeys.judgements(dataset, input.planId) }),
  });
}
