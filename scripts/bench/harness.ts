// The benchmark's page-side half (scripts/bench.ts drives it). Built on its own into
// test/artifacts/bench/harness and served beside the built app on the same loopback origin, so it
// writes the very IndexedDB database the app then opens; it is never part of dist/, so no user
// can reach it. It uses the app's own modules: the plan-file loader, the actuals CSV reader, the
// value rules, `saveValues` and the assessment path, so its figures are the app's.
import {
  openDatabase,
  USER_DB_NAME,
  type AppDatabase,
  type SeriesRow,
} from '../../src/db/database';
import { ensureRegions, planAreaOf } from '../../src/db/regions';
import { loadUserPlan } from '../../src/db/user-plans';
import { saveValues, type ValueInput, type WriteContext } from '../../src/db/values';
import { planItems } from '../../src/domain/assessment/plan';
import { assessAllRegions } from '../../src/domain/assessment/all-regions';
import { readPlanValues } from '../../src/db/plan-values';
import type { Plan } from '../../src/domain/catalog/schema';
import { parsePlan } from '../../src/domain/catalog/validate';
import { parseActualsCsv } from '../../src/domain/import/actuals-csv';
import { decodeText } from '../../src/domain/import/decode-text';
import { valueRuleFor, type ValueRule } from '../../src/domain/observations/value-rules';
import dazhouJson from '../../data/plans/dazhou.json';

const BUILTIN_IDS = new Set(['dazhou', 'dazhou-2017', 'zhoucun', 'handan', 'dalian']);
const AUTHOR = '性能测试';
const BASELINE_REASON = '性能测试导入';

interface PlanSpec {
  /** `dazhou` for the built-in plan as it is; any other id: a synthetic plan file. */
  id: string;
  regions?: number;
  items?: number;
}

interface Prepared {
  plan: Plan;
  file: File | null;
}

const prepared = new Map<string, Prepared>();
let database: AppDatabase | null = null;
const db = () => (database ??= openDatabase(USER_DB_NAME));

function builtinDazhou(): Plan {
  const parsed = parsePlan(dazhouJson);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.plan;
}

/**
 * A synthetic plan file for the province sizes: 达州's items repeated (ids and names suffixed,
 * so they stay unique) up to `items`, and `regions` regions, the first the plan area. It is
 * benchmark input only, loaded into a throwaway browser profile.
 */
function syntheticPlan(spec: Required<PlanSpec>): Plan {
  const base = builtinDazhou();
  const indicators: Plan['indicators'] = [];
  const textTargets: Plan['textTargets'] = [];
  for (let copy = 0; indicators.length + textTargets.length < spec.items; copy++) {
    const suffix = copy === 0 ? '' : `-${copy + 1}`;
    for (const item of base.indicators) {
      if (indicators.length + textTargets.length >= spec.items) break;
      indicators.push({
        ...item,
        concept: undefined,
        id: `${item.id}${suffix}`,
        name: `${item.name}${suffix}`,
      });
    }
    for (const item of base.textTargets) {
      if (indicators.length + textTargets.length >= spec.items) break;
      textTargets.push({
        ...item,
        concept: undefined,
        id: `${item.id}${suffix}`,
        name: `${item.name}${suffix}`,
      });
    }
  }
  const regions: Plan['regions'] = Array.from({ length: spec.regions }, (_, i) => ({
    id: `r${String(i).padStart(4, '0')}`,
    name: i === 0 ? '示例省' : `示例县${String(i).padStart(4, '0')}`,
    level: i === 0 ? 'city' : 'county',
  }));
  return {
    ...base,
    id: spec.id,
    name: `性能测试规划 ${spec.id}（合成数据）`,
    shortName: `性能测试 ${spec.id}`,
    regions,
    indicators,
    textTargets,
    services: [],
    tasks: [],
    standards: [],
  } as Plan;
}

/**
 * A value the item's rule accepts, the same for the same cell on every run: a level in the
 * middle of a bounded range (shares, ratios), or a count near the baseline.
 */
export function benchValue(rule: ValueRule, baseline: number | null, region: number, year: number) {
  const step = year - 2015;
  let value: number;
  if (rule.max - rule.min <= 1000) {
    const span = rule.max - rule.min;
    value = rule.min + span * (0.4 + (region % 40) / 200 + step * 0.01);
  } else {
    const base = baseline !== null && baseline > 0 ? baseline : 100;
    value = base * (1 + (region % 40) / 100 + step * 0.02);
  }
  return Math.round(value * 100) / 100;
}

function csvFor(plan: Plan): { text: string; rows: number } {
  const lines = ['indicator,region,year,value,note'];
  const items = planItems(plan);
  plan.regions.forEach((region, r) => {
    for (const item of items) {
      const rule = valueRuleFor(item);
      const baseline = item.baseline?.value ?? null;
      for (let year = plan.baseYear; year <= plan.period.end; year++) {
        lines.push(`${item.id},${region.id},${year},${benchValue(rule, baseline, r, year)},`);
      }
    }
  });
  return { text: lines.join('\r\n') + '\r\n', rows: lines.length - 1 };
}

/** Loads the plan (a synthetic one through the app's plan-file path) and seeds its regions. */
async function preparePlan(spec: PlanSpec) {
  let plan: Plan;
  if (spec.id === 'dazhou') plan = builtinDazhou();
  else {
    const text = JSON.stringify(
      syntheticPlan({ id: spec.id, regions: spec.regions ?? 200, items: spec.items ?? 100 }),
    );
    const loaded = await loadUserPlan(db(), text, `${spec.id}.json`, BUILTIN_IDS, AUTHOR);
    if (!loaded.ok) throw new Error(loaded.errors.slice(0, 5).join('; '));
    plan = loaded.plan;
  }
  await ensureRegions(db(), plan);
  const csv = csvFor(plan);
  const file = new File([csv.text], `${plan.id}-actuals.csv`, { type: 'text/csv' });
  prepared.set(plan.id, { plan, file });
  return {
    planId: plan.id,
    regions: plan.regions.length,
    items: planItems(plan).length,
    values: csv.rows,
    fileBytes: file.size,
  };
}

function preparedPlan(planId: string): Prepared {
  const entry = prepared.get(planId);
  if (!entry) throw new Error(`plan ${planId} not prepared`);
  return entry;
}

/** Main-thread tasks over 50 ms while `run` runs, as the browser reports them. */
async function withLongTasks<T>(
  run: () => Promise<T>,
): Promise<{ result: T; longTasks: Array<{ start: number; duration: number }> }> {
  const longTasks: Array<{ start: number; duration: number }> = [];
  const note = (entry: PerformanceEntry) =>
    longTasks.push({ start: entry.startTime, duration: entry.duration });
  const observer = new PerformanceObserver((list) => list.getEntries().forEach(note));
  observer.observe({ type: 'longtask', buffered: false });
  const result = await run();
  // Let the observer deliver the last entries.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.takeRecords().forEach(note);
  observer.disconnect();
  return { result, longTasks };
}

/** The write context of the entry page (useWriteContext), for the plan area's base-year rows. */
async function writeContext(plan: Plan): Promise<WriteContext> {
  const regions = await db().regions.where('planId').equals(plan.id).toArray();
  const rules = new Map(planItems(plan).map((item) => [item.id, valueRuleFor(item)]));
  return {
    by: AUTHOR,
    baseYear: plan.baseYear,
    endYear: plan.period.end,
    planAreaId: planAreaOf(regions)?.regionId,
    itemIds: new Set(rules.keys()),
    ruleOf: (itemId) => rules.get(itemId),
  };
}

/**
 * Imports the plan's CSV file through the app's path: read the file's bytes, decode (UTF-8/GBK),
 * parse and check every value against its item's rule (parseActualsCsv), then `saveValues`
 * (validation again, bulk reads and writes in one transaction with one audit row per series).
 */
async function importFile(planId: string) {
  const { plan, file } = preparedPlan(planId);
  if (!file) throw new Error('no file');
  const ctx = await writeContext(plan);
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    phases[name] = now - mark;
    mark = now;
  };
  const started = performance.now();
  let saveStart = Infinity;
  const { result, longTasks } = await withLongTasks(async () => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const decoded = decodeText(bytes);
    lap('read');
    if (!('text' in decoded)) throw new Error('decode failed');
    const parsed = parseActualsCsv(plan, decoded.text);
    lap('parse');
    if (!parsed.ok) throw new Error(parsed.errors.slice(0, 5).join('; '));
    const inputs: ValueInput[] = parsed.rows.map((row) => ({
      planId: plan.id,
      itemId: row.itemId,
      regionId: row.regionId,
      year: row.year,
      value: row.value,
      note: row.note,
      reason: row.year === plan.baseYear ? BASELINE_REASON : undefined,
    }));
    lap('inputs');
    saveStart = performance.now();
    const saved = await saveValues(db(), inputs, ctx);
    lap('save');
    return saved;
  });
  const ms = performance.now() - started;
  // The app reads a file in a worker (src/features/entry/read-returns.ts); this page parses on
  // its main thread, so the tasks of the write (saveValues) are told apart.
  return {
    ms,
    written: result.written,
    phases,
    longTasks: longTasks.map((t) => t.duration),
    saveLongTasks: longTasks.filter((t) => t.start >= saveStart).map((t) => t.duration),
  };
}

/**
 * The same records the import stores (one series record per item and region, one audit row per
 * series), written with the bare IndexedDB API in one transaction into a scratch database with
 * the same stores and keys, with no validation and no reads: the ceiling for the import.
 */
async function rawWrite(planId: string) {
  const { plan } = preparedPlan(planId);
  const items = planItems(plan);
  const at = new Date().toISOString();
  const series: SeriesRow[] = [];
  const audit: unknown[] = [];
  plan.regions.forEach((region, r) => {
    for (const item of items) {
      const rule = valueRuleFor(item);
      const baseline = item.baseline?.value ?? null;
      const cells: SeriesRow['cells'] = {};
      const changes = [];
      for (let year = plan.baseYear; year <= plan.period.end; year++) {
        const value = benchValue(rule, baseline, r, year);
        const cell = {
          value,
          text: String(value),
          dataStatus: 'preliminary' as const,
          source: '',
          note: '',
          reason: '',
          updatedAt: at,
          updatedBy: AUTHOR,
          version: 1,
        };
        cells[year] = cell;
        changes.push({ year, before: null, after: cell });
      }
      series.push({ planId: plan.id, regionId: region.id, itemId: item.id, cells });
      audit.push({
        entity: 'series',
        key: `${plan.id}|${region.id}|${item.id}`,
        planId: plan.id,
        action: 'save',
        changes,
        actionId: 'raw',
        session: 'raw',
        by: AUTHOR,
        at,
        reason: '',
      });
    }
  });
  const name = `gongfu-bench-raw-${Date.now()}`;
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('series', {
        keyPath: ['planId', 'regionId', 'itemId'],
      });
      store.createIndex('[planId+itemId]', ['planId', 'itemId']);
      const log = request.result.createObjectStore('auditLog', {
        keyPath: 'seq',
        autoIncrement: true,
      });
      log.createIndex('key', 'key');
      log.createIndex('actionId', 'actionId');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(['series', 'auditLog'], 'readwrite');
    const seriesStore = tx.objectStore('series');
    const logStore = tx.objectStore('auditLog');
    for (const row of series) seriesStore.put(row);
    for (const row of audit) logStore.add(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - started;
  idb.close();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
  const values = series.length * (plan.period.end - plan.baseYear + 1);
  return { ms, records: series.length + audit.length, values };
}

/**
 * The assessment of every item for every region from the store, as the app computes it: the
 * plan's values read by key range and indexed once (readPlanValues), then every region assessed
 * (assessAllRegions), as of the plan's end year.
 */
async function assess(planId: string) {
  const { plan } = preparedPlan(planId);
  const regions = await db().regions.where('planId').equals(plan.id).toArray();
  const started = performance.now();
  const values = await readPlanValues(db(), plan.id);
  const read = performance.now() - started;
  const results = assessAllRegions(
    plan,
    values.index,
    regions.map((r) => ({ regionId: r.regionId, role: r.role })),
    plan.period.end,
  );
  const total = performance.now() - started;
  let itemRegions = 0;
  results.forEach((byItem) => (itemRegions += byItem.length));
  return { read, assess: total - read, total, itemRegions };
}

/** An item of the plan whose values are shares (%), for the entry benchmark's edits. */
function entryItem(planId: string) {
  const { plan } = preparedPlan(planId);
  const item = planItems(plan).find((i) => valueRuleFor(i).kind === 'share' && i.kind === 'level');
  if (!item) throw new Error('no share item');
  return item.id;
}

async function close() {
  database?.close();
  database = null;
}

Object.assign(window, {
  bench: { preparePlan, importFile, rawWrite, assess, entryItem, close },
});
document.title = 'bench harness ready';
