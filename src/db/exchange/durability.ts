import type { AppDatabase } from '../database';
import { countData, type DataCounts } from './counts';
import { clearPending, readPending, type MarkerStorage, type PendingImport } from './pending';

/**
 * The durability marker: a note kept outside IndexedDB (localStorage) of what the data set held
 * when this browser last looked, and when it was last backed up. A browser that evicts the
 * database (disk full, "clear browsing data" for one store only, a profile reset) usually leaves
 * localStorage alone; then the app finds "there was data, the database is empty", says so and
 * offers the restore. If both are gone, nothing is known and nothing is said: the backup file is
 * the real safeguard, which is why the app reminds the user to export one.
 */
export interface DurabilityMarker {
  /** Which data set (database name) the marker describes. */
  dbName: string;
  /** What the data set held when last checked. */
  counts: DataCounts;
  /** The time of the newest change in the history, null when there is none. */
  lastWriteAt: string | null;
  /** When this browser first saw data in the set (the reminder counts from it until a backup). */
  firstSeenAt: string | null;
  /** When a complete backup was last exported (or restored from). */
  lastBackupAt: string | null;
}

const keyOf = (dbName: string) => `gongfu-monitor.durability:${dbName}`;

export function readMarker(storage: MarkerStorage | null, dbName: string): DurabilityMarker | null {
  try {
    const text = storage?.getItem(keyOf(dbName));
    if (!text) return null;
    const value = JSON.parse(text) as Partial<DurabilityMarker>;
    return value.dbName === dbName && typeof value.counts === 'object' && value.counts !== null
      ? (value as DurabilityMarker)
      : null;
  } catch {
    return null;
  }
}

function writeMarker(storage: MarkerStorage | null, marker: DurabilityMarker): void {
  try {
    storage?.setItem(keyOf(marker.dbName), JSON.stringify(marker));
  } catch {
    // A full or blocked localStorage: the marker is a help, never a condition for saving.
  }
}

/** Forgets the marker (the user dismissed "the data vanished": start afresh). */
export function forgetMarker(storage: MarkerStorage | null, dbName: string): void {
  try {
    storage?.removeItem(keyOf(dbName));
  } catch {
    // nothing to do
  }
}

// A marker written before schema v4's (v6's) counts has no narratives or snapshots (statuses,
// surveys): their writes are in `history` anyway.
const hasData = (counts: DataCounts) =>
  counts.values +
    counts.judgements +
    counts.regions +
    counts.plans +
    (counts.narratives ?? 0) +
    (counts.snapshots ?? 0) +
    (counts.implementation ?? 0) +
    (counts.surveys ?? 0) +
    counts.history >
  0;

export interface DurabilityState {
  /** The marker as it stands after the check. */
  marker: DurabilityMarker | null;
  /** The marker says there was data and the database is empty: evicted or cleared. */
  vanished: DurabilityMarker | null;
  /** An import that was running when the page was closed or reloaded, and what became of it. */
  interrupted: { pending: PendingImport; committed: boolean } | null;
}

/**
 * An import or restore that was running when the page went away, and whether it committed: its
 * transaction committed exactly when its row is in `exchanges` (pending.ts). Reported once.
 */
export async function checkInterruptedImport(
  db: AppDatabase,
  storage: MarkerStorage | null,
): Promise<DurabilityState['interrupted']> {
  const pending = readPending(storage, db.name);
  if (!pending) return null;
  const committed = (await db.exchanges.get(pending.actionId)) !== undefined;
  clearPending(storage, db.name);
  return { pending, committed };
}

/**
 * Compares the data set with its marker and brings the marker up to date. When the database is
 * empty but the marker remembers data, the marker is kept as it is (the evidence, and the counts
 * the banner names) until the data is restored or the user dismisses the notice.
 */
export async function checkDurability(
  db: AppDatabase,
  storage: MarkerStorage | null,
  now: Date = new Date(),
): Promise<DurabilityState> {
  const interrupted = await checkInterruptedImport(db, storage);
  const [counts, last] = await Promise.all([countData(db), db.auditLog.orderBy('seq').last()]);
  const before = readMarker(storage, db.name);
  if (before && hasData(before.counts) && !hasData(counts)) {
    return { marker: before, vanished: before, interrupted };
  }
  const marker: DurabilityMarker = {
    dbName: db.name,
    counts,
    lastWriteAt: last?.at ?? null,
    firstSeenAt: before?.firstSeenAt ?? (hasData(counts) ? now.toISOString() : null),
    lastBackupAt: before?.lastBackupAt ?? null,
  };
  writeMarker(storage, marker);
  return { marker, vanished: null, interrupted };
}

/** Notes a complete backup exported (or restored from) at `at`. */
export function noteBackup(storage: MarkerStorage | null, dbName: string, at: string): void {
  const marker = readMarker(storage, dbName);
  writeMarker(storage, {
    dbName,
    counts: marker?.counts ?? {
      values: 0,
      judgements: 0,
      regions: 0,
      plans: 0,
      narratives: 0,
      snapshots: 0,
      implementation: 0,
      surveys: 0,
      history: 0,
    },
    lastWriteAt: marker?.lastWriteAt ?? null,
    firstSeenAt: marker?.firstSeenAt ?? at,
    lastBackupAt: at,
  });
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Whether to remind the user to export a backup: there is data, it changed since the last
 * backup (or there never was one), and the last backup (or, without one, the first data seen
 * here) is more than `days` days old. Returns the whole days since then, or null.
 *
 * @example backupDue({ lastBackupAt: '2026-12-01T00:00Z', lastWriteAt: '2026-12-05T00:00Z', … }, 7, 2026-12-09T12:00Z) → 8
 */
export function backupDue(
  marker: DurabilityMarker | null,
  days: number,
  now: Date = new Date(),
): number | null {
  if (!marker || !hasData(marker.counts) || marker.lastWriteAt === null) return null;
  if (marker.lastBackupAt !== null && marker.lastWriteAt <= marker.lastBackupAt) return null;
  const since = marker.lastBackupAt ?? marker.firstSeenAt;
  if (since === null) return null;
  const elapsed = now.getTime() - Date.parse(since);
  return elapsed > days * DAY ? Math.floor(elapsed / DAY) : null;
}
