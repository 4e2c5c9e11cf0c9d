import { planCalendar } from '../assessment/plan';
import { interpretTarget } from '../assessment/target-rule';
import type { AssessmentResult, Figure, StatusCode } from '../assessment/types';
import type { Plan } from '../catalog/schema';
import { targetText } from '../wording/target';

export interface ConceptSummary {
  concept: string;
  /** The item names used by the plans, first plan's first. */
  names: string[];
  planCount: number;
}

/** Concepts that at least two plans measure, the most widely shared first. */
export function sharedConcepts(plans: readonly Plan[]): ConceptSummary[] {
  const byConcept = new Map<string, { names: string[]; plans: Set<string> }>();
  for (const plan of plans) {
    for (const item of [...plan.indicators, ...plan.textTargets]) {
      if (!item.concept) continue;
      let entry = byConcept.get(item.concept);
      if (!entry) byConcept.set(item.concept, (entry = { names: [], plans: new Set() }));
      if (!entry.names.includes(item.name)) entry.names.push(item.name);
      entry.plans.add(plan.id);
    }
  }
  return [...byConcept.entries()]
    .map(([concept, e]) => ({ concept, names: e.names, planCount: e.plans.size }))
    .filter((c) => c.planCount >= 2)
    .sort((a, b) => b.planCount - a.planCount || a.concept.localeCompare(b.concept));
}

export interface ConceptRow {
  planId: string;
  planName: string;
  itemId: string;
  itemName: string;
  unit: string | null;
  kind: 'level' | 'cumulative';
  baselineRaw: string | null;
  /** The target as the plan prints it, with a period total's span ("2016—2020年累计17万人"). */
  target: string;
  targetYear: number;
  latestYear: number | null;
  /** The latest level, or the running total of a cumulative item. */
  latestValue: number | null;
  progress: Figure | null;
  status: StatusCode | null;
}

export interface ConceptComparison {
  concept: string;
  rows: ConceptRow[];
  /** The distinct units (null counted as "none"); more than one means figures are not comparable. */
  units: Array<string | null>;
  hasDifferentUnits: boolean;
  hasDifferentKinds: boolean;
  hasDifferentNames: boolean;
}

/**
 * The plans side by side on one shared concept: every item carrying it (a plan may state it
 * twice, e.g. a table row and a prose target), with its result where one was computed.
 */
export function compareConcept(
  concept: string,
  plans: ReadonlyArray<{ plan: Plan; resultOf: (itemId: string) => AssessmentResult | undefined }>,
): ConceptComparison {
  const rows: ConceptRow[] = [];
  for (const { plan, resultOf } of plans) {
    const items = [
      ...plan.indicators.map((i) => ({ ...i, year: plan.period.end })),
      ...plan.textTargets,
    ];
    for (const item of items) {
      if (item.concept !== concept) continue;
      const result = resultOf(item.id);
      rows.push({
        planId: plan.id,
        planName: plan.shortName,
        itemId: item.id,
        itemName: item.name,
        unit: item.unit,
        kind: item.kind,
        baselineRaw: item.baseline?.raw ?? null,
        target: targetText(
          item,
          interpretTarget(item, item.baseline?.value ?? null),
          planCalendar(plan),
        ),
        targetYear: item.year,
        latestYear: result?.latestYear ?? null,
        latestValue: result ? (result.cumulativeValue ?? result.latestValue) : null,
        progress: result?.progress ?? null,
        status: result?.status ?? null,
      });
    }
  }
  const units = [...new Set(rows.map((r) => r.unit))];
  return {
    concept,
    rows,
    units,
    hasDifferentUnits: units.length > 1,
    hasDifferentKinds: new Set(rows.map((r) => r.kind)).size > 1,
    hasDifferentNames: new Set(rows.map((r) => r.itemName)).size > 1,
  };
}
