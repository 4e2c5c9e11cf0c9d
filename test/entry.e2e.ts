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

    const paste = (text: string) =>
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
    await dialog.getByRole('button', { name: '确认粘贴' }).click();
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
