import Dexie from 'dexie';
import { defineSchema, openDatabase, SCHEMA_VERSION, TABLE_ONLY_VERSIONS } from './database';
import { NUMBERS_TABLE } from './plan-numbers';

/** Rows by table name, as a database dump or an exchange file holds them. */
export type TableRows = Record<string, unknown[]>;

type Stores = Record<string, string | null>;

/**
 * The versions `defineSchema` declares, each with its own stores (changes only), read by running
 * it against a recorder: the history is written once, in database.ts, and read from there.
 */
function declaredVersions(): Array<{ version: number; stores: Stores }> {
  const versions: Array<{ version: number; stores: Stores }> = [];
  const recorder = {
    version(version: number) {
      const entry = { version, stores: {} as Stores };
      versions.push(entry);
      const api = {
        stores(stores: Stores) {
          Object.assign(entry.stores, stores);
          return api;
        },
        upgrade: () => api,
      };
      return api;
    },
  };
  defineSchema(recorder as unknown as Dexie);
  return versions.sort((a, b) => a.version - b.version);
}

/** Every schema version this code knows, oldest first. */
export function schemaVersions(): number[] {
  return declaredVersions().map((v) => v.version);
}

/**
 * The complete stores of the database at `version`, as a database created at that version has
 * them: each version's changes applied in order (null drops a table).
 *
 * @example storesAt(1).observations → '[planId+itemId+regionId+year], [planId+regionId], [planId+itemId], updatedAt'
 */
export function storesAt(version: number): Record<string, string> {
  const stores: Record<string, string> = {};
  const known = declaredVersions();
  if (!known.some((v) => v.version === version)) throw new Error(`没有第${version}版数据库结构`);
  for (const entry of known) {
    if (entry.version > version) break;
    for (const [table, spec] of Object.entries(entry.stores)) {
      if (spec === null) delete stores[table];
      else stores[table] = spec;
    }
  }
  return stores;
}

/**
 * Creates the database `name` at an earlier schema `version` and fills it with `tables`, exactly
 * as that version's code would have left it (no upgrade function runs). The upgrade harness seeds
 * its fixtures with it; an exchange file from an older version is upgraded through it.
 */
export async function seedDatabase(
  name: string,
  version: number,
  tables: TableRows,
): Promise<void> {
  const stores = storesAt(version);
  const old = new Dexie(name);
  old.version(version).stores(stores);
  await old.open();
  try {
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(tables)) {
        if (!(table in stores)) throw new Error(`第${version}版数据库中没有表“${table}”`);
        await old.table(table).bulkAdd(rows as object[]);
      }
    });
  } finally {
    old.close();
  }
}

/**
 * Rows written at an earlier schema version, as the current version holds them: they are stored
 * in a scratch database at their version, which the current code then opens (every upgrade
 * function runs, as for a user's own database), read back, and the scratch database deleted.
 */
export async function upgradeTables(tables: TableRows, version: number): Promise<TableRows> {
  if (version === SCHEMA_VERSION) return tables;
  // Versions that only add empty tables leave the rows of earlier ones as they are: a file
  // written just before them is read as it is (no scratch database), so its own faults (two
  // records under one key) are named by the row checks, not by a database error.
  const later = declaredVersions().filter((v) => v.version > version);
  if (later.every((v) => TABLE_ONLY_VERSIONS.has(v.version))) {
    const added = later
      .flatMap((v) => Object.keys(v.stores))
      .filter((table) => table !== NUMBERS_TABLE);
    return { ...Object.fromEntries(added.map((table) => [table, []])), ...tables };
  }
  const name = `gongfu-monitor-upgrade-${crypto.randomUUID()}`;
  try {
    await seedDatabase(name, version, tables);
    const db = openDatabase(name);
    try {
      await db.open();
      const upgraded: TableRows = {};
      for (const table of db.tables) {
        // The compact copy of the values is derived from series and never part of a file.
        if (table.name === NUMBERS_TABLE) continue;
        upgraded[table.name] = await table.toArray();
      }
      return upgraded;
    } finally {
      db.close();
    }
  } finally {
    await Dexie.delete(name);
  }
}
