import { afterEach, describe, expect, it } from 'vitest';
import { BASE_URL, openBrowser, screenshot, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('app shell', () => {
  it('renders the Chinese shell with plan switcher and navigation, without console errors', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(BASE_URL);
    await expect
      .poll(() => page.locator('header').textContent())
      .toContain('基本公共服务均等化规划监测评估');
    const nav = page.getByRole('navigation', { name: '主导航' });
    for (const label of ['总览', '指标目录', '数据录入', '评估', '报告', '设置']) {
      await expect.poll(() => nav.getByRole('link', { name: label }).count()).toBe(1);
    }
    const switcher = page.getByRole('combobox', { name: '规划' });
    await expect.poll(() => switcher.locator('option').count()).toBe(5);
    await expect.poll(() => switcher.locator('option').allTextContents()).toContain('周村区规划');
    await screenshot(page, 'shell');
    expect(session.errors).toEqual([]);
  });

  it('switches a page to English, the report itself staying in Chinese', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${BASE_URL}#/reports`);
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).first().textContent())
      .toBe('评估报告');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('navigation').textContent()).toContain('Catalog');
    await expect
      .poll(() => page.getByTestId('storage-note').textContent())
      .toContain('stored in this computer’s database');
    expect(await page.getByTestId('report-preview').locator('h1').textContent()).toContain(
      '评估报告',
    );
    expect(session.errors).toEqual([]);
  });
});
