// Prints how long reading a filled 填报模板 takes (readReturnsFile: zip checks, ExcelJS, the key,
// every cell through the value rules) and sorting it against stored values (classifyReturns),
// for 达州 with `regions` copies of its counties × every indicator × 2016–2020. A measurement,
// not a test: it decides whether the import must parse off the main thread (docs/reports.md).
// Run: npx tsx scripts/measure-import.ts [regions]
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { planItems } from '../src/domain/assessment/plan';
import { parsePlan } from '../src/domain/catalog/validate';
import { readReturnsFile } from '../src/domain/import/returns-file';
import { classifyReturns } from '../src/domain/import/returns-preview';
import { writeFillTemplate } from '../src/domain/spreadsheet/fill-template';

const parsed = parsePlan(JSON.parse(readFileSync('data/plans/dazhou.json', 'utf8')));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const plan = parsed.plan;
const copies = Number(process.argv[2] ?? 1);
const regions = Array.from({ length: copies }, (_, c) =>
  plan.regions.map((r, i) => ({
    regionId: c === 0 ? r.id : `${r.id}-${c}`,
    name: c === 0 ? r.name : `${r.name}${c}`,
    role: (i === 0 && c === 0 ? 'plan-area' : 'subregion') as 'plan-area' | 'subregion',
  })),
).flat();
const items = planItems(plan).filter((i) => i.itemType === 'indicator');
const years = [2016, 2017, 2018, 2019, 2020];

const template = await writeFillTemplate({
  plan,
  regions,
  itemIds: items.map((i) => i.id),
  years,
  createdAt: new Date().toISOString(),
});
const book = new ExcelJS.Workbook();
await book.xlsx.load(template);
const sheet = book.getWorksheet('填报表') as ExcelJS.Worksheet;
let cells = 0;
sheet.eachRow((row, r) => {
  if (r < 4) return;
  for (let c = 9; c < 9 + years.length; c++) {
    row.getCell(c).value = 1 + ((r * 7 + c) % 50);
    cells++;
  }
});
const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
console.log(
  `${regions.length} regions × ${items.length} indicators × ${years.length} years: ${cells} cells, ${(bytes.length / 1024).toFixed(0)} kB`,
);
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  const result = await readReturnsFile(bytes, {
    plan,
    regions: regions.map((r) => ({ regionId: r.regionId, name: r.name })),
  });
  const read = performance.now();
  if (!result.ok) throw new Error(result.errors.join('\n'));
  const preview = classifyReturns(result.values, result.problems, []);
  const done = performance.now();
  console.log(
    `run ${run + 1}: read ${(read - started).toFixed(0)} ms (${result.values.length} values, ${result.problems.length} invalid), sort ${(done - read).toFixed(0)} ms (${preview.added.length} new)`,
  );
}
