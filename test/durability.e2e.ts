import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BASE_URL, openBrowser, screenshot, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('durability', () => {
  it('stops writing and asks to reload when another tab upgrades the database', async () => {
    session = await openBrowser();
    const { page, context } = session;
    await page.goto(`${BASE_URL}#/assessment?plan=dazhou`);
    await expect.poll(() => page.getByTestId('assessment-table').count()).toBe(1);
    // Another tab, standing in for a newer app version, opens the database at a higher version.
    const other = await context.newPage();
    await other.goto(BASE_URL);
    const upgraded = await other.evaluate(
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
    expect(upgraded).toBe(1000);
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('另一个标签页中升级了数据库');
    await screenshot(page, 'durability-upgrade-blocked');
  });

  it('shows whether persistent storage was granted and how much space is used', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${BASE_URL}#/settings`);
    await expect
      .poll(() => page.getByTestId('storage-persisted').textContent())
      .toMatch(/持久保存/);
    await expect.poll(() => page.getByText(/已使用 .*可用上限约/).count()).toBe(1);
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
    expect(backup.format).toBe('gongfu-monitor-backup');
    expect(backup.database).toBe('gongfu-monitor-demo');
    expect(backup.tables.observations).toHaveLength(count);
    expect(session.errors).toEqual([]);
  });
});
