import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { BASE_URL, openBrowser, screenshot, type Session } from './browser';

// The value rules (src/domain/observations/value-rules.ts) as the entry grid applies them, for the
// findings of issue #10: pasted Excel cells with line breaks, spaces inside digits, tiny numbers.
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const RETENTION = 'education.compulsory-retention-rate'; // %, baseline 96.98
const BALANCED = 'education.balanced-county-share'; // %, baseline 42.86
const PRESCHOOL = 'education.preschool-gross-enrollment'; // %, gross enrolment, baseline 85.74
const NEW_JOBS = 'employment.new-urban-jobs'; // 万人, no baseline

const cell = (page: Page, itemId: string, year: number) =>
  page.locator(`tr[data-item="${itemId}"] td[data-year="${year}"]`);
const cellText = (page: Page, itemId: string, year: number) =>
  page
    .locator(`tr[data-item="${itemId}"] td[data-year="${year}"]:not(.is-pending) .cell-value`)
    .textContent({ timeout: 2000 })
    .catch(() => '');

const paste = (page: Page, text: string) =>
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

describe('value rules in the entry grid', () => {
  it('keeps an Excel cell with a line break in one cell, so pasted values stay in their rows', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${BASE_URL}#/entry?plan=dazhou`);
    await page.locator('table.entry-grid').waitFor();
    await cell(page, RETENTION, 2016).click();
    // Given a block copied from Excel whose first cell holds Alt+Enter text
    await paste(page, '"名称\n第二行"\t97.1\r\n43\t50\r\n');
    // Then the text is refused in its own cell: the paste is previewed with it, nothing written yet
    const preview = page.getByRole('dialog', { name: '确认粘贴' });
    await preview.waitFor();
    expect(await preview.textContent()).toContain('“名称\n第二行”不是数字');
    expect(await cellText(page, RETENTION, 2017)).toBe('');
    // and once the valid cells are written, the numbers land where they were copied
    await preview.getByRole('button', { name: '只写入有效的 3 个值' }).click();
    await expect.poll(() => cellText(page, BALANCED, 2017)).toBe('50');
    expect(await cellText(page, RETENTION, 2017)).toBe('97.1');
    expect(await cellText(page, BALANCED, 2016)).toBe('43');
    expect(await cellText(page, PRESCHOOL, 2016)).toBe('');
    expect(await cell(page, RETENTION, 2016).locator('.cell-message').textContent()).toBe(
      '“名称\n第二行”不是数字',
    );
    await screenshot(page, 'values-paste-multiline');
    expect(session.errors).toEqual([]);
  });

  it('refuses spaces inside a number at the cell, and saves what the cell accepts', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${BASE_URL}#/entry?plan=dazhou`);
    await page.locator('table.entry-grid').waitFor();

    await cell(page, NEW_JOBS, 2016).click();
    await page.keyboard.type('1 2 3');
    await page.keyboard.press('Enter');
    const message = cell(page, NEW_JOBS, 2016).locator('.cell-message');
    await expect.poll(() => message.textContent()).toBe('“1 2 3”中间有空格，请核对');
    await screenshot(page, 'values-inner-space');
    await page.keyboard.press('Escape');

    // A very small number is saved as typed, not refused at the save as “1e-7”
    await cell(page, NEW_JOBS, 2017).click();
    await page.keyboard.type('0.0000001');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('entry-notice').textContent())
      .toContain('已保存：新增城镇就业人数 2017');
    expect(await page.getByTestId('entry-notice').textContent()).not.toContain('未保存');

    // A gross enrolment rate may exceed 100% (asked once: a jump of 17.76 points from 85.74)
    await cell(page, PRESCHOOL, 2016).click();
    await page.keyboard.type('103.5');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellText(page, PRESCHOOL, 2016)).toBe('103.5');
    expect(session.errors).toEqual([]);
  });
});
