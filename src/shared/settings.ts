import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DEFAULT_SETTINGS, readSettings, writeSetting, type Settings } from '../db/settings';
import { getDatabase } from './dataset';
import { queryKeys } from './query-keys';

// Settings (the evaluator's name) belong to the person, not to a data set: they are always kept
// in the user's database, also while the sample data set is shown.
export function useSettings(): Settings {
  const query = useQuery({
    queryKey: queryKeys.settings('user'),
    queryFn: () => readSettings(getDatabase('user')),
  });
  return query.data ?? DEFAULT_SETTINGS;
}

export function useWriteSetting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value }: { key: keyof Settings; value: Settings[keyof Settings] }) =>
      writeSetting(getDatabase('user'), key, value as never),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.settings('user') }),
  });
}

/** The name written on every change: the evaluator's, or a plain label until one is set. */
export function useAuthorName(): string {
  const settings = useSettings();
  return settings.evaluatorName.trim() || '未署名';
}
