import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceScale } from './scale';

describe('nice axis scales', () => {
  it('put 每千人口床位数 4.31–5.70 on half steps', () => {
    expect(niceScale(4.31, 5.7)).toEqual({
      domain: [4, 6],
      ticks: [4, 4.5, 5, 5.5, 6],
      decimals: 1,
    });
  });

  it('say how many decimals write every tick exactly: a CV axis 0–0.01% needs 4, not 3', () => {
    // 0.011 over five intervals: a rough step of 0.0022 rounds up to 0.0025.
    const axis = niceScale(0, 0.011);
    expect(axis.ticks).toEqual([0, 0.0025, 0.005, 0.0075, 0.01, 0.0125]);
    expect(axis.decimals).toBe(4);
  });

  it('give 出生人口性别比 106.5–110.2 whole numbers, never 109.68 beside 110', () => {
    expect(niceScale(106.5, 110.2).ticks).toEqual([106, 107, 108, 109, 110, 111]);
  });

  it('widen a single value into a range', () => {
    // 97 ± 9.7 over five intervals: a rough step of 3.88 rounds up to 5.
    expect(niceScale(97, 97).ticks).toEqual([85, 90, 95, 100, 105, 110]);
  });

  it('always cover the data with at most a few round ticks', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (a, b) => {
          const { domain, ticks } = niceScale(a, b);
          expect(domain[0]).toBeLessThanOrEqual(Math.min(a, b));
          expect(domain[1]).toBeGreaterThanOrEqual(Math.max(a, b));
          expect(ticks.length).toBeLessThanOrEqual(12);
          for (let i = 1; i < ticks.length; i++) {
            expect((ticks[i] as number) > (ticks[i - 1] as number)).toBe(true);
          }
        },
      ),
    );
  });
});
