import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ARTIFACTS, BASE_URL, openBrowser, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const REGIONS = 200;
const ITEM = 'education.preschool-gross-enrollment'; // %, the plan's first item

/** 周村's plan as a user's plan file, with a province's count of regions (the first its area). */
function longPlan() {
  const zhoucun = JSON.parse(readFileSync('data/plans/zhoucun.json', 'utf8'));
  return {
    ...zhoucun,
    id: 'long-test',
    shortName: '长表测试',
    regions: Array.from({ length: REGIONS }, (_, i) => ({
      id: `r${String(i).padStart(3, '0')}`,
      name: i === 0 ? '测试区' : `测试县${String(i).padStart(3, '0')}`,
      level: i === 0 ? 'district' : 'county',
    })),
  };
}

describe('数据录入 with 200 regions (by indicator)', () => {
  it('moves by arrow keys past the rows in view, and a cell there is edited and saved', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${BASE_URL}#/catalog?tab=plan`);
    await page.locator('input[type=file]').setInputFiles({
      name: 'long-plan.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(longPlan())),
    });
    // The plan is stored when its page lists its regions.
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 20_000 })
      .toContain('测试县199');

    await page.goto(`${BASE_URL}#/entry?plan=long-test&view=indicator&item=${ITEM}`);
    const grid = page.locator('table.entry-grid');
    await page.locator('td.entry-cell[data-row="0"][data-col="1"]').waitFor();
    // A screen reader hears the whole grid (a header row and 200 rows), though fewer are drawn.
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(REGIONS + 1));
    const drawn = await grid.locator('tbody tr[data-region]').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(REGIONS);

    // Given the first region's 2016 cell, when ArrowDown is pressed 150 times
    await page.locator('td.entry-cell[data-row="0"][data-col="1"]').click();
    for (let k = 0; k < 150; k++) await page.keyboard.press('ArrowDown');

    // Then the 151st region's 2016 cell has the focus, is drawn, and is in view
    const target = page.locator('tr[data-region="r150"] td[data-year="2016"]');
    await expect.poll(() => target.getAttribute('aria-selected')).toBe('true');
    expect(
      await page.evaluate(() => document.activeElement?.closest('td')?.dataset.row ?? null),
    ).toBe('150');
    expect(await page.locator('tr[data-region="r150"]').getAttribute('aria-rowindex')).toBe('152');
    const wrapBox = await page.locator('.entry-grid-wrap').boundingBox();
    const cellBox = await target.boundingBox();
    expect(cellBox && wrapBox).toBeTruthy();
    expect(cellBox!.y).toBeGreaterThanOrEqual(wrapBox!.y);
    expect(cellBox!.y + cellBox!.height).toBeLessThanOrEqual(wrapBox!.y + wrapBox!.height + 1);
    // The first rows are no longer drawn.
    expect(await page.locator('tr[data-region="r001"]').count()).toBe(0);

    // When a value is typed there and entered
    await page.keyboard.type('88.5');
    await page.keyboard.press('Enter');

    // Then it is saved for that region, and the cell below is active
    await expect.poll(() => page.getByTestId('entry-notice').textContent()).toContain('已保存');
    await expect
      .poll(() =>
        target
          .locator('.cell-value')
          .textContent({ timeout: 2000 })
          .catch(() => ''),
      )
      .toBe('88.5');
    await expect
      .poll(() =>
        page.locator('tr[data-region="r151"] td[data-year="2016"]').getAttribute('aria-selected'),
      )
      .toBe('true');
    // The grid's box (the page below it lists the 200 regions again).
    await page.locator('.entry-layout').screenshot({ path: `${ARTIFACTS}/entry-long-grid.png` });

    // And after going back to the top and down again, the value is still shown there
    for (let k = 0; k < 151; k++) await page.keyboard.press('ArrowUp');
    await expect
      .poll(() =>
        page.locator('tr[data-region="r000"] td[data-year="2016"]').getAttribute('aria-selected'),
      )
      .toBe('true');
    expect(await page.locator('tr[data-region="r150"]').count()).toBe(0);
    await page.reload();
    await page.locator('td.entry-cell[data-row="0"][data-col="1"]').click();
    for (let k = 0; k < 150; k++) await page.keyboard.press('ArrowDown');
    await expect
      .poll(() =>
        target
          .locator('.cell-value')
          .textContent({ timeout: 2000 })
          .catch(() => ''),
      )
      .toBe('88.5');
    expect(session.errors).toEqual([]);
  });
});
