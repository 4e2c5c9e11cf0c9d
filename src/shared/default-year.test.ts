import { describe, expect, it } from 'vitest';
import dazhouJson from '../../data/plans/dazhou.json';
import { parsePlan } from '../domain/catalog/validate';
import { defaultYear, defaultYearOf } from './default-year';

const parsed = parsePlan(dazhouJson);
if (!parsed.ok) throw new Error(parsed.errors.join('; '));
const plan = parsed.plan; // 达州: period 2016–2020, base year 2015

describe('defaultYearOf', () => {
  it('is the as-of year every page defaults to, from the latest stored year alone', () => {
    // Values up to 2018: 2018, as defaultYear gives from the rows themselves
    expect(defaultYearOf(plan, 2018)).toBe(2018);
    expect(defaultYear(plan, [{ year: 2015 }, { year: 2018 }, { year: 2017 }])).toBe(2018);
    // Only base-year values, or none: the period's first year
    expect(defaultYearOf(plan, 2015)).toBe(2016);
    expect(defaultYearOf(plan, null)).toBe(2016);
    expect(defaultYearOf(plan, 2020)).toBe(2020);
  });
});
