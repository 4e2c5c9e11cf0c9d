// Writes test/fixtures/bad/: one bad file per way a file the app reads can be wrong, for the
// table test src/db/bad-files.test.ts (which names the message each must get). Run once and
// commit the files: `npx tsx scripts/write-bad-corpus.ts`. Deterministic (fixed clock and ids).
//
// The exchange files start from a real backup of two values written by the repositories; each
// bad file changes one thing and, unless the checksum is the point, carries a correct checksum
// of its changed content, so the check that must catch it is the one reached.
import 'fake-indexeddb/auto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

let uuid = 0;
crypto.randomUUID = () =>
  `00000000-0000-4000-8000-${String(++uuid).padStart(12, '0')}` as `${string}-${string}-${string}-${string}-${string}`;

const { openDatabase } = await import('../src/db/database');
const { saveValues } = await import('../src/db/values');
const { ensureRegions } = await import('../src/db/regions');
const { COMPLETE_SCOPE, exportExchange } = await import('../src/db/exchange/export');
const { sha256Hex } = await import('../src/domain/exchange/exchange-file');
const { parsePlanJson } = await import('../src/domain/catalog/validate');
const { planItems } = await import('../src/domain/assessment/plan');
const { valueRuleFor } = await import('../src/domain/observations/value-rules');
const { writeFillTemplate } = await import('../src/domain/spreadsheet/fill-template');

const OUT = 'test/fixtures/bad';
mkdirSync(OUT, { recursive: true });
const write = (name: string, data: string | Uint8Array) => writeFileSync(`${OUT}/${name}`, data);

const planText = readFileSync('data/plans/dazhou.json', 'utf8');
const parsed = parsePlanJson(planText);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const dazhou = parsed.plan;

// ---------------------------------------------------------------- exchange files

const BEDS = 'health.hospital-beds-per-1000';
const db = openDatabase('bad-corpus');
await ensureRegions(db, dazhou);
const rules = new Map(planItems(dazhou).map((item) => [item.id, valueRuleFor(item)]));
await saveValues(
  db,
  [2016, 2017].map((year) => ({
    planId: 'dazhou',
    regionId: 'dazhou',
    itemId: BEDS,
    year,
    value: year === 2016 ? 4.4 : 4.6,
    expectedVersion: 0,
    note: '市卫健委年报',
  })),
  {
    by: '王评估',
    baseYear: 2015,
    endYear: 2020,
    planAreaId: 'dazhou',
    itemIds: new Set(rules.keys()),
    ruleOf: (id) => rules.get(id),
    now: () => new Date('2026-12-02T08:00:00.000Z'),
  },
);
const base = await exportExchange(db, COMPLETE_SCOPE, {
  appVersion: '0.1.0',
  exportedBy: '王评估',
  now: new Date('2026-12-02T09:00:00.000Z'),
});
await db.delete();
write('exchange-ok.json', base.text);

const marker = ',"content":';
const head = base.text.slice(0, base.text.indexOf(marker));
const contentText = base.text.slice(base.text.indexOf(marker) + marker.length, -1);

/** The file with its content text replaced and the checksum made right for it. */
async function withContent(text: string): Promise<string> {
  const header = JSON.parse(`${head}}`) as Record<string, unknown>;
  header.checksum = await sha256Hex(text);
  return `${JSON.stringify(header).slice(0, -1)}${marker}${text}}`;
}
interface Cell {
  value: unknown;
  text: string;
  note: string;
  source: string;
}
interface SeriesRow {
  planId: string;
  regionId: string;
  itemId: string;
  cells: Record<string, Cell>;
}
interface Content {
  tables: { series: SeriesRow[] };
}
/** The content changed as an object (ordinary keys only). */
async function edited(edit: (content: Content) => void): Promise<string> {
  const content = JSON.parse(contentText) as Content;
  edit(content);
  return withContent(JSON.stringify(content));
}
const firstSeries = (c: Content) => c.tables.series[0] as SeriesRow;
const firstCell = (c: Content) => firstSeries(c).cells['2016'] as Cell;

write('exchange-malformed.json', base.text.replace('"format":', '"format"'));
write('exchange-truncated.json', base.text.slice(0, Math.floor(base.text.length / 2)));
write(
  'exchange-wrong-format-version.json',
  base.text.replace('"formatVersion":3', '"formatVersion":99'),
);
write('exchange-wrong-checksum.json', base.text.replace('"value":4.6', '"value":4.7'));
write(
  'exchange-proto.json',
  await withContent(contentText.replace('"cells":{', '"cells":{"__proto__":{"polluted":"yes"},')),
);
write(
  'exchange-constructor.json',
  await withContent(
    contentText.replace('"cells":{', '"cells":{"constructor":{"prototype":{"polluted":"yes"}},'),
  ),
);
write('exchange-nan.json', base.text.replace('"value":4.4', '"value":NaN'));
write(
  'exchange-infinity.json',
  await withContent(contentText.replace('"value":4.4', '"value":1e309')),
);
write(
  'exchange-number-as-string.json',
  await edited((c) => {
    firstCell(c).value = '4.4';
  }),
);
write(
  'exchange-duplicate-records.json',
  await edited((c) => {
    c.tables.series.push(firstSeries(c));
  }),
);
write(
  'exchange-unknown-plan.json',
  await edited((c) => {
    firstSeries(c).planId = 'nowhere';
  }),
);
write(
  'exchange-unknown-item.json',
  await edited((c) => {
    firstSeries(c).itemId = 'health.no-such-item';
  }),
);
write(
  'exchange-unknown-region.json',
  await edited((c) => {
    firstSeries(c).regionId = 'atlantis';
  }),
);
write(
  'exchange-year-out-of-range.json',
  await edited((c) => {
    firstSeries(c).cells['2035'] = firstCell(c);
  }),
);
write(
  'exchange-long-note.json',
  await edited((c) => {
    firstCell(c).note = '注'.repeat(10_000);
  }),
);
// A value edited by hand while its 录入原文 was left: the cell would show one figure and the
// detail panel another, and re-committing the cell would silently bring the old one back.
write(
  'exchange-text-value-mismatch.json',
  await edited((c) => {
    firstCell(c).value = 4;
    firstCell(c).text = '4.4';
  }),
);
write(
  'exchange-script.json',
  await edited((c) => {
    firstCell(c).note = '<script>alert(1)</script>';
  }),
);
write(
  'exchange-javascript-link.json',
  await edited((c) => {
    firstCell(c).source = 'javascript:alert(document.cookie)';
  }),
);

// ---------------------------------------------------------------- plan files

write('plan-malformed.json', planText.slice(0, 200));
write('plan-proto.json', planText.replace('{', '{"__proto__":{"polluted":"yes"},'));
write('plan-1e309.json', planText.replace(/"value":\s*[0-9.]+/, '"value": 1e309'));

// ---------------------------------------------------------------- actuals CSV (the CLI's)

const csvOk = 'indicator,region,year,value,note\n每千人口床位数,达州市,2016,4.4,市卫健委\n';
write('csv-bom.csv', `\uFEFF${csvOk}`);
const utf16 = Buffer.from(`\uFEFF${csvOk}`, 'utf16le');
write('csv-utf16.csv', utf16);
write(
  'csv-formula.csv',
  'indicator,region,year,value,note\n每千人口床位数,达州市,2016,4.4,=HYPERLINK("http://x.example","点击")\n',
);
write(
  'csv-number-as-text.csv',
  'indicator,region,year,value,note\n每千人口床位数,达州市,2016,四点四,\n',
);
write(
  'csv-year-out-of-range.csv',
  'indicator,region,year,value,note\n每千人口床位数,达州市,2035,4.4,\n',
);

// ---------------------------------------------------------------- 填报模板 (.xlsx)

const template = await writeFillTemplate({
  plan: dazhou,
  regions: [{ regionId: 'dazhou', name: '达州市', role: 'plan-area' }],
  itemIds: [BEDS],
  years: [2016, 2017],
  createdAt: '2019-01-10T00:00:00.000Z',
});
async function filled(edit: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template);
  const sheet = book.getWorksheet('填报表') as ExcelJS.Worksheet;
  edit(sheet);
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}
// Row 4 is 达州市 每千人口床位数; I is 2016, J 2017.
write(
  'xlsx-formula.xlsx',
  await filled((sheet) => {
    sheet.getCell('I4').value = { formula: 'SUM(X1:X9)' } as ExcelJS.CellFormulaValue;
  }),
);
write(
  'xlsx-merged.xlsx',
  await filled((sheet) => {
    sheet.unprotect();
    sheet.mergeCells('I4:J4');
  }),
);
const zip = await JSZip.loadAsync(template);
// 120 MB of zeros deflate to about 120 kB; the reader allows 100 MB unpacked.
zip.file('xl/media/image1.bin', new Uint8Array(120 * 1024 * 1024));
write(
  'xlsx-zip-bomb.xlsx',
  await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
);
write('xlsx-not-a-zip.xlsx', 'indicator,region,year,value\n');

console.log('written', OUT);
