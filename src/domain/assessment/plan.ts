import type { Indicator, Plan, TextTarget } from '../catalog/schema';
import { assessIndicator, modeFor } from './assess';
import type {
  ActualsByYear,
  AssessmentMode,
  AssessmentResult,
  PlanCalendar,
  StatusCode,
} from './types';
import { FINAL_ONLY_STATUSES, MIDTERM_ONLY_STATUSES } from './types';

export type PlanItem =
  (Indicator & { itemType: 'indicator' }) | (TextTarget & { itemType: 'textTarget' });

const itemsOfPlan = new WeakMap<Plan, readonly PlanItem[]>();

/**
 * Every assessable item of a plan: the table's indicators, then the targets stated in the prose.
 * Built once per plan object (plans are never changed in place) and shared: assessing 200 regions
 * copied every item 200 times (docs/performance.md). Callers get their own array to sort.
 */
export function planItems(plan: Plan): PlanItem[] {
  let items = itemsOfPlan.get(plan);
  if (!items) {
    items = [
      ...plan.indicators.map((i) => ({ ...i, itemType: 'indicator' as const })),
      ...plan.textTargets.map((t) => ({ ...t, itemType: 'textTarget' as const })),
    ];
    itemsOfPlan.set(plan, items);
  }
  return [...items];
}

export function planCalendar(plan: Plan): PlanCalendar {
  return { baseYear: plan.baseYear, startYear: plan.period.start, endYear: plan.period.end };
}

/**
 * The plan-level mode for an as-of year: 终期评估 in the plan's end year, else 中期评估. Each
 * item still takes its own (a 2017 target is judged finally from 2017 on).
 */
export function planModeFor(plan: Plan, asOfYear: number): AssessmentMode {
  return modeFor(asOfYear, plan.period.end);
}

export interface PlanItemResult extends AssessmentResult {
  domain: string;
  itemType: PlanItem['itemType'];
}

/** Where a region stands in its plan: the plan's own area, or one of its counties/districts. */
export type RegionRole = 'plan-area' | 'subregion';

/** One stored value, as every reader of values sees it. */
export interface ObservationLike {
  itemId: string;
  regionId: string;
  year: number;
  value: number;
}

/** One region's values: item → year → value. */
export type RegionValues = ReadonlyMap<string, ActualsByYear>;

/**
 * The stored values of a data set indexed once: region → item → year → value. Built once per
 * change of the values and shared by every assessment, so that no region rescans all rows.
 */
export interface ValueIndex {
  actuals(regionId: string, itemId: string): ActualsByYear;
  /** Regions that have at least one value. */
  regionIds(): string[];
  /**
   * One region's values. An index updated after a write (src/db/plan-values.ts) keeps the same
   * object for every region the write did not touch, so results can be kept per region
   * (assessPlanCached) and only the changed region is assessed again.
   */
  regionValues(regionId: string): RegionValues | undefined;
}

const EMPTY: ActualsByYear = new Map();

/** An index over values already grouped by region (the plan-values cache builds these). */
export function indexRegions(byRegion: ReadonlyMap<string, RegionValues>): ValueIndex {
  return {
    actuals: (regionId, itemId) => byRegion.get(regionId)?.get(itemId) ?? EMPTY,
    regionIds: () => [...byRegion.keys()],
    regionValues: (regionId) => byRegion.get(regionId),
  };
}

export function indexValues(rows: Iterable<ObservationLike>): ValueIndex {
  const byRegion = new Map<string, Map<string, Map<number, number>>>();
  for (const row of rows) {
    let byItem = byRegion.get(row.regionId);
    if (!byItem) byRegion.set(row.regionId, (byItem = new Map()));
    let byYear = byItem.get(row.itemId);
    if (!byYear) byItem.set(row.itemId, (byYear = new Map()));
    byYear.set(row.year, row.value);
  }
  return indexRegions(byRegion);
}

/**
 * Assesses every item of a plan for one region as of a year. The app (through one hook), the
 * exports and the CLI all call this, so they cannot disagree.
 */
export function assessPlan(
  plan: Plan,
  values: ValueIndex,
  region: { regionId: string; role: RegionRole },
  asOfYear: number,
): PlanItemResult[] {
  const calendar = planCalendar(plan);
  return planItems(plan).map((item) => {
    // The engine's result is a new object: extended in place rather than copied (a copy per
    // item and region was a fifth of the time of assessing a province).
    const result = assessIndicator({
      item,
      calendar,
      actuals: values.actuals(region.regionId, item.id),
      asOfYear,
      scope: region.role,
    }) as PlanItemResult;
    result.domain = item.domain;
    result.itemType = item.itemType;
    return result;
  });
}

/** An evaluator's status for an item, region and as-of year, always with a reason. */
export interface Judgement {
  itemId: string;
  asOfYear: number;
  status: StatusCode;
  reason: string;
  by: string;
  at: string;
}

export interface JudgedResult extends PlanItemResult {
  /** The status shown: the evaluator's where one applies, else the computed one. */
  effectiveStatus: StatusCode;
  /** The judgement that sets `effectiveStatus`, if any (of this year, or carried, below). */
  judgement: Judgement | null;
  /**
   * True when `judgement` was made for an earlier as-of year and carried over: only for items
   * the engine cannot judge (需人工评定), shown as "2018年评定" until the evaluator confirms it.
   */
  isJudgementCarried: boolean;
  /**
   * An earlier year's override of a status the engine computes: not applied (the figures have
   * moved on), shown so that the evaluator can set it again.
   */
  earlierJudgement: Judgement | null;
}

/**
 * Lays evaluators' judgements over computed results (docs/methodology.md §4):
 * - a judgement for the as-of year applies;
 * - otherwise, for an item the engine cannot judge (`manual`), the latest earlier judgement is
 *   carried over and marked, pending the evaluator's confirmation for this year, when its status
 *   belongs to this year's mode (a mid-term 符合进度 is not carried into the final assessment);
 * - an earlier override of a computed status is not applied, only shown.
 * The computed status stays visible next to the evaluator's in every case.
 */
export function applyJudgements(
  results: readonly PlanItemResult[],
  judgements: readonly Judgement[],
  asOfYear: number,
): JudgedResult[] {
  const current = new Map<string, Judgement>();
  const earlier = new Map<string, Judgement>();
  for (const j of judgements) {
    if (j.asOfYear === asOfYear) current.set(j.itemId, j);
    else if (j.asOfYear < asOfYear) {
      const known = earlier.get(j.itemId);
      if (!known || known.asOfYear < j.asOfYear) earlier.set(j.itemId, j);
    }
  }
  return results.map((r) => {
    const own = current.get(r.id) ?? null;
    const previous = own ? null : (earlier.get(r.id) ?? null);
    // A mid-term status (符合进度) says nothing about the final assessment, and a final one
    // (未实现) nothing about a mid-term year: such a judgement is shown as earlier, not carried.
    const isCarried =
      previous !== null && r.status === 'manual' && isStatusOfMode(previous.status, r.mode);
    const judgement = own ?? (isCarried ? previous : null);
    return {
      ...r,
      judgement,
      isJudgementCarried: isCarried,
      earlierJudgement: isCarried ? null : previous,
      effectiveStatus: judgement?.status ?? r.status,
    };
  });
}

/**
 * The plan's own area as the catalog defines it: its first region (docs/catalog.md). Regions
 * copied into the database take their role from this once, when they are first seeded; a rename
 * never changes it.
 */
export function planAreaRegionId(plan: Plan): string {
  return plan.regions[0]?.id ?? plan.id;
}

/** The role of a region in a plan read from the catalog alone (the CLI, other plans). */
export function catalogRegionRole(plan: Plan, regionId: string): RegionRole {
  return planAreaRegionId(plan) === regionId ? 'plan-area' : 'subregion';
}

/** Whether a status can be given in a mode (docs/methodology.md, rule 4). */
export function isStatusOfMode(status: StatusCode, mode: AssessmentMode): boolean {
  return mode === 'final' ? !MIDTERM_ONLY_STATUSES.has(status) : !FINAL_ONLY_STATUSES.has(status);
}
