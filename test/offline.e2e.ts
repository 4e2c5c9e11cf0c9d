import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type Session } from './browser';
import { startPreview, type PreviewServer } from './preview-server';

let session: Session | undefined;
let server: PreviewServer | undefined;
afterEach(async () => {
  await session?.close();
  await server?.stop();
  session = undefined;
  server = undefined;
});

describe('offline', () => {
  it('opens with its plans and the stored values after the server is gone', async () => {
    // A server of its own, which this test stops (cutting the network does not stop a
    // service worker's fetches in Chromium).
    server = await startPreview();
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${server.url}#/settings`);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('示例数值');
    // The service worker has installed and controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
      .toBe(true);
    // Every lazily loaded page and plan is precached, not only the ones visited.
    await server.stop();
    await page.goto(`${server.url}#/assessment?plan=handan&year=2018`);
    await expect
      .poll(() => page.getByTestId('assessment-table').locator('tbody tr').count())
      .toBeGreaterThan(20);
    await expect.poll(() => page.getByTestId('demo-banner').count()).toBe(1);
    await page.goto(`${server.url}#/catalog?plan=zhoucun&item=health.infant-mortality`);
    await expect.poll(() => page.getByTestId('source-quote').textContent()).toContain('婴儿死亡率');
    await page.goto(`${server.url}#/overview?plan=dazhou&year=2018`);
    await expect.poll(() => page.getByTestId('county-panel').locator('tbody tr').count()).toBe(6);
    await screenshot(page, 'offline-overview');
    expect(session.errors.filter((e) => !e.includes('ERR_CONNECTION_REFUSED'))).toEqual([]);
  });
});
