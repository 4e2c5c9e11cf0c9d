import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { BASE_URL, openBrowser, screenshot, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/**
 * Stores a plan whose indicator list is missing straight into IndexedDB, as a damaged database
 * or a plan written by some other tool would hold it: a real way for a page to fail while
 * drawing.
 */
async function storeDamagedPlan(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('gongfu-monitor');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('userPlans', 'readwrite');
          tx.objectStore('userPlans').put({
            id: 'damaged',
            fileName: 'damaged.json',
            loadedAt: '2026-11-23T00:00:00.000Z',
            plan: {
              id: 'damaged',
              name: '损坏的规划',
              shortName: '损坏的规划',
              region: '某市',
              period: { start: 2016, end: 2020 },
              baseYear: 2015,
              regions: [],
              domains: [],
              indicators: null,
              textTargets: [],
              services: [],
              tasks: [],
              dataIssues: [],
            },
          });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** How many rows each store of the user's database holds. */
async function countRows(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const request = indexedDB.open('gongfu-monitor');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const counts: Record<string, number> = {};
          for (const name of names) {
            const count = tx.objectStore(name).count();
            count.onsuccess = () => (counts[name] = count.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
        };
      }),
  );
}

describe('a page that fails while drawing', () => {
  it('says so in Chinese inside the shell, keeps the data, and recovers on another page', async () => {
    session = await openBrowser();
    const { page } = session;
    // Given a value stored through the app and a damaged plan stored beside it
    await page.goto(`${BASE_URL}#/entry?plan=zhoucun`);
    const firstCell = page.locator('table.entry-grid td[data-year="2016"]').first();
    await firstCell.click();
    await page.keyboard.type('97.5\n');
    await expect.poll(() => page.getByTestId('entry-notice').textContent()).toContain('已保存');
    await storeDamagedPlan(page);
    const before = await countRows(page);
    expect(before.userPlans).toBe(1);
    expect(before.series).toBe(1); // the value, in its series record (docs/data-model.md)

    // When the catalog of the damaged plan is opened
    await page.goto('about:blank');
    await page.goto(`${BASE_URL}#/catalog?plan=damaged`);

    // Then the page says what happened, in Chinese, with the shell around it
    const error = page.getByTestId('page-error');
    await expect.poll(() => error.getByRole('heading').textContent()).toBe('本页出现了意外错误');
    expect(await error.textContent()).toContain('已保存的数据都还在');
    expect(await page.getByRole('navigation', { name: '主导航' }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: '规划', exact: true }).count()).toBe(1);
    // and the technical message is there, folded away
    const details = error.locator('details');
    expect(await details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    expect(await details.locator('pre').textContent()).toMatch(/^TypeError: /);
    await screenshot(page, 'page-error');

    // and nothing stored was touched
    expect(await countRows(page)).toEqual(before);

    // When the reader goes to another page, it shows
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '设置' })
      .click();
    await expect.poll(() => page.getByTestId('storage-persisted').count()).toBe(1);
    expect(await page.getByTestId('page-error').count()).toBe(0);
    // and the value entered before is still there
    await page.goto(`${BASE_URL}#/entry?plan=zhoucun`);
    await expect
      .poll(() =>
        page
          .locator('table.entry-grid td[data-year="2016"]')
          .first()
          .locator('.cell-value')
          .textContent(),
      )
      .toBe('97.5');
    // The only console errors are the page's own failure, reported by React.
    expect(session.errors.length).toBeGreaterThan(0);
    for (const message of session.errors) expect(message).toMatch(/TypeError|indicators|length/);
  });
});
