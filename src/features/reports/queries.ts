import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getNarrative } from '../../db/narratives';
import { createSnapshot, deleteSnapshot, getSnapshot, listSnapshots } from '../../db/snapshots';
import type { ReportSnapshot } from '../../domain/report/snapshot';
import { useDataset } from '../../shared/dataset';
import { queryKeys } from '../../shared/query-keys';

/** The stored narrative of one report (null: none yet). */
export function useStoredNarrative(planId: string, regionId: string, asOfYear: number) {
  const { db, dataset } = useDataset();
  return useQuery({
    queryKey: queryKeys.narrative(dataset, planId, regionId, asOfYear),
    queryFn: async () => (await getNarrative(db, { planId, regionId, asOfYear })) ?? null,
    enabled: regionId !== '',
  });
}

/** A plan's snapshots, newest first (list entries only). */
export function useSnapshots(planId: string) {
  const { db, dataset } = useDataset();
  return useQuery({
    queryKey: queryKeys.snapshots(dataset, planId),
    queryFn: () => listSnapshots(db, planId),
  });
}

/** One snapshot's content, read when it is opened. */
export function useSnapshot(planId: string, id: string | null) {
  const { db, dataset } = useDataset();
  return useQuery({
    queryKey: queryKeys.snapshot(dataset, planId, id ?? ''),
    queryFn: async () => (await getSnapshot(db, id as string)) ?? null,
    enabled: id !== null,
  });
}

export function useSnapshotMutations(planId: string) {
  const { db, dataset } = useDataset();
  const queryClient = useQueryClient();
  const invalidate = () =>
    queryClient.invalidateQueries({ queryKey: queryKeys.snapshots(dataset, planId) });
  const create = useMutation({
    mutationFn: (snapshot: ReportSnapshot) => createSnapshot(db, snapshot),
    onSettled: invalidate,
  });
  const remove = useMutation({
    mutationFn: ({ id, by, reason }: { id: string; by: string; reason: string }) =>
      deleteSnapshot(db, id, { by, reason }),
    onSettled: invalidate,
  });
  return { create, remove };
}
