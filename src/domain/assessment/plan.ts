import type { Indicator, Plan, TextTarget } from '../catalog/schema';
import { assessIndicator } from './assess';
import type {
  ActualsByYear,
  AssessmentMode,
  AssessmentResult,
  PlanCalendar,
  StatusCode,
} from './types';

export type PlanItem =
  (Indicator & { itemType: 'indicator' }) | (TextTarget & { itemType: 'textTarget' });

/** Every assessable item of a plan: the table's indicators, then the targets stated in the prose. */
export function planItems(plan: Plan): PlanItem[] {
  return [
    ...plan.indicators.map((i) => ({ ...i, itemType: 'indicator' as const })),
    ...plan.textTargets.map((t) => ({ ...t, itemType: 'textTarget' as const })),
  ];
}

export function planCalendar(plan: Plan): PlanCalendar {
  return { baseYear: plan.baseYear, startYear: plan.period.start, endYear: plan.period.end };
}

export interface PlanItemResult extends AssessmentResult {
  domain: string;
  kind: PlanItem['kind'];
  itemType: PlanItem['itemType'];
}

/** An evaluator's status for an item (manual status, or an override of the computed one). */
export interface Judgement {
  itemId: string;
  status: StatusCode;
  reason: string;
  by: string;
  at: string;
}

export interface JudgedResult extends PlanItemResult {
  /** The status shown: the evaluator's where one is set, else the computed one. */
  effectiveStatus: StatusCode;
  judgement: Judgement | null;
}

/** The plan's own area (the first region of the catalog); the others are its subdivisions. */
export function planAreaId(plan: Plan): string {
  return plan.regions[0]?.id ?? plan.id;
}

/**
 * Assesses every item of a plan for one region from stored values (any regions; only
 * `regionId`'s are used). The app and the CLI both call this, so they cannot disagree.
 */
export function assessPlan(
  plan: Plan,
  observations: { rows: ReadonlyArray<ObservationLike>; regionId: string },
  asOfYear: number,
  mode: AssessmentMode,
): PlanItemResult[] {
  const calendar = planCalendar(plan);
  const actualsFor = actualsIndex(observations.rows, observations.regionId);
  const scope = observations.regionId === planAreaId(plan) ? 'plan-area' : 'subregion';
  return planItems(plan).map((item) => ({
    ...assessIndicator({ item, calendar, actuals: actualsFor(item.id), asOfYear, mode, scope }),
    domain: item.domain,
    kind: item.kind,
    itemType: item.itemType,
  }));
}

/** Lays evaluators' judgements over computed results; the computed status stays visible. */
export function applyJudgements(
  results: readonly PlanItemResult[],
  judgements: readonly Judgement[],
): JudgedResult[] {
  const byItem = new Map(judgements.map((j) => [j.itemId, j]));
  return results.map((r) => {
    const judgement = byItem.get(r.id) ?? null;
    return { ...r, judgement, effectiveStatus: judgement?.status ?? r.status };
  });
}

/** Builds the per-item actuals of one region from stored rows. */
export interface ObservationLike {
  itemId: string;
  regionId: string;
  year: number;
  value: number;
}

export function actualsIndex(
  rows: ReadonlyArray<ObservationLike>,
  regionId: string,
): (itemId: string) => ActualsByYear {
  const index = new Map<string, Map<number, number>>();
  for (const row of rows) {
    if (row.regionId !== regionId) continue;
    let byYear = index.get(row.itemId);
    if (!byYear) index.set(row.itemId, (byYear = new Map()));
    byYear.set(row.year, row.value);
  }
  const empty: ActualsByYear = new Map();
  return (itemId) => index.get(itemId) ?? empty;
}

/**
 * The final assessment (终期评估) asks whether targets were met, which only the target year can
 * answer: before it, the mid-term rules apply whatever was asked for.
 */
export function assessmentModeFor(
  requested: AssessmentMode,
  asOfYear: number,
  plan: Plan,
): AssessmentMode {
  return requested === 'final' && asOfYear >= plan.period.end ? 'final' : 'midterm';
}
