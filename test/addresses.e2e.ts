import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { BASE_URL, openBrowser, screenshot, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The address after `#`, decoded, so expectations read as the user sees them. */
const hashOf = (page: Page) => decodeURIComponent(new URL(page.url()).hash);
const notices = (page: Page) => page.getByTestId('address-notices').locator('li');
/** The notices' sentences, without their 知道了 buttons. */
const noticeTexts = async (page: Page) =>
  (await notices(page).allTextContents()).map((text) => text.replace(/\s*知道了$/, ''));

/** Opens an address as a link would: a fresh page load, not a change within the app. */
async function open(page: Page, address: string) {
  await page.goto('about:blank');
  await page.goto(`${BASE_URL}${address}`);
}

async function loadDemo(s: Session) {
  await s.page.goto(`${BASE_URL}#/settings`);
  await s.page.getByRole('button', { name: '加载示例数据' }).click();
  await expect.poll(() => s.page.getByRole('status').textContent()).toContain('示例数值');
}

interface Case {
  address: string;
  notices: string[];
  corrected: string;
  /** Proves the page shows a valid view of what the notice says. */
  shows: (page: Page) => Promise<void>;
}

const selected = (page: Page, label: string) =>
  page.getByRole('combobox', { name: label, exact: true }).evaluate((el) => {
    const select = el as HTMLSelectElement;
    return select.selectedOptions[0]?.textContent ?? '';
  });

// The sample data runs 2016–2018 (src/db/demo.ts), so the default year is 2018: the latest
// year of the plan's period (2016–2020) with any stored value.
const CASES: Case[] = [
  {
    address: '#/overview?plan=dazhou&year=abc',
    notices: ['地址中的年份“abc”无效，已改为显示2018年。'],
    corrected: '#/overview?plan=dazhou&year=2018',
    shows: async (page) => {
      await expect.poll(() => selected(page, '评估年份')).toBe('2018');
      await expect.poll(() => page.getByTestId('tile-achieved').count()).toBe(1);
    },
  },
  {
    address: '#/overview?plan=dazhou&year=99999',
    notices: ['地址中的年份“99999”无效，已改为显示2018年。'],
    corrected: '#/overview?plan=dazhou&year=2018',
    shows: async (page) => {
      await expect.poll(() => selected(page, '评估年份')).toBe('2018');
    },
  },
  {
    address: '#/assessment?plan=dazhou&year=2016.5',
    notices: ['地址中的年份“2016.5”无效，已改为显示2018年。'],
    corrected: '#/assessment?plan=dazhou&year=2018',
    shows: async (page) => {
      await expect.poll(() => page.getByTestId('assessment-table').count()).toBe(1);
    },
  },
  {
    address: '#/entry?plan=dazhou&year=-1',
    notices: ['地址中的年份“-1”无效，已改为显示2018年。'],
    corrected: '#/entry?plan=dazhou&year=2018',
    shows: async (page) => {
      await expect.poll(() => page.locator('table.entry-grid').count()).toBe(1);
    },
  },
  {
    address: '#/overview?plan=dazhou&year=2030',
    notices: ['地址中的年份“2030”不在达州市规划的年份范围（2016—2020年）内，已改为显示2018年。'],
    corrected: '#/overview?plan=dazhou&year=2018',
    shows: async (page) => {
      await expect.poll(() => selected(page, '评估年份')).toBe('2018');
    },
  },
  {
    address: '#/overview?plan=dazhou&region=<script>',
    notices: ['地址中的区域“<script>”无效，已改为显示达州市。'],
    corrected: '#/overview?plan=dazhou&region=dazhou',
    shows: async (page) => {
      await expect.poll(() => selected(page, '区域')).toBe('达州市');
    },
  },
  {
    address: '#/assessment?plan=nonexistent&region=quxian',
    notices: ['地址中的规划“nonexistent”不存在，已改为显示达州市规划。'],
    corrected: '#/assessment?plan=dazhou&region=quxian',
    shows: async (page) => {
      await expect.poll(() => selected(page, '规划')).toBe('达州市规划');
      await expect.poll(() => page.getByTestId('assessment-table').count()).toBe(1);
    },
  },
  {
    address: '#/overview?plan=zhoucun&region=quxian',
    notices: ['地址中的区域“quxian”在周村区规划中不存在，已改为显示周村区。'],
    corrected: '#/overview?plan=zhoucun&region=zhoucun',
    shows: async (page) => {
      await expect.poll(() => selected(page, '区域')).toBe('周村区');
    },
  },
  {
    address: '#/overview?plan=dazhou&view=unknown',
    notices: ['地址中的视图“unknown”无效，已改为显示概况。'],
    corrected: '#/overview?plan=dazhou',
    shows: async (page) => {
      await expect
        .poll(() => page.getByRole('link', { name: '概况' }).getAttribute('aria-current'))
        .toBe('page');
    },
  },
  {
    address: '#/catalog?plan=dazhou&item=zzz&tab=nope',
    notices: [
      '地址中的分页“nope”无效，已改为显示指标。',
      '地址中的指标“zzz”在达州市规划中不存在，已改为显示指标列表（未选中条目）。',
    ],
    corrected: '#/catalog?plan=dazhou',
    shows: async (page) => {
      await expect.poll(() => page.getByTestId('catalog-table').count()).toBe(1);
      expect(await page.getByTestId('item-detail').count()).toBe(0);
    },
  },
  {
    // The data entry page's old as-of parameter is read as `year` once, without a notice.
    address: '#/entry?plan=dazhou&asof=2017',
    notices: [],
    corrected: '#/entry?plan=dazhou&year=2017',
    shows: async (page) => {
      await expect.poll(() => selected(page, '评估年份')).toBe('2017');
    },
  },
];

describe('addresses', () => {
  it('turns every bad address into a valid view, with a Chinese notice, and corrects it', async () => {
    session = await openBrowser();
    const { page } = session;
    await loadDemo(session);
    for (const c of CASES) {
      await open(page, c.address);
      await expect.poll(() => hashOf(page), { message: c.address }).toBe(c.corrected);
      await c.shows(page);
      await expect.poll(() => noticeTexts(page), { message: c.address }).toEqual(c.notices);
    }
    expect(session.errors).toEqual([]);
  });

  it('replaces the bad address instead of adding one: Back does not return to it', async () => {
    session = await openBrowser();
    const { page } = session;
    await open(page, '#/settings');
    await expect.poll(() => page.getByTestId('storage-persisted').count()).toBe(1);
    await page.goto(`${BASE_URL}#/overview?plan=dazhou&year=abc`);
    await expect.poll(() => hashOf(page)).toBe('#/overview?plan=dazhou&year=2016');
    // With no values stored, the default year is the period's first year.
    expect(await noticeTexts(page)).toEqual(['地址中的年份“abc”无效，已改为显示2016年。']);
    await page.goBack();
    await expect.poll(() => hashOf(page)).toBe('#/settings');
    expect(session.errors).toEqual([]);
  });

  it('says in Chinese, with a link back, that an unknown path is no page', async () => {
    session = await openBrowser();
    const { page } = session;
    for (const address of ['#/nope', '#constructor', '#__proto__', '#/overview/x']) {
      await open(page, address);
      await expect
        .poll(() => page.getByTestId('not-found').textContent(), { message: address })
        .toContain('不是本应用的页面');
      // The shell stays: header and navigation.
      expect(await page.getByRole('navigation', { name: '主导航' }).count()).toBe(1);
    }
    await screenshot(page, 'address-not-found');
    await page.getByTestId('not-found').getByRole('link', { name: '回到总览' }).click();
    await expect.poll(() => hashOf(page)).toBe('#/overview');
    await expect.poll(() => page.getByTestId('overview-empty').count()).toBe(1);
    expect(session.errors).toEqual([]);
  });

  it('shows the notice until dismissed or the next choice, and in English too', async () => {
    session = await openBrowser();
    const { page } = session;
    await loadDemo(session);
    await open(page, '#/overview?plan=dazhou&year=abc&region=nope');
    await expect
      .poll(() => noticeTexts(page))
      .toEqual([
        '地址中的区域“nope”在达州市规划中不存在，已改为显示达州市。',
        '地址中的年份“abc”无效，已改为显示2018年。',
      ]);
    await expect.poll(() => page.getByTestId('tile-achieved').count()).toBe(1);
    await screenshot(page, 'address-notice');
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => notices(page).first().textContent())
      .toContain('The region “nope” in the address is not in 达州市规划; showing 达州市 instead.');
    await page.getByRole('button', { name: '中文' }).click();
    await notices(page).first().getByRole('button', { name: '关闭此提示' }).click();
    await expect
      .poll(() => noticeTexts(page))
      .toEqual(['地址中的年份“abc”无效，已改为显示2018年。']);
    // Choosing another year is the reader's own choice: the notice about the address ends.
    await page.getByRole('combobox', { name: '评估年份' }).selectOption('2017');
    await expect.poll(() => notices(page).count()).toBe(0);
    await expect.poll(() => hashOf(page)).toBe('#/overview?plan=dazhou&region=dazhou&year=2017');
    expect(session.errors).toEqual([]);
  });

  it('keeps the choices a new plan has when the plan is switched, without a notice', async () => {
    session = await openBrowser();
    const { page } = session;
    await open(page, '#/overview?plan=dazhou&region=quxian&year=2018&view=regions');
    await expect.poll(() => selected(page, '区域')).toBe('渠县');
    await page.getByRole('combobox', { name: '规划', exact: true }).selectOption('zhoucun');
    await expect.poll(() => hashOf(page)).toBe('#/overview?plan=zhoucun&year=2018&view=regions');
    await expect.poll(() => selected(page, '区域')).toBe('周村区');
    expect(await notices(page).count()).toBe(0);
    expect(session.errors).toEqual([]);
  });
});
