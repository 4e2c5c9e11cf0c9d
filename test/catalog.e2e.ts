import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { searchCatalog } from '../src/domain/catalog/search';
import { loadAllPlans } from '../src/domain/catalog/test-plans';
import { BASE_URL, openBrowser, screenshot, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('指标目录', () => {
  it('finds every bed indicator across plans by typing 床位, and shows where one came from', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${BASE_URL}#/catalog`);
    await page.getByRole('searchbox').fill('床位');
    const expected = searchCatalog(loadAllPlans(), '床位');
    const rows = page.getByTestId('search-results').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(expected.length);
    await expect
      .poll(() => page.getByTestId('search-results').textContent())
      .toContain('每千人口床位数');
    await screenshot(page, 'catalog-search');
    // An address with another q (a link, 后退) shows its query in the box, not the old one.
    await page.goto(`${BASE_URL}#/catalog?q=${encodeURIComponent('学前')}`);
    await expect.poll(() => page.getByRole('searchbox').inputValue()).toBe('学前');
    await page.goBack();
    await expect.poll(() => page.getByRole('searchbox').inputValue()).toBe('床位');

    await page.getByRole('link', { name: '养老床位中护理型床位比例' }).first().click();
    const detail = page.getByTestId('item-detail');
    await expect.poll(() => detail.textContent()).toContain('养老床位中护理型床位比例');
    // The cited line of the source document is quoted and marked.
    await expect
      .poll(() => detail.locator('.quote-cited').textContent())
      .toContain('养老床位中护理型床位比例');
    await screenshot(page, 'catalog-detail');
    expect(session.errors).toEqual([]);
  });

  it('refuses a bad plan file with messages that name the place, stores nothing, then loads and removes a good one', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${BASE_URL}#/catalog?tab=plan`);
    const zhoucun = JSON.parse(readFileSync('data/plans/zhoucun.json', 'utf8'));
    const bad = {
      ...zhoucun,
      id: 'zibo-test',
      indicators: zhoucun.indicators.map((i: object, n: number) =>
        n === 1 ? { ...i, direction: 'sideways' } : i,
      ),
    };
    const fileInput = page.locator('input[type=file]');
    await fileInput.setInputFiles({
      name: 'bad-plan.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const errors = page.getByTestId('plan-load-errors');
    await expect.poll(() => errors.textContent()).toContain('bad-plan.json');
    await expect.poll(() => errors.textContent()).toContain('指标[第2项].direction');
    await screenshot(page, 'catalog-bad-plan');
    const switcher = page.getByRole('combobox', { name: '规划' });
    expect(await switcher.locator('option').count()).toBe(5);

    // A built-in id is refused: built-in plans cannot be replaced by accident.
    await fileInput.setInputFiles({
      name: 'same-id.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(zhoucun)),
    });
    await expect.poll(() => errors.textContent()).toContain('内置规划');

    const good = { ...zhoucun, id: 'zibo-test', shortName: '测试规划' };
    await fileInput.setInputFiles({
      name: 'good-plan.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(good)),
    });
    await expect.poll(() => switcher.locator('option').count()).toBe(6);
    await page.reload();
    await expect
      .poll(() => page.getByRole('combobox', { name: '规划' }).locator('option').count())
      .toBe(6);
    await page.goto(`${BASE_URL}#/catalog?plan=zibo-test&tab=plan`);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '移除' }).click();
    await expect
      .poll(() => page.getByRole('combobox', { name: '规划' }).locator('option').count())
      .toBe(5);
    expect(session.errors).toEqual([]);
  });

  it('refuses a file with a repeated key, and a different file under the id of a removed plan whose values remain', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${BASE_URL}#/catalog?tab=plan`);
    const zhoucunText = readFileSync('data/plans/zhoucun.json', 'utf8');
    const zhoucun = JSON.parse(zhoucunText);
    const fileInput = page.locator('input[type=file]');
    const errors = page.getByTestId('plan-load-errors');
    const switcher = page.getByRole('combobox', { name: '规划' });

    // A key written twice: JSON.parse would keep the last one silently.
    const repeated = zhoucunText
      .replace('"id": "zhoucun"', '"id": "zibo-test"')
      .replace(
        '"name": "学前教育三年毛入学率"',
        '"name": "学前教育三年毛入学率", "name": "别的指标"',
      );
    await fileInput.setInputFiles({
      name: 'repeated-key.json',
      mimeType: 'application/json',
      buffer: Buffer.from(repeated),
    });
    await expect
      .poll(() => errors.textContent())
      .toContain('指标[第1项]：字段“name”重复出现（同一对象中的字段不能重复）');
    expect(await switcher.locator('option').count()).toBe(5);

    // Given a loaded plan with a value typed for it (a gross enrolment rate may exceed 100%)
    const original = { ...zhoucun, id: 'zibo-test', shortName: '测试规划' };
    await fileInput.setInputFiles({
      name: 'original.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(original)),
    });
    await expect.poll(() => switcher.locator('option').count()).toBe(6);
    await page.goto(`${BASE_URL}#/entry?plan=zibo-test`);
    const cell = page.locator(
      'tr[data-item="education.preschool-gross-enrollment"] td[data-year="2016"]',
    );
    await cell.click();
    await page.keyboard.type('101.5\n');
    await expect.poll(() => page.getByTestId('entry-notice').textContent()).toContain('已保存');

    // When the plan is removed (its values stay) and another file is loaded under its id
    await page.goto(`${BASE_URL}#/catalog?plan=zibo-test&tab=plan`);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '移除' }).click();
    await expect.poll(() => switcher.locator('option').count()).toBe(5);
    const other = { ...zhoucun, id: 'zibo-test', name: '另一份规划', shortName: '另一份' };
    await fileInput.setInputFiles({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(other)),
    });

    // Then it is refused, naming the plan whose values are stored and how to proceed
    await expect
      .poll(() => errors.textContent())
      .toContain(`编号“zibo-test”下仍保存着此前载入的规划“${zhoucun.name}”（文件 original.json）`);
    expect(await errors.textContent()).toContain('请把本文件的 id 改为新的编号');
    await screenshot(page, 'catalog-plan-id-reused');
    expect(await switcher.locator('option').count()).toBe(5);

    // and the original file loads again with its value
    await fileInput.setInputFiles({
      name: 'original.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(original)),
    });
    await expect.poll(() => switcher.locator('option').count()).toBe(6);
    await page.goto(`${BASE_URL}#/entry?plan=zibo-test`);
    await expect.poll(() => cell.locator('.cell-value').textContent()).toBe('101.5');
    expect(session.errors).toEqual([]);
  });
});
