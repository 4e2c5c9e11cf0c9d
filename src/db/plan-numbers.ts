import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type { SeriesRow } from './database';

/** The table of the compact copy (since v7). */
export const NUMBERS_TABLE = 'planNumbers';
const SERIES_TABLE = 'series';
/** DBCoreRangeType.Any: a range over every key (a `clear()`). */
const RANGE_ANY = 3;

/**
 * Since v7: the numbers of one region of a plan, a compact copy of its `series` records kept for
 * the assessment (item → year → value; cleared cells and series without a value left out; no
 * region record without a value). Reading a province's 200 of these instead of its 20,000 full
 * series records (text, status, source, note, reason, author, time, version per cell) is what
 * the assessment and the cold start of 总览 need (docs/performance.md).
 *
 * Derived, never written by hand: `planNumbersMiddleware` writes it in the same transaction as
 * every write of `series`, whichever code writes (save, undo, import, restore, merge, sample
 * reset), and it is never exported: a restore or merge rebuilds it from the series it writes.
 */
export interface PlanNumbersRow {
  planId: string;
  regionId: string;
  values: Record<string, Record<number, number>>;
}

/** The live numbers of one series by year; null when it has none. */
export function numbersOfSeries(series: Pick<SeriesRow, 'cells'>): Record<number, number> | null {
  let numbers: Record<number, number> | null = null;
  for (const [year, cell] of Object.entries(series.cells)) {
    if (cell.value === null) continue;
    (numbers ??= {})[Number(year)] = cell.value;
  }
  return numbers;
}

/** The compact copy of a set of series records, one row per plan and region with a value. */
export function planNumbersOf(series: Iterable<SeriesRow>): PlanNumbersRow[] {
  const rows = new Map<string, PlanNumbersRow>();
  for (const s of series) {
    const numbers = numbersOfSeries(s);
    if (!numbers) continue;
    const key = JSON.stringify([s.planId, s.regionId]);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { planId: s.planId, regionId: s.regionId, values: {} }));
    row.values[s.itemId] = numbers;
  }
  return [...rows.values()];
}

type SeriesKey = [string, string, string];

/**
 * Brings the compact rows of the regions touched up to date: each item's numbers from the series
 * written (`written`), or gone for the series deleted (`deleted`). One read and one write of the
 * regions' rows, in the caller's transaction.
 */
async function applyToNumbers(
  numbers: DBCoreTable,
  trans: DBCoreTransaction,
  written: readonly SeriesRow[],
  deleted: readonly SeriesKey[],
) {
  const changes = new Map<
    string,
    { key: [string, string]; items: Map<string, Record<number, number> | null> }
  >();
  const changeOf = (planId: string, regionId: string) => {
    const id = JSON.stringify([planId, regionId]);
    let change = changes.get(id);
    if (!change) changes.set(id, (change = { key: [planId, regionId], items: new Map() }));
    return change;
  };
  for (const [planId, regionId, itemId] of deleted)
    changeOf(planId, regionId).items.set(itemId, null);
  for (const s of written) changeOf(s.planId, s.regionId).items.set(s.itemId, numbersOfSeries(s));
  if (changes.size === 0) return;
  const list = [...changes.values()];
  const stored = (await numbers.getMany({ trans, keys: list.map((c) => c.key) })) as Array<
    PlanNumbersRow | undefined
  >;
  const puts: PlanNumbersRow[] = [];
  const removals: Array<[string, string]> = [];
  list.forEach((change, i) => {
    const [planId, regionId] = change.key;
    const values = { ...stored[i]?.values };
    change.items.forEach((itemNumbers, itemId) => {
      if (itemNumbers) values[itemId] = itemNumbers;
      else delete values[itemId];
    });
    if (Object.keys(values).length > 0) puts.push({ planId, regionId, values });
    else if (stored[i]) removals.push(change.key);
  });
  if (puts.length > 0) await numbers.mutate({ type: 'put', trans, values: puts });
  if (removals.length > 0) await numbers.mutate({ type: 'delete', trans, keys: removals });
}

function hasNumbersStore(trans: DBCoreTransaction): boolean {
  // The core's transaction is the IndexedDB transaction: during an upgrade from before v7 the
  // store does not exist yet when older upgrades write series (v7's upgrade builds it then).
  const names = (trans as unknown as IDBTransaction).objectStoreNames;
  return names === undefined || names.contains(NUMBERS_TABLE);
}

/**
 * Keeps `planNumbers` equal to what `series` says, in the same transaction as each write of
 * `series`: every read-write transaction over `series` also covers `planNumbers`, and every add,
 * put and delete of series records (clear included) is followed by the matching change of the
 * compact rows. One place, below every repository, so no writer can forget it.
 */
export const planNumbersMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'planNumbers',
  create(down) {
    if (!down.schema.tables.some((t) => t.name === NUMBERS_TABLE)) return down;
    return {
      ...down,
      transaction(stores, mode, options) {
        const scope =
          mode === 'readwrite' && stores.includes(SERIES_TABLE) && !stores.includes(NUMBERS_TABLE)
            ? [...stores, NUMBERS_TABLE]
            : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== SERIES_TABLE) return table;
        const numbers = down.table(NUMBERS_TABLE);
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            if (!hasNumbersStore(req.trans)) return table.mutate(req);
            if (req.type === 'add' || req.type === 'put') {
              const response = await table.mutate(req);
              const written = (req.values as SeriesRow[]).filter((_v, i) => !response.failures[i]);
              await applyToNumbers(numbers, req.trans, written, []);
              return response;
            }
            if (req.type === 'deleteRange' && req.range.type === RANGE_ANY) {
              const response = await table.mutate(req);
              await numbers.mutate({ type: 'deleteRange', trans: req.trans, range: req.range });
              return response;
            }
            const keys =
              req.type === 'delete'
                ? req.keys
                : (
                    await table.query({
                      trans: req.trans,
                      values: false,
                      query: { index: table.schema.primaryKey, range: req.range },
                    })
                  ).result;
            const response = await table.mutate(req);
            await applyToNumbers(numbers, req.trans, [], keys as SeriesKey[]);
            return response;
          },
        };
      },
    };
  },
};
