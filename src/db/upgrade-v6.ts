import type { Transaction } from 'dexie';

/**
 * Schema v5 → v6: two new tables, `implementation` and `surveys` (service-list and key-task
 * tracking, issue #13), start empty. Every v5 table keeps its records and its indexes as they
 * were, so there is nothing to convert; the function exists so that the version has its named,
 * tested upgrade like every other (the upgrade harness opens a database written by the released
 * v5 code, test/fixtures/v5-database.json; src/db/upgrade-v6.test.ts one that went through v2),
 * and as the place for a conversion should the layout ever need one.
 *
 * The tables were built as "v3" on a branch while v4 and v5 shipped; they are declared as v6 so
 * that the version history stays the one databases in use went through (1, 2, 4, 5, 6).
 */
export async function upgradeToV6(_tx: Transaction): Promise<void> {
  // Deliberately empty: see above.
}
