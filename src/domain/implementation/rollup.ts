import type { StatusCode } from '../assessment/types';
import type { Plan, Unit } from '../catalog/schema';
import {
  IMPLEMENTATION_STATUSES,
  subjectKey,
  subjectsOf,
  type ImplementationRecord,
  type ImplementationStatus,
  type Subject,
} from './model';

/** The status of one subject for a region and year, as a checklist shows it. */
export interface SubjectState {
  subject: Subject;
  domain: string | null;
  /** This year's record, if any. */
  record: ImplementationRecord | null;
  /** The latest earlier record when there is none this year: shown, not counted. */
  earlier: ImplementationRecord | null;
}

/**
 * Each subject's state for a region and year. A status holds for the year it was recorded for;
 * a later year without a record shows the earlier one as "沿用…" and counts the subject as not
 * recorded, so that "what is missing for the year" is never hidden by an old 已落实.
 */
export function subjectStates(
  plan: Plan,
  records: readonly ImplementationRecord[],
  regionId: string,
  year: number,
): SubjectState[] {
  const current = new Map<string, ImplementationRecord>();
  const earlier = new Map<string, ImplementationRecord>();
  for (const r of records) {
    if (r.regionId !== regionId || r.planId !== plan.id) continue;
    const key = subjectKey(r.subject);
    if (r.year === year) current.set(key, r);
    else if (r.year < year && (earlier.get(key)?.year ?? -Infinity) < r.year) earlier.set(key, r);
  }
  return subjectsOf(plan).map(({ item, ...subject }) => {
    const key = subjectKey(subject);
    const record = current.get(key) ?? null;
    return {
      subject,
      domain: item.domain,
      record,
      earlier: record ? null : (earlier.get(key) ?? null),
    };
  });
}

export interface ImplementationRollup {
  total: number;
  counts: Record<ImplementationStatus, number>;
  /** Subjects with no record for the year. */
  notRecorded: number;
  /**
   * 已落实 ÷ (all subjects − 不适用) for the year; a subject without a record counts as not in
   * place. Null when every subject is 不适用.
   */
  shareInPlace: number | null;
}

export function rollUpImplementation(states: readonly SubjectState[]): ImplementationRollup {
  const counts = Object.fromEntries(IMPLEMENTATION_STATUSES.map((s) => [s, 0])) as Record<
    ImplementationStatus,
    number
  >;
  let notRecorded = 0;
  for (const state of states) {
    if (state.record) counts[state.record.status]++;
    else notRecorded++;
  }
  const applicable = states.length - counts.not_applicable;
  return {
    total: states.length,
    counts,
    notRecorded,
    shareInPlace: applicable > 0 ? counts.done / applicable : null,
  };
}

/** Roll-ups per domain, in the plan's order, for domains that have subjects. */
export function implementationByDomain(
  plan: Plan,
  states: readonly SubjectState[],
): Array<{ domainId: string; domainName: string } & ImplementationRollup> {
  return plan.domains
    .map((d) => ({
      domainId: d.id,
      domainName: d.name,
      ...rollUpImplementation(states.filter((s) => s.domain === d.id)),
    }))
    .filter((row) => row.total > 0);
}

/** What a lead unit answers for: its indicators, service items and tasks, with their states. */
export interface UnitScorecard {
  unit: Unit;
  /** Indicators and prose targets naming the unit (周村: its 责任单位 group). */
  itemIds: string[];
  /** Statuses of those items (the judged status shown on every page). */
  itemStatuses: Partial<Record<StatusCode, number>>;
  /** Service items and tasks it leads, or joins as a partner. */
  states: Array<SubjectState & { role: 'lead' | 'partner' }>;
  rollup: ImplementationRollup;
}

/**
 * One scorecard per unit of the plan's normalised list: how a commission asks each department
 * "which of yours are in place, which are not, and on what evidence". Units with nothing to
 * answer for are left out.
 */
export function unitScorecards(
  plan: Plan,
  states: readonly SubjectState[],
  itemStatus: (itemId: string) => StatusCode | undefined,
): UnitScorecard[] {
  const byKey = new Map(states.map((s) => [subjectKey(s.subject), s]));
  const items = [...plan.indicators, ...plan.textTargets];
  return (plan.units ?? [])
    .map((unit) => {
      const itemIds = items.filter((i) => i.responsibleUnitIds?.includes(unit.id)).map((i) => i.id);
      const itemStatuses: Partial<Record<StatusCode, number>> = {};
      for (const id of itemIds) {
        const status = itemStatus(id);
        if (status) itemStatuses[status] = (itemStatuses[status] ?? 0) + 1;
      }
      const unitStates: UnitScorecard['states'] = [];
      for (const service of plan.services) {
        const state = byKey.get(`service:${service.id}`);
        if (state && service.leadUnitIds?.includes(unit.id))
          unitStates.push({ ...state, role: 'lead' });
      }
      for (const task of plan.tasks) {
        const state = byKey.get(`task:${task.id}`);
        if (!state) continue;
        if (task.leadUnitIds?.includes(unit.id)) unitStates.push({ ...state, role: 'lead' });
        else if (task.partnerUnitIds?.includes(unit.id))
          unitStates.push({ ...state, role: 'partner' });
      }
      return {
        unit,
        itemIds,
        itemStatuses,
        states: unitStates,
        rollup: rollUpImplementation(unitStates),
      };
    })
    .filter((card) => card.itemIds.length > 0 || card.states.length > 0);
}
