import { assessPlan, type RegionRole, type ValueIndex } from '../assessment/plan';
import { rollUpStatuses } from '../assessment/rollup';
import type { StatusCode } from '../assessment/types';
import type { Plan } from '../catalog/schema';
import { BEHIND_STATUSES } from './overview-data';

export interface RegionStatusRow {
  regionId: string;
  name: string;
  counts: Record<StatusCode, number>;
  /** Items lagging, regressing or not achieved. */
  behind: number;
  /** Items with a computed judgement (not manual, not assessable, not without data). */
  assessed: number;
  /** behind / assessed; null when nothing could be assessed. */
  behindShare: number | null;
}

/**
 * Status counts for every county of a plan (the plan's own area left out), most behind first,
 * so that a reader sees at once which counties lag. Each county is assessed on its own values.
 */
export function regionStatusRows(
  plan: Plan,
  values: ValueIndex,
  regions: ReadonlyArray<{ regionId: string; name: string; role: RegionRole }>,
  asOfYear: number,
): RegionStatusRow[] {
  const out = regions
    .filter((r) => r.role === 'subregion')
    .map((region) => {
      const results = assessPlan(plan, values, region, asOfYear);
      const { counts } = rollUpStatuses(results, []).plan;
      const behind = BEHIND_STATUSES.reduce((sum, s) => sum + counts[s], 0);
      const assessed = behind + counts.achieved + counts.on_track + counts.likely_achieved;
      return {
        regionId: region.regionId,
        name: region.name,
        counts,
        behind,
        assessed,
        behindShare: assessed > 0 ? behind / assessed : null,
      };
    });
  return out.sort((a, b) => (b.behindShare ?? -1) - (a.behindShare ?? -1));
}
