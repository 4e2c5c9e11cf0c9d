import { useQueryClient } from '@tanstack/react-query';
import { liveQuery } from 'dexie';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
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
}

const DATASET_KEY = 'gongfu-monitor.dataset';
const databases = new Map<DatasetName, AppDatabase>();

export function getDatabase(name: DatasetName): AppDatabase {
  let db = databases.get(name);
  if (!db) {
    db = openDatabase(name === 'demo' ? DEMO_DB_NAME : USER_DB_NAME);
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

export function DatasetProvider({ children }: { children: ReactNode }) {
  const [dataset, setDatasetState] = useState<DatasetName>(initialDataset);
  const [isBlockedByUpgrade, setBlocked] = useState(false);
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
    // Every write adds an audit row; watching the newest one (Dexie propagates changes between
    // tabs) tells this tab to refetch when another tab changed the data.
    let lastSeq: number | undefined;
    const subscription = liveQuery(() => db.auditLog.orderBy('seq').last()).subscribe({
      next: (row) => {
        const seq = row?.seq;
        if (lastSeq !== undefined && seq !== lastSeq) {
          void queryClient.invalidateQueries({ queryKey: queryKeys.all(dataset) });
        }
        lastSeq = seq ?? 0;
      },
      error: () => {},
    });
    return () => {
      db.on('versionchange').unsubscribe(onVersionChange);
      subscription.unsubscribe();
    };
  }, [db, dataset, queryClient]);

  const value = useMemo<DatasetState>(
    () => ({
      dataset,
      db,
      isBlockedByUpgrade,
      setDataset: (name) => {
        try {
          localStorage.setItem(DATASET_KEY, name);
        } catch {
          // The choice then lasts for this page only.
        }
        setDatasetState(name);
      },
    }),
    [dataset, db, isBlockedByUpgrade],
  );
  return <DatasetContext.Provider value={value}>{children}</DatasetContext.Provider>;
}

export function useDataset(): DatasetState {
  const state = useContext(DatasetContext);
  if (!state) throw new Error('useDataset needs <DatasetProvider>');
  return state;
}
