import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DataStatus } from '../../db/database';
import { UndoRefusedError, type CellRef } from '../../db/errors';
import { addRegion, updateRegion } from '../../db/regions';
import {
  saveValues,
  seriesKeyString,
  undoAction,
  valueHistory,
  type SaveResult,
  type UndoResult,
  type ValueInput,
} from '../../db/values';
import type { Plan } from '../../domain/catalog/schema';
import { useDataset } from '../../shared/dataset';
import { queryKeys } from '../../shared/query-keys';
import { useAuthorName } from '../../shared/settings';
import { useWriteContext } from '../../shared/write-context';

/**
 * Refetches, once, what a write of this tab changed: the plan's values (every read of them) and
 * the histories of the series it wrote. Other tabs refetch on the change notice the repository
 * sends (src/shared/dataset.tsx), so nothing is refetched twice.
 */
function useInvalidateValues(planId: string) {
  const { dataset } = useDataset();
  const queryClient = useQueryClient();
  return (cells: readonly CellRef[]) => {
    const seriesKeys = new Set(cells.map((c) => seriesKeyString(c)));
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.observations(dataset, planId) }),
      ...[...seriesKeys].map((key) =>
        queryClient.invalidateQueries({ queryKey: queryKeys.seriesHistory(dataset, key) }),
      ),
    ]);
  };
}

/** Saves values as one action of this tab (undoable), showing progress for a long write. */
export function useSaveValues(plan: Plan, planAreaId: string | undefined) {
  const { db, undoHistory } = useDataset();
  const ctx = useWriteContext(plan, planAreaId);
  const invalidate = useInvalidateValues(plan.id);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const mutation = useMutation({
    mutationFn: (inputs: ValueInput[]) =>
      saveValues(db, inputs, ctx, {
        onProgress: (done, total) => setProgress({ done, total }),
      }),
    onSuccess: (result: SaveResult) => {
      if (result.actionId) undoHistory.record(result.actionId, result.cells);
    },
    // Awaited, so a saved cell never flashes its old value before the refetch. A conflict
    // refetches too: this tab's view is out of date.
    onSettled: (_result, _error, inputs) => {
      setProgress(null);
      return invalidate(inputs);
    },
  });
  return { ...mutation, progress };
}

/** Reverts one of this tab's actions (see `undoAction`); refused when a cell changed since. */
export function useUndoAction(plan: Plan) {
  const { db, undoHistory } = useDataset();
  const ctx = useWriteContext(plan, undefined);
  const invalidate = useInvalidateValues(plan.id);
  return useMutation({
    mutationFn: (actionId: string): Promise<UndoResult | null> => undoAction(db, actionId, ctx),
    onSuccess: (_result, actionId) => undoHistory.remove(actionId),
    // A refusal means this tab's view is out of date where a cell changed: refetch it too.
    onSettled: (result, error) =>
      result
        ? invalidate(result.cells)
        : error instanceof UndoRefusedError
          ? invalidate(error.changed)
          : undefined,
  });
}

export function useCellHistory(cell: CellRef | null) {
  const { db, dataset } = useDataset();
  return useQuery({
    queryKey: queryKeys.history(dataset, cell ? seriesKeyString(cell) : '', cell?.year ?? 0),
    queryFn: () => valueHistory(db, cell as CellRef),
    enabled: cell !== null,
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

/**
 * Writes the values of an imported return as one action of this tab (undoable like a paste),
 * every audit row naming the file, with progress for a long write. The versions seen at the
 * preview are in the inputs: a value changed since is a ConflictError and nothing is written.
 */
export function useImportReturns(plan: Plan, planAreaId: string | undefined) {
  const { db, undoHistory } = useDataset();
  const ctx = useWriteContext(plan, planAreaId);
  const invalidate = useInvalidateValues(plan.id);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const mutation = useMutation({
    mutationFn: ({ inputs, fileName }: { inputs: ValueInput[]; fileName: string }) =>
      saveValues(db, inputs, ctx, {
        reason: `导入：${fileName}`,
        onProgress: (done, total) => setProgress({ done, total }),
      }),
    onSuccess: (result: SaveResult) => {
      if (result.actionId) undoHistory.record(result.actionId, result.cells);
    },
    onSettled: (_result, _error, { inputs }) => {
      setProgress(null);
      return invalidate(inputs);
    },
  });
  return { ...mutation, progress };
}
