import type { Plan, Service, Standard, Task } from '../catalog/schema';
import type { AssessableItem } from '../assessment/types';

/**
 * Implementation status (落实情况) of a service-list item or a key task, per region and year, as a
 * commission asks each lead unit: in place, under way, not started, below the standard, or not
 * applicable here. docs/implementation.md states what each means and how they roll up.
 */
export type ImplementationStatus =
  'done' | 'in_progress' | 'not_started' | 'below_standard' | 'not_applicable';

/** In the order checklists and roll-ups list them: what is in place first. */
export const IMPLEMENTATION_STATUSES: readonly ImplementationStatus[] = [
  'done',
  'in_progress',
  'not_started',
  'below_standard',
  'not_applicable',
];

export const IMPLEMENTATION_LABELS: Record<'zh-CN' | 'en', Record<ImplementationStatus, string>> = {
  'zh-CN': {
    done: '已落实',
    in_progress: '推进中',
    not_started: '未启动',
    below_standard: '未达标',
    not_applicable: '不适用',
  },
  en: {
    done: 'In place',
    in_progress: 'Under way',
    not_started: 'Not started',
    below_standard: 'Below standard',
    not_applicable: 'Not applicable',
  },
};

/** What a record is about: a service-list item or a key task of the plan. */
export interface Subject {
  kind: 'service' | 'task';
  id: string;
}

/** One recorded status with its evidence, as stored (src/db) and exchanged. */
export interface ImplementationRecord {
  planId: string;
  subject: Subject;
  regionId: string;
  year: number;
  status: ImplementationStatus;
  /** What shows it: a note, a document reference (文号), a figure. */
  evidence: string;
  documentRef: string;
  /** The lead unit's own reply (牵头单位反馈), as received. */
  reply: string;
  by: string;
  at: string;
}

export const MAX_TEXT = 2000;

/**
 * Checks a record before it is written; Chinese messages naming the field. Evidence is required
 * for 已落实 and 未达标: a commission asks "on what evidence".
 */
export function validateImplementation(
  record: Pick<
    ImplementationRecord,
    'subject' | 'regionId' | 'year' | 'status' | 'evidence' | 'documentRef' | 'reply'
  >,
  plan: Plan,
): string[] {
  const errors: string[] = [];
  const list: ReadonlyArray<{ id: string }> =
    record.subject.kind === 'service' ? plan.services : plan.tasks;
  if (!list.some((s) => s.id === record.subject.id)) {
    errors.push(
      `${record.subject.kind === 'service' ? '服务项目' : '重点任务'}“${record.subject.id}”不在本规划中`,
    );
  }
  if (!IMPLEMENTATION_STATUSES.includes(record.status)) errors.push(`状态“${record.status}”无效`);
  if (
    !Number.isInteger(record.year) ||
    record.year < plan.period.start ||
    record.year > plan.period.end
  ) {
    errors.push(`年份${record.year}不在${plan.period.start}—${plan.period.end}年之间`);
  }
  if (!record.regionId) errors.push('未选择区域');
  // Any of the three answers "on what evidence": a note, a figure, or the document (文号).
  if (
    (record.status === 'done' || record.status === 'below_standard') &&
    !record.evidence.trim() &&
    !record.documentRef.trim()
  ) {
    errors.push('“已落实”或“未达标”须填写依据（说明、文件或数据）');
  }
  for (const [field, label] of [
    ['evidence', '依据'],
    ['documentRef', '文件'],
    ['reply', '牵头单位反馈'],
  ] as const) {
    if (record[field].length > MAX_TEXT) errors.push(`${label}过长（最多${MAX_TEXT}字）`);
  }
  return errors;
}

/**
 * The standards a plan's values are entered for and the engine judges: every structured
 * standard that does not restate a table indicator or a prose target (those are judged as
 * themselves, so nothing is counted twice).
 */
export function standardItems(plan: Plan): Array<Standard & AssessableItem> {
  return (plan.standards ?? [])
    .filter((s) => !s.textTargetId && !s.indicatorId)
    .map((s) => ({ ...s, change: null }));
}

/** The standards attached to a service or task. */
export function standardsOf(plan: Plan, subject: Subject): Standard[] {
  return (plan.standards ?? []).filter(
    (s) => s.attachment.kind === subject.kind && s.attachment.id === subject.id,
  );
}

/** A plan's service-list items and key tasks as subjects, services first. */
export function subjectsOf(plan: Plan): Array<Subject & { item: Service | Task }> {
  return [
    ...plan.services.map((item) => ({ kind: 'service' as const, id: item.id, item })),
    ...plan.tasks.map((item) => ({ kind: 'task' as const, id: item.id, item })),
  ];
}

export const subjectKey = (s: Subject) => `${s.kind}:${s.id}`;
