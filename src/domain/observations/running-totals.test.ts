import { describe, expect, it } from 'vitest';
import { amountsFromRunningTotals, looksLikeRunningTotals } from './running-totals';

describe('running totals typed into a cumulative row', () => {
  it('are recognised: 城镇棚户区住房改造 2.3, 4.6 (two years of 2.3 each)', () => {
    expect(
      looksLikeRunningTotals([
        [2016, 2.3],
        [2017, 4.6],
      ]),
    ).toBe(true);
    expect(
      looksLikeRunningTotals([
        [2016, 3.5],
        [2017, 7.1],
        [2018, 10.5],
      ]),
    ).toBe(true);
  });

  it('are not confused with yearly amounts that hover or grow', () => {
    expect(
      looksLikeRunningTotals([
        [2016, 3.5],
        [2017, 3.6],
        [2018, 3.4],
      ]),
    ).toBe(false);
    expect(
      looksLikeRunningTotals([
        [2016, 2],
        [2017, 2.5],
        [2018, 3],
      ]),
    ).toBe(false);
    expect(looksLikeRunningTotals([[2016, 2.3]])).toBe(false);
    // A gap year breaks the pattern: 2.3 then 4.6 two years later is a plausible single amount.
    expect(
      looksLikeRunningTotals([
        [2016, 2.3],
        [2018, 4.6],
      ]),
    ).toBe(false);
    expect(
      looksLikeRunningTotals([
        [2016, 0],
        [2017, 0],
      ]),
    ).toBe(false);
  });

  it('turn back into the yearly amounts they stand for', () => {
    expect(
      amountsFromRunningTotals([
        [2017, 4.6],
        [2016, 2.3],
        [2018, 6.9],
      ]),
    ).toEqual([
      [2016, 2.3],
      [2017, 2.3],
      [2018, 2.3],
    ]);
  });
});
