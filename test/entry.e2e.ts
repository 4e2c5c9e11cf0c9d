import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { BASE_URL, openBrowser, screenshot, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const ENTRY = `${BASE_URL}#/entry?plan=dazhou`;
const RETENTION = 'education.compulsory-retention-rate'; // %, baseline 96.98
const BALANCED = 'education.balanced-county-share'; // %, baseline 42.86
const PRESCHOOL = 'education.preschool-gross-enrollment'; // %, baseline 85.74
const HIGH_SCHOOL = 'education.high-school-gross-enrollment'; // %, baseline 87.38

const cell = (page: Page, itemId: string, year: number, regionId?: string) =>
  page.locator(
    `tr[data-item="${itemId}"]${regionId ? `[data-region="${regionId}"]` : ''} td[data-year="${year}"]`,
  );
/** The value a cell shows once saved (not while its save is pending). */
const cellText = (page: Page, itemId: string, year: number) =>
  page
    .locator(`tr[data-item="${itemId}"] td[data-year="${year}"]:not(.is-pending) .cell-value`)
    .textContent({ timeout: 2000 })
    .catch(() => '');

async function openEntry(page: Page, url = ENTRY) {
  await page.goto(url);
  await page.locator('table.entry-grid').waitFor();
}

/** Pastes text into the focused element as Excel would put it on the clipboard. */
const pasteText = (page: Page, text: string) =>
  page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    const event = new ClipboardEvent('paste', {
      clipboardData: transfer,
      bubbles: true,
      cancelable: true,
    });
    document.activeElement?.dispatchEvent(event);
  }, text);

const notice = (page: Page) => page.getByTestId('entry-notice').textContent();

describe('数据录入 (data entry)', () => {
  it('saves typed values at once, keeps them across a reload, and updates the live status', async () => {
    session = await openBrowser();
    const { page } = session;
    await openEntry(page);
    const status = page.locator(`tr[data-item="${RETENTION}"] [data-status]`);
    await expect.poll(() => status.getAttribute('data-status')).toBe('no_data');

    // Given the first cell of 2016, when a column of figures is typed with Enter between them
    await cell(page, RETENTION, 2016).click();
    await page.keyboard.type('97.1\n45\n９０．５％\n88\n', { delay: 5 });

    // Then each is saved and confirmed, full-width input included
    await expect.poll(() => cellText(page, HIGH_SCHOOL, 2016)).toBe('88');
    expect(await cellText(page, RETENTION, 2016)).toBe('97.1');
    expect(await cellText(page, PRESCHOOL, 2016)).toBe('90.5');
    await expect.poll(() => page.getByTestId('entry-notice').textContent()).toContain('已保存');
    // and the assessment engine's status follows (97.1 ≥ 97 → 已实现)
    await expect.poll(() => status.getAttribute('data-status')).toBe('achieved');

    // Tab moves right: type 2017 and 2018 of the same row
    await cell(page, RETENTION, 2017).click();
    // (Playwright types '\t' as text, so Tab is pressed as a key.)
    await page.keyboard.type('97.2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('97.3');
    await page.keyboard.press('Tab');
    await expect.poll(() => cellText(page, RETENTION, 2018)).toBe('97.3');
    await screenshot(page, 'entry-typed');

    await page.reload();
    await page.locator('table.entry-grid').waitFor();
    await expect.poll(() => cellText(page, RETENTION, 2016)).toBe('97.1');
    expect(await cellText(page, BALANCED, 2016)).toBe('45');
    expect(await cellText(page, PRESCHOOL, 2016)).toBe('90.5');
    expect(await cellText(page, RETENTION, 2018)).toBe('97.3');
    expect(session.errors).toEqual([]);
  });

  it('pastes a block copied from Excel, and previews before overwriting values', async () => {
    session = await openBrowser();
    const { page } = session;
    await openEntry(page);
    await cell(page, RETENTION, 2016).click();

    const paste = (text: string) => pasteText(page, text);

    // When a 2×3 block lands on empty cells, it is written at once
    await paste('97.0\t97.1\t97.2\r\n43\t50\t55\r\n');
    await expect
      .poll(() => page.getByTestId('entry-notice').textContent())
      .toContain('已粘贴 6 个值');
    expect(await cellText(page, BALANCED, 2018)).toBe('55');
    expect(await cellText(page, RETENTION, 2016)).toBe('97');
    expect(await cellText(page, RETENTION, 2017)).toBe('97.1');
    expect(await cellText(page, BALANCED, 2016)).toBe('43');

    // When a block would overwrite values, a preview lists old → new first
    await cell(page, RETENTION, 2016).click();
    await paste('96.9\t97.1\nabc\n');
    const dialog = page.getByRole('dialog', { name: '确认粘贴' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('其中 1 个会覆盖已有数值');
    expect(await dialog.textContent()).toContain('1 个单元格的内容无效');
    await screenshot(page, 'entry-paste-preview');
    await dialog.getByRole('button', { name: '只写入有效的 1 个值' }).click();
    await expect.poll(() => cellText(page, RETENTION, 2016)).toBe('96.9');
    // The invalid pasted text stays in its cell with its message, unsaved
    expect(await cell(page, BALANCED, 2016).locator('.cell-message').textContent()).toBe(
      '“abc”不是数字',
    );

    await page.reload();
    await page.locator('table.entry-grid').waitFor();
    await expect.poll(() => cellText(page, RETENTION, 2016)).toBe('96.9');
    expect(await cellText(page, BALANCED, 2016)).toBe('43');
    expect(session.errors).toEqual([]);
  });

  it('shows an invalid value’s Chinese message at the cell and never stores it', async () => {
    session = await openBrowser();
    const { page } = session;
    await openEntry(page);
    await cell(page, RETENTION, 2016).click();
    await page.keyboard.type('101');
    await page.keyboard.press('Enter');
    const message = cell(page, RETENTION, 2016).locator('.cell-message');
    await expect.poll(() => message.textContent()).toBe('百分比应在0—100之间（“101”）');
    // The entry stays in the cell for correction
    expect(await cell(page, RETENTION, 2016).locator('input').inputValue()).toBe('101');
    await screenshot(page, 'entry-invalid');

    // A jump from the baseline (96.98 → 50) asks once for confirmation
    await page.keyboard.press('Escape');
    await cell(page, RETENTION, 2017).click();
    await page.keyboard.type('50');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => cell(page, RETENTION, 2017).locator('.cell-message').textContent())
      .toContain('超过10个百分点');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellText(page, RETENTION, 2017)).toBe('50');
    await expect.poll(() => page.getByTestId('entry-notice').textContent()).toContain('已保存');

    await page.reload();
    await page.locator('table.entry-grid').waitFor();
    await expect.poll(() => cellText(page, RETENTION, 2017)).toBe('50');
    expect(await cellText(page, RETENTION, 2016)).toBe('');
    expect(await cell(page, RETENTION, 2016).textContent()).toBe('');
    expect(session.errors).toEqual([]);
  });

  it('shows a cell’s history old → new with author and time, and undoes the last change', async () => {
    session = await openBrowser();
    const { page } = session;
    await openEntry(page);
    await cell(page, RETENTION, 2016).click();
    await page.keyboard.type('97.1\n');
    await expect.poll(() => cellText(page, RETENTION, 2016)).toBe('97.1');
    await cell(page, RETENTION, 2016).click();
    await page.keyboard.press('F2');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('97.4\n');
    await expect.poll(() => cellText(page, RETENTION, 2016)).toBe('97.4');

    await cell(page, RETENTION, 2016).click();
    const history = page.getByTestId('cell-history');
    await expect.poll(() => history.locator('li').count()).toBe(2);
    const lines = await history.locator('li').allTextContents();
    expect(lines[0]).toContain('97.1 → 97.4');
    expect(lines[0]).toContain('未署名');
    expect(lines[1]).toContain('（空） → 97.1');

    // The detail: mark the value final with a source
    const detail = page.getByTestId('cell-detail');
    await detail.getByLabel('数据状态').selectOption('final');
    await detail.getByLabel('来源').fill('2016年统计公报');
    await detail.getByRole('button', { name: '保存详情' }).click();
    await expect.poll(() => history.locator('li').count()).toBe(3);
    await screenshot(page, 'entry-history');

    await page.getByRole('button', { name: '撤销上一次修改' }).click();
    await expect.poll(() => page.getByTestId('entry-notice').textContent()).toContain('已撤销');
    await page.getByRole('button', { name: '撤销上一次修改' }).click();
    await expect.poll(() => cellText(page, RETENTION, 2016)).toBe('97.1');
    expect(session.errors).toEqual([]);
  });

  it('asks for a reason to revise the 2015 baseline, keeping the catalog value visible', async () => {
    session = await openBrowser();
    const { page } = session;
    await openEntry(page);
    const base = cell(page, RETENTION, 2015);
    expect(await base.textContent()).toBe('96.98');
    await base.click();
    await page.keyboard.type('96.5\n');
    const dialog = page.getByRole('dialog', { name: '修订 2015 年基期值' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '确认' }).click();
    expect(await dialog.textContent()).toContain('请填写修订原因');
    await dialog.getByLabel('修订原因').fill('统计口径调整');
    await dialog.getByRole('button', { name: '确认' }).click();
    await expect.poll(() => cellText(page, RETENTION, 2015)).toBe('96.5');
    // The printed baseline stays in its column
    expect(await page.locator(`tr[data-item="${RETENTION}"] td`).nth(1).textContent()).toBe(
      '96.98',
    );
    expect(session.errors).toEqual([]);
  });

  it('shows changes made in one tab in another', async () => {
    session = await openBrowser();
    const { page, context } = session;
    await openEntry(page);
    const other = await context.newPage();
    await openEntry(other);

    await cell(page, RETENTION, 2016).click();
    await page.keyboard.type('97.1\n');
    await expect.poll(() => cellText(other, RETENTION, 2016), { timeout: 5000 }).toBe('97.1');

    await cell(other, PRESCHOOL, 2017).click();
    await other.keyboard.type('88\n');
    await expect.poll(() => cellText(page, PRESCHOOL, 2017), { timeout: 5000 }).toBe('88');
    await screenshot(other, 'entry-second-tab');
    expect(session.errors).toEqual([]);
  });

  it('enters one indicator for all regions, and adds, renames and archives a region', async () => {
    session = await openBrowser();
    const { page } = session;
    await openEntry(page);
    const regions = page.getByRole('table', { name: '区域管理' });
    await page.getByLabel('新区域名称').fill('达州高新区');
    await page.getByRole('button', { name: '添加区域' }).click();
    await expect.poll(() => regions.textContent()).toContain('达州高新区');

    await page.getByRole('button', { name: '按指标录入（各区域）' }).click();
    await page.locator('tr[data-region="tongchuan"]').waitFor();
    await cell(page, RETENTION, 2016, 'dazhou').click();
    await page.keyboard.type('97\n96.5\n95\n');
    await expect
      .poll(() => cell(page, RETENTION, 2016, 'dachuan').locator('.cell-value').textContent())
      .toBe('95');
    expect(await page.locator('table.entry-grid tbody tr').count()).toBe(8);
    await screenshot(page, 'entry-by-indicator');

    const row = regions.locator('tbody tr').last();
    await row.getByRole('button', { name: '重命名' }).click();
    await row.getByLabel('名称').fill('达州高新技术产业园区');
    await row.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => page.locator('table.entry-grid').textContent())
      .toContain('达州高新技术产业园区');

    // Archiving hides a region from entry but keeps its values
    await regions
      .locator('tr', { hasText: '通川区' })
      .getByRole('button', { name: '归档' })
      .click();
    await expect.poll(() => page.locator('tr[data-region="tongchuan"]').count()).toBe(0);
    await page.getByLabel('显示已归档区域').check();
    await expect
      .poll(() => cell(page, RETENTION, 2016, 'tongchuan').locator('.cell-value').textContent())
      .toBe('96.5');
    expect(session.errors).toEqual([]);
  });
});

describe('数据录入: no edit is lost or misplaced (issue #10)', () => {
  it('undoes only this tab’s last action in the view, and refuses when a cell changed since', async () => {
    session = await openBrowser();
    const { page } = session;
    await openEntry(page, `${ENTRY}&view=indicator&item=${RETENTION}`);
    // Given a column pasted down the seven regions at 2016 (达州市 90 … 渠县 96)
    await cell(page, RETENTION, 2016, 'dazhou').click();
    await pasteText(page, '90\n91\n92\n93\n94\n95\n96');
    await expect
      .poll(() => cell(page, RETENTION, 2016, 'quxian').locator('.cell-value').textContent())
      .toBe('96');
    // and 通川区 2016 typed over afterwards in the by-region view
    await openEntry(page, `${ENTRY}&region=tongchuan`);
    await cell(page, RETENTION, 2016).click();
    await page.keyboard.type('80\n');
    await expect.poll(() => cellText(page, RETENTION, 2016)).toBe('80');

    // When 达州市's last action (the paste) is undone
    await openEntry(page, `${ENTRY}&region=dazhou`);
    await expect.poll(() => cellText(page, RETENTION, 2016)).toBe('90');
    await page.getByRole('button', { name: '撤销上一次修改' }).click();

    // Then undo refuses and names the cell changed since; nothing is reverted
    await expect.poll(() => notice(page)).toContain('无法撤销');
    expect(await notice(page)).toContain('通川区 2016年 已在之后被修改为80');
    await screenshot(page, 'entry-undo-refused');
    expect(await cellText(page, RETENTION, 2016)).toBe('90');
    await openEntry(page, `${ENTRY}&region=tongchuan`);
    await expect.poll(() => cellText(page, RETENTION, 2016)).toBe('80');

    // 通川区's own last action (typing 80) is undone: back to the pasted 91
    await page.getByRole('button', { name: '撤销上一次修改' }).click();
    await expect.poll(() => cellText(page, RETENTION, 2016)).toBe('91');
    await cell(page, RETENTION, 2016).click();
    const history = page.getByTestId('cell-history');
    await expect.poll(() => history.locator('li').first().textContent()).toContain('80 → 91');
    expect(session.errors).toEqual([]);
  });

  it('starts a fresh undo history when the sample data is reloaded', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${BASE_URL}#/settings`);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('示例数值');
    await openEntry(page);
    const demoValue = await cellText(page, RETENTION, 2016);
    expect(demoValue).not.toBe('');
    await cell(page, RETENTION, 2016).click();
    await page.keyboard.press('F2');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('99.9\n');
    await expect.poll(() => cellText(page, RETENTION, 2016)).toBe('99.9');

    await page.goto(`${BASE_URL}#/settings`);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('示例数值');
    await openEntry(page);
    await expect.poll(() => cellText(page, RETENTION, 2016)).toBe(demoValue);
    await cell(page, RETENTION, 2017).click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => notice(page)).toContain('没有可以撤销的修改');
    await cell(page, RETENTION, 2016).click();
    await expect.poll(() => page.getByTestId('cell-history').count()).toBe(0);
    expect(await cellText(page, RETENTION, 2016)).toBe(demoValue);
    expect(session.errors).toEqual([]);
  });

  it('never lets a second tab overwrite a value unseen: the user sees both and chooses', async () => {
    session = await openBrowser();
    const { page, context } = session;
    await openEntry(page);
    const other = await context.newPage();
    await openEntry(other);

    // Given the same empty cell being typed in two tabs
    await cell(other, RETENTION, 2016).click();
    await other.keyboard.type('97.2');
    await cell(page, RETENTION, 2016).click();
    await page.keyboard.type('97.5\n');
    await expect.poll(() => cellText(page, RETENTION, 2016)).toBe('97.5');

    // When the second tab saves its entry
    await other.keyboard.press('Enter');

    // Then it is not saved over 97.5: the conflict shows the stored value, and the tab never says 已保存
    const dialog = other.getByRole('dialog', { name: '保存冲突' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('97.5');
    expect(await dialog.textContent()).toContain('97.2');
    await screenshot(other, 'entry-conflict');
    expect(await notice(other)).not.toContain('已保存');
    // Keeping theirs shows the stored value in both tabs
    await dialog.getByRole('button', { name: '保留已保存的值' }).click();
    await expect.poll(() => cellText(other, RETENTION, 2016)).toBe('97.5');
    expect(await cellText(page, RETENTION, 2016)).toBe('97.5');
    expect(session.errors).toEqual([]);
  });

  it('re-checks a paste preview at commit, and writes mine only when asked', async () => {
    session = await openBrowser();
    const { page, context } = session;
    await openEntry(page);
    await cell(page, RETENTION, 2016).click();
    await page.keyboard.type('96\n');
    await expect.poll(() => cellText(page, RETENTION, 2016)).toBe('96');
    const other = await context.newPage();
    await openEntry(other);
    await expect.poll(() => cellText(other, RETENTION, 2016)).toBe('96');

    // Given a paste preview showing 原值 96
    await cell(page, RETENTION, 2016).click();
    await pasteText(page, '97.5\t97.6');
    const preview = page.getByRole('dialog', { name: '确认粘贴' });
    await preview.waitFor();
    expect(await preview.textContent()).toContain('96');
    // when another tab saves 96.5 meanwhile
    await cell(other, RETENTION, 2016).click();
    await other.keyboard.press('F2');
    await other.keyboard.press('Control+A');
    await other.keyboard.type('96.5\n');
    await expect.poll(() => cellText(other, RETENTION, 2016)).toBe('96.5');
    await preview.getByRole('button', { name: '确认粘贴' }).click();

    // Then the paste stops and shows 96.5; nothing of the paste is written yet
    const dialog = page.getByRole('dialog', { name: '保存冲突' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('96.5');
    expect(await cellText(other, RETENTION, 2017)).toBe('');
    // Writing mine stores the whole paste
    await dialog.getByRole('button', { name: '用我的值覆盖' }).click();
    await expect.poll(() => cellText(page, RETENTION, 2016)).toBe('97.5');
    await expect.poll(() => cellText(other, RETENTION, 2016), { timeout: 5000 }).toBe('97.5');
    await expect.poll(() => cellText(other, RETENTION, 2017), { timeout: 5000 }).toBe('97.6');
    expect(session.errors).toEqual([]);
  });

  it('keeps unsaved text in the cell detail when another tab saves that cell', async () => {
    session = await openBrowser();
    const { page, context } = session;
    await openEntry(page);
    await cell(page, RETENTION, 2016).click();
    await page.keyboard.type('97\n');
    await expect.poll(() => cellText(page, RETENTION, 2016)).toBe('97');
    await cell(page, RETENTION, 2016).click();
    const detail = page.getByTestId('cell-detail');
    await detail.getByLabel('备注').fill('待教育局核实');
    await detail.getByLabel('来源').fill('2016年统计公报');

    const other = await context.newPage();
    await openEntry(other);
    await cell(other, RETENTION, 2016).click();
    await other.keyboard.press('F2');
    await other.keyboard.press('Control+A');
    await other.keyboard.type('97.3\n');
    await expect.poll(() => cellText(other, RETENTION, 2016)).toBe('97.3');

    // The first tab shows the new stored value and says so, keeping what was typed
    await expect.poll(() => cellText(page, RETENTION, 2016), { timeout: 5000 }).toBe('97.3');
    await expect.poll(() => detail.textContent()).toContain('已被修改');
    // and no longer says its own 97 was saved
    expect(await notice(page)).toContain('九年义务教育巩固率 · 达州市 2016 已在之后被修改为 97.3');
    expect(await notice(page)).not.toContain('已保存');
    expect(await detail.getByLabel('备注').inputValue()).toBe('待教育局核实');
    expect(await detail.getByLabel('来源').inputValue()).toBe('2016年统计公报');
    await screenshot(page, 'entry-detail-changed');
    await detail.getByRole('button', { name: '保存详情' }).click();
    await expect.poll(() => detail.textContent()).toContain('详情已保存');
    await expect.poll(() => cellText(other, RETENTION, 2016), { timeout: 5000 }).toBe('97.3');
    expect(session.errors).toEqual([]);
  });

  it('previews a paste holding an invalid cell before anything is written', async () => {
    session = await openBrowser();
    const { page } = session;
    await openEntry(page);
    await cell(page, RETENTION, 2016).click();
    // Given a column of three where the middle cell is not a number
    await pasteText(page, '97.1\nabc\n90.5\n');
    // Then a preview names the invalid cell with its message, and nothing is stored yet
    const preview = page.getByRole('dialog', { name: '确认粘贴' });
    await preview.waitFor();
    const text = await preview.textContent();
    expect(text).toContain('义务教育基本均衡县（市、区）的比例');
    expect(text).toContain('“abc”不是数字');
    await screenshot(page, 'entry-paste-invalid');
    expect(await cellText(page, RETENTION, 2016)).toBe('');
    // Cancelling writes nothing and leaves no text behind
    await preview.getByRole('button', { name: '取消' }).click();
    expect(await cellText(page, RETENTION, 2016)).toBe('');
    expect(await cell(page, BALANCED, 2016).textContent()).toBe('');

    // Committing the valid cells writes them; the invalid one stays for correction
    await cell(page, RETENTION, 2016).click();
    await pasteText(page, '97.1\nabc\n90.5\n');
    await preview.waitFor();
    await preview.getByRole('button', { name: /只写入有效的 2 个值/ }).click();
    await expect.poll(() => cellText(page, PRESCHOOL, 2016)).toBe('90.5');
    expect(await cellText(page, RETENTION, 2016)).toBe('97.1');
    expect(await cell(page, BALANCED, 2016).locator('.cell-message').textContent()).toBe(
      '“abc”不是数字',
    );
    expect(session.errors).toEqual([]);
  });
});

describe('数据录入 says what a row takes (#11)', () => {
  const SHANTYTOWN = 'housing.shantytown-renovation'; // 万套, 2016—2020年累计11.5万套

  it('asks before saving running totals typed into a period total, shows targets as printed, keeps the year header in view', async () => {
    session = await openBrowser();
    const { page } = session;
    await openEntry(page);
    const row = page.locator(`tr[data-item="${SHANTYTOWN}"]`);
    // The row says what it takes, and its target as the plan prints it, with its span.
    await expect.poll(() => row.textContent()).toContain('期末累计：每年填当年新增数');
    await expect
      .poll(() => row.locator('td.target-raw').textContent())
      .toBe('2016—2020年累计11.5万套');

    // Given 2.3 for 2016, when 4.6 is typed for 2017 (a running total of two years of 2.3) …
    await cell(page, SHANTYTOWN, 2016).click();
    await page.keyboard.type('2.3\n');
    await expect.poll(() => cellText(page, SHANTYTOWN, 2016)).toBe('2.3');
    await cell(page, SHANTYTOWN, 2017).click();
    await page.keyboard.type('4.6\n');
    // … then nothing is saved yet: the cell asks which it is.
    const message = cell(page, SHANTYTOWN, 2017).locator('.cell-message');
    await expect.poll(() => message.textContent()).toContain('看起来像累计数');
    await expect.poll(() => message.textContent()).toContain('2017年新增应为2.3');
    expect(await cellText(page, SHANTYTOWN, 2017)).toBe('');
    await screenshot(page, 'entry-running-totals');
    // The evaluator corrects it to the year's own amount: saved without a question.
    await page.keyboard.press('Escape');
    await cell(page, SHANTYTOWN, 2017).click();
    await page.keyboard.type('2.3\n');
    await expect.poll(() => cellText(page, SHANTYTOWN, 2017)).toBe('2.3');

    // The year header stays in view while the grid scrolls.
    const wrap = page.locator('.entry-grid-wrap');
    await wrap.evaluate((el) => el.scrollTo(0, 1500));
    const header = page.locator('table.entry-grid thead th').first();
    await expect
      .poll(async () => {
        const [h, w] = await Promise.all([header.boundingBox(), wrap.boundingBox()]);
        return h && w ? Math.abs(h.y - w.y) < 2 : false;
      })
      .toBe(true);
    await screenshot(page, 'entry-sticky-header');
    expect(session.errors).toEqual([]);
  });

  it('warns of a jump in English when the app is in English', async () => {
    session = await openBrowser();
    const { page } = session;
    await openEntry(page);
    await page.getByRole('button', { name: 'English' }).click();
    await cell(page, RETENTION, 2016).click();
    await page.keyboard.type('70\n');
    // 96.98 (2015) → 70 is 26.98 points: more than 10.
    await expect
      .poll(() => cell(page, RETENTION, 2016).locator('.cell-message').textContent())
      .toContain('-26.98 pp from 2015 (96.98), more than 10 pp');
    expect(session.errors).toEqual([]);
  });
});
