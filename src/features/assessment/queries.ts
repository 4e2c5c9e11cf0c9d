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
      /** The version of the judgement the evaluator saw (0: none); see setJudgement. */
      expectedVersion: number;
    }): Promise<void> =>
      input.status === null
        ? clearJudgement(db, input, input.by, input.reason, input.expectedVersion)
        : setJudgement(db, { ...input, status: input.status }).then(() => undefined),
    // Also after a conflict: the page then shows the judgement stored now.
    onSettled: (_data, _error, input) =>
      queryClient.invalidateQueries({ queryKey: queryKeys.judgements(dataset, input.planId) }),
  });
}
