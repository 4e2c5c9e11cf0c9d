import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DEFAULT_SETTINGS, readSettings, writeSetting, type Settings } from '../db/settings';
import { useDataset } from './dataset';
import { queryKeys } from './query-keys';

export function useSettings(): Settings {
  const { db, dataset } = useDataset();
  const query = useQuery({
    queryKey: queryKeys.settings(dataset),
    queryFn: () => readSettings(db),
  });
  return query.data ?? DEFAULT_SETTINGS;
}

export function useWriteSetting() {
  const { db, dataset } = useDataset();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value }: { key: keyof Settings; value: Settings[keyof Settings] }) =>
      writeSetting(db, key, value as never),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.settings(dataset) }),
  });
}

/** The name written on every change: the evaluator's, or a plain label until one is set. */
export function useAuthorName(): string {
  const settings = useSettings();
  return settings.evaluatorName.trim() || '未署名';
}
