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

/**
 * Roll-ups per domain, in the plan's order, for domains that have subjects; then one row
 * (`domainId` null) for the tasks that belong to no single domain (周村's and 邯郸's cross-domain
 * 重点任务), so that every subject is counted exactly once.
 */
export function implementationByDomain(
  plan: Plan,
  states: readonly SubjectState[],
): Array<{ domainId: string | null; domainName: string | null } & ImplementationRollup> {
  const rows: Array<{ domainId: string | null; domainName: string | null } & ImplementationRollup> =
    plan.domains.map((d) => ({
      domainId: d.id,
      domainName: d.name,
      ...rollUpImplementation(states.filter((s) => s.domain === d.id)),
    }));
  const known = new Set(plan.domains.map((d) => d.id));
  rows.push({
    domainId: null,
    domainName: null,
    ...rollUpImplementation(states.filter((s) => s.domain === null || !known.has(s.domain))),
  });
  return rows.filter((row) => row.total > 0);
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
  /**
   * The numeric standards printed with those service items and tasks that are judged on their
   * own (standardItems): a standard restating an indicator is judged as that indicator.
   */
  standardIds: string[];
  /** Verdicts of those standards (assessStandards), by status. */
  standardStatuses: Partial<Record<StatusCode, number>>;
  /** What is missing for the year: items and standards without any value, subjects without a record. */
  missing: { itemIds: string[]; standardIds: string[]; subjects: SubjectState[] };
}

function countStatuses(
  ids: readonly string[],
  statusOf: (id: string) => StatusCode | undefined,
): { counts: Partial<Record<StatusCode, number>>; noData: string[] } {
  const counts: Partial<Record<StatusCode, number>> = {};
  const noData: string[] = [];
  for (const id of ids) {
    const status = statusOf(id);
    if (!status) continue;
    counts[status] = (counts[status] ?? 0) + 1;
    if (status === 'no_data') noData.push(id);
  }
  return { counts, noData };
}

/**
 * One scorecard per unit of the plan's normalised list: how a commission asks each department
 * "which of yours are in place, which are not, and on what evidence". Units with nothing to
 * answer for are left out. `itemStatus` gives the status every page shows for an indicator
 * (usePlanResults); `standardStatus` the verdict of a numeric standard (assessStandards).
 */
export function unitScorecards(
  plan: Plan,
  states: readonly SubjectState[],
  itemStatus: (itemId: string) => StatusCode | undefined,
  standardStatus: (standardId: string) => StatusCode | undefined = () => undefined,
): UnitScorecard[] {
  const byKey = new Map(states.map((s) => [subjectKey(s.subject), s]));
  const items = [...plan.indicators, ...plan.textTargets];
  const ownStandards = (plan.standards ?? []).filter((s) => !s.textTargetId && !s.indicatorId);
  return (plan.units ?? [])
    .map((unit) => {
      const itemIds = items.filter((i) => i.responsibleUnitIds?.includes(unit.id)).map((i) => i.id);
      const item = countStatuses(itemIds, itemStatus);
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
      const subjectKeys = new Set(unitStates.map((s) => subjectKey(s.subject)));
      const standardIds = ownStandards
        .filter(
          (s) =>
            s.attachment.kind !== 'section' &&
            subjectKeys.has(`${s.attachment.kind}:${s.attachment.id}`),
        )
        .map((s) => s.id);
      const standard = countStatuses(standardIds, standardStatus);
      return {
        unit,
        itemIds,
        itemStatuses: item.counts,
        states: unitStates,
        rollup: rollUpImplementation(unitStates),
        standardIds,
        standardStatuses: standard.counts,
        missing: {
          itemIds: item.noData,
          standardIds: standard.noData,
          subjects: unitStates.filter((s) => s.record === null),
        },
      };
    })
    .filter((card) => card.itemIds.length > 0 || card.states.length > 0);
}

/** What a checklist may be narrowed to: a status (or no record this year), a unit, a domain. */
export interface ChecklistFilter {
  /** A status of this year's record, or `none`: no record for the year. */
  status?: ImplementationStatus | 'none';
  /** A unit leading the item, or (for a task) a partner. */
  unitId?: string;
  domain?: string;
}

/** The units a subject names: lead (主责/牵头) and, for tasks, partners. */
export function subjectUnitIds(
  plan: Plan,
  subject: Subject,
): { lead: readonly string[]; partner: readonly string[] } {
  if (subject.kind === 'service') {
    const service = plan.services.find((s) => s.id === subject.id);
    return { lead: service?.leadUnitIds ?? [], partner: [] };
  }
  const task = plan.tasks.find((t) => t.id === subject.id);
  return { lead: task?.leadUnitIds ?? [], partner: task?.partnerUnitIds ?? [] };
}

/** The states a checklist shows under a filter, in the plan's order. */
export function filterStates(
  plan: Plan,
  states: readonly SubjectState[],
  filter: ChecklistFilter,
): SubjectState[] {
  return states.filter((state) => {
    if (filter.domain && state.domain !== filter.domain) return false;
    if (filter.status === 'none' && state.record !== null) return false;
    if (filter.status && filter.status !== 'none' && state.record?.status !== filter.status)
      return false;
    if (filter.unitId) {
      const { lead, partner } = subjectUnitIds(plan, state.subject);
      if (!lead.includes(filter.unitId) && !partner.includes(filter.unitId)) return false;
    }
    return true;
  });
}
