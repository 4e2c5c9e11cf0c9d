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

  it('marks regions behind the expected path of a mid-term year', () => {
    // B 4.31 (2015) → T 5.7 (2020): expected in 2018 = 4.31 + 1.39 × 3/5 = 5.144
    const rows = [obs('a', 2018, 5.0), obs('b', 2018, 5.2), obs('c', 2018, 5.8)];
    const result = compareRegions({
      kind: 'level',
      itemId: 'x',
      regions,
      rows,
      startYear: 2016,
      year: 2018,
      target: { value: 5.7, comparator: '>=' },
      schedule: { baseYear: 2015, baselineValue: 4.31, targetYear: 2020 },
    });
    expect(result.expectedForYear).toBeCloseTo(5.144);
    expect(result.behindSchedule.map((b) => b.regionId)).toEqual(['a']);
    expect(result.belowTarget.map((b) => b.regionId)).toEqual(['a', 'b']);
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
