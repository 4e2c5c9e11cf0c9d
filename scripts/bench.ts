// npm run bench [-- --quick] [-- --sizes plan,province,large] [-- --runs 3] [-- --no-build]
//                [-- --out file.json] [-- --profile import,entry,arrows]
//
// Drives the built app in headless Chromium (playwright-core) at three sizes and prints a table
// of figures; writes them as JSON (test/artifacts/bench/bench-results.json unless --out). What
// each figure is and how it is taken: docs/performance.md. `--quick` runs only `plan`, so CI
// keeps the script working; CI checks that it runs, never a threshold.
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ensureChromium } from './find-chromium.mjs';

const FIRST_DATA_MARK = 'gongfu:first-data';
const DIST = resolve('dist');
const HARNESS = resolve('test/artifacts/bench/harness');

interface PlanSpec {
  id: string;
  regions?: number;
  items?: number;
}

/** The three sizes of the issue (#15): one built-in plan; a province; a commission's plans. */
const SIZES: Record<string, { label: string; plans: PlanSpec[] }> = {
  plan: { label: '达州 built in: 7 regions × 44 items × 6 years', plans: [{ id: 'dazhou' }] },
  province: {
    label: '1 plan: 200 regions × 100 items × 6 years',
    plans: [{ id: 'bench-province', regions: 200, items: 100 }],
  },
  large: {
    label: '10 plans: 250 regions × 100 items × 6 years each',
    plans: Array.from({ length: 10 }, (_, i) => ({
      id: `bench-large-${i + 1}`,
      regions: 250,
      items: 100,
    })),
  },
};

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const sizes = flag('--quick')
  ? ['plan']
  : (option('--sizes') ?? 'plan,province,large').split(',').filter((s) => s in SIZES);
const outFile = option('--out') ?? 'test/artifacts/bench/bench-results.json';
/** `--runs N`: each size N times; the table shows the median of every figure over the runs. */
const RUNS = Math.max(1, Number(option('--runs') ?? 1));
const EDITS = Number(option('--edits') ?? 100);
const ARROWS = Number(option('--arrows') ?? 100);
/** `--profile import,cold,entry,arrows`: CPU profiles of those phases (DevTools format). */
const PROFILE = new Set((option('--profile') ?? '').split(',').filter(Boolean));
const PROFILE_DIR = 'test/artifacts/bench/profiles';

/** Records a CPU profile of the page while `run` runs, when `--profile` names the phase. */
async function profiled<T>(
  context: BrowserContext,
  page: Page,
  phase: string,
  run: () => Promise<T>,
): Promise<T> {
  if (!PROFILE.has(phase)) return run();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
  mkdirSync(PROFILE_DIR, { recursive: true });
  const file = join(PROFILE_DIR, `${phase}-${Date.now()}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log(`  profile of ${phase}: ${file}`);
  await cdp.detach();
  return result;
}

function run(command: string, commandArgs: string[]) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${command} ${commandArgs.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** Serves dist/ at / and the harness at /__bench/ on one loopback origin, uncompressed. */
function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const [root, rest] = path.startsWith('/__bench/')
      ? [HARNESS, path.slice('/__bench/'.length)]
      : [DIST, path.slice(1)];
    const file = normalize(join(root, rest || 'index.html'));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(statSync(file).isDirectory() ? join(file, 'index.html') : file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolvePromise) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolvePromise({ server, url: `http://127.0.0.1:${port}/` });
    }),
  );
}

async function openContext(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'gongfu-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    headless: true,
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(120_000);
  // tsx compiles this file with esbuild's keepNames, which wraps the functions passed to
  // page.evaluate in a `__name` helper the page does not have.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Peak of the page's used JS heap, sampled every 100 ms through the DevTools protocol. */
async function watchHeap(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  let peak = 0;
  let isDone = false;
  const sample = async () => {
    try {
      const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      peak = Math.max(peak, usage.usedSize);
    } catch {
      // the page closed
    }
  };
  const loop = (async () => {
    while (!isDone) {
      await sample();
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return async () => {
    await sample();
    isDone = true;
    await loop;
    await cdp.detach().catch(() => undefined);
    return peak;
  };
}

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number) {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

type Bench = {
  preparePlan: (spec: PlanSpec) => Promise<{
    planId: string;
    regions: number;
    items: number;
    values: number;
    fileBytes: number;
  }>;
  importFile: (planId: string) => Promise<{
    ms: number;
    written: number;
    phases: Record<string, number>;
    longTasks: number[];
    saveLongTasks: number[];
  }>;
  rawWrite: (planId: string) => Promise<{ ms: number; records: number; values: number }>;
  assess: (
    planId: string,
  ) => Promise<{ read: number; assess: number; total: number; itemRegions: number }>;
  entryItem: (planId: string) => string;
  close: () => Promise<void>;
};
declare global {
  interface Window {
    bench: Bench;
    __lat: { saved: number[]; arrows: number[]; pendingEnter: number | null; sawSaving: boolean };
  }
}

/** Import, raw write and assessment in the harness page (same origin, same database). */
async function measureData(context: BrowserContext, url: string, plans: PlanSpec[]) {
  const page = await context.newPage();
  const stopHeap = await watchHeap(context, page);
  await page.goto(`${url}__bench/index.html`);
  await page.waitForFunction(() => document.title === 'bench harness ready');
  const prepared = [];
  for (const spec of plans)
    prepared.push(await page.evaluate((s) => window.bench.preparePlan(s), spec));
  const raw = { ms: 0, records: 0, values: 0 };
  for (const p of prepared) {
    const r = await page.evaluate((id) => window.bench.rawWrite(id), p.planId);
    raw.ms += r.ms;
    raw.records += r.records;
    raw.values += r.values;
  }
  const imported = {
    ms: 0,
    written: 0,
    phases: {} as Record<string, number>,
    longTasks: [] as number[],
    saveLongTasks: [] as number[],
  };
  for (const p of prepared) {
    const r = await profiled(context, page, 'import', () =>
      page.evaluate((id) => window.bench.importFile(id), p.planId),
    );
    imported.ms += r.ms;
    imported.written += r.written;
    imported.longTasks.push(...r.longTasks);
    imported.saveLongTasks.push(...r.saveLongTasks);
    for (const [k, v] of Object.entries(r.phases))
      imported.phases[k] = (imported.phases[k] ?? 0) + v;
    process.stdout.write(
      `  imported ${p.planId}: ${r.written} values in ${(r.ms / 1000).toFixed(1)} s\n`,
    );
  }
  const assessed = { read: 0, assess: 0, total: 0, itemRegions: 0 };
  for (const p of prepared) {
    const r = await page.evaluate((id) => window.bench.assess(id), p.planId);
    for (const k of Object.keys(assessed) as (keyof typeof assessed)[]) assessed[k] += r[k];
  }
  const entryItem = await page.evaluate((id) => window.bench.entryItem(id), prepared[0]!.planId);
  await page.evaluate(() => window.bench.close());
  const heap = await stopHeap();
  await page.close();
  return { prepared, raw, imported, assessed, entryItem, heap };
}

/** Opens 总览 in a new page and waits for the app's first-data mark. */
async function coldStart(context: BrowserContext, url: string, planId: string) {
  const page = await context.newPage();
  const stopHeap = await watchHeap(context, page);
  await page.goto(`${url}#/overview?plan=${planId}`);
  await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark).length > 0,
    FIRST_DATA_MARK,
    {
      timeout: 300_000,
    },
  );
  const figures = await page.evaluate(async (markName) => {
    const mark = performance.getEntriesByName(markName)[0]!.startTime;
    const lcp = await new Promise<number | null>((resolveLcp) => {
      new PerformanceObserver((list) => {
        const entries = list.getEntries();
        resolveLcp(entries[entries.length - 1]?.startTime ?? null);
      }).observe({ type: 'largest-contentful-paint', buffered: true });
      setTimeout(() => resolveLcp(null), 2000);
    });
    const scripts = performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.endsWith('.js') && e.startTime <= mark)
      .map((e) => new URL(e.name).pathname);
    return { mark, lcp, scripts };
  }, FIRST_DATA_MARK);
  const heap = await stopHeap();
  await page.close();
  return { ...figures, heap };
}

/** 100 edits in the by-indicator grid (one region a row) and 100 arrow-key moves. */
async function entry(context: BrowserContext, url: string, planId: string, itemId: string) {
  const page = await context.newPage();
  const stopHeap = await watchHeap(context, page);
  await page.goto(`${url}#/entry?plan=${planId}&view=indicator&item=${encodeURIComponent(itemId)}`);
  const lastCol = 5; // 2015 … 2020: the 2020 column
  await page.waitForSelector(`td.entry-cell[data-row="0"][data-col="${lastCol}"]`, {
    timeout: 300_000,
  });
  // Keystroke to saved state, taken inside the page: from the Enter's event time to the first
  // frame after the notice says 已保存 (after it said 正在保存, so an earlier notice never counts).
  await page.evaluate(() => {
    const lat: Window['__lat'] = { saved: [], arrows: [], pendingEnter: null, sawSaving: false };
    window.__lat = lat;
    const afterPaint = (since: number, into: number[]) =>
      requestAnimationFrame(() => setTimeout(() => into.push(performance.now() - since), 0));
    document.addEventListener(
      'keydown',
      (event) => {
        const target = event.target as HTMLElement;
        if (event.key === 'Enter' && target.classList.contains('cell-input')) {
          lat.pendingEnter = event.timeStamp;
          lat.sawSaving = false;
        }
        if (event.key.startsWith('Arrow') && target.classList.contains('cell-catcher')) {
          afterPaint(event.timeStamp, lat.arrows);
        }
      },
      true,
    );
    new MutationObserver(() => {
      if (lat.pendingEnter === null) return;
      const text = document.querySelector('[data-testid="entry-notice"]')?.textContent ?? '';
      if (!text.startsWith('已保存')) lat.sawSaving = true;
      else if (lat.sawSaving) {
        afterPaint(lat.pendingEnter, lat.saved);
        lat.pendingEnter = null;
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  // A long grid draws only the rows in view (aria-rowcount says how many it has): the edits go
  // round its first 20 rows, which stay in view (a save costs the same whichever row it is).
  const drawn = await page.locator(`td.entry-cell[data-col="${lastCol}"]`).count();
  const rowCount = await page.locator('table.entry-grid').getAttribute('aria-rowcount');
  const rows = rowCount === null ? drawn : Number(rowCount) - 1;
  const edited = rowCount === null ? drawn : Math.min(drawn, 20);
  await profiled(context, page, 'entry', () => edit(page, edited, lastCol));
  await page.locator(`td.entry-cell[data-row="0"][data-col="1"]`).click();
  await profiled(context, page, 'arrows', () => arrows(page));
  const lat = await page.evaluate(() => window.__lat);
  const heap = await stopHeap();
  await page.close();
  return { rows, saved: lat.saved, arrows: lat.arrows, heap };
}

async function edit(page: Page, rows: number, lastCol: number) {
  for (let k = 0; k < EDITS; k++) {
    const row = k % rows;
    const previousText =
      (await page
        .locator(`td.entry-cell[data-row="${row}"][data-col="${lastCol - 1}"] .cell-value`)
        .textContent()) ?? '50';
    const previous = Number(previousText.replace(/[,%\s]/g, '')) || 50;
    const value = (previous + 0.01 * (1 + Math.floor(k / rows))).toFixed(2);
    await page.locator(`td.entry-cell[data-row="${row}"][data-col="${lastCol}"]`).click();
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => window.__lat.saved.length >= n, k + 1, { timeout: 60_000 });
  }
}

async function arrows(page: Page) {
  const keys = ['ArrowDown', 'ArrowRight', 'ArrowDown', 'ArrowLeft'];
  for (let k = 0; k < ARROWS; k++) {
    await page.keyboard.press(keys[k % keys.length]!);
    await page.waitForFunction((n) => window.__lat.arrows.length >= n, k + 1, { timeout: 30_000 });
  }
}

/** JavaScript files of the build, raw and gzip (level 9, as a static server would send them). */
function jsSizes(paths: Iterable<string>) {
  let raw = 0;
  let gzip = 0;
  for (const path of paths) {
    const body = readFileSync(join(DIST, path));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** The scripts index.html loads before anything is drawn: its entry and the modules it preloads. */
function shellScripts(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1] as string);
}

function allJs(dir = DIST, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? allJs(join(dir, entry.name), `${prefix}${entry.name}/`)
      : entry.name.endsWith('.js')
        ? [`${prefix}${entry.name}`]
        : [],
  );
}

async function benchSize(name: string, url: string) {
  const size = SIZES[name]!;
  console.log(`\n== ${name}: ${size.label} (load average ${loadText(loadavg())})`);
  /** The 1-minute load average before and after: other work on the shared machine. */
  const loadBefore = loadavg()[0]!;
  const { context, close } = await openContext();
  try {
    const data = await measureData(context, url, size.plans);
    const firstPlan = data.prepared[0]!.planId;
    const cold = [];
    for (let i = 0; i < 3; i++) cold.push(await coldStart(context, url, firstPlan));
    const edits = await entry(context, url, firstPlan, data.entryItem);
    const values = data.prepared.reduce((sum, p) => sum + p.values, 0);
    const importRate = data.imported.written / (data.imported.ms / 1000);
    const rawRate = data.raw.values / (data.raw.ms / 1000);
    const firstScreen = jsSizes(new Set(cold[0]!.scripts.map((p) => p.slice(1))));
    const shell = jsSizes(shellScripts());
    return {
      size: name,
      label: size.label,
      values,
      import: {
        seconds: data.imported.ms / 1000,
        valuesPerSecond: importRate,
        phasesSeconds: Object.fromEntries(
          Object.entries(data.imported.phases).map(([k, v]) => [k, v / 1000]),
        ),
        longestTaskMs: Math.max(0, ...data.imported.longTasks),
        tasksOver200ms: data.imported.longTasks.filter((d) => d > 200).length,
        longestSaveTaskMs: Math.max(0, ...data.imported.saveLongTasks),
        saveTasksOver200ms: data.imported.saveLongTasks.filter((d) => d > 200).length,
      },
      rawWrite: {
        seconds: data.raw.ms / 1000,
        records: data.raw.records,
        valuesPerSecond: rawRate,
      },
      importToRawRatio: importRate / rawRate,
      assessment: {
        itemRegions: data.assessed.itemRegions,
        readMs: data.assessed.read,
        assessMs: data.assessed.assess,
        totalMs: data.assessed.total,
        perItemRegionUs: (data.assessed.total * 1000) / data.assessed.itemRegions,
      },
      coldStart: {
        firstDataMs: cold.map((c) => c.mark),
        medianFirstDataMs: median(cold.map((c) => c.mark)),
        lcpMs: cold.map((c) => c.lcp),
        medianLcpMs: median(cold.map((c) => c.lcp ?? NaN)),
      },
      entry: {
        rows: edits.rows,
        edits: edits.saved.length,
        savedMedianMs: median(edits.saved),
        savedP95Ms: quantile(edits.saved, 0.95),
        arrowMedianMs: median(edits.arrows),
        arrowP95Ms: quantile(edits.arrows, 0.95),
      },
      js: {
        firstScreenFiles: cold[0]!.scripts,
        shellRaw: shell.raw,
        shellGzip: shell.gzip,
        firstScreenRaw: firstScreen.raw,
        firstScreenGzip: firstScreen.gzip,
        total: jsSizes(allJs()),
      },
      peakHeapBytes: Math.max(data.heap, ...cold.map((c) => c.heap), edits.heap),
      loadAverage: { before: loadBefore, after: loadavg()[0]! },
    };
  } finally {
    await close();
  }
}

type Result = Awaited<ReturnType<typeof benchSize>>;

const loadText = (load: number[]) => load.map((l) => l.toFixed(2)).join(' ');

/** Every number the median over the runs; anything else (labels, file lists) from the first run. */
function medianOf<T>(runs: T[]): T {
  const first = runs[0] as unknown;
  if (typeof first === 'number') return median(runs as number[]) as T;
  if (first && typeof first === 'object' && !Array.isArray(first)) {
    return Object.fromEntries(
      Object.keys(first).map((key) => [
        key,
        medianOf(runs.map((r) => (r as Record<string, unknown>)[key])),
      ]),
    ) as T;
  }
  return first as T;
}

function table(results: Result[]) {
  const f0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—');
  const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
  const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '—');
  const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
  const lines: [string, (r: Result) => string][] = [
    ['values stored', (r) => f0(r.values)],
    ['import: seconds', (r) => f2(r.import.seconds)],
    ['import: values/s', (r) => f0(r.import.valuesPerSecond)],
    ['raw IndexedDB: values/s', (r) => f0(r.rawWrite.valuesPerSecond)],
    ['import ÷ raw', (r) => `${(r.importToRawRatio * 100).toFixed(0)}%`],
    ['import: longest task ms', (r) => f0(r.import.longestTaskMs)],
    ['import: longest task of the write ms', (r) => f0(r.import.longestSaveTaskMs)],
    ['assessment: item-regions', (r) => f0(r.assessment.itemRegions)],
    ['assessment: total ms', (r) => f0(r.assessment.totalMs)],
    ['assessment: µs / item-region', (r) => f1(r.assessment.perItemRegionUs)],
    ['cold start to data ms (median of 3)', (r) => f0(r.coldStart.medianFirstDataMs)],
    ['largest contentful paint ms', (r) => f0(r.coldStart.medianLcpMs)],
    ['entry: rows in grid', (r) => f0(r.entry.rows)],
    ['entry: keystroke→saved median ms', (r) => f1(r.entry.savedMedianMs)],
    ['entry: keystroke→saved p95 ms', (r) => f1(r.entry.savedP95Ms)],
    ['arrow key median ms', (r) => f1(r.entry.arrowMedianMs)],
    ['arrow key p95 ms', (r) => f1(r.entry.arrowP95Ms)],
    ['JS before first screen raw / gzip', (r) => `${kb(r.js.shellRaw)} / ${kb(r.js.shellGzip)}`],
    [
      'JS until 总览 shows data raw / gzip',
      (r) => `${kb(r.js.firstScreenRaw)} / ${kb(r.js.firstScreenGzip)}`,
    ],
    ['JS total raw / gzip', (r) => `${kb(r.js.total.raw)} / ${kb(r.js.total.gzip)}`],
    ['peak JS heap', (r) => `${(r.peakHeapBytes / 1024 / 1024).toFixed(0)} MB`],
    [
      'load average (1 min) before → after',
      (r) => `${r.loadAverage.before.toFixed(1)} → ${r.loadAverage.after.toFixed(1)}`,
    ],
  ];
  const width = Math.max(...lines.map(([label]) => label.length));
  const cols = results.map((r) =>
    Math.max(r.size.length, ...lines.map(([, get]) => get(r).length)),
  );
  const row = (label: string, cells: string[]) =>
    `| ${label.padEnd(width)} | ${cells.map((c, i) => c.padStart(cols[i]!)).join(' | ')} |`;
  return [
    row(
      'figure',
      results.map((r) => r.size),
    ),
    `| ${'-'.repeat(width)} | ${cols.map((c) => `${'-'.repeat(c - 1)}:`).join(' | ')} |`,
    ...lines.map(([label, get]) => row(label, results.map(get))),
  ].join('\n');
}

if (!flag('--no-build')) run('node_modules/.bin/vite', ['build']);
run('node_modules/.bin/vite', ['build', '--config', 'scripts/bench/vite.config.ts']);
const { server, url } = await serve();
const runs: Result[][] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    if (RUNS > 1) console.log(`\n### run ${run + 1} of ${RUNS}`);
    const results: Result[] = [];
    for (const name of sizes) results.push(await benchSize(name, url));
    runs.push(results);
    if (RUNS > 1) console.log(`\n${table(results)}`);
  }
} finally {
  server.close();
}
const results = sizes.map((_, i) => medianOf(runs.map((r) => r[i]!)));
const machine = {
  cpus: cpus().length,
  /** Other work on the machine while the figures were taken (1, 5, 15 minutes). */
  loadAverage: loadavg(),
  cpuModel: cpus()[0]?.model ?? '',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  date: new Date().toISOString(),
};
console.log(`\n${RUNS > 1 ? `median of ${RUNS} runs\n` : ''}${table(results)}\n`);
console.log(
  `machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, load average ${loadText(machine.loadAverage)} at the end`,
);
mkdirSync(resolve(outFile, '..'), { recursive: true });
writeFileSync(
  outFile,
  JSON.stringify(
    { machine, runs: RUNS, results, ...(RUNS > 1 ? { eachRun: runs } : {}) },
    null,
    2,
  ) + '\n',
);
console.log(`figures written to ${outFile}`);
