import { afterEach, describe, expect, it } from 'vitest';
import { assessPlan, indexValues, rollUpStatuses } from '../src/domain/assessment/index';
import { resultSentence } from '../src/domain/wording';
import { loadAllPlans } from '../src/domain/catalog/test-plans';
import { generateDemoValues } from '../src/domain/demo/generate';
import { BASE_URL, openBrowser, screenshot, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function loadDemo(s: Session) {
  await s.page.goto(`${BASE_URL}#/settings`);
  await s.page.getByRole('button', { name: '加载示例数据' }).click();
  await expect.poll(() => s.page.getByRole('status').textContent()).toContain('示例数值');
}

describe('评估', () => {
  it('shows for sample data the statuses the engine computes, labelled 示例数据', async () => {
    session = await openBrowser();
    const { page } = session;
    await loadDemo(session);
    await page.goto(`${BASE_URL}#/assessment?plan=dazhou&region=quxian&year=2018`);
    await expect.poll(() => page.getByTestId('demo-banner').textContent()).toContain('示例数据');
    // The same computation in Node: plans are the 1st (seed 2016) in the built-in order.
    const plans = loadAllPlans();
    const dazhou = plans.find((p) => p.id === 'dazhou');
    if (!dazhou) throw new Error('dazhou');
    const regionIds = dazhou.regions.map((r) => r.id);
    const values = generateDemoValues(dazhou, regionIds, 2018, 2016);
    const results = assessPlan(
      dazhou,
      indexValues(values),
      { regionId: 'quxian', role: 'subregion' },
      2018,
    );
    const rollup = rollUpStatuses(
      results,
      dazhou.domains.map((d) => d.id),
    );
    const table = page.getByTestId('assessment-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(results.length);
    for (const status of ['achieved', 'on_track', 'lagging', 'regressing'] as const) {
      await expect
        .poll(() => table.locator(`[data-status="${status}"]`).count())
        .toBe(rollup.plan.counts[status]);
    }
    const beds = results.find((r) => r.id === 'health.hospital-beds-per-1000');
    await expect
      .poll(() => table.locator('tr[data-item="health.hospital-beds-per-1000"]').textContent())
      .toContain(beds ? resultSentence(dazhou, beds) : '—');
    await screenshot(page, 'assessment');
    expect(session.errors).toEqual([]);
  });

  it('lets the evaluator judge a words target with a required reason, kept across reloads with history', async () => {
    session = await openBrowser();
    const { page } = session;
    await loadDemo(session);
    await page.goto(`${BASE_URL}#/assessment?plan=zhoucun&year=2018&status=manual`);
    const row = page.locator('tr[data-item="housing.rural-dilapidated-housing-renovation"]');
    await expect.poll(() => row.textContent()).toContain('需人工评定');
    await row.getByRole('button', { name: '评定' }).click();
    const form = page.getByTestId('judgement-form');
    await form.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('请填写理由');
    await form.locator('select').selectOption('on_track');
    await form.locator('textarea').fill('区住建局报告：2018年已完成四类重点对象危房改造38户');
    await form.getByRole('button', { name: '保存' }).click();
    await page.goto(`${BASE_URL}#/assessment?plan=zhoucun&year=2018`);
    const judged = page.locator('tr[data-item="housing.rural-dilapidated-housing-renovation"]');
    await expect
      .poll(() => judged.locator('[data-status]').first().getAttribute('data-status'))
      .toBe('on_track');
    await expect
      .poll(() => judged.getByTestId('judgement-note').textContent())
      .toContain('计算状态：需人工评定');
    await page.reload();
    await expect
      .poll(() => judged.getByTestId('judgement-note').textContent())
      .toContain('已完成四类重点对象危房改造38户');
    await judged.getByRole('button', { name: '评定' }).click();
    await expect
      .poll(() => page.getByTestId('judgement-form').textContent())
      .toContain('→ 符合进度');
    await screenshot(page, 'assessment-judgement');

    // One path: 总览 and 数据录入 show the evaluator's status for the same item and year.
    const item = 'housing.rural-dilapidated-housing-renovation';
    await page.goto(`${BASE_URL}#/overview?plan=zhoucun&year=2018&view=domain`);
    await expect
      .poll(() =>
        page
          .locator(`[data-testid="bullet-row"][data-item="${item}"] [data-status]`)
          .first()
          .getAttribute('data-status'),
      )
      .toBe('on_track');
    await page.goto(`${BASE_URL}#/entry?plan=zhoucun&asof=2018`);
    await expect
      .poll(() =>
        page
          .locator(
            `tr:has(th:text-is("${'建档立卡贫困户、低保户、农村分散供养特困人员、贫困残疾人家庭等4类重点对象农村危房改造'}")) [data-status]`,
          )
          .first()
          .getAttribute('data-status'),
      )
      .toBe('on_track');

    // A year later the judgement is carried over, marked, until the evaluator confirms it.
    await page.goto(`${BASE_URL}#/assessment?plan=zhoucun&year=2019`);
    const next = page.locator(`tr[data-item="${item}"]`);
    await expect
      .poll(() => next.getByTestId('judgement-note').textContent())
      .toContain('沿用2018年人工评定：符合进度');
    await expect.poll(() => next.getByTestId('judgement-note').textContent()).toContain('待确认');
    await next.getByRole('button', { name: '确认沿用' }).click();
    await expect
      .poll(() => next.getByTestId('judgement-note').textContent())
      .toContain('人工评定：符合进度（理由：沿用2018年评定');
    await expect
      .poll(() => next.getByTestId('judgement-note').textContent())
      .not.toContain('待确认');
    expect(session.errors).toEqual([]);
  });
});
