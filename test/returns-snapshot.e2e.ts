import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Download, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import dazhouJson from '../data/plans/dazhou.json';
import { parsePlan } from '../src/domain/catalog/validate';
import { readFillTemplate } from '../src/domain/spreadsheet/read-fill-template';
import { ARTIFACTS, BASE_URL, openBrowser, type Session } from './browser';

// An evaluator's day with departments' returns, in the user's own data set (no sample data):
// the 填报模板 is downloaded from 报告, filled by "the health commission" (ExcelJS in Node, as a
// department fills it in Excel), imported on 数据录入 through the preview, the two narrative
// sections written, the report frozen as a snapshot; a value is then revised by a second
// return (a CSV), and the snapshot still reads as it was, lists the change, and gives the same
// Word file. Every figure below is worked out by hand from the plan (docs/methodology.md):
// 每千人口床位数 达州市 baseline 4.31 (2015), target 5.70 (2020); as of 2018 time progress 3/5 = 60%.
// With 4.8 in 2018: (4.8 − 4.31) / (5.70 − 4.31) = 35.3% < 60% → 进度滞后. Revised to 4.2, below the
// baseline → 逆向变化.

const parsed = parsePlan(dazhouJson);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const plan = parsed.plan;

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function bytesOf(download: Download): Promise<Buffer> {
  const path = await download.path();
  if (!path) throw new Error('download failed');
  return readFileSync(path);
}

async function documentXml(bytes: Buffer): Promise<string> {
  return (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
}

/** Fills the template as a department would: by the names and headers it shows. */
async function fillTemplate(bytes: Buffer, values: Array<[string, string, string, unknown]>) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const sheet = book.getWorksheet('填报表') as ExcelJS.Worksheet;
  for (const [region, item, header, value] of values) {
    let column = 0;
    sheet.getRow(3).eachCell((cell, c) => {
      if (cell.value === header) column = c;
    });
    let row = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(2).value === region && r.getCell(4).value === item) row = n;
    });
    if (!row || !column) throw new Error(`${region} ${item} ${header}`);
    sheet.getCell(row, column).value = value as ExcelJS.CellValue;
  }
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

async function downloadTemplate(page: Page): Promise<Buffer> {
  await page.goto(`${BASE_URL}#/reports?plan=dazhou&year=2018`);
  const panel = page.getByTestId('template-panel');
  await expect.poll(() => panel.locator('input[type=checkbox]').count()).toBeGreaterThan(10);
  await panel.getByRole('button', { name: '全不选' }).nth(0).click();
  await panel.getByLabel('达州市').check();
  await panel.getByLabel('通川区').check();
  await panel.getByRole('button', { name: '全不选' }).nth(1).click();
  for (const y of ['2016', '2017', '2018']) await panel.getByLabel(y, { exact: true }).check();
  await panel.getByRole('button', { name: '全不选' }).nth(2).click();
  await panel.getByLabel('基本医疗和公共卫生服务').check();
  await panel.getByLabel('基本社会保险服务').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载填报模板' }).click(),
  ]);
  return bytesOf(download);
}

async function importFile(page: Page, name: string, bytes: Buffer, mimeType: string) {
  await page.goto(`${BASE_URL}#/entry?plan=dazhou`);
  await page.getByTestId('import-open').click();
  const dialog = page.getByRole('dialog', { name: '导入各部门、区县报送的数据' });
  await dialog.getByTestId('import-file').setInputFiles({ name, mimeType, buffer: bytes });
  await expect.poll(() => dialog.getByTestId('import-summary').count()).toBe(1);
  return dialog;
}

describe('departments’ returns, the narrative and snapshots', () => {
  it('imports a filled template through the preview, freezes the report, and keeps the snapshot as it was after a revision', async () => {
    session = await openBrowser();
    const { page } = session;
    mkdirSync(ARTIFACTS, { recursive: true });
    // The return is read off the main thread (src/features/entry/returns-worker.ts).
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(`${BASE_URL}#/settings`);
    await page.getByLabel('姓名（记录在每一次修改上）').fill('王评估');
    await page.getByRole('button', { name: '保存' }).first().click();
    await expect.poll(() => page.getByText('已保存').count()).toBeGreaterThan(0);

    // 1. The template, filled by the health commission: five beds figures, one share out of range.
    const template = await downloadTemplate(page);
    const filled = await fillTemplate(template, [
      ['达州市', '每千人口床位数', '2016年', 4.4],
      ['达州市', '每千人口床位数', '2017年', 4.6],
      ['达州市', '每千人口床位数', '2018年', 4.8],
      ['通川区', '每千人口床位数', '2016年', 5.0],
      ['通川区', '每千人口床位数', '2018年', 5.6],
      ['达州市', '基本养老保险参保率', '2018年', 150],
    ]);
    writeFileSync(join(ARTIFACTS, 'returns-filled.xlsx'), filled);

    // 2. 数据录入 → 导入填报表: the preview lists the bad cell at its cell, with the grid's message.
    const dialog = await importFile(
      page,
      '市卫健委-填报表.xlsx',
      filled,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(await dialog.getByTestId('import-summary').textContent()).toBe(
      '“市卫健委-填报表.xlsx”（填报模板）：新增 5 个值，修改 0 个，与已录入相同 0 个，无法导入 1 个。',
    );
    const invalid = dialog.getByRole('table', { name: '无法导入的单元格（1）' });
    expect(await invalid.locator('tbody td').allTextContents()).toEqual([
      '填报表!K4（达州市·基本养老保险参保率·2018年）',
      '150',
      '百分比应在0—100之间（“150”）',
    ]);
    expect(workers.some((url) => url.includes('returns-worker'))).toBe(true);
    const writes = dialog.getByRole('table', { name: '将写入的值（5）' });
    expect(await writes.locator('tbody tr').count()).toBe(5);
    await page.screenshot({ path: join(ARTIFACTS, 'import-preview.png') });
    // All or nothing unless the evaluator chooses to skip the bad cell.
    const commit = dialog.getByRole('button', { name: '导入 5 个有效值' });
    expect(await commit.isDisabled()).toBe(true);
    await dialog.getByLabel('跳过 1 个无法导入的单元格，只导入其余 5 个有效值').check();
    await commit.click();
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toContain('已从“市卫健委-填报表.xlsx”导入 5 个值（新增 5，修改 0）');
    await dialog.getByRole('button', { name: '关闭' }).click();

    // 3. The round trip: a template downloaded now, prefilled, reads back what was imported.
    // Stored values are prefilled by default.
    const again = await downloadTemplate(page);
    const back = await readFillTemplate(again, plan);
    if (!back.ok) throw new Error(back.errors.join('\n'));
    expect(
      back.values
        .filter((v) => v.itemId === 'health.hospital-beds-per-1000')
        .map((v) => [v.regionId, v.year, v.value]),
    ).toEqual([
      ['dazhou', 2016, 4.4],
      ['dazhou', 2017, 4.6],
      ['dazhou', 2018, 4.8],
      ['tongchuan', 2016, 5.0],
      ['tongchuan', 2018, 5.6],
    ]);
    expect(back.values).toHaveLength(5);

    // 4. The evaluator writes the two sections; they are stored (not in localStorage).
    await page.goto(`${BASE_URL}#/reports?plan=dazhou&year=2018`);
    const preview = page.getByTestId('report-preview');
    await page
      .getByTestId('narrative-problems')
      .locator('textarea')
      .fill('一是床位增长慢于规划进度。');
    await page
      .getByTestId('narrative-suggestions')
      .locator('textarea')
      .fill('加快县级医院床位建设。');
    await expect
      .poll(() => page.getByTestId('narrative-status').textContent())
      .toMatch(/^已保存（第\d+版，王评估，/);
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('narrative'))),
    ).toEqual([]);
    await expect
      .poll(() => preview.locator('[data-section="suggestions"] p').allTextContents())
      .toContain('加快县级医院床位建设。');

    // The Word report as it stands, before freezing.
    const [liveWord] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载Word' }).click(),
    ]);
    const liveXml = await documentXml(await bytesOf(liveWord));
    expect(liveXml).toContain('一是床位增长慢于规划进度。');

    // 5. Freeze it.
    await page.getByLabel('快照说明（可不填）').fill('报市政府稿');
    await page.getByRole('button', { name: '冻结当前报告为快照' }).click();
    await expect
      .poll(() => page.getByTestId('snapshot-notice').textContent())
      .toContain('已冻结快照');
    const list = page.getByTestId('snapshot-list');
    await expect.poll(() => list.locator('tbody tr').count()).toBe(1);
    const cells = await list.locator('tbody tr td').allTextContents();
    expect(cells.slice(1, 4)).toEqual(['王评估', '达州市 · 2018年中期评估', '报市政府稿']);
    await list.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'snapshot-list.png') });

    // 6. A second return revises 2018 (a GBK CSV as Excel saves it is read too; here UTF-8).
    const csv = Buffer.from(
      '\uFEFF指标,区域,年份,数值,数据状态\r\n每千人口床位数,达州市,2018,4.2,正式\r\n',
    );
    const second = await importFile(page, '市卫健委-更正.csv', csv, 'text/csv');
    expect(await second.getByTestId('import-summary').textContent()).toBe(
      '“市卫健委-更正.csv”（CSV，UTF-8）：新增 0 个值，修改 1 个，与已录入相同 0 个，无法导入 0 个。',
    );
    expect(
      await second
        .getByRole('table', { name: '将写入的值（1）' })
        .locator('tbody td')
        .allTextContents(),
    ).toEqual([
      '修改',
      '第2行 数值列',
      '达州市',
      '每千人口床位数',
      '2018',
      '4.8',
      '4.2',
      '正式',
      '',
    ]);
    await second.getByRole('button', { name: '导入 1 个值' }).click();
    await expect.poll(() => second.getByRole('status').textContent()).toContain('导入 1 个值');
    await second.getByRole('button', { name: '关闭' }).click();

    // 7. The live report follows the revision; the snapshot does not.
    await page.goto(`${BASE_URL}#/reports?plan=dazhou&year=2018`);
    const bedsRow = preview.locator('[data-table="completion"] tbody tr', {
      hasText: '每千人口床位数',
    });
    await expect.poll(() => bedsRow.textContent()).toContain('逆向变化');
    await page.getByTestId('snapshot-list').getByRole('button', { name: '查看' }).click();
    await expect
      .poll(() => page.getByTestId('snapshot-banner').textContent())
      .toContain('报市政府稿');
    await expect.poll(() => bedsRow.textContent()).toContain('进度滞后');
    expect(await bedsRow.textContent()).toContain('35.3%');
    const changes = page.getByTestId('snapshot-changes');
    await expect.poll(() => changes.locator('table').count()).toBe(2);
    expect(await changes.locator('table').nth(0).locator('tbody td').allTextContents()).toEqual([
      '达州市',
      '每千人口床位数',
      '2018',
      '4.8',
      '4.2',
      '修订',
      expect.stringMatching(/^王评估 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    ]);
    expect(await changes.locator('table').nth(1).locator('tbody td').allTextContents()).toEqual([
      '每千人口床位数',
      expect.stringContaining('进度滞后'),
      expect.stringContaining('逆向变化'),
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'snapshot-changes.png'), fullPage: false });

    // 8. The Word report from the snapshot is the one frozen.
    const [frozenWord] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载Word（快照）' }).click(),
    ]);
    const frozenBytes = await bytesOf(frozenWord);
    writeFileSync(join(ARTIFACTS, 'snapshot-report.docx'), frozenBytes);
    expect(await documentXml(frozenBytes)).toBe(liveXml);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载快照文件' }).click(),
    ]);
    writeFileSync(join(ARTIFACTS, 'snapshot.json'), await bytesOf(file));
    // While a snapshot is open the live report cannot be frozen from it.
    const freeze = page.getByRole('button', { name: '冻结当前报告为快照' });
    expect(await freeze.isDisabled()).toBe(true);

    // 9. Back to the live report; deleting the snapshot asks first, and 取消 keeps it.
    await page.getByRole('button', { name: '返回当前报告' }).click();
    await expect.poll(() => page.getByTestId('snapshot-banner').count()).toBe(0);
    expect(await freeze.isDisabled()).toBe(false);
    await list.getByRole('button', { name: '删除' }).click();
    const ask = page.getByRole('dialog', { name: '删除评估快照' });
    expect(await ask.textContent()).toContain('快照内容无法恢复');
    await ask.getByRole('button', { name: '取消' }).click();
    expect(await list.locator('tbody tr').count()).toBe(1);
    await list.getByRole('button', { name: '删除' }).click();
    await ask.getByLabel('删除原因').fill('重复冻结');
    await ask.getByRole('button', { name: '确认删除' }).click();
    await expect
      .poll(() => page.getByTestId('snapshot-notice').textContent())
      .toContain('已删除快照');
    await expect.poll(() => page.getByText('本规划还没有快照。').count()).toBe(1);
    expect(session.errors).toEqual([]);
  });

  it('moves a report text the first version kept in this browser into the database, once', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${BASE_URL}#/settings`);
    const key = 'gongfu-monitor.report-narrative.user.dazhou.tongchuan.2018';
    await page.evaluate(
      (k) =>
        localStorage.setItem(
          k,
          JSON.stringify({ problems: '旧草稿：问题', suggestions: '旧草稿：建议' }),
        ),
      key,
    );
    await page.goto(`${BASE_URL}#/reports?plan=dazhou&region=tongchuan&year=2018`);
    await expect
      .poll(() => page.getByText('已将本浏览器中暂存的 1 份报告文字移入数据库。').count())
      .toBe(1);
    await expect
      .poll(() => page.getByTestId('narrative-problems').locator('textarea').inputValue())
      .toBe('旧草稿：问题');
    expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBeNull();
    expect(await page.getByTestId('narrative-status').textContent()).toMatch(/^已保存（第1版，/);
    // A reload finds it in the database and moves nothing again.
    await page.reload();
    await expect
      .poll(() => page.getByTestId('narrative-suggestions').locator('textarea').inputValue())
      .toBe('旧草稿：建议');
    expect(await page.getByText('移入数据库').count()).toBe(0);
    expect(session.errors).toEqual([]);
  });

  it('two tabs writing the same report never overwrite each other silently', async () => {
    session = await openBrowser();
    const { page, context } = session;
    const url = `${BASE_URL}#/reports?plan=dazhou&year=2018`;
    const other = await context.newPage();
    // The second tab's autosave (0.6 s after typing, docs/reports.md) is held until released,
    // so that its text is typed before the first tab saves and saved after it, every run.
    await other.addInitScript(() => {
      const held: Array<() => void> = [];
      const original = window.setTimeout.bind(window);
      Object.assign(window, { releaseSaves: () => held.splice(0).forEach((run) => run()) });
      window.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
        if (ms === 600 && typeof handler === 'function') {
          held.push(() => (handler as (...a: unknown[]) => void)(...rest));
          return 0;
        }
        return original(handler, ms, ...rest);
      }) as typeof window.setTimeout;
    });
    await page.goto(url);
    await other.goto(url);
    const mine = other.getByTestId('narrative-problems').locator('textarea');
    const theirs = page.getByTestId('narrative-problems').locator('textarea');
    await mine.fill('乙：床位不足。');
    await theirs.fill('甲：医生不足。');
    await expect
      .poll(() => page.getByTestId('narrative-status').textContent())
      .toMatch(/^已保存（第1版，/);
    await other.evaluate(() => (window as unknown as { releaseSaves: () => void }).releaseSaves());

    // Nothing is overwritten: the second tab keeps its text and shows the one stored meanwhile.
    const conflict = other.getByTestId('narrative-conflict');
    await expect.poll(() => conflict.count()).toBe(1);
    expect(await conflict.textContent()).toContain('甲：医生不足。');
    expect(await mine.inputValue()).toBe('乙：床位不足。');
    expect(await theirs.inputValue()).toBe('甲：医生不足。');
    mkdirSync(ARTIFACTS, { recursive: true });
    await other.screenshot({ path: join(ARTIFACTS, 'narrative-conflict.png') });
    // Leaving the text area saves nothing on its own now, and the report cannot be frozen
    // until the evaluator chooses (the click on the choice is the blur: it must still land).
    const freeze = other.getByRole('button', { name: '冻结当前报告为快照' });
    expect(await freeze.isDisabled()).toBe(true);
    expect(await other.getByText('请先在上方选择保留哪一版').count()).toBe(1);

    // Choosing to keep one's own text stores it as the next version; the first tab follows.
    await conflict.getByRole('button', { name: '用我的文字覆盖' }).click();
    await expect
      .poll(() => other.getByTestId('narrative-status').textContent())
      .toMatch(/^已保存（第2版，/);
    await expect.poll(() => theirs.inputValue()).toBe('乙：床位不足。');
    expect(session.errors).toEqual([]);
  });
});
