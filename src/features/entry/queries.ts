import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DataStatus } from '../../db/database';
import {
  deleteObservation,
  observationHistory,
  observationKeyString,
  saveObservations,
  undoLastObservationChange,
  type ObservationInput,
  type ObservationKey,
  type WriteContext,
} from '../../db/observations';
import { addRegion, updateRegion } from '../../db/regions';
import { planItems } from '../../domain/assessment/plan';
import type { Plan } from '../../domain/catalog/schema';
import { valueRuleFor } from '../../domain/observations/value-rules';
import { useDataset } from '../../shared/dataset';
import { queryKeys } from '../../shared/query-keys';
import { useAuthorName } from '../../shared/settings';

/** What every write of this plan needs: author, years, the plan's items and their value rules. */
export function useWriteContext(plan: Plan): WriteContext {
  const by = useAuthorName();
  return useMemo(() => {
    const rules = new Map(planItems(plan).map((item) => [item.id, valueRuleFor(item)]));
    return {
      by,
      baseYear: plan.baseYear,
      endYear: plan.period.end,
      planAreaId: plan.regions[0]?.id,
      itemIds: new Set(rules.keys()),
      ruleOf: (itemId: string) => rules.get(itemId),
    };
  }, [plan, by]);
}

/** Refetches what a change to a plan's values shows: the values and every cell history. */
function useInvalidateObservations(planId: string) {
  const { dataset } = useDataset();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.observations(dataset, planId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.histories(dataset) }),
    ]);
}

export function useSaveObservations(plan: Plan) {
  const { db } = useDataset();
  const ctx = useWriteContext(plan);
  const invalidate = useInvalidateObservations(plan.id);
  return useMutation({
    mutationFn: (inputs: ObservationInput[]) => saveObservations(db, inputs, ctx),
    // Awaited, so a saved cell never flashes its old value before the refetch.
    onSettled: invalidate,
  });
}

export function useDeleteObservation(plan: Plan) {
  const { db } = useDataset();
  const ctx = useWriteContext(plan);
  const invalidate = useInvalidateObservations(plan.id);
  return useMutation({
    mutationFn: (key: ObservationKey) => deleteObservation(db, key, ctx),
    onSettled: invalidate,
  });
}

export function useUndoLastChange(plan: Plan) {
  const { db } = useDataset();
  const ctx = useWriteContext(plan);
  const invalidate = useInvalidateObservations(plan.id);
  return useMutation({
    mutationFn: (regionId: string | undefined) =>
      undoLastObservationChange(db, plan.id, ctx, regionId),
    onSettled: invalidate,
  });
}

export function useCellHistory(key: ObservationKey | null) {
  const { db, dataset } = useDataset();
  return useQuery({
    queryKey: queryKeys.history(dataset, key ? observationKeyString(key) : ''),
    queryFn: () => observationHistory(db, key as ObservationKey),
    enabled: key !== null,
  });
}

export function useRegionMutations(planId: string) {
  const { db, dataset } = useDataset();
  const by = useAuthorName();
  const queryClient = useQueryClient();
  const invalidate = () =>
    queryClient.invalidateQueries({ queryKey: queryKeys.regions(dataset, planId) });
  const add = useMutation({
    mutationFn: ({ name, level }: { name: string; level: string }) =>
      addRegion(db, planId, name, level, by),
    onSettled: invalidate,
  });
  const update = useMutation({
    mutationFn: ({
      key,
      changes,
    }: {
      key: string;
      changes: { name?: string; archived?: boolean };
    }) => updateRegion(db, key, changes, by),
    onSettled: invalidate,
  });
  return { add, update };
}

export type { DataStatus };
