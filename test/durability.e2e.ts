import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { BASE_URL, openBrowser, screenshot, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const UPGRADED_SHELL =
  '应用已在另一个标签页中升级了数据库。为避免数据冲突，本页已停止写入，请重新加载。';
const UPGRADED_ENTRY = '数据库已在另一个标签页中升级，本页已停止写入。';
const PERSISTED = '浏览器已同意持久保存本应用的数据（清理缓存时不会被自动删除）。';
const NOT_PERSISTED =
  '浏览器尚未同意持久保存：磁盘空间紧张时，数据可能被浏览器清除。请定期导出备份。';

/** Opens the user database at a higher version, as a newer app version in another tab would. */
async function upgradeFromAnotherTab(other: Page): Promise<number> {
  return other.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('gongfu-monitor', 1000);
        request.onsuccess = () => {
          const version = request.result.version;
          request.result.close();
          resolve(version);
        };
        request.onerror = () => reject(request.error);
      }),
  );
}

/** The values stored in the user database, one record per series (read from a tab that may open it). */
async function storedObservations(other: Page): Promise<unknown[]> {
  return other.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = indexedDB.open('gongfu-monitor');
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction('series').objectStore('series').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result);
          };
          all.onerror = () => reject(all.error);
        };
        request.onerror = () => reject(request.error);
      }),
  );
}

/** Makes the browser answer `persisted()` with `granted`; `persist()` grants when `grants`. */
async function stubPersistence(context: BrowserContext, granted: boolean, grants: boolean) {
  await context.addInitScript(
    ({ granted, grants }) => {
      let state = granted;
      StorageManager.prototype.persisted = () => Promise.resolve(state);
      StorageManager.prototype.persist = () => {
        state = state || grants;
        return Promise.resolve(state);
      };
    },
    { granted, grants },
  );
}

describe('durability', () => {
  it('stops writing when another tab upgrades the database: a value typed then is refused and not stored', async () => {
    session = await openBrowser();
    const { page, context } = session;
    await page.goto(`${BASE_URL}#/entry?plan=zhoucun`);
    const cell = page.locator('table.entry-grid td[data-year="2016"]').first();
    await cell.waitFor();

    // When another tab opens the database at a newer version
    const other = await context.newPage();
    await other.goto(`${BASE_URL}#/reports`);
    expect(await upgradeFromAnotherTab(other)).toBe(1000);

    // Then this tab says it has stopped writing, in the shell and on the entry page
    await expect
      .poll(() => page.locator('.banner-error[role="alert"]').textContent())
      .toBe(`${UPGRADED_SHELL} 重新加载`);
    await expect
      .poll(() => page.locator('.entry-page p[role="alert"]').textContent())
      .toBe(UPGRADED_ENTRY);
    await screenshot(page, 'durability-upgrade-blocked');

    // and a value typed into the grid is not taken
    await cell.click();
    await page.keyboard.type('97.5\n');
    await page.waitForTimeout(500);
    expect(await cell.locator('.cell-value').count()).toBe(0);
    expect(await page.getByRole('button', { name: '撤销上一次修改' }).isDisabled()).toBe(true);
    // and nothing reached the database
    expect(await storedObservations(other)).toEqual([]);
  });

  it('says the browser granted persistent storage when it did', async () => {
    session = await openBrowser();
    const { page, context } = session;
    await stubPersistence(context, true, true);
    await page.goto(`${BASE_URL}#/settings`);
    await expect.poll(() => page.getByTestId('storage-persisted').textContent()).toBe(PERSISTED);
    expect(await page.getByRole('button', { name: '请求持久保存' }).count()).toBe(0);
    await expect.poll(() => page.getByText(/^已使用 .+，可用上限约 .+。$/).count()).toBe(1);
    expect(session.errors).toEqual([]);
  });

  it('says persistent storage is not granted, with a way to ask again, while it is refused', async () => {
    session = await openBrowser();
    const { page, context } = session;
    // The app asks once at start (src/app/main.tsx); this browser refuses every time.
    await stubPersistence(context, false, false);
    await page.goto(`${BASE_URL}#/settings`);
    await expect
      .poll(() => page.getByTestId('storage-persisted').textContent())
      .toBe(NOT_PERSISTED);
    await page.getByRole('button', { name: '请求持久保存' }).click();
    await page.waitForTimeout(300);
    expect(await page.getByTestId('storage-persisted').textContent()).toBe(NOT_PERSISTED);
    expect(session.errors).toEqual([]);
  });

  it('shows the state this browser reports, unstubbed', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${BASE_URL}#/settings`);
    await page.getByTestId('storage-persisted').waitFor();
    const granted = await page.evaluate(() => navigator.storage.persisted());
    expect(await page.getByTestId('storage-persisted').textContent()).toBe(
      granted ? PERSISTED : NOT_PERSISTED,
    );
    expect(session.errors).toEqual([]);
  });

  it('exports a backup file holding every stored value', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${BASE_URL}#/settings`);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toContain('示例数值');
    const count = Number(/已生成 (\d+) 个示例数值/.exec((await status.textContent()) ?? '')?.[1]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出备份（JSON）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^示例数据-规划监测备份-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(backup.format).toBe('gongfu-monitor-exchange');
    expect(backup.content.dataset).toBe('demo');
    // Values are stored one record per series, each holding its years.
    const series = backup.content.tables.series as Array<{
      cells: Record<string, { value: unknown }>;
    }>;
    const values = series.flatMap((s) => Object.values(s.cells)).filter((c) => c.value !== null);
    expect(values).toHaveLength(count);
    expect(session.errors).toEqual([]);
  });
});
