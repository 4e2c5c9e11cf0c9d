import { indexRegions, type RegionValues, type ValueIndex } from '../domain/assessment/plan';
import type { ActualsByYear } from '../domain/assessment/types';
import { watchChanges } from './changes';
import type { AppDatabase, ObservationRow, SeriesRow } from './database';
import type { PlanNumbersRow } from './plan-numbers';
import { flattenSeries, seriesKeyString, type SeriesKey } from './values';

/**
 * Every stored value of a plan, as the pages that compare regions or assess them all read it:
 * indexed by region and item (`index`), the latest year with a value (`latestYear`), and the flat
 * rows for the pages that list values (computed on first use).
 */
export class PlanValues {
  private flat: ObservationRow[] | null = null;

  constructor(
    readonly planId: string,
    /** The full series records: read only when asked for (`readPlanValues(…, { rows: true })`). */
    private readonly series: ReadonlyMap<string, SeriesRow> | null,
    readonly index: ValueIndex,
    /** The latest year of any value of the plan; null when there is none. */
    readonly latestYear: number | null,
  ) {}

  /** Whether the full records were read: `rows` and `seriesRows` need them. */
  get hasRows(): boolean {
    return this.series !== null;
  }

  private full(): ReadonlyMap<string, SeriesRow> {
    if (!this.series) {
      // A programming error, not a user's: the page must ask for rows when it reads them.
      throw new Error(
        'PlanValues read without rows: use readPlanValues(db, planId, { rows: true })',
      );
    }
    return this.series;
  }

  /** One row per value (cleared cells left out), as `listValues` gives them. */
  get rows(): ObservationRow[] {
    return (this.flat ??= flattenSeries(this.full().values()));
  }

  /** The values of one item in one region as flat rows, by year. */
  seriesRows(regionId: string, itemId: string): ObservationRow[] {
    const one = this.full().get(seriesKeyString({ planId: this.planId, regionId, itemId }));
    return one ? flattenSeries([one]).sort((a, b) => a.year - b.year) : [];
  }
}

interface PlanCache {
  /** The full records, once a page asked for rows; null until then (and after a reset). */
  series: Map<string, SeriesRow> | null;
  byRegion: Map<string, RegionValues>;
  /** Series written since the cache was built; `all` when everything must be read again. */
  dirty: Set<string> | 'all';
  /** What the last refresh returned: given again while nothing changed. */
  snapshot: PlanValues | null;
  /** Refreshes run one after another, so a write that lands during a read is never lost. */
  queue: Promise<unknown>;
}

const caches = new WeakMap<AppDatabase, Map<string, PlanCache>>();

/**
 * The caches of one database, told of every committed write: every repository write announces
 * what it changed (src/db/changes.ts), in this tab and from others, so a cache reads again only
 * the series a write named, and everything after a reset (sample data reloaded).
 */
function cachesOf(db: AppDatabase): Map<string, PlanCache> {
  let byPlan = caches.get(db);
  if (!byPlan) {
    const created = new Map<string, PlanCache>();
    watchChanges(db.name, (change) => {
      if (change.kind === 'values') {
        const dirty = created.get(change.planId)?.dirty;
        if (dirty && dirty !== 'all') change.seriesKeys.forEach((k) => dirty.add(k));
      } else if (change.kind === 'reset') {
        created.forEach((cache) => (cache.dirty = 'all'));
      }
    });
    caches.set(db, (byPlan = created));
  }
  return byPlan;
}

function liveActuals(series: SeriesRow): ActualsByYear | null {
  let actuals: Map<number, number> | null = null;
  for (const [yearText, cell] of Object.entries(series.cells)) {
    if (cell.value === null) continue;
    (actuals ??= new Map()).set(Number(yearText), cell.value);
  }
  return actuals;
}

/** The values by region and item from the compact copy (src/db/plan-numbers.ts). */
function regionValuesOfNumbers(rows: readonly PlanNumbersRow[]): Map<string, RegionValues> {
  const byRegion = new Map<string, Map<string, ActualsByYear>>();
  for (const row of rows) {
    const byItem = new Map<string, ActualsByYear>();
    for (const [itemId, numbers] of Object.entries(row.values)) {
      const actuals = new Map<number, number>();
      for (const [year, value] of Object.entries(numbers)) actuals.set(Number(year), value);
      byItem.set(itemId, actuals);
    }
    if (byItem.size > 0) byRegion.set(row.regionId, byItem);
  }
  return byRegion;
}

async function readNumbers(db: AppDatabase, planId: string): Promise<PlanNumbersRow[]> {
  return db.planNumbers
    .where('[planId+regionId]')
    .between([planId], [planId, []], true, true)
    .toArray();
}

function regionValuesOf(series: Iterable<SeriesRow>): Map<string, RegionValues> {
  const byRegion = new Map<string, Map<string, ActualsByYear>>();
  for (const s of series) {
    const actuals = liveActuals(s);
    if (!actuals) continue;
    let byItem = byRegion.get(s.regionId);
    if (!byItem) byRegion.set(s.regionId, (byItem = new Map()));
    byItem.set(s.itemId, actuals);
  }
  return byRegion;
}

function latestYearOf(byRegion: ReadonlyMap<string, RegionValues>): number | null {
  let latest: number | null = null;
  byRegion.forEach((byItem) =>
    byItem.forEach((actuals) =>
      actuals.forEach((_value, year) => {
        if (latest === null || year > latest) latest = year;
      }),
    ),
  );
  return latest;
}

async function readAll(db: AppDatabase, planId: string): Promise<Map<string, SeriesRow>> {
  const rows = await db.series
    .where('[planId+regionId+itemId]')
    .between([planId], [planId, []], true, true)
    .toArray();
  return new Map(rows.map((s) => [seriesKeyString(s), s]));
}

/** Reads again the named series and rebuilds only the regions they belong to. */
async function update(db: AppDatabase, cache: PlanCache, keys: readonly string[]) {
  const refs = keys.map((key) => key.split('|') as SeriesKey);
  const fresh = await db.series.bulkGet(refs);
  const series = cache.series && new Map(cache.series);
  const regions = new Set<string>();
  refs.forEach(([, regionId], i) => {
    const key = keys[i] as string;
    const row = fresh[i];
    if (series) {
      if (row) series.set(key, row);
      else series.delete(key);
    }
    regions.add(regionId);
  });
  const byRegion = new Map(cache.byRegion);
  for (const regionId of regions) {
    // A region's values object is new only when the region changed: results kept for the
    // other regions (assessPlanCached) stay valid.
    const byItem = new Map(byRegion.get(regionId) ?? []);
    refs.forEach(([, r, itemId], i) => {
      if (r !== regionId) return;
      const row = fresh[i];
      const actuals = row ? liveActuals(row) : null;
      if (actuals) byItem.set(itemId, actuals);
      else byItem.delete(itemId);
    });
    if (byItem.size > 0) byRegion.set(regionId, byItem);
    else byRegion.delete(regionId);
  }
  cache.series = series;
  cache.byRegion = byRegion;
}

/**
 * Every stored value of a plan, read by key range and indexed once; after that, kept in memory
 * and brought up to date by reading again only the series that writes named. A save of one cell
 * in a province plan (20,000 series) reads one record, not all of them, and leaves every other
 * region's values object as it was.
 *
 * The first read is of the compact copy (`planNumbers`: 200 records of numbers for a province,
 * not 20,000 full series records): what the assessment and the default year need. With
 * `rows: true` the full records are read too (once), for the pages that list values with their
 * text, status and author (`PlanValues.rows`, `seriesRows`).
 */
export async function readPlanValues(
  db: AppDatabase,
  planId: string,
  options: { rows?: boolean } = {},
): Promise<PlanValues> {
  const wantsRows = options.rows === true;
  const byPlan = cachesOf(db);
  // Let every listener of a change that triggered this read run first (they run synchronously
  // one after another; the query refetch may be started by an earlier one).
  await Promise.resolve();
  let cache = byPlan.get(planId);
  if (!cache) {
    cache = {
      series: new Map(),
      byRegion: new Map(),
      dirty: 'all',
      snapshot: null,
      queue: Promise.resolve(),
    };
    byPlan.set(planId, cache);
  }
  const current = cache;
  const refresh = current.queue.then(async () => {
    const dirty = current.dirty;
    const snapshot = current.snapshot;
    const needsRows = wantsRows && current.series === null;
    if (dirty !== 'all' && dirty.size === 0 && snapshot && !needsRows) return snapshot;
    current.dirty = new Set();
    if (dirty === 'all') {
      if (wantsRows) {
        const series = await readAll(db, planId);
        current.series = series;
        current.byRegion = regionValuesOf(series.values());
      } else {
        current.series = null;
        current.byRegion = regionValuesOfNumbers(await readNumbers(db, planId));
      }
    } else {
      if (dirty.size > 0) await update(db, current, [...dirty]);
      // The numbers are up to date; the full records are read the first time a page asks. The
      // regions' values objects stay as they are, so results kept for them stay valid.
      if (wantsRows && current.series === null) current.series = await readAll(db, planId);
    }
    if (dirty !== 'all' && dirty.size === 0 && snapshot) {
      current.snapshot = new PlanValues(
        planId,
        current.series,
        snapshot.index,
        snapshot.latestYear,
      );
      return current.snapshot;
    }
    current.snapshot = new PlanValues(
      planId,
      current.series,
      indexRegions(current.byRegion),
      latestYearOf(current.byRegion),
    );
    return current.snapshot;
  });
  // A failed read leaves the cache to be read whole next time.
  current.queue = refresh.catch(() => {
    current.dirty = 'all';
  });
  return refresh;
}
