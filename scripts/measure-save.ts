// Prints how long saving 15,000 values in one action takes through `saveValues` over
// fake-indexeddb (25 regions × 100 items × 6 years). A measurement, not a test; the browser
// benchmark belongs to the province-scale work. Run: npx tsx scripts/measure-save.ts [runs]
import 'fake-indexeddb/auto';
import { openDatabase } from '../src/db/database';
import { saveValues, type ValueInput, type WriteContext } from '../src/db/values';
import { valueRuleFor } from '../src/domain/observations/value-rules';

const REGIONS = 25;
const ITEMS = 100;
const YEARS = [2015, 2016, 2017, 2018, 2019, 2020];
const runs = Number(process.argv[2] ?? 3);

const itemIds = Array.from({ length: ITEMS }, (_, i) => `item-${i}`);
const inputs: ValueInput[] = [];
for (let r = 0; r < REGIONS; r++) {
  for (const itemId of itemIds) {
    for (const year of YEARS) {
      inputs.push({
        planId: 'p',
        itemId,
        regionId: `r${r}`,
        year,
        value: 50 + (r % 7),
        reason: '导入',
      });
    }
  }
}
const rule = valueRuleFor({ name: '巩固率', unit: '%' });
const ctx: WriteContext = {
  by: '测量',
  baseYear: 2015,
  endYear: 2020,
  planAreaId: 'r0',
  itemIds: new Set(itemIds),
  ruleOf: () => rule,
};

for (let run = 1; run <= runs; run++) {
  const db = openDatabase(`measure-${Date.now()}-${run}`);
  await db.open();
  const started = performance.now();
  const result = await saveValues(db, inputs, ctx);
  const ms = performance.now() - started;
  const records = await db.series.count();
  const audit = await db.auditLog.count();
  console.log(
    `run ${run}: ${result.written} values in ${ms.toFixed(0)} ms ` +
      `(${Math.round((result.written / ms) * 1000)} values/s; ${records} series records, ${audit} audit rows)`,
  );
  await db.delete();
}
