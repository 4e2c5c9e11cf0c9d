import type { Transaction } from 'dexie';

/**
 * Schema v2 → v3 (2026-12-08): two new tables, `implementation` and `surveys`, start empty.
 * Every v2 table keeps its records and its indexes as they were, so there is nothing to convert;
 * the function exists so that the version has its named, tested upgrade like every other
 * (src/db/upgrade-v3.test.ts opens a v2 database holding data and checks that all of it
 * survives), and as the place for a conversion should a v3 layout ever need one.
 */
export async function upgradeToV3(_tx: Transaction): Promise<void> {
  // Deliberately empty: see above.
}
