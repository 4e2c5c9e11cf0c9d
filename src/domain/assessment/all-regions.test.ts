import { describe, expect, it } from 'vitest';
import dazhouJson from '../../../data/plans/dazhou.json';
import { parsePlan } from '../catalog/validate';
import { assessAllRegions, assessItemCached, assessPlanCached } from './all-regions';
import { assessPlan, indexRegions, type RegionValues } from './plan';

const parsed = parsePlan(dazhouJson);
if (!parsed.ok) throw new Error(parsed.errors.join('; '));
const plan = parsed.plan;
// 九年义务教育巩固率 in 达州: a level share with a printed baseline and target.
const itemId = plan.indicators[0]!.id;

const regionValues = (value: number): RegionValues =>
  new Map([
    [
      itemId,
      new Map([
        [2016, value],
        [2017, value + 1],
      ]),
    ],
  ]);

describe('assessPlanCached', () => {
  it('gives the same results as assessPlan, and the same array while the region values object is the same', () => {
    // Given an index of two regions, and a second index in which only r2's values changed
    const r1 = regionValues(90);
    const first = indexRegions(
      new Map([
        ['r1', r1],
        ['r2', regionValues(80)],
      ]),
    );
    const second = indexRegions(
      new Map([
        ['r1', r1],
        ['r2', regionValues(85)],
      ]),
    );
    const subregion = (regionId: string) => ({ regionId, role: 'subregion' as const });
    // When both are assessed
    const r1First = assessPlanCached(plan, first, subregion('r1'), 2018);
    const r2First = assessPlanCached(plan, first, subregion('r2'), 2018);
    const r1Second = assessPlanCached(plan, second, subregion('r1'), 2018);
    const r2Second = assessPlanCached(plan, second, subregion('r2'), 2018);
    // Then r1's results are kept (the same array), r2's are computed again, and every result is
    // what assessPlan gives for those values
    expect(r1Second).toBe(r1First);
    expect(r2Second).not.toBe(r2First);
    expect(r2Second).toEqual(assessPlan(plan, second, subregion('r2'), 2018));
    expect(r1First).toEqual(assessPlan(plan, first, subregion('r1'), 2018));
    expect(r2Second.find((r) => r.id === itemId)?.latestValue).toBe(86);
  });

  it('keeps results apart by role and year', () => {
    const values = indexRegions(new Map([['r1', regionValues(90)]]));
    const asArea = assessPlanCached(plan, values, { regionId: 'r1', role: 'plan-area' }, 2018);
    const asCounty = assessPlanCached(plan, values, { regionId: 'r1', role: 'subregion' }, 2018);
    const final = assessPlanCached(plan, values, { regionId: 'r1', role: 'plan-area' }, 2020);
    expect(asArea).toEqual(assessPlan(plan, values, { regionId: 'r1', role: 'plan-area' }, 2018));
    expect(asCounty).toEqual(assessPlan(plan, values, { regionId: 'r1', role: 'subregion' }, 2018));
    expect(final).toEqual(assessPlan(plan, values, { regionId: 'r1', role: 'plan-area' }, 2020));
  });
});

describe('assessItemCached and assessAllRegions', () => {
  it('give for each region what assessPlan gives', () => {
    const values = indexRegions(
      new Map([
        ['r1', regionValues(90)],
        ['r2', regionValues(70)],
      ]),
    );
    const regions = ['r1', 'r2', 'r3'].map((regionId) => ({
      regionId,
      role: 'subregion' as const,
    }));
    const all = assessAllRegions(plan, values, regions, 2019);
    for (const region of regions) {
      const expected = assessPlan(plan, values, region, 2019);
      expect(all.get(region.regionId)).toEqual(expected);
      expect(assessItemCached(plan, values, region, itemId, 2019)).toEqual(
        expected.find((r) => r.id === itemId),
      );
    }
    expect(assessItemCached(plan, values, regions[0]!, 'no-such-item', 2019)).toBeUndefined();
  });
});
