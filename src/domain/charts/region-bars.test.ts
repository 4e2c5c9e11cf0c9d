import { describe, expect, it } from 'vitest';
import { compareRegions, type ObservationLike } from './region-bars';

const regions = [
  { regionId: 'a', name: '通川区' },
  { regionId: 'b', name: '达川区' },
  { regionId: 'c', name: '渠县' },
];
const obs = (regionId: string, year: number, value: number, itemId = 'x'): ObservationLike => ({
  itemId,
  regionId,
  year,
  value,
});

describe('region comparison', () => {
  it('marks regions below a ≥ target, and lists regions without a value', () => {
    const rows = [obs('a', 2018, 4), obs('b', 2018, 6), obs('a', 2018, 99, 'other')];
    const result = compareRegions({
      kind: 'level',
      itemId: 'x',
      regions,
      rows,
      startYear: 2016,
      year: 2018,
      target: { value: 5, comparator: '>=' },
    });
    expect(result.bars.map((b) => [b.name, b.value, b.isBelowTarget])).toEqual([
      ['通川区', 4, true],
      ['达川区', 6, false],
      ['渠县', null, null],
    ]);
    expect(result.belowTarget.map((b) => b.regionId)).toEqual(['a']);
    expect(result.missing.map((r) => r.regionId)).toEqual(['c']);
    // CV of 4 and 6: σ 1 / mean 5
    expect(result.dispersion.at(-1)?.coefficientOfVariation).toBeCloseTo(0.2);
    expect(result.dispersion.at(-1)?.maxMinRatio).toBeCloseTo(1.5);
  });

  it('judges each region behind or on schedule from its own 2015 value, as the engine does', () => {
    // T 5.7 (2020); τ(2018) = 60%. a: 4.0 → 4.6, P = 0.6/1.7 = 35% (behind);
    // b: 4.5 → 5.3, P = 0.8/1.2 = 67% (on schedule); c: no 2015 value (not judged).
    const rows = [
      obs('a', 2015, 4.0),
      obs('a', 2018, 4.6),
      obs('b', 2015, 4.5),
      obs('b', 2018, 5.3),
      obs('c', 2018, 5.0),
    ];
    const item = {
      id: 'x',
      name: '每千人口床位数',
      unit: '张',
      direction: 'up' as const,
      kind: 'level' as const,
      baseline: { raw: '4.31', value: 4.31 },
      target: { raw: '5.70', value: 5.7 },
    };
    const result = compareRegions({
      kind: 'level',
      itemId: 'x',
      regions,
      rows,
      startYear: 2016,
      year: 2018,
      target: { value: 5.7, comparator: '>=' },
      schedule: { item, calendar: { baseYear: 2015, startYear: 2016, endYear: 2020 } },
    });
    expect(result.hasSchedule).toBe(true);
    expect(result.bars.map((b) => [b.regionId, b.isBehindSchedule])).toEqual([
      ['a', true],
      ['b', false],
      ['c', null],
    ]);
    expect(result.behindSchedule.map((b) => b.regionId)).toEqual(['a']);
  });

  it('says narrowing when the coefficient of variation fell over the years', () => {
    const rows = [
      obs('a', 2016, 2),
      obs('b', 2016, 6),
      obs('c', 2016, 4),
      obs('a', 2018, 4),
      obs('b', 2018, 5),
      obs('c', 2018, 4.5),
    ];
    const result = compareRegions({
      kind: 'level',
      itemId: 'x',
      regions,
      rows,
      startYear: 2016,
      year: 2018,
      target: null,
    });
    expect(result.dispersion.map((d) => d.year)).toEqual([2016, 2018]);
    expect(result.trend).toBe('narrowed');
    expect(result.bars.every((b) => b.isBelowTarget === null)).toBe(true);
  });

  it('compares running totals of a cumulative item and never against the whole-area target', () => {
    const rows = [obs('a', 2016, 1), obs('a', 2017, 2), obs('b', 2017, 5), obs('c', 2016, 1)];
    const result = compareRegions({
      kind: 'cumulative',
      itemId: 'x',
      regions,
      rows,
      startYear: 2016,
      year: 2017,
      target: { value: 17, comparator: '>=' },
    });
    expect(result.target).toBeNull();
    // b lacks 2016 and c lacks 2017: a partial total is not shown as a shortfall.
    expect(result.bars.map((b) => b.value)).toEqual([3, null, null]);
    expect(result.belowTarget).toEqual([]);
  });
});
