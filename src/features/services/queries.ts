import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { RecordedAction } from '../../db/action-history';
import {
  implementationHistory,
  saveImplementation,
  undoImplementation,
  type ImplementationInput,
} from '../../db/implementation';
import { deleteSurvey, saveSurvey, type SurveyInput } from '../../db/surveys';
import { saveValues, seriesKeyString, undoAction, type ValueInput } from '../../db/values';
import type { Plan } from '../../domain/catalog/schema';
import { useDataset } from '../../shared/dataset';
import { queryKeys } from '../../shared/query-keys';
import { useAuthorName } from '../../shared/settings';
import { useWriteContext } from '../../shared/write-context';

/** The kinds of action this page undoes (never a value typed on 数据录入). */
const KINDS = ['standards', 'implementation'] as const;

function useInvalidate(planId: string) {
  const { dataset } = useDataset();
  const queryClient = useQueryClient();
  return {
    implementation: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.implementation(dataset, planId) }),
    values: (seriesKeys: readonly string[]) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.observations(dataset, planId) }),
        ...seriesKeys.map((key) =>
          queryClient.invalidateQueries({ queryKey: queryKeys.seriesHistory(dataset, key) }),
        ),
      ]),
    surveys: () => queryClient.invalidateQueries({ queryKey: queryKeys.surveys(dataset, planId) }),
  };
}

/**
 * Saves implementation records as one action of this tab (undoable from this page). The writing
 * tab refetches once, awaited; other tabs on the change notice (src/shared/dataset.tsx).
 */
export function useSaveImplementation(plan: Plan, regionIds: readonly string[]) {
  const { db, undoHistory } = useDataset();
  const by = useAuthorName();
  const invalidate = useInvalidate(plan.id);
  const regions = useMemo(() => new Set(regionIds), [regionIds]);
  return useMutation({
    mutationFn: (inputs: ImplementationInput[]) =>
      saveImplementation(db, inputs, { by, plan, regionIds: regions }),
    onSuccess: (result) => {
      if (result.actionId) {
        undoHistory.record(
          result.actionId,
          result.written.map((w) => ({ ...w, itemId: w.subjectId })),
          'implementation',
        );
      }
    },
    onSettled: () => invalidate.implementation(),
  });
}

/** Saves values of numeric standards as one action of this tab (undoable from this page). */
export function useSaveStandardValues(plan: Plan, planAreaId: string | undefined) {
  const { db, undoHistory } = useDataset();
  const ctx = useWriteContext(plan, planAreaId);
  const invalidate = useInvalidate(plan.id);
  return useMutation({
    mutationFn: (inputs: ValueInput[]) => saveValues(db, inputs, ctx),
    onSuccess: (result) => {
      if (result.actionId) undoHistory.record(result.actionId, result.cells, 'standards');
    },
    onSettled: (_result, _error, inputs) =>
      invalidate.values([...new Set(inputs.map((i) => seriesKeyString(i)))]),
  });
}

export type UndoOutcome =
  | { kind: 'nothing' }
  | {
      kind: 'implementation';
      count: number;
      /** The first record undone: its item and year are named in the notice. */
      first: { subjectId: string; year: number } | null;
    }
  | { kind: 'standards'; count: number };

/**
 * Undoes this tab's newest action of this page in the region: an implementation action or
 * values of numeric standards, each through its own repository (which refuses when a record or
 * cell changed since).
 */
export function useUndoServices(plan: Plan, regionId: string | undefined) {
  const { db, undoHistory } = useDataset();
  const by = useAuthorName();
  const invalidate = useInvalidate(plan.id);
  return useMutation({
    mutationFn: async (): Promise<UndoOutcome> => {
      const action: RecordedAction | undefined = undoHistory.latest({
        planId: plan.id,
        regionId,
        kinds: KINDS,
      });
      if (!action) return { kind: 'nothing' };
      try {
        if (action.kind === 'implementation') {
          const result = await undoImplementation(db, action.actionId, { by });
          undoHistory.remove(action.actionId);
          const first = result?.keys[0];
          return {
            kind: 'implementation',
            count: result?.keys.length ?? 0,
            first: first ? { subjectId: first.subjectId, year: first.year } : null,
          };
        }
        const result = await undoAction(db, action.actionId, { by });
        undoHistory.remove(action.actionId);
        return { kind: 'standards', count: result?.cells.length ?? 0 };
      } finally {
        await Promise.all([
          invalidate.implementation(),
          invalidate.values(
            [...action.itemIds].map((itemId) =>
              seriesKeyString({ planId: plan.id, regionId: regionId ?? '', itemId }),
            ),
          ),
        ]);
      }
    },
  });
}

export function useImplementationHistory(planId: string, regionId: string, subjectId: string) {
  const { db, dataset } = useDataset();
  return useQuery({
    queryKey: queryKeys.implementationHistory(dataset, planId, regionId, subjectId),
    queryFn: () => implementationHistory(db, { planId, regionId, subjectId }),
  });
}

export function useSurveyMutations(plan: Plan) {
  const { db } = useDataset();
  const by = useAuthorName();
  const invalidate = useInvalidate(plan.id);
  const save = useMutation({
    mutationFn: (input: SurveyInput) => saveSurvey(db, input, { by, plan }),
    onSettled: () => invalidate.surveys(),
  });
  const remove = useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      deleteSurvey(db, id, version, { by, plan }),
    onSettled: () => invalidate.surveys(),
  });
  return { save, remove };
}
