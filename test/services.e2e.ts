import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { BASE_URL, openBrowser, screenshot, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

// 周村: 区教体局 (education-sports) leads or joins 17 service items and 5 key tasks (the catalog,
// data/plans/zhoucun.json, leadUnitIds/responsibleUnitIds).
const SERVICES = `${BASE_URL}#/services?plan=zhoucun&year=2018`;
const BOARDING = 'svc.education.2'; // 寄宿生生活补助, led by 区教体局
const PRIMARY_BOARDING = 'std.svc.education.2.1'; // 农村家庭经济困难小学寄宿生生活补助 1000元

const tile = (page: Page, status: string) =>
  page.getByTestId(`impl-tile-${status}`).locator('.tile-value').textContent();

async function openServices(page: Page, url = SERVICES) {
  await page.goto(url);
  await page.locator('.services').waitFor();
}

describe('服务清单 (service list and key tasks)', () => {
  it('records a status with evidence, filters by unit, and keeps it across a reload', async () => {
    session = await openBrowser();
    const { page } = session;
    await openServices(page, `${SERVICES}&unit=education-sports`);
    const checklist = page.getByTestId('checklist');
    await checklist.waitFor();
    // Filtered by 区教体局: its 17 services and 5 tasks, none recorded yet.
    await expect.poll(() => checklist.locator('tr[data-subject]').count()).toBe(22);
    expect(await tile(page, 'none')).toBe('22');
    expect(await page.getByTestId('impl-tile-share').locator('.tile-value').textContent()).toBe(
      '0.0%',
    );

    // When 寄宿生生活补助 is recorded as 已落实 with its evidence and document
    await checklist
      .locator(`tr[data-subject="${BOARDING}"]`)
      .getByRole('button', { name: '记录' })
      .click();
    const dialog = page.getByRole('dialog', { name: /寄宿生生活补助/ });
    await dialog.waitFor();
    await dialog.getByLabel(/^已落实/).check();
    await dialog
      .getByLabel('依据说明（数据）')
      .fill('2018年资助农村寄宿生1,236人，小学每生每年1000元');
    await dialog.getByLabel('文件文号', { exact: true }).fill('周教体发〔2018〕12号');
    await dialog.getByLabel('牵头单位反馈', { exact: true }).fill('已按省标准足额发放');
    await dialog.screenshot({ path: 'test/artifacts/services-record-dialog.png' });
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => page.getByTestId('services-notice').textContent())
      .toContain('已保存：寄宿生生活补助 2018年 已落实');

    // Then the row shows it, and the counts follow: 1 of 22 in place (1 ÷ 22 = 4.5%)
    const row = checklist.locator(`tr[data-subject="${BOARDING}"]`);
    expect(await row.locator('[data-impl]').getAttribute('data-impl')).toBe('done');
    expect(await row.textContent()).toContain('周教体发〔2018〕12号');
    expect(await tile(page, 'done')).toBe('1');
    expect(await tile(page, 'none')).toBe('21');
    expect(await page.getByTestId('impl-tile-share').locator('.tile-value').textContent()).toBe(
      '4.5%',
    );

    // A second item, 不适用, leaves the denominator: 1 ÷ (22 − 1) = 4.8%
    await checklist
      .locator('tr[data-subject="svc.education.3"]')
      .getByRole('button', { name: '记录' })
      .click();
    const second = page.getByRole('dialog');
    await second.getByLabel(/^不适用/).check();
    await second.getByLabel('依据说明（数据）').fill('本区无此类幼儿园');
    await second.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => tile(page, 'not_applicable')).toBe('1');
    expect(await page.getByTestId('impl-tile-share').locator('.tile-value').textContent()).toBe(
      '4.8%',
    );

    // Filtering by status: only the one in place
    await page.getByLabel('落实情况', { exact: true }).selectOption('done');
    await expect.poll(() => checklist.locator('tr[data-subject]').count()).toBe(1);
    // The share stays that of the unit's 22 items, not of the one listed (read 100.0% before:
    // evaluator trial).
    expect(await page.getByTestId('impl-tile-share').locator('.tile-value').textContent()).toBe(
      '4.8%',
    );
    await page.getByLabel('落实情况', { exact: true }).selectOption('none');
    await expect.poll(() => checklist.locator('tr[data-subject]').count()).toBe(20);
    await page.getByLabel('落实情况', { exact: true }).selectOption('');
    await screenshot(page, 'services-checklist');

    // The scorecard of 区教体局
    await openServices(page, `${SERVICES}&view=units`);
    const units = page.getByTestId('units-table');
    await units.waitFor();
    const unitRow = units.locator('tr[data-unit="education-sports"]');
    await expect.poll(() => unitRow.locator('td').nth(1).textContent()).toBe('22');
    await screenshot(page, 'services-units');
    await unitRow.getByRole('link', { name: '区教体局' }).click();
    const detail = page.getByTestId('unit-detail');
    await detail.waitFor();
    expect(await detail.getByTestId('unit-subjects').textContent()).toContain(
      '周教体发〔2018〕12号',
    );
    expect(await detail.getByTestId('unit-missing').textContent()).toContain('20项');
    await screenshot(page, 'services-unit-detail');

    // Reload: everything kept
    await page.reload();
    await page.getByTestId('unit-detail').waitFor();
    expect(await page.getByTestId('unit-subjects').textContent()).toContain('已按省标准足额发放');
    expect(session.errors).toEqual([]);
  });

  it('records a standard’s figure on the item page and shows the engine’s verdict', async () => {
    session = await openBrowser();
    const { page } = session;
    await openServices(page, `${SERVICES}&item=${BOARDING}`);
    const view = page.getByTestId('item-view');
    await view.waitFor();
    expect(await view.getByTestId('standard-text').textContent()).toContain('1000');
    const row = view.locator(`tr[data-standard="${PRIMARY_BOARDING}"]`);
    const input = row.locator('td[data-year="2018"] input');
    await input.fill('1000');
    await input.press('Enter');
    await expect.poll(() => view.getByTestId('services-notice').textContent()).toContain('= 1000');
    // 1000元 against the target of 1000元 for 2020: reached two years early.
    await expect
      .poll(() => row.locator('[data-status]').getAttribute('data-status'))
      .toBe('achieved');
    // A value that is not a number is refused at the field, nothing saved.
    const next = row.locator('td[data-year="2019"] input');
    await next.fill('一千');
    await next.press('Enter');
    await expect.poll(() => row.locator('td[data-year="2019"] [role="alert"]').count()).toBe(1);
    await screenshot(page, 'services-item');

    await page.reload();
    await page.getByTestId('item-view').waitFor();
    await expect
      .poll(() =>
        page
          .locator(`tr[data-standard="${PRIMARY_BOARDING}"] td[data-year="2018"] input`)
          .inputValue(),
      )
      .toBe('1000');
    expect(
      await page
        .locator(`tr[data-standard="${PRIMARY_BOARDING}"] td[data-year="2019"] input`)
        .inputValue(),
    ).toBe('');

    // 数值标准 of 区教体局: 28 standards in its items, 1 with a value, met.
    await openServices(page, `${SERVICES}&view=standards&unit=education-sports`);
    await expect
      .poll(() => page.getByTestId('standards-rollup').textContent())
      .toBe(
        '录入实际值1项：达到1项，未达到0项，尚不能判断0项（如无基期值、需人工评定）；无数据27项',
      );
    await screenshot(page, 'services-standards');
    expect(session.errors).toEqual([]);
  });

  it('records surveys, draws them over time with 显示数据, and refuses a rate above 100%', async () => {
    session = await openBrowser();
    const { page } = session;
    await openServices(page, `${SERVICES}&view=surveys`);
    const form = page.getByTestId('survey-form');
    await form.waitFor();
    const record = async (year: string, organiser: string, sample: string, rate: string) => {
      await form.getByLabel('调查年份').selectOption(year);
      await form.getByLabel('调查对象').selectOption('education');
      await form.getByLabel('组织单位').fill(organiser);
      await form.getByLabel('调查方法').fill('入户问卷');
      await form.getByLabel('样本量').fill(sample);
      await form.getByLabel('满意率（%）').fill(rate);
      await form.getByRole('button', { name: '记录调查结果' }).click();
    };
    // A rate is a share: 105% is refused at the form, nothing saved.
    await record('2017', '山东某调查公司', '1200', '105');
    await expect.poll(() => form.getByRole('alert').count()).toBe(1);
    expect(await page.getByTestId('surveys-table').count()).toBe(0);
    await form.getByLabel('满意率（%）').fill('88.6');
    await form.getByRole('button', { name: '记录调查结果' }).click();
    await expect
      .poll(() => page.getByTestId('services-notice').textContent())
      .toBe('已保存2017年的调查结果');
    await record('2018', '山东某调查公司', '1,500', '91.2%');
    await expect.poll(() => page.getByTestId('surveys-table').locator('tbody tr').count()).toBe(2);

    const chart = page.getByTestId('survey-chart');
    expect(await chart.locator('h4').textContent()).toContain('基本公共教育');
    await chart.getByRole('button', { name: '显示数据' }).click();
    const figures = await chart.locator('table').textContent();
    expect(figures).toContain('88.6%');
    expect(figures).toContain('91.2%');
    expect(figures).toContain('1500');
    await screenshot(page, 'services-surveys');

    await page.reload();
    await page.getByTestId('surveys-table').waitFor();
    expect(await page.getByTestId('surveys-table').locator('tbody tr').count()).toBe(2);
    expect(session.errors).toEqual([]);
  });

  it('shows the share in place per domain on 总览, and undoes this tab’s last record', async () => {
    session = await openBrowser();
    const { page } = session;
    await openServices(page, `${SERVICES}&domain=education`);
    const checklist = page.getByTestId('checklist');
    await checklist.waitFor();
    // 基本公共教育 of 周村: 8 service items and 1 key task.
    await expect.poll(() => checklist.locator('tr[data-subject]').count()).toBe(9);
    for (const [id, label] of [
      ['svc.education.1', '已落实'],
      ['svc.education.2', '已落实'],
      ['svc.education.3', '推进中'],
    ] as const) {
      await checklist.locator(`tr[data-subject="${id}"]`).getByRole('button').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(new RegExp(`^${label}`)).check();
      await dialog.getByLabel('依据说明（数据）').fill(`${id} 的核查情况`);
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    // A status in place needs evidence: 已落实 without a note or document is refused.
    await checklist.locator('tr[data-subject="svc.education.4"]').getByRole('button').click();
    const bare = page.getByRole('dialog');
    await bare.getByLabel(/^已落实/).check();
    await bare.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => bare.getByRole('alert').count()).toBe(1);
    await bare.getByRole('button', { name: '取消' }).click();
    expect(await tile(page, 'done')).toBe('2');

    // Undo takes back the last record only (svc.education.3).
    await page.getByRole('button', { name: '撤销上一次修改' }).click();
    await expect
      .poll(() => page.getByTestId('services-page-notice').textContent())
      // Named with its year: the record undone may be of a year not on screen (hostile test).
      .toContain('已撤销：学前教育政府助学金 2018年的落实情况');
    await expect
      .poll(() =>
        checklist
          .locator('tr[data-subject="svc.education.3"] [data-impl]')
          .getAttribute('data-impl'),
      )
      .toBe('none');

    // 总览 (概况): 基本公共教育 2 of 9 in place = 22.2%; the plan 2 of 127 = 1.6%.
    await page.goto(`${BASE_URL}#/overview?plan=zhoucun&year=2018`);
    const panel = page.getByTestId('service-tracking-panel');
    await panel.waitFor();
    const education = panel.locator('tr[data-domain="education"]');
    expect(await education.locator('td').nth(1).textContent()).toBe('9');
    expect(await education.locator('td').nth(2).textContent()).toBe('2');
    expect(await education.locator('.share-value').textContent()).toBe('22.2%');
    expect(await panel.getByTestId('service-share-total').textContent()).toBe('1.6%');
    await panel.screenshot({ path: 'test/artifacts/services-overview-panel.png' });

    // 报告, section 五: what was recorded, the evidence of what is in place too.
    await page.goto(`${BASE_URL}#/reports?plan=zhoucun&year=2018`);
    const section = page.getByTestId('report-preview').locator('[data-section="services"]');
    await expect.poll(() => section.textContent()).toContain('已落实2项');
    expect(await section.textContent()).toContain('1.6%');
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test/artifacts/services-report.png' });
    expect(session.errors).toEqual([]);
  });

  it('downloads the 落实情况表 and imports it back with a preview, all or nothing', async () => {
    session = await openBrowser();
    const { page } = session;
    await openServices(page);
    await page.getByTestId('checklist').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载落实情况表' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('周村区规划-周村区-2018年落实情况表.xlsx');
    const original = readFileSync(await download.path());

    // The evaluator fills two rows in Excel, one with a status that is not in the list.
    const fill = async (statusOfSecond: string) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(original as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('落实情况表')!;
      const rowOf = (name: string) => {
        for (let r = 4; r <= sheet.rowCount; r++) {
          if (String(sheet.getCell(r, 5).value) === name) return r;
        }
        throw new Error(`no row ${name}`);
      };
      const first = rowOf('寄宿生生活补助');
      sheet.getCell(first, 7).value = '已落实';
      sheet.getCell(first, 8).value = '2018年发放到位';
      const second = rowOf('学前教育政府助学金');
      sheet.getCell(second, 7).value = statusOfSecond;
      const path = `test/artifacts/checklist-${statusOfSecond}.xlsx`;
      writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
      return path;
    };

    await page.getByRole('button', { name: '导入落实情况表' }).click();
    const dialog = page.getByRole('dialog', { name: '导入落实情况表' });
    await dialog.getByTestId('import-file').setInputFiles(await fill('完成了'));
    const counts = dialog.getByTestId('import-counts');
    await expect.poll(() => counts.textContent()).toContain('有问题1项');
    expect(await counts.textContent()).toContain('新增1项');
    expect(await dialog.getByTestId('import-preview').textContent()).toContain('完成了');
    await dialog.screenshot({ path: 'test/artifacts/services-import-invalid.png' });
    // All or nothing: with a row in error nothing can be imported.
    expect(await dialog.getByRole('button', { name: /^导入\d+项$/ }).isDisabled()).toBe(true);

    await dialog.getByTestId('import-file').setInputFiles(await fill('推进中'));
    await expect.poll(() => counts.textContent()).toContain('新增2项');
    expect(await counts.textContent()).toContain('有问题0项');
    await dialog.getByRole('button', { name: '导入2项' }).click();
    await expect
      .poll(() => page.getByTestId('services-page-notice').textContent())
      .toContain('已导入2项落实情况');
    const checklist = page.getByTestId('checklist');
    await expect
      .poll(() =>
        checklist
          .locator('tr[data-subject="svc.education.2"] [data-impl]')
          .getAttribute('data-impl'),
      )
      .toBe('done');
    expect(
      await checklist
        .locator('tr[data-subject="svc.education.3"] [data-impl]')
        .getAttribute('data-impl'),
    ).toBe('in_progress');
    expect(session.errors).toEqual([]);
  });

  it('gives 达州 and 邯郸 their scorecards per lead unit, in Chinese and in English', async () => {
    session = await openBrowser();
    const { page } = session;
    // 达州 市教育局 leads 14 service items (达州 has no key-task table).
    await openServices(page, `${BASE_URL}#/services?plan=dazhou&view=units&year=2018`);
    const dazhou = page.getByTestId('units-table').locator('tr[data-unit="education"]');
    await expect.poll(() => dazhou.locator('td').nth(1).textContent()).toBe('14');
    // 邯郸 市教育局: 15 service items and 3 key tasks; a county (魏县) is tracked on its own.
    await openServices(
      page,
      `${BASE_URL}#/services?plan=handan&view=units&region=wei-xian&year=2019`,
    );
    const handan = page.getByTestId('units-table').locator('tr[data-unit="education"]');
    await expect.poll(() => handan.locator('td').nth(1).textContent()).toBe('18');
    await handan.getByRole('link').click();
    await page.getByTestId('unit-detail').waitFor();
    expect(await page.getByTestId('unit-subjects').locator('tr[data-subject]').count()).toBe(18);
    await screenshot(page, 'services-handan-unit');
    // A key task's page quotes its line of the plan (003 l.1737) and names who answers for it.
    await page
      .getByTestId('unit-subjects')
      .getByRole('link', { name: /^推动基本公共教育领域/ })
      .click();
    const task = page.getByTestId('item-view');
    await task.waitFor();
    expect(await task.textContent()).toContain('市教育局牵头');
    await expect
      .poll(() => task.getByTestId('source-quote').locator('.quote-cited').textContent())
      .toContain('1737推动基本公共教育领域');
    await screenshot(page, 'services-handan-task');
    await page.goBack();
    await page.getByTestId('unit-detail').waitFor();

    await page
      .getByRole('button', { name: 'English' })
      .or(page.getByRole('link', { name: 'English' }))
      .first()
      .click();
    await expect.poll(() => page.locator('.view-tabs').textContent()).toContain('By unit');
    expect(await page.getByTestId('unit-missing').textContent()).toMatch(/2019/);
    await screenshot(page, 'services-english');
    expect(session.errors).toEqual([]);
  });

  it('shows the record another tab saved meanwhile instead of overwriting it', async () => {
    session = await openBrowser();
    const { page, context } = session;
    const other = await context.newPage();
    const url = `${SERVICES}&item=svc.education.1`;
    await openServices(page, url);
    await openServices(other, url);
    const mine = page.getByTestId('record-form');
    await mine.getByLabel(/^推进中/).check();
    await mine.getByLabel('依据说明（数据）').fill('我的说明');

    // Meanwhile the other tab records 已落实 with its document.
    const theirs = other.getByTestId('record-form');
    await theirs.getByLabel(/^已落实/).check();
    await theirs.getByLabel('文件文号', { exact: true }).fill('周教体发〔2018〕3号');
    await theirs.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => other.getByTestId('services-notice').textContent()).toContain('已保存');

    // Saving here writes nothing and shows what the other tab stored, beside my text.
    await mine.getByRole('button', { name: '保存' }).click();
    const conflict = page.getByTestId('record-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('周教体发〔2018〕3号');
    expect(await mine.getByLabel('依据说明（数据）').inputValue()).toBe('我的说明');
    await mine.screenshot({ path: 'test/artifacts/services-conflict.png' });
    // The evaluator overwrites theirs with mine: saved as the next version.
    await conflict.getByRole('button', { name: '用我的修改覆盖' }).click();
    await expect.poll(() => page.getByTestId('services-notice').textContent()).toContain('推进中');
    await expect.poll(() => page.getByTestId('item-history').locator('tbody tr').count()).toBe(2);
    expect(session.errors).toEqual([]);
  });

  it('a backup holds the statuses and surveys: after the site data is cleared, the restore brings them back', async () => {
    session = await openBrowser();
    const { page, context } = session;
    const url = `${SERVICES}&item=${BOARDING}`;
    await openServices(page, url);
    const form = page.getByTestId('record-form');
    await form.getByLabel(/^已落实/).check();
    await form.getByLabel('文件文号', { exact: true }).fill('周教体发〔2018〕12号');
    await form.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByTestId('services-notice').textContent()).toContain('已保存');

    // The backup from 设置 counts the status and carries it.
    await page.goto(`${BASE_URL}#/settings?plan=zhoucun`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出备份（JSON）' }).click(),
    ]);
    const backup = readFileSync(await download.path(), 'utf8');
    const content = (JSON.parse(backup) as { content: { tables: Record<string, unknown[]> } })
      .content;
    expect(content.tables.implementation).toMatchObject([
      { subjectId: BOARDING, status: 'done', documentRef: '周教体发〔2018〕12号' },
    ]);

    // The shell has noted what the data set holds (it does so after each write; under load that
    // can trail the download) before the site's databases are cleared while the app is closed,
    // as an eviction would.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const marker = localStorage.getItem('gongfu-monitor.durability:gongfu-monitor');
          return marker ? (JSON.parse(marker) as { counts: { implementation?: number } }) : null;
        }),
      )
      .toMatchObject({ counts: { implementation: 1 } });
    await page.goto('about:blank');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', {
      origin: new URL(BASE_URL).origin,
      storageTypes: 'indexeddb',
    });
    await page.goto(`${BASE_URL}#/overview?plan=zhoucun`);
    await page.reload();
    const banner = page.getByTestId('vanished-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('1 条落实情况');
    await banner.getByRole('link', { name: '从备份恢复' }).click();
    await page.getByLabel('选择备份或数据交换文件').setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: Buffer.from(backup),
    });
    await page.getByTestId('exchange-file-info').waitFor();
    await page.getByRole('button', { name: '恢复（替换全部数据）…' }).click();
    const confirm = page.getByRole('alertdialog');
    expect(await confirm.textContent()).toContain('1 条落实情况');
    await confirm.getByRole('button', { name: '确认恢复' }).click();
    await expect
      .poll(() => page.getByTestId('exchange-done').textContent())
      .toContain('1 条落实情况');

    // 服务清单 shows the status and its document again.
    await openServices(page, `${SERVICES}&unit=education-sports`);
    const row = page.getByTestId('checklist').locator(`tr[data-subject="${BOARDING}"]`);
    await expect.poll(() => row.locator('[data-impl]').getAttribute('data-impl')).toBe('done');
    expect(await row.textContent()).toContain('周教体发〔2018〕12号');
    await screenshot(page, 'services-restored');
    expect(session.errors).toEqual([]);
  });

  it('two tabs correct the same survey: the second is shown the first’s and overwrites only when asked (hostile test)', async () => {
    session = await openBrowser();
    const { page, context } = session;
    const url = `${SERVICES}&view=surveys`;
    await openServices(page, url);
    const form = page.getByTestId('survey-form');
    await form.getByLabel('调查年份').selectOption('2018');
    await form.getByLabel('组织单位').fill('区统计局');
    await form.getByLabel('满意率（%）').fill('90');
    // A new survey is not third-party unless ticked (every one was reported as 第三方 before).
    expect(await form.getByLabel('第三方机构').isChecked()).toBe(false);
    await form.getByRole('button', { name: '记录调查结果' }).click();
    await expect.poll(() => page.getByTestId('surveys-table').locator('tbody tr').count()).toBe(1);
    expect(await form.getByLabel('第三方机构').isChecked()).toBe(false);

    const other = await context.newPage();
    await openServices(other, url);
    for (const tab of [page, other]) {
      await tab.getByTestId('surveys-table').getByRole('button', { name: '修改' }).click();
    }
    await other.getByTestId('survey-form').getByLabel('组织单位').fill('B改的组织单位');
    await other
      .getByTestId('survey-form')
      .getByRole('button', { name: '保存', exact: true })
      .click();
    await expect.poll(() => other.getByTestId('services-notice').textContent()).toContain('已保存');

    await form.getByLabel('组织单位').fill('A改的组织单位');
    await form.getByRole('button', { name: '保存', exact: true }).click();
    const conflict = page.getByTestId('survey-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('B改的组织单位');
    // A second click on 保存 does not overwrite the other tab's correction.
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await page.reload();
    await page.getByTestId('surveys-table').waitFor();
    expect(await page.getByTestId('surveys-table').textContent()).toContain('B改的组织单位');
    expect(session.errors).toEqual([]);
  });
});
