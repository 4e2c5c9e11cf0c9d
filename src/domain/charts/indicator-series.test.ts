import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessIndicator } from '../assessment/assess';
import type { AssessableItem } from '../assessment/types';
import { indicatorSeries } from './indicator-series';

const calendar = { baseYear: 2015, startYear: 2016, endYear: 2020 };

// 达州 每千人口床位数（张） 4.31 → 5.7
const beds: AssessableItem = {
  id: 'health.beds',
  name: '每千人口床位数',
  unit: '张',
  direction: 'up',
  kind: 'level',
  baseline: { raw: '4.31', value: 4.31 },
  target: { raw: '5.7', value: 5.7 },
};
// 周村 孕产前检查覆盖率 >99 style: a stated comparator
const coverage: AssessableItem = {
  id: 'coverage',
  name: '覆盖率',
  unit: '%',
  direction: 'up',
  kind: 'level',
  baseline: { raw: '98', value: 98 },
  target: { raw: '>99', value: 99, comparator: '>' },
};
// 达州 新增城镇就业人数 五年累计17万人
const jobs: AssessableItem = {
  id: 'jobs',
  name: '新增城镇就业人数',
  unit: '万人',
  direction: 'up',
  kind: 'cumulative',
  baseline: null,
  target: null,
  change: { raw: '17', value: 17 },
};

function shape(item: AssessableItem, actuals: Record<number, number>, asOfYear: number) {
  const map = new Map(Object.entries(actuals).map(([y, v]) => [Number(y), v]));
  const result = assessIndicator({ item, calendar, actuals: map, asOfYear });
  return { result, chart: indicatorSeries(result, item.kind, calendar, map, asOfYear) };
}

describe('indicator series', () => {
  it('draws baseline, actuals up to the as-of year and the straight expected path', () => {
    const { chart } = shape(beds, { 2016: 4.5, 2017: 4.7, 2018: 4.9, 2019: 5.5 }, 2018);
    expect(chart.kind).toBe('level');
    expect(chart.points.map((p) => p.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020]);
    expect(chart.points.map((p) => p.actual)).toEqual([4.31, 4.5, 4.7, 4.9, null, null]);
    expect(chart.reportedCount).toBe(3);
    // 2018 on the path: 4.31 + 1.39 × 3/5 = 5.144
    expect(chart.points[3]?.expected).toBeCloseTo(5.144);
    expect(chart.points[5]?.expected).toBeCloseTo(5.7);
    expect(chart.target).toEqual({ value: 5.7, comparator: '>=', band: null });
  });

  it('runs the projection from the latest value to the engine projection for 2020', () => {
    const { result, chart } = shape(beds, { 2016: 4.5, 2017: 4.7, 2018: 4.9 }, 2018);
    expect(chart.points.slice(0, 3).every((p) => p.projection === null)).toBe(true);
    expect(chart.points[3]?.projection).toBe(4.9);
    expect(chart.points[5]?.projection).toBeCloseTo(result.projectedValue.value as number);
  });

  it('shades the zone above a ">99" target', () => {
    const { chart } = shape(coverage, { 2016: 98.5, 2017: 98.7 }, 2017);
    expect(chart.target?.comparator).toBe('>');
    const band = chart.target?.band;
    expect(band?.[0]).toBe(99);
    expect(band?.[1]).toBe(chart.yDomain[1]);
    expect(chart.yDomain[1]).toBeGreaterThan(99);
  });

  it('shows cumulative totals against the even path to the five-year total', () => {
    const { chart } = shape(jobs, { 2016: 3, 2017: 3.5, 2018: 3.2 }, 2018);
    expect(chart.kind).toBe('cumulative');
    expect(chart.points.map((p) => p.year)).toEqual([2016, 2017, 2018, 2019, 2020]);
    expect(chart.points.map((p) => p.cumulative)).toEqual([3, 6.5, 9.7, null, null]);
    expect(chart.points[2]?.expected).toBeCloseTo(17 * 0.6);
    expect(chart.target?.value).toBe(17);
    expect(chart.points[4]?.projection).toBeCloseTo(9.7 + (9.7 / 3) * 2);
  });

  it('never yields a figure outside its y domain or a non-finite number', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), {
          minLength: 0,
          maxLength: 5,
        }),
        (values) => {
          const actuals = Object.fromEntries(values.map((v, i) => [2016 + i, v]));
          const { chart } = shape(beds, actuals, 2020);
          for (const p of chart.points) {
            for (const v of [p.actual, p.expected, p.projection]) {
              if (v === null) continue;
              expect(Number.isFinite(v)).toBe(true);
              expect(v).toBeGreaterThanOrEqual(chart.yDomain[0]);
              expect(v).toBeLessThanOrEqual(chart.yDomain[1]);
            }
          }
        },
      ),
    );
  });
});
