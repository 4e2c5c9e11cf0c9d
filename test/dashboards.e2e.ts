import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import dazhouJson from '../data/plans/dazhou.json';
import {
  assessPlan,
  catalogRegionRole,
  indexValues,
  interpretTarget,
  planCalendar,
} from '../src/domain/assessment';
import { resultSentence } from '../src/domain/wording';
import { parsePlan } from '../src/domain/catalog/validate';
import type { Plan } from '../src/domain/catalog/schema';
import {
  compareRegions,
  regionStatusRows,
  itemsOnOlderData,
  statusTiles,
  type OverviewItem,
} from '../src/domain/charts';
import { generateDemoValues, type DemoValue } from '../src/domain/demo/generate';
import { BASE_URL, openBrowser, screenshot, type Session } from './browser';

// The demo data the app loads, regenerated here from the same generator: 达州 is the first
// built-in plan, so src/db/demo.ts seeds it with 2016 + 0 and values run 2016–2018.
const parsed = parsePlan(dazhouJson);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const plan: Plan = parsed.plan;
const YEAR = 2018;
let values: DemoValue[] = [];
beforeAll(() => {
  values = generateDemoValues(
    plan,
    plan.regions.map((r) => r.id),
    YEAR,
    2016,
  );
});

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Opens a fresh browser and loads the demonstration data through the settings page. */
async function openWithDemo(): Promise<Session> {
  const s = await openBrowser();
  await s.page.goto(`${BASE_URL}#/settings`);
  await s.page.getByRole('button', { name: '加载示例数据' }).click();
  await expect.poll(() => s.page.getByTestId('demo-banner').count(), { timeout: 20_000 }).toBe(1);
  return s;
}

const overviewUrl = (params: Record<string, string>) =>
  `${BASE_URL}#/overview?${new URLSearchParams({ plan: 'dazhou', year: String(YEAR), ...params })}`;

describe('dashboards with demonstration data', () => {
  it('lists the counties with their status counts, most behind first, as the engine does', async () => {
    session = await openWithDemo();
    const { page } = session;
    await page.goto(overviewUrl({}));
    const regions = plan.regions.map((r) => ({
      regionId: r.id,
      name: r.name,
      role: catalogRegionRole(plan, r.id),
    }));
    const expected = regionStatusRows(plan, indexValues(values), regions, YEAR);
    const panel = page.getByTestId('county-panel');
    await expect.poll(() => panel.locator('tbody tr').count()).toBe(expected.length);
    const names = await panel.locator('tbody tr td:first-child').allTextContents();
    expect(names).toEqual(expected.map((r) => r.name));
    await screenshot(page, 'overview-counties');
    expect(session.errors).toEqual([]);
  });

  it('shows the same status counts as the engine, per-domain bars and the lagging list', async () => {
    session = await openWithDemo();
    const { page } = session;
    await page.goto(overviewUrl({}));

    // Given the engine's results for 达州市 (the plan's own area) as of 2018, mid-term …
    const results = assessPlan(
      plan,
      indexValues(values),
      { regionId: 'dazhou', role: 'plan-area' },
      YEAR,
    );
    const expected = statusTiles(results as OverviewItem[], 'midterm');
    const behind = results.filter((r) =>
      ['lagging', 'regressing', 'not_achieved', 'likely_not_achieved'].includes(r.status),
    ).length;
    expect(behind).toBeGreaterThan(0);

    // … then every tile on screen shows the engine's count.
    for (const { status, count } of expected) {
      await expect
        .poll(() => page.getByTestId(`tile-${status}`).locator('.tile-value').textContent())
        .toBe(String(count));
    }
    // A mid-term view has no 未实现 card (none of these items has that status).
    expect(results.some((r) => r.status === 'not_achieved')).toBe(false);
    await expect.poll(() => page.getByTestId('tile-not_achieved').count()).toBe(0);
    const older = itemsOnOlderData(results as OverviewItem[], YEAR).length;
    await expect.poll(() => page.getByTestId('tile-older-data').count()).toBe(older > 0 ? 1 : 0);

    // The stacked bar draws one row per domain that has items; its data table opens on demand.
    const chart = page.getByTestId('domain-chart');
    await expect.poll(() => chart.getByTestId('chart-demo-badge').count()).toBe(1);
    await chart.getByRole('button', { name: '显示数据' }).click();
    const domainsWithItems = plan.domains.filter((d) => results.some((r) => r.domain === d.id));
    await expect.poll(() => chart.locator('table tbody tr').count()).toBe(domainsWithItems.length);

    // The lagging list shows at most ten items, each one of the engine's "behind" items.
    const laggingRows = page.getByTestId('lagging-list').locator('tbody tr');
    await expect.poll(() => laggingRows.count()).toBe(Math.min(10, behind));
    await screenshot(page, 'overview-summary');

    // The same page in English keeps the numbers and translates the labels.
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByTestId('tile-lagging').locator('.tile-label').textContent())
      .toContain('Lagging');
    await expect
      .poll(() => page.getByTestId('tile-lagging').locator('.tile-value').textContent())
      .toBe(String(expected.find((e) => e.status === 'lagging')?.count));
    expect(session.errors).toEqual([]);
  });

  it('draws an indicator chart with a point per reported year, the baseline and the target line', async () => {
    session = await openWithDemo();
    const { page } = session;
    const item =
      plan.indicators.find((i) => i.id === 'health.hospital-beds-per-1000') ??
      plan.indicators.find((i) => i.kind === 'level' && i.target?.value !== undefined);
    if (!item) throw new Error('no level indicator with a numeric target');
    await page.goto(overviewUrl({ view: 'indicator', item: item.id }));

    const reported = values.filter(
      (v) => v.itemId === item.id && v.regionId === 'dazhou' && v.year <= YEAR,
    ).length;
    expect(reported).toBe(3);
    const chart = page.getByTestId('indicator-chart');
    await expect.poll(() => chart.locator('[data-series="actual"]').count()).toBe(reported);
    await expect.poll(() => chart.locator('[data-series="baseline"]').count()).toBe(1);
    await expect.poll(() => chart.locator('.recharts-reference-line').count()).toBe(1);
    await expect
      .poll(() => chart.locator('svg text', { hasText: '目标值' }).first().textContent())
      .toContain(`目标值 ${item.target?.value}`);
    // The engine's sentence is shown beside the chart.
    const result = assessPlan(
      plan,
      indexValues(values),
      { regionId: 'dazhou', role: 'plan-area' },
      YEAR,
    ).find((r) => r.id === item.id);
    await expect
      .poll(() => page.getByTestId('indicator-finding').textContent())
      .toContain(result ? resultSentence(plan, result) : '—');
    await screenshot(page, 'overview-indicator');

    // A cumulative indicator shows running totals as bars.
    const cumulative = plan.indicators.find((i) => i.kind === 'cumulative');
    if (!cumulative) throw new Error('no cumulative indicator');
    await page.goto(overviewUrl({ view: 'indicator', item: cumulative.id }));
    await expect
      .poll(() => chart.locator('.recharts-bar-rectangle').count())
      .toBe(values.filter((v) => v.itemId === cumulative.id && v.regionId === 'dazhou').length);
    await screenshot(page, 'overview-indicator-cumulative');
    expect(session.errors).toEqual([]);
  });

  it('marks exactly the regions below target in the region chart', async () => {
    session = await openWithDemo();
    const { page } = session;
    const counties = plan.regions
      .filter((r) => r.name !== plan.region)
      .map((r) => ({ regionId: r.id, name: r.name }));
    // The first level indicator where some counties meet the target and some do not.
    const picked = plan.indicators
      .filter((i) => i.kind === 'level')
      .map((item) => {
        const rule = interpretTarget(item, item.baseline?.value ?? null);
        const target =
          rule.type === 'reach' || rule.type === 'hold' || rule.type === 'compare'
            ? { value: rule.value, comparator: rule.comparator }
            : null;
        return {
          item,
          comparison: compareRegions({
            kind: 'level',
            itemId: item.id,
            regions: counties,
            rows: values,
            startYear: 2016,
            year: YEAR,
            target,
            schedule: { item, calendar: planCalendar(plan) },
          }),
        };
      })
      .find(
        ({ comparison }) =>
          comparison.belowTarget.length > 0 && comparison.belowTarget.length < counties.length,
      );
    if (!picked) throw new Error('no indicator with counties on both sides of the target');
    await page.goto(overviewUrl({ view: 'regions', item: picked.item.id }));

    const chart = page.getByTestId('region-chart');
    await expect.poll(() => chart.locator('.recharts-bar-rectangle').count()).toBe(counties.length);
    const below = picked.comparison.belowTarget.map((b) => b.name);
    await expect.poll(() => chart.locator('[data-below-target="true"]').count()).toBe(below.length);
    for (const name of below) {
      await expect.poll(() => page.getByTestId('below-target-list').textContent()).toContain(name);
    }
    const met = picked.comparison.bars.filter((b) => b.isBelowTarget === false);
    for (const bar of met) {
      await expect
        .poll(() => page.getByTestId('below-target-list').textContent())
        .not.toContain(bar.name);
    }
    // The target line only: each county's expected path starts from its own 2015 value, so
    // there is no one expected line; the counties behind schedule are listed instead.
    await expect.poll(() => chart.locator('.recharts-reference-line').count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('dispersion-chart').locator('.recharts-line').count())
      .toBe(2);
    const behindSchedule = picked.comparison.behindSchedule.map((b) => b.name);
    expect(picked.comparison.hasSchedule).toBe(true);
    for (const name of behindSchedule) {
      await expect
        .poll(() => page.getByTestId('behind-schedule-list').textContent())
        .toContain(name);
    }
    await screenshot(page, 'overview-regions');

    // A second indicator with a wider spread, for the eye (hospital beds per 1000).
    await page.goto(overviewUrl({ view: 'regions', item: 'health.hospital-beds-per-1000' }));
    await expect.poll(() => chart.locator('.recharts-bar-rectangle').count()).toBe(counties.length);
    await screenshot(page, 'overview-regions-beds');

    // Renaming the plan's own area never makes it a peer of its counties (its role is stored).
    await page.goto(`${BASE_URL}#/entry?plan=dazhou`);
    // The regions table lists the catalog's regions in order: 达州市 first.
    const area = page.locator('table.regions-table tbody tr').first();
    await expect.poll(() => area.textContent()).toContain('达州市');
    await area.getByRole('button', { name: '重命名' }).click();
    await area.getByLabel('名称', { exact: true }).fill('达州市（全市）');
    await area.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => area.textContent()).toContain('达州市（全市）');
    await page.goto(overviewUrl({ view: 'regions', item: 'health.hospital-beds-per-1000' }));
    await expect.poll(() => chart.locator('.recharts-bar-rectangle').count()).toBe(counties.length);
    // The caption names the whole area the bars leave out, under its new name.
    await expect.poll(() => chart.textContent()).toContain('不含达州市（全市）');
    expect(session.errors).toEqual([]);
  });

  it('shows the domain bullet chart and the across-plans comparison', async () => {
    session = await openWithDemo();
    const { page } = session;
    await page.goto(overviewUrl({ view: 'domain', sort: 'status' }));
    await expect
      .poll(() => page.getByTestId('bullet-row').count())
      .toBe(plan.indicators.length + plan.textTargets.length);
    await screenshot(page, 'overview-domain');

    await page.goto(overviewUrl({ view: 'plans', concept: 'migrant-worker-training' }));
    await expect.poll(() => page.getByTestId('plans-table').locator('tbody tr').count()).toBe(2);
    await expect.poll(() => page.getByTestId('units-differ').textContent()).toContain('万人次');
    await screenshot(page, 'overview-plans');
    expect(session.errors).toEqual([]);
  });

  it('says what is missing when there is no data, with a link to the entry grid', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${BASE_URL}#/overview?plan=dazhou`);
    await expect.poll(() => page.getByTestId('overview-empty').count()).toBe(1);
    const link = page.getByRole('link', { name: '到“数据录入”填报' });
    await expect.poll(() => link.getAttribute('href')).toBe('#/entry?plan=dazhou&region=dazhou');
    await screenshot(page, 'overview-empty');
    expect(session.errors).toEqual([]);
  });
});
