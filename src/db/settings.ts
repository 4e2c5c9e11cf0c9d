import { announceChange } from './changes';
import type { AppDatabase } from './database';

export interface Settings {
  /** The evaluator's name, recorded on every change. */
  evaluatorName: string;
  locale: 'zh-CN' | 'en';
  /** Remind to export a backup when the last one is older than this many days (and data changed). */
  backupReminderDays: number;
}

export const DEFAULT_SETTINGS: Settings = {
  evaluatorName: '',
  locale: 'zh-CN',
  backupReminderDays: 7,
};

export async function readSettings(db: AppDatabase): Promise<Settings> {
  const rows = await db.settings.toArray();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return { ...DEFAULT_SETTINGS, ...(stored as Partial<Settings>) };
}

export async function writeSetting<K extends keyof Settings>(
  db: AppDatabase,
  key: K,
  value: Settings[K],
) {
  await db.settings.put({ key, value });
  announceChange(db, { kind: 'settings' });
}
