import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import type { Download } from 'playwright-core';
import dazhouJson from '../data/plans/dazhou.json';
import { applyJudgements, assessPlan, indexValues } from '../src/domain/assessment';
import { parsePlan } from '../src/domain/catalog/validate';
import type { Plan } from '../src/domain/catalog/schema';
import { generateDemoValues } from '../src/domain/demo/generate';
import { buildReport } from '../src/domain/report/build-report';
import { readFillTemplate } from '../src/domain/spreadsheet/read-fill-template';
import { ARTIFACTS, BASE_URL, openBrowser, type Session } from './browser';

// The demo data the app loads, regenerated from the same generator (src/db/demo.ts: 达州 is
// the first plan, seed 2016, values 2016–2018, all marked 初步), and the report built from it
// in Node with the same model: the page and the files must say exactly this.
const parsed = parsePlan(dazhouJson);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const plan: Plan = parsed.plan;
const values = generateDemoValues(
  plan,
  plan.regions.map((r) => r.id),
  2018,
  2016,
).map((v) => ({ ...v, dataStatus: 'preliminary' as const }));
const expected = buildReport({
  plan,
  regions: plan.regions.map((r, i) => ({
    regionId: r.id,
    name: r.name,
    role: i === 0 ? 'plan-area' : 'subregion',
  })),
  regionId: 'dazhou',
  asOfYear: 2018,
  results: applyJudgements(
    assessPlan(plan, indexValues(values), { regionId: 'dazhou', role: 'plan-area' }, 2018),
    [],
    2018,
  ),
  observations: values,
  isDemo: true,
});

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function loadDemo(s: Session) {
  await s.page.goto(`${BASE_URL}#/settings`);
  await s.page.getByRole('button', { name: '加载示例数据' }).click();
  await expect.poll(() => s.page.getByRole('status').textContent()).toContain('示例数值');
}

async function bytesOf(download: Download): Promise<Buffer> {
  const path = await download.path();
  if (!path) throw new Error('download failed');
  return readFileSync(path);
}

/** The rows of a Word table as cell texts. */
function docxRows(tableXml: string): string[][] {
  return (tableXml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((row) =>
    (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((cell) =>
      (cell.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? [])
        .map((t) => t.replace(/<[^>]+>/g, ''))
        .join(''),
    ),
  );
}

describe('报告', () => {
  it('builds the mid-term report from sample data, downloads Word and Excel, prints to PDF', async () => {
    session = await openBrowser();
    const { page } = session;
    await loadDemo(session);
    await page.goto(`${BASE_URL}#/reports?plan=dazhou&year=2018`);
    const preview = page.getByTestId('report-preview');
    await expect.poll(() => preview.locator('h1').textContent()).toBe(expected.titleLines.join(''));
    expect(await page.getByTestId('mode-label').textContent()).toBe('中期评估');
    expect(await preview.locator('.report-demo').textContent()).toContain('示例数据');
    // The sections, in order, and 附表1 with one row per item, as computed in Node.
    expect(await preview.locator('.report-section > h2').allTextContents()).toEqual(
      expected.sections.map((s) => s.heading),
    );
    const completion = preview.locator('[data-table="completion"] tbody tr');
    await expect.poll(() => completion.count()).toBe(44);
    const expectedBeds = expected.appendices[0]?.table.rows.find(
      (r) => r[2]?.text === '每千人口床位数',
    );
    const bedsRow = preview.locator('[data-table="completion"] tbody tr', {
      hasText: '每千人口床位数',
    });
    // The domain cell spans its rows, so the row shows the cells after it.
    expect(await bedsRow.locator('td').allTextContents()).toEqual(
      expectedBeds?.filter((_, i) => i !== 1).map((c) => c.text),
    );
    expect(await preview.textContent()).not.toContain('NaN');

    // The evaluator writes 存在的问题及原因 next to the facts; it reaches the preview and survives a reload.
    const problems = page.getByTestId('narrative-problems');
    expect(await problems.getByTestId('fact').count()).toBeGreaterThan(0);
    await problems.getByRole('button', { name: '插入' }).first().click();
    await problems.locator('textarea').press('End');
    await problems.locator('textarea').pressSequentially('\n一是医疗卫生资源总量不足。');
    await expect
      .poll(() => preview.locator('[data-section="problems"] p').allTextContents())
      .toContain('一是医疗卫生资源总量不足。');
    // Stored in the database shortly after typing pauses (docs/reports.md), then reloaded.
    await expect
      .poll(() => page.getByTestId('narrative-status').getAttribute('data-state'))
      .toBe('saved');
    await page.reload();
    await expect
      .poll(() => page.getByTestId('narrative-problems').locator('textarea').inputValue())
      .toContain('一是医疗卫生资源总量不足。');
    expect(await page.getByTestId('storage-note').textContent()).toContain('本机数据库');
    // The page is long (the whole report): the top, and the preview, one screen each.
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report.png') });
    await preview.locator('.report-section').nth(2).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'report-preview.png') });

    // Word: the same title, tables with repeated header rows, 附表1 row as in Node.
    const [word] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载Word' }).click(),
    ]);
    expect(word.suggestedFilename()).toBe('示例数据-达州市规划-达州市-2018年中期评估报告.docx');
    const docx = await bytesOf(word);
    writeFileSync(join(ARTIFACTS, 'report.docx'), docx);
    const xml =
      (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '';
    for (const line of expected.titleLines) expect(xml).toContain(line);
    expect(xml).toContain('一是医疗卫生资源总量不足。');
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables.length).toBe(5);
    for (const table of tables) expect(table).toContain('<w:tblHeader/>');
    const appendix = tables.find((t) => t.includes('各年实际值')) ?? '';
    const wordBeds = docxRows(appendix).find((cells) => cells.includes('每千人口床位数'));
    // Word keeps the merged 领域 cell as an empty continuation cell.
    expect(wordBeds).toEqual(expectedBeds?.map((c, i) => (i === 1 ? '' : c.text)));
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');

    // Excel: typed numbers.
    const [excel] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载Excel（附表和实际值）' }).click(),
    ]);
    const book = new ExcelJS.Workbook();
    const excelBytes = await bytesOf(excel);
    await book.xlsx.load(
      excelBytes.buffer.slice(
        excelBytes.byteOffset,
        excelBytes.byteOffset + excelBytes.byteLength,
      ) as ArrayBuffer,
    );
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '附表1 主要指标完成情况表',
      '附表2 各区县指标评估结论统计表',
      '实际值',
      '实际值明细',
    ]);

    // Print: A4 pages with the report alone.
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(ARTIFACTS, 'report.pdf'), pdf);
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(8);
    // A4 portrait (595 × 842 pt) for the body, landscape for the wide appendix.
    expect(text).toMatch(/\/MediaBox\s*\[0 0 59[45]\.\d+ 841\.\d+\]/);
    expect(text).toMatch(/\/MediaBox\s*\[0 0 841\.\d+ 59[45]\.\d+\]/);
    expect(session.errors).toEqual([]);
  });

  it('downloads a 填报模板 that reads back with the stored values', async () => {
    session = await openBrowser();
    const { page } = session;
    await loadDemo(session);
    await page.goto(`${BASE_URL}#/reports?plan=dazhou&year=2018`);
    const panel = page.getByTestId('template-panel');
    await expect.poll(() => panel.locator('input[type=checkbox]').count()).toBeGreaterThan(10);
    // Two regions, 2016–2018, one domain.
    await panel.getByRole('button', { name: '全不选' }).nth(0).click();
    await panel.getByLabel('达州市').check();
    await panel.getByLabel('渠县').check();
    await panel.getByRole('button', { name: '全不选' }).nth(1).click();
    for (const y of ['2016', '2017', '2018']) await panel.getByLabel(y, { exact: true }).check();
    await panel.getByRole('button', { name: '全不选' }).nth(2).click();
    await panel.getByLabel('基本医疗和公共卫生服务').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载填报模板' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('示例数据-达州市规划-填报模板-2016—2018年.xlsx');
    const bytes = await bytesOf(download);
    writeFileSync(join(ARTIFACTS, 'fill-template.xlsx'), bytes);
    const read = await readFillTemplate(bytes, plan);
    if (!read.ok) throw new Error(read.errors.join('\n'));
    const health = plan.indicators.filter((i) => i.domain === 'health').map((i) => i.id);
    const healthTargets = plan.textTargets.filter((t) => t.domain === 'health').map((t) => t.id);
    const expectedValues = values.filter(
      (v) =>
        (v.regionId === 'dazhou' || v.regionId === 'quxian') &&
        v.year >= 2016 &&
        [...health, ...healthTargets].includes(v.itemId),
    );
    expect(read.values.length).toBe(expectedValues.length);
    const beds = read.values.find(
      (v) =>
        v.itemId === 'health.hospital-beds-per-1000' && v.regionId === 'quxian' && v.year === 2017,
    );
    expect(beds?.value).toBe(
      values.find(
        (v) =>
          v.itemId === 'health.hospital-beds-per-1000' &&
          v.regionId === 'quxian' &&
          v.year === 2017,
      )?.value,
    );
    expect(session.errors).toEqual([]);
  });
});
