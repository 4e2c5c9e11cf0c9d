import { assessIndicator } from '../assessment/assess';
import { planCalendar, type RegionRole, type ValueIndex } from '../assessment/plan';
import type { AssessmentResult, StatusCode } from '../assessment/types';
import { STATUS_CODES } from '../assessment/types';
import type { Plan, Standard } from '../catalog/schema';
import { standardItems, type Subject } from './model';

/** A numeric standard judged for a region and year: the engine's result with its standard. */
export interface StandardResult extends AssessmentResult {
  standard: Standard;
  domain: string;
}

/**
 * Judges every numeric standard of a plan (`standardItems`: those that do not restate an
 * indicator or a prose target) for one region as of a year, exactly as `assessPlan` judges the
 * plan's indicators: the same engine, the same calendar, the same values index. The one path
 * for every page and the report that shows a standard's verdict.
 */
/**
 * The county a standard is set for, when its name begins with one (达州 宣汉县在园幼儿保教费减免标准
 * 600元): judged there only, not for the other counties or the city as a whole. Catalog names,
 * not names a user gave a region.
 */
export function standardRegionId(plan: Plan, standard: { name: string }): string | null {
  const county = plan.regions.slice(1).find((r) => standard.name.startsWith(r.name));
  return county?.id ?? null;
}

const appliesTo = (plan: Plan, standard: { name: string }, regionId: string) => {
  const only = standardRegionId(plan, standard);
  return only === null || only === regionId;
};

export function assessStandards(
  plan: Plan,
  values: ValueIndex,
  region: { regionId: string; role: RegionRole },
  asOfYear: number,
): StandardResult[] {
  const calendar = planCalendar(plan);
  const byId = new Map((plan.standards ?? []).map((s) => [s.id, s]));
  return standardItems(plan)
    .filter((item) => appliesTo(plan, item, region.regionId))
    .map((item) => {
      const standard = byId.get(item.id) as Standard;
      return {
        ...assessIndicator({
          item,
          calendar,
          actuals: values.actuals(region.regionId, item.id),
          asOfYear,
          scope: region.role,
        }),
        standard,
        domain: item.domain,
      };
    });
}

/** Verdicts that say a standard is met (final or mid-term, judged or projected). */
export const STANDARD_MET: ReadonlySet<StatusCode> = new Set(['achieved', 'likely_achieved']);
/** Verdicts that say it is not met, or not on course to be. */
export const STANDARD_NOT_MET: ReadonlySet<StatusCode> = new Set([
  'not_achieved',
  'likely_not_achieved',
  'lagging',
  'regressing',
]);

export interface StandardRollup {
  total: number;
  counts: Record<StatusCode, number>;
  /** 已实现 or 预计实现. */
  met: number;
  /** 未实现, 预计难以实现, 进度滞后, 逆向变化. */
  notMet: number;
  /**
   * With a value for some year up to the as-of year (a standard in words is 需人工评定 with or
   * without one).
   */
  withData: number;
}

/**
 * Counts of standards by verdict. A standard without any value is 无数据 and counts as neither
 * met nor not met: the roll-up never guesses.
 */
export function rollUpStandards(
  results: readonly Pick<StandardResult, 'status' | 'latestYear'>[],
): StandardRollup {
  const counts = Object.fromEntries(STATUS_CODES.map((s) => [s, 0])) as Record<StatusCode, number>;
  let withData = 0;
  for (const r of results) {
    counts[r.status]++;
    if (r.latestYear !== null) withData++;
  }
  let met = 0;
  let notMet = 0;
  for (const s of STATUS_CODES) {
    if (STANDARD_MET.has(s)) met += counts[s];
    if (STANDARD_NOT_MET.has(s)) notMet += counts[s];
  }
  return { total: results.length, counts, met, notMet, withData };
}

/**
 * Every standard printed with a service or task, in printed order, with how it is judged: its
 * own value (`own`), or the indicator or prose target it restates (`linked`, judged as that
 * item, one path per datum).
 */
export function subjectStandards(
  plan: Plan,
  subject: Subject,
): Array<{ standard: Standard; linkedItemId: string | null }> {
  return (plan.standards ?? [])
    .filter((s) => s.attachment.kind === subject.kind && s.attachment.id === subject.id)
    .map((standard) => ({
      standard,
      linkedItemId: standard.indicatorId ?? standard.textTargetId ?? null,
    }));
}

/** The standards printed in 专栏, 保障工程 and prose sections: attached to no service or task. */
export function sectionStandards(plan: Plan): Standard[] {
  return (plan.standards ?? []).filter((s) => s.attachment.kind === 'section');
}
