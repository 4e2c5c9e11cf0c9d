import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ActionHistory } from '../db/action-history';
import { watchChanges, type DataChange } from '../db/changes';
import { DEMO_DB_NAME, USER_DB_NAME, openDatabase, type AppDatabase } from '../db/database';
import { queryKeys } from './query-keys';

/**
 * Which data set the app shows: the user's own, or the synthetic demonstration data (示例数据).
 * They are two separate IndexedDB databases with the same schema, so demonstration values can
 * never mix with a user's figures; the shell labels every screen while the demo set is open.
 */
export type DatasetName = 'user' | 'demo';

interface DatasetState {
  dataset: DatasetName;
  db: AppDatabase;
  setDataset: (name: DatasetName) => void;
  /** True once another tab opened a newer version of the database: this tab must stop writing. */
  isBlockedByUpgrade: boolean;
  /**
   * This tab's own value changes that undo may revert (newest last). A new, empty one on every
   * data-set switch and whenever the sample data is reloaded (here or in another tab).
   */
  undoHistory: ActionHistory;
}

const DATASET_KEY = 'gongfu-monitor.dataset';
const DB_NAMES: Record<DatasetName, string> = { user: USER_DB_NAME, demo: DEMO_DB_NAME };
const databases = new Map<DatasetName, AppDatabase>();

export function getDatabase(name: DatasetName): AppDatabase {
  let db = databases.get(name);
  if (!db) {
    db = openDatabase(DB_NAMES[name]);
    databases.set(name, db);
  }
  return db;
}

const DatasetContext = createContext<DatasetState | null>(null);

function initialDataset(): DatasetName {
  try {
    return localStorage.getItem(DATASET_KEY) === 'demo' ? 'demo' : 'user';
  } catch {
    return 'user';
  }
}

/**
 * Refetches what another tab's write changed, once: that tab's own mutation already refetched
 * there, so a write causes exactly one refetch in every tab.
 */
function invalidateFor(queryClient: QueryClient, dataset: DatasetName, change: DataChange) {
  const invalidate = (queryKey: readonly unknown[]) =>
    void queryClient.invalidateQueries({ queryKey });
  switch (change.kind) {
    case 'values':
      invalidate(queryKeys.observations(dataset, change.planId));
      // A large import names thousands of series: then every history is simply refetched.
      if (change.seriesKeys.length > 50) invalidate(queryKeys.histories(dataset));
      else change.seriesKeys.forEach((key) => invalidate(queryKeys.seriesHistory(dataset, key)));
      break;
    case 'judgements':
      invalidate(queryKeys.judgements(dataset, change.planId));
      break;
    case 'implementation':
      invalidate(queryKeys.implementation(dataset, change.planId));
      break;
    case 'surveys':
      invalidate(queryKeys.surveys(dataset, change.planId));
      break;
    case 'regions':
      invalidate(queryKeys.regions(dataset, change.planId));
      break;
    case 'narratives':
      invalidate(queryKeys.narratives(dataset, change.planId));
      break;
    case 'snapshots':
      invalidate(queryKeys.snapshots(dataset, change.planId));
      break;
    case 'plans':
      invalidate(queryKeys.plans(dataset));
      break;
    case 'settings':
      // Settings live in the user's database whichever data set is open.
      invalidate(queryKeys.settings('user'));
      break;
    case 'reset':
      invalidate(queryKeys.all(dataset));
      break;
  }
}

export function DatasetProvider({ children }: { children: ReactNode }) {
  const [dataset, setDatasetState] = useState<DatasetName>(initialDataset);
  const [isBlockedByUpgrade, setBlocked] = useState(false);
  const [undoHistory, setUndoHistory] = useState(() => new ActionHistory());
  const queryClient = useQueryClient();
  const db = getDatabase(dataset);

  useEffect(() => {
    const onVersionChange = () => {
      // A newer app version in another tab upgrades the schema: close, stop writing, ask to reload.
      db.close();
      setBlocked(true);
      return false;
    };
    db.on('versionchange', onVersionChange);
    return () => db.on('versionchange').unsubscribe(onVersionChange);
  }, [db]);

  useEffect(() => {
    const stops = (['user', 'demo'] as const).map((name) =>
      watchChanges(DB_NAMES[name], (change, origin) => {
        if (change.kind === 'reset' && name === dataset) setUndoHistory(new ActionHistory());
        if (origin === 'remote') invalidateFor(queryClient, name, change);
      }),
    );
    return () => stops.forEach((stop) => stop());
  }, [dataset, queryClient]);

  const value = useMemo<DatasetState>(
    () => ({
      dataset,
      db,
      isBlockedByUpgrade,
      undoHistory,
      setDataset: (name) => {
        try {
          localStorage.setItem(DATASET_KEY, name);
        } catch {
          // The choice then lasts for this page only.
        }
        setDatasetState(name);
        setUndoHistory(new ActionHistory());
      },
    }),
    [dataset, db, isBlockedByUpgrade, undoHistory],
  );
  return <DatasetContext.Provider value={value}>{children}</DatasetContext.Provider>;
}

export function useDataset(): DatasetState {
  const state = useContext(DatasetContext);
  if (!state) throw new Error('useDataset needs <DatasetProvider>');
  return state;
}
