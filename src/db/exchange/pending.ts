/**
 * A marker outside IndexedDB for an import or restore in progress: written before its
 * transaction starts, removed after it commits. IndexedDB commits a transaction whole or not at
 * all, so a reload (or a crash) in the middle leaves either everything or nothing; after the
 * reload, the marker says an import was running, and the `exchanges` table says which of the two
 * happened: the import's row is there exactly when its transaction committed.
 */
export interface PendingImport {
  actionId: string;
  kind: 'restore' | 'merge';
  fileName: string;
  startedAt: string;
}

/** What `localStorage` offers; absent in Node (tests pass their own) or when storage is blocked. */
export type MarkerStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function defaultStorage(): MarkerStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const keyOf = (dbName: string) => `gongfu-monitor.pending-import:${dbName}`;

export function markPending(
  storage: MarkerStorage | null,
  dbName: string,
  pending: PendingImport,
): void {
  try {
    storage?.setItem(keyOf(dbName), JSON.stringify(pending));
  } catch {
    // Without the marker, a reload mid-import is still all or nothing; it just is not reported.
  }
}

export function clearPending(storage: MarkerStorage | null, dbName: string): void {
  try {
    storage?.removeItem(keyOf(dbName));
  } catch {
    // nothing to do
  }
}

export function readPending(storage: MarkerStorage | null, dbName: string): PendingImport | null {
  try {
    const text = storage?.getItem(keyOf(dbName));
    if (!text) return null;
    const value = JSON.parse(text) as Partial<PendingImport>;
    return typeof value.actionId === 'string' && typeof value.fileName === 'string'
      ? (value as PendingImport)
      : null;
  } catch {
    return null;
  }
}
