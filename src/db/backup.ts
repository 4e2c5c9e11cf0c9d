import type { AppDatabase } from './database';

export const BACKUP_FORMAT = 'gongfu-monitor-backup';
/**
 * 1: schema v1 tables (`observations`); 2: schema v2 tables (`series`, versions, roles); 3: schema
 * v3 tables (also `implementation` and `surveys`).
 */
export const BACKUP_VERSION = 3;

/**
 * Everything a data set holds, as one JSON-ready object: loaded plans, regions, values (one
 * record per series, cleared cells included as tombstones), the full audit log, judgements,
 * settings, implementation statuses and surveys (tombstones included). Read in one transaction
 * so the copy is consistent. Restoring from it belongs to the data-exchange work planned next;
 * the format is versioned.
 */
export async function exportBackup(db: AppDatabase, now = new Date()) {
  return db.transaction('r', db.tables, async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    database: db.name,
    schemaVersion: db.verno,
    tables: {
      userPlans: await db.userPlans.toArray(),
      regions: await db.regions.toArray(),
      series: await db.series.toArray(),
      auditLog: await db.auditLog.toArray(),
      judgements: await db.judgements.toArray(),
      settings: await db.settings.toArray(),
      implementation: await db.implementation.toArray(),
      surveys: await db.surveys.toArray(),
    },
  }));
}
