// Writes test/fixtures/v<N>-database.json: every table of a database written by this code (schema
// version N = SCHEMA_VERSION) through its repositories, with the schema it was stored under.
// The upgrade harness (src/db/schema-upgrades.test.ts) seeds a database at version N from it and
// opens it with the current code. Run it once when a schema version ships, before the next one
// is added, and commit the file: `npx tsx scripts/write-database-fixture.ts`.
//
// Deterministic: the clock advances one minute per write from 2026-12-01T08:00Z and random ids
// count up, so the file only changes when what the code writes changes. A new schema version
// adds its own records at the end of `writeData` (keep the earlier steps: they show the older
// tables at their newest shape).
import 'fake-indexeddb/auto';
import { readFileSync, writeFileSync } from 'node:fs';

let clock = Date.parse('2026-12-01T08:00:00.000Z');
const RealDate = Date;
// Only `new Date()` without arguments and Date.now() are moved; parsing stays real.
class FixtureDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) {
      super(clock);
      clock += 60_000;
    } else super(...(args as [string]));
  }
  static override now() {
    return clock;
  }
}
globalThis.Date = FixtureDate as DateConstructor;
let uuid = 0;
crypto.randomUUID = () =>
  `00000000-0000-4000-8000-${String(++uuid).padStart(12, '0')}` as `${string}-${string}-${string}-${string}-${string}`;

// Imported after the clock and ids are fixed: the tab's session id is drawn at import.
const { openDatabase, SCHEMA_VERSION } = await import('../src/db/database');
const { saveValues, undoAction } = await import('../src/db/values');
const { setJudgement, clearJudgement } = await import('../src/db/judgements');
const { ensureRegions, addRegion, updateRegion } = await import('../src/db/regions');
const { loadUserPlan } = await import('../src/db/user-plans');
const { writeSetting } = await import('../src/db/settings');
const { parsePlanJson } = await import('../src/domain/catalog/validate');
const { planItems } = await import('../src/domain/assessment/plan');
const { valueRuleFor } = await import('../src/domain/observations/value-rules');

type Db = ReturnType<typeof openDatabase>;

function readPlan(file: string) {
  const parsed = parsePlanJson(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.plan;
}

/** The stores of every table as Dexie declares them, read from the opened database. */
function storesOf(db: Db): Record<string, string> {
  const stores: Record<string, string> = {};
  for (const table of db.tables) {
    const { primKey, indexes } = table.schema;
    // `src` is the index as declared: "++seq", "&auditId", "[planId+itemId]".
    stores[table.name] = [primKey, ...indexes].map((index) => index.src).join(', ');
  }
  return stores;
}

async function writeData(db: Db) {
  const by = '王评估';
  const dazhou = readPlan('data/plans/dazhou.json');
  const rules = new Map(planItems(dazhou).map((item) => [item.id, valueRuleFor(item)]));
  const ctx = {
    by,
    baseYear: dazhou.baseYear,
    endYear: dazhou.period.end,
    planAreaId: 'dazhou',
    itemIds: new Set(rules.keys()),
    ruleOf: (itemId: string) => rules.get(itemId),
  };
  const R = 'education.compulsory-retention-rate';
  const B = 'health.hospital-beds-per-1000';
  await writeSetting(db, 'evaluatorName', by);
  await ensureRegions(db, dazhou);
  await updateRegion(db, 'dazhou:dazhou', { name: '达州市（全市）' }, by);
  const added = await addRegion(db, 'dazhou', '高新区', 'district', by);
  await updateRegion(db, 'dazhou:kaijiang', { archived: true }, by);
  // A column pasted down the regions: one action, one audit row per series.
  const pasted = await saveValues(
    db,
    ['dazhou', 'tongchuan', 'dachuan', 'xuanhan'].map((regionId, i) => ({
      planId: 'dazhou',
      itemId: R,
      regionId,
      year: 2017,
      value: 90 + i,
      text: `${90 + i}%`,
    })),
    ctx,
  );
  // A value typed, then changed with its detail.
  await saveValues(
    db,
    [{ planId: 'dazhou', itemId: R, regionId: 'dazhou', year: 2016, value: 97.1 }],
    ctx,
  );
  await saveValues(
    db,
    [
      {
        planId: 'dazhou',
        itemId: R,
        regionId: 'dazhou',
        year: 2016,
        value: 97.4,
        text: '97.4%',
        dataStatus: 'final',
        source: '市教育局',
        note: '统计公报',
        expectedVersion: 1,
      },
    ],
    ctx,
  );
  // A baseline revision with its reason; a county's and the added region's own values.
  await saveValues(
    db,
    [
      {
        planId: 'dazhou',
        itemId: B,
        regionId: 'dazhou',
        year: 2015,
        value: 4.35,
        reason: '卫生统计年鉴更正',
      },
      { planId: 'dazhou', itemId: B, regionId: 'dazhou', year: 2016, value: 4.6 },
      { planId: 'dazhou', itemId: B, regionId: added.regionId, year: 2016, value: 3.1 },
    ],
    ctx,
  );
  // A value cleared (a tombstone), and a paste undone in one region only: the rest stays.
  await saveValues(
    db,
    [
      {
        planId: 'dazhou',
        itemId: R,
        regionId: 'tongchuan',
        year: 2017,
        value: null,
        reason: '录错',
        expectedVersion: 1,
      },
    ],
    ctx,
  );
  const mistaken = await saveValues(
    db,
    [{ planId: 'dazhou', itemId: R, regionId: 'quxian', year: 2018, value: 88 }],
    ctx,
  );
  if (mistaken.actionId) await undoAction(db, mistaken.actionId, ctx);
  if (!pasted.actionId) throw new Error('paste wrote nothing');
  // Judgements: set, changed, one withdrawn.
  const judgement = {
    planId: 'dazhou',
    itemId: B,
    regionId: 'dazhou',
    asOfYear: 2018,
    status: 'lagging' as const,
    reason: '与卫健委核实',
    by,
  };
  const first = await setJudgement(db, judgement);
  await setJudgement(db, {
    ...judgement,
    status: 'on_track',
    reason: '补录后达到时序进度',
    expectedVersion: first.version,
  });
  const withdrawn = await setJudgement(db, {
    ...judgement,
    itemId: R,
    status: 'achieved',
    reason: '已提前完成',
  });
  await clearJudgement(
    db,
    { planId: 'dazhou', itemId: R, regionId: 'dazhou', asOfYear: 2018 },
    by,
    '计算结果已可用',
    withdrawn.version,
  );
  // A plan loaded from a file (大连市实施意见, the smallest, under another id).
  const copy = JSON.stringify({
    ...JSON.parse(readFileSync('data/plans/dalian.json', 'utf8')),
    id: 'dalian-copy',
  });
  const loaded = await loadUserPlan(db, copy, 'dalian-copy.json', new Set(['dalian']), by);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
}

const db = openDatabase('fixture-writer');
await db.open();
await writeData(db);
const tables: Record<string, unknown[]> = {};
for (const table of db.tables) tables[table.name] = await table.toArray();
const file = `test/fixtures/v${SCHEMA_VERSION}-database.json`;
writeFileSync(
  file,
  `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, stores: storesOf(db), tables }, null, 2)}\n`,
);
db.close();
console.log(
  `${file}: ${Object.entries(tables)
    .map(([n, rows]) => `${n} ${rows.length}`)
    .join(', ')}`,
);
