import type { Plan } from '../catalog/schema';
import {
  assessPlan,
  planCalendar,
  planItems,
  type PlanItemResult,
  type RegionRole,
  type ValueIndex,
} from './plan';
import { assessIndicator } from './assess';

/**
 * Results kept per plan and per region's values object: an index updated after a write keeps
 * the values object of every region the write did not touch (ValueIndex.regionValues), so only
 * the changed region is assessed again. Keyed weakly: results go with the values they came from.
 */
const cache = new WeakMap<Plan, WeakMap<object, Map<string, unknown>>>();
/** Stands for "no values" per plan: every region without values has the same results. */
const noValues = new WeakMap<Plan, object>();

function resultsOf(plan: Plan, values: ValueIndex, regionId: string): Map<string, unknown> {
  let byValues = cache.get(plan);
  if (!byValues) cache.set(plan, (byValues = new WeakMap()));
  let key: object | undefined = values.regionValues(regionId);
  if (!key) {
    key = noValues.get(plan);
    if (!key) noValues.set(plan, (key = {}));
  }
  let results = byValues.get(key);
  if (!results) byValues.set(key, (results = new Map()));
  return results;
}

/**
 * `assessPlan` for one region, kept until that region's values change: the same array for the
 * same plan, values, role and year. Results do not depend on the region's id, only on its
 * values and role.
 */
export function assessPlanCached(
  plan: Plan,
  values: ValueIndex,
  region: { regionId: string; role: RegionRole },
  asOfYear: number,
): PlanItemResult[] {
  const results = resultsOf(plan, values, region.regionId);
  const key = `plan|${region.role}|${asOfYear}`;
  let found = results.get(key) as PlanItemResult[] | undefined;
  if (!found) results.set(key, (found = assessPlan(plan, values, region, asOfYear)));
  return found;
}

/**
 * One item for one region (the by-indicator grid shows one item across every region), kept like
 * assessPlanCached; undefined for an item the plan lacks.
 */
export function assessItemCached(
  plan: Plan,
  values: ValueIndex,
  region: { regionId: string; role: RegionRole },
  itemId: string,
  asOfYear: number,
): PlanItemResult | undefined {
  const results = resultsOf(plan, values, region.regionId);
  const key = `item|${itemId}|${region.role}|${asOfYear}`;
  if (results.has(key)) return results.get(key) as PlanItemResult | undefined;
  const item = planItems(plan).find((i) => i.id === itemId);
  const result: PlanItemResult | undefined = item && {
    ...assessIndicator({
      item,
      calendar: planCalendar(plan),
      actuals: values.actuals(region.regionId, item.id),
      asOfYear,
      scope: region.role,
    }),
    domain: item.domain,
    itemType: item.itemType,
  };
  results.set(key, result);
  return result;
}

/**
 * Every item of a plan for every given region as of a year, over one index of the values
 * (region by region, each kept until its values change). The benchmark's assessment figure.
 */
export function assessAllRegions(
  plan: Plan,
  values: ValueIndex,
  regions: readonly { regionId: string; role: RegionRole }[],
  asOfYear: number,
): Map<string, PlanItemResult[]> {
  const out = new Map<string, PlanItemResult[]>();
  for (const region of regions) {
    out.set(region.regionId, assessPlanCached(plan, values, region, asOfYear));
  }
  return out;
}
