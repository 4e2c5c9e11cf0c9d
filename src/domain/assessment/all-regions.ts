import type { Plan } from '../catalog/schema';
import { assessPlan, type PlanItemResult, type RegionRole, type ValueIndex } from './plan';

/**
 * Every item of a plan for every given region as of a year: `assessPlan` region by region over
 * one index of the values. The by-indicator entry grid, 区域均衡 and the benchmark use it.
 */
export function assessAllRegions(
  plan: Plan,
  values: ValueIndex,
  regions: readonly { regionId: string; role: RegionRole }[],
  asOfYear: number,
): Map<string, PlanItemResult[]> {
  const out = new Map<string, PlanItemResult[]>();
  for (const region of regions)
    out.set(region.regionId, assessPlan(plan, values, region, asOfYear));
  return out;
}
