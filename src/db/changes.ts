import type { AppDatabase } from './database';

/** What a committed write changed, as other tabs need to know it to refetch. */
export type DataChange =
  | { kind: 'values'; planId: string; seriesKeys: string[] }
  | { kind: 'judgements'; planId: string }
  /** Implementation statuses (落实情况) of a plan. */
  | { kind: 'implementation'; planId: string }
  /** Satisfaction surveys of a plan. */
  | { kind: 'surveys'; planId: string }
  | { kind: 'regions'; planId: string }
  /** The evaluator's narrative of a report (since v4). */
  | { kind: 'narratives'; planId: string }
  /** A report snapshot frozen or deleted (since v4). */
  | { kind: 'snapshots'; planId: string }
  | { kind: 'plans' }
  | { kind: 'settings' }
  /** Everything was replaced (sample data reloaded): refetch all, forget undo history. */
  | { kind: 'reset' };

/** `local`: written by this tab; `remote`: by another tab of the same browser. */
export type ChangeOrigin = 'local' | 'remote';
export type ChangeListener = (change: DataChange, origin: ChangeOrigin) => void;

interface Bus {
  channel: BroadcastChannel | null;
  listeners: Set<ChangeListener>;
}

const buses = new Map<string, Bus>();

function busFor(dbName: string): Bus {
  let bus = buses.get(dbName);
  if (!bus) {
    const created: Bus = { channel: null, listeners: new Set() };
    if (typeof BroadcastChannel !== 'undefined') {
      // One channel object per database and tab, used both to post and to listen: a channel
      // never receives its own messages, so the writing tab is not told twice.
      const channel = new BroadcastChannel(`${dbName}:changes`);
      channel.onmessage = (event: MessageEvent<DataChange>) =>
        created.listeners.forEach((listener) => listener(event.data, 'remote'));
      // Node (tests, scripts) would otherwise keep running for the open channel.
      (channel as { unref?: () => void }).unref?.();
      created.channel = channel;
    }
    buses.set(dbName, (bus = created));
  }
  return bus;
}

/**
 * Tells this tab's listeners and every other tab that a write committed. Every repository write
 * in src/db calls it after its transaction, so no writer can forget to; the writing tab
 * refetches through its own mutation and uses its `local` notice only for what a mutation cannot
 * know (a reset).
 */
export function announceChange(db: AppDatabase, change: DataChange): void {
  const bus = busFor(db.name);
  bus.channel?.postMessage(change);
  bus.listeners.forEach((listener) => listener(change, 'local'));
}

/** Listens to the committed writes of one database, from this tab and others. */
export function watchChanges(dbName: string, listener: ChangeListener): () => void {
  const bus = busFor(dbName);
  bus.listeners.add(listener);
  return () => bus.listeners.delete(listener);
}
