import type { AppDatabase } from '../database';

// What a data set (or an exchange file) holds, counted for the restore's confirmation, a file's
// description and the shell's durability marker. Its own module: the shell checks the counts
// after every write on every page, and must not load the exchange import (merge, row checks,
// report snapshots) to do so (first-screen JavaScript, docs/performance.md).

/** Counts of what a data set (or a file) holds, for the restore's confirmation. */
export interface DataCounts {
  values: number;
  judgements: number;
  regions: number;
  plans: number;
  /** Report texts and frozen reports (schema v4). */
  narratives: number;
  snapshots: number;
  /** Statuses recorded on 服务清单 (cleared ones not counted) and surveys (withdrawn ones not counted), schema v6. */
  implementation: number;
  surveys: number;
  history: number;
}

export function countTables(tables: Record<string, readonly unknown[]>): DataCounts {
  let values = 0;
  for (const row of (tables.series ?? []) as Array<{ cells: Record<string, { value: unknown }> }>) {
    for (const cell of Object.values(row.cells)) if (cell.value !== null) values++;
  }
  return {
    values,
    judgements: tables.judgements?.length ?? 0,
    regions:
      tables.regions?.filter((r) => !(r as { isFromCatalog: boolean }).isFromCatalog).length ?? 0,
    plans: tables.userPlans?.length ?? 0,
    narratives: tables.narratives?.length ?? 0,
    snapshots: tables.snapshots?.length ?? 0,
    implementation:
      tables.implementation?.filter((r) => (r as { status: unknown }).status !== null).length ?? 0,
    surveys: tables.surveys?.filter((r) => (r as { deleted: number }).deleted === 0).length ?? 0,
    history: tables.auditLog?.length ?? 0,
  };
}

export async function countData(db: AppDatabase): Promise<DataCounts> {
  return db.transaction(
    'r',
    [
      db.planNumbers,
      db.judgements,
      db.regions,
      db.userPlans,
      db.narratives,
      db.snapshots,
      db.implementation,
      db.surveys,
      db.auditLog,
    ],
    async () => {
      const counts = countTables({
        implementation: await db.implementation.toArray(),
        surveys: await db.surveys.toArray(),
        judgements: await db.judgements.toArray(),
        regions: await db.regions.toArray(),
        userPlans: await db.userPlans.toArray(),
        narratives: await db.narratives.toArray(),
        snapshots: await db.snapshots.toArray(),
      });
      // The values from the compact copy (it holds exactly the values that are not cleared) and
      // the history by its count: reading every series record and every audit row, as this did,
      // took seconds after each save at province size (the shell checks after every write;
      // docs/performance.md).
      let values = 0;
      for (const row of await db.planNumbers.toArray()) {
        for (const years of Object.values(row.values)) values += Object.keys(years).length;
      }
      return { ...counts, values, history: await db.auditLog.count() };
    },
  );
}
