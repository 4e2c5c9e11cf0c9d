import { planItems, type JudgedResult } from '../assessment/plan';
import { METHOD_VERSION } from '../assessment/thresholds';
import type { AssessmentMode, StatusCode } from '../assessment/types';
import type { Plan } from '../catalog/schema';
import { buildReport } from './build-report';
import { reportSheets } from './export-tables';
import type { Report, ReportInput, ReportObservation, ReportRegion } from './model';

/**
 * A frozen report (评估快照): everything a report handed in was built from, and the report
 * itself, so that it can be shown and exported again exactly as it was after the figures
 * change, and compared with what the app would say now.
 *
 * - `report` is the report model as `buildReport` made it at freezing time. Word and the print
 *   view render it directly, so a snapshot reads the same even after a later version of the app
 *   words its sentences differently.
 * - `values`, `judgements`, `statuses` and `narrative` are the inputs and verdicts it rests on:
 *   every stored value of the plan (all regions: 区域均衡 and the value tables use them) with its
 *   version, the evaluators' judgements applied to the report's region and year, each item's
 *   computed and shown status, and the evaluator's two sections with the version they had.
 * - `plan` is the catalog it was assessed against (with its fingerprint), so the value tables of
 *   the Excel export are rebuilt from the snapshot alone, by the same functions as the live
 *   export, and a snapshot file can be rendered by the command line with nothing else.
 *
 * Snapshots are never edited: freezing again makes a new one.
 */
export const SNAPSHOT_FORMAT = 'gongfu-monitor-report-snapshot';
export const SNAPSHOT_VERSION = 1;

export interface SnapshotValue extends ReportObservation {
  /** The text as entered ("96.98%"). */
  text?: string;
  /** The cell's version when frozen (docs/data-model.md). */
  version?: number;
}

export interface SnapshotJudgement {
  itemId: string;
  /** The year the judgement was made for (an earlier one when carried over). */
  asOfYear: number;
  status: StatusCode;
  reason: string;
  by: string;
  at: string;
  isCarried: boolean;
}

export interface SnapshotStatus {
  itemId: string;
  /** What the engine computed. */
  computed: StatusCode;
  /** What the report shows: the evaluator's where a judgement applies. */
  shown: StatusCode;
  isProvisional: boolean;
}

export interface SnapshotNarrative {
  problems: string;
  suggestions: string;
  /** The stored narrative's version (0: none was stored). */
  version: number;
}

export interface ReportSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  /** A random id, the same on every laptop the snapshot travels to. */
  id: string;
  planId: string;
  regionId: string;
  regionName: string;
  asOfYear: number;
  mode: AssessmentMode;
  title: string;
  createdAt: string;
  createdBy: string;
  /** The evaluator's label ("报市政府稿"); may be empty. */
  note: string;
  /** The assessment rules the statuses were computed with (docs/methodology.md). */
  methodVersion: string;
  /** SHA-256 of the plan's catalog (planFingerprint). */
  planFingerprint: string;
  isDemo: boolean;
  plan: Plan;
  regions: ReportRegion[];
  values: SnapshotValue[];
  judgements: SnapshotJudgement[];
  statuses: SnapshotStatus[];
  narrative: SnapshotNarrative;
  report: Report;
}

export interface FreezeMeta {
  id: string;
  createdAt: string;
  createdBy: string;
  note?: string;
  planFingerprint: string;
  narrativeVersion: number;
}

/** Only the fields a report reads, in a fixed order, so that two freezes of one state are equal. */
function frozenValue(o: ReportObservation & { text?: string; version?: number }): SnapshotValue {
  const v: SnapshotValue = {
    itemId: o.itemId,
    regionId: o.regionId,
    year: o.year,
    value: o.value,
  };
  if (o.text !== undefined) v.text = o.text;
  if (o.dataStatus !== undefined) v.dataStatus = o.dataStatus;
  if (o.source !== undefined) v.source = o.source;
  if (o.note !== undefined) v.note = o.note;
  if (o.reason !== undefined) v.reason = o.reason;
  if (o.updatedAt !== undefined) v.updatedAt = o.updatedAt;
  if (o.updatedBy !== undefined) v.updatedBy = o.updatedBy;
  if (o.version !== undefined) v.version = o.version;
  return v;
}

function judgementsOf(results: readonly JudgedResult[]): SnapshotJudgement[] {
  return results.flatMap((r) =>
    r.judgement
      ? [
          {
            itemId: r.id,
            asOfYear: r.judgement.asOfYear,
            status: r.judgement.status,
            reason: r.judgement.reason,
            by: r.judgement.by,
            at: r.judgement.at,
            isCarried: r.isJudgementCarried,
          },
        ]
      : [],
  );
}

function statusesOf(results: readonly JudgedResult[]): SnapshotStatus[] {
  return results.map((r) => ({
    itemId: r.id,
    computed: r.status,
    shown: r.effectiveStatus,
    isProvisional: r.isProvisional,
  }));
}

/**
 * Freezes the report of `input` (the same input the 报告 page renders): builds it once more with
 * `buildReport` (deterministic) and keeps it with everything it rests on.
 */
export function freezeReport(
  input: ReportInput & {
    observations: ReadonlyArray<ReportObservation & { text?: string; version?: number }>;
  },
  meta: FreezeMeta,
): ReportSnapshot {
  const report = buildReport(input);
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    id: meta.id,
    planId: input.plan.id,
    regionId: input.regionId,
    regionName: report.meta.regionName,
    asOfYear: input.asOfYear,
    mode: report.meta.mode,
    title: report.title,
    createdAt: meta.createdAt,
    createdBy: meta.createdBy,
    note: meta.note?.trim() ?? '',
    methodVersion: METHOD_VERSION,
    planFingerprint: meta.planFingerprint,
    isDemo: input.isDemo === true,
    plan: input.plan,
    regions: input.regions.map((r) => ({ regionId: r.regionId, name: r.name, role: r.role })),
    values: input.observations.map(frozenValue),
    judgements: judgementsOf(input.results),
    statuses: statusesOf(input.results),
    narrative: {
      problems: input.narrative?.problems ?? '',
      suggestions: input.narrative?.suggestions ?? '',
      version: meta.narrativeVersion,
    },
    report,
  };
}

/** The snapshot as a report input, for the value tables of the Excel export. */
function snapshotInput(snapshot: ReportSnapshot): ReportInput {
  return {
    plan: snapshot.plan,
    regions: snapshot.regions,
    regionId: snapshot.regionId,
    asOfYear: snapshot.asOfYear,
    results: [],
    observations: snapshot.values,
    narrative: snapshot.narrative,
    isDemo: snapshot.isDemo,
  };
}

/** The sheets of the Excel export of a snapshot: its appendices as frozen, then its values. */
export function snapshotSheets(snapshot: ReportSnapshot) {
  return reportSheets(snapshot.report, snapshotInput(snapshot));
}

// ——— What changed since ———

export type ValueChangeKind = 'revised' | 'added' | 'cleared' | 'status';

export interface SnapshotValueChange {
  regionId: string;
  itemId: string;
  year: number;
  kind: ValueChangeKind;
  before: SnapshotValue | null;
  after: SnapshotValue | null;
}

export interface SnapshotJudgementChange {
  itemId: string;
  before: SnapshotJudgement | null;
  after: SnapshotJudgement | null;
}

export interface SnapshotStatusChange {
  itemId: string;
  before: StatusCode;
  after: StatusCode;
}

export interface SnapshotChanges {
  values: SnapshotValueChange[];
  judgements: SnapshotJudgementChange[];
  /** Items whose shown status would differ in a report made now. */
  statuses: SnapshotStatusChange[];
  /** Whether 存在的问题及原因 or 下一步建议 was rewritten since. */
  isNarrativeChanged: boolean;
  /** Whether anything at all differs. */
  hasChanges: boolean;
}

export interface CurrentState {
  /** Every stored value of the plan now (the live read, `listValues`). */
  observations: ReadonlyArray<ReportObservation & { text?: string; version?: number }>;
  /** The judged results of the snapshot's region and year now (usePlanResults). */
  results: readonly JudgedResult[];
  narrative: { problems?: string; suggestions?: string };
}

const cellKey = (c: { regionId: string; itemId: string; year: number }) =>
  `${c.regionId}|${c.itemId}|${c.year}`;

const sameJudgement = (a: SnapshotJudgement, b: SnapshotJudgement) =>
  a.status === b.status &&
  a.reason === b.reason &&
  a.asOfYear === b.asOfYear &&
  a.isCarried === b.isCarried;

/**
 * What differs between a snapshot and the data now: values revised, added or cleared (or their
 * 初步/正式 status changed), judgements set, changed or withdrawn for the snapshot's region and
 * year, the shown statuses a report made now would give, and the narrative. Ordered as the
 * report orders them: regions as the snapshot lists them, items in the plan's order, years.
 */
export function snapshotChanges(snapshot: ReportSnapshot, now: CurrentState): SnapshotChanges {
  const order = new Map(planItems(snapshot.plan).map((item, index) => [item.id, index]));
  const regionRank = new Map(snapshot.regions.map((r, index) => [r.regionId, index]));
  const before = new Map(snapshot.values.map((v) => [cellKey(v), v]));
  const after = new Map(now.observations.map((o) => [cellKey(o), frozenValue(o)]));
  const values: SnapshotValueChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(key) ?? null;
    const a = after.get(key) ?? null;
    const ref = (a ?? b) as SnapshotValue;
    let kind: ValueChangeKind | null = null;
    if (b && !a) kind = 'cleared';
    else if (!b && a) kind = 'added';
    else if (a && b && a.value !== b.value) kind = 'revised';
    else if (a && b && (a.dataStatus ?? null) !== (b.dataStatus ?? null)) kind = 'status';
    if (kind) {
      values.push({
        regionId: ref.regionId,
        itemId: ref.itemId,
        year: ref.year,
        kind,
        before: b,
        after: a,
      });
    }
  }
  const rank = (m: Map<string, number>, id: string) => m.get(id) ?? m.size;
  values.sort(
    (x, y) =>
      rank(regionRank, x.regionId) - rank(regionRank, y.regionId) ||
      rank(order, x.itemId) - rank(order, y.itemId) ||
      x.year - y.year,
  );

  const judgedBefore = new Map(snapshot.judgements.map((j) => [j.itemId, j]));
  const judgedAfter = new Map(judgementsOf(now.results).map((j) => [j.itemId, j]));
  const judgements: SnapshotJudgementChange[] = [];
  for (const itemId of new Set([...judgedBefore.keys(), ...judgedAfter.keys()])) {
    const b = judgedBefore.get(itemId) ?? null;
    const a = judgedAfter.get(itemId) ?? null;
    if (b && a && sameJudgement(a, b)) continue;
    judgements.push({ itemId, before: b, after: a });
  }
  judgements.sort((x, y) => rank(order, x.itemId) - rank(order, y.itemId));

  const shownNow = new Map(now.results.map((r) => [r.id, r.effectiveStatus]));
  const statuses: SnapshotStatusChange[] = [];
  for (const s of snapshot.statuses) {
    const current = shownNow.get(s.itemId);
    if (current !== undefined && current !== s.shown) {
      statuses.push({ itemId: s.itemId, before: s.shown, after: current });
    }
  }
  const isNarrativeChanged =
    (now.narrative.problems ?? '') !== snapshot.narrative.problems ||
    (now.narrative.suggestions ?? '') !== snapshot.narrative.suggestions;
  return {
    values,
    judgements,
    statuses,
    isNarrativeChanged,
    hasChanges: values.length + judgements.length + statuses.length > 0 || isNarrativeChanged,
  };
}

/** The file name a snapshot is saved under: plan, region, year, mode and the freezing time. */
export function snapshotFileStem(snapshot: ReportSnapshot, modeWord: string): string {
  const stamp = snapshot.createdAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `${snapshot.isDemo ? '示例数据-' : ''}${snapshot.plan.shortName}-${snapshot.regionName}-${snapshot.asOfYear}年${modeWord}-快照${stamp}`;
}
