import type { z } from 'zod';
import type { ExchangeScope } from './exchange-file';
import {
  auditRowSchema,
  judgementRowSchema,
  narrativeRowSchema,
  regionRowSchema,
  seriesRowSchema,
  settingRowSchema,
  snapshotContentRowSchema,
  snapshotRowSchema,
  userPlanRowSchema,
  type ExchangeAuditRow,
  type ExchangeCell,
  type ExchangeJudgementRow,
  type ExchangeNarrativeRow,
  type ExchangeRegionRow,
  type ExchangeSeriesRow,
  type ExchangeSnapshotContentRow,
  type ExchangeSnapshotRow,
  implementationRowSchema,
  surveyRowSchema,
  type ExchangeImplementationRow,
  type ExchangeSurveyRow,
} from './exchange-rows';

/**
 * The registry of exchangeable tables. Export, validation, merge and restore are driven by it:
 * a table joins the exchange with one entry here (and its row schema), nothing else.
 *
 * Each entry says
 * - `role`: `data` (a kind the user picks: values, judgements, …), `context` (what data needs:
 *   regions, loaded plans; exported with it), `history` (the audit log), `personal` (settings:
 *   in a backup only, never merged);
 * - its natural key (`keyOf`, the same string the audit log's `key` uses), its plan, and whether
 *   a row is within an export's scope;
 * - how it merges: `units` (compared unit by unit — a year's value, a judgement, a region, a
 *   narrative — by content, version, time and author; see merge.ts), `same-or-refuse` (a loaded
 *   plan: the same catalog is skipped, a different one under the same id refuses the file), or
 *   `immutable` (a report snapshot: never edited, so a new id is added, the same id with the
 *   same content is identical, the same id with other content refuses the file; a record this
 *   laptop deleted is not brought back).
 *
 * To add a table: a row schema in exchange-rows.ts
 * with its version, time and author fields, an entry below with `unitMerge` built like
 * `judgements` (one unit per record) or like `series` (one unit per year), and a kind in
 * EXCHANGE_KINDS. docs/data-model.md, "Exchange", describes the rules an entry must keep.
 */

/** One thing that merges on its own: a value of one year, or one whole record. */
export interface MergeUnit {
  /** series: `plan|region|item|year`; other tables: the record's key. */
  unitKey: string;
  /** The record's natural key, as the audit log's `key`. */
  recordKey: string;
  planId: string;
  /** The stored cell or record; null when cleared or deleted. */
  payload: unknown;
  isDeleted: boolean;
  /** Who wrote this state and when ('' for a catalog region never changed). */
  at: string;
  by: string;
  version: number;
}

/** A change the merge writes to one unit: what was stored here, what replaces it. */
export interface UnitChange {
  unitKey: string;
  before: MergeUnit | undefined;
  after: MergeUnit;
}

/** The table-specific half of a merge (the generic half is merge.ts). */
export interface UnitMerge<Row> {
  unitsOf: (row: Row) => MergeUnit[];
  /** The states a history row records for this table (before and after), for ancestry. */
  unitsOfHistory: (row: ExchangeAuditRow) => MergeUnit[];
  /** What "the same" compares: the content, without version, time and author. */
  contentOf: (unit: MergeUnit) => unknown;
  /** The unit's stored form with a new local version. */
  withVersion: (unit: MergeUnit, version: number) => unknown;
  /** True when a cleared unit stays stored (series: tombstones); else deletion is in the history only. */
  hasTombstones: boolean;
  /**
   * The record to store after the changes (null: delete it). `version` on each change's `after`
   * is already the new local one.
   */
  assemble: (recordKey: string, mine: Row | undefined, changes: UnitChange[]) => Row | null;
  /** The merge's own audit row for one record (without the origin fields the database adds). */
  auditOf: (
    recordKey: string,
    mine: Row | undefined,
    next: Row | null,
    changes: UnitChange[],
  ) => Record<string, unknown>;
}

export interface ExchangeTableSpec<Row = unknown> {
  table: string;
  /** In messages: 数值序列, 区域. */
  label: string;
  role: 'data' | 'context' | 'history' | 'personal';
  /** For `data`: the kind it belongs to (EXCHANGE_KINDS). */
  kind: string | null;
  rowSchema: z.ZodType<Row>;
  keyOf: (row: Row) => string;
  /** The primary key in the database of the record with this natural key. */
  primaryKeyOf: (recordKey: string) => unknown;
  planIdOf: (row: Row) => string | null;
  /** Whether a row is within an export's scope (its kind is checked by the caller). */
  inScope: (row: Row, scope: ExchangeScope) => boolean;
  /** A row cut down to the scope (a series' years); null when nothing is left. */
  narrow?: (row: Row, scope: ExchangeScope) => Row | null;
  /** The audit log's `entity` for this table's changes. */
  auditEntity: string | null;
  /** Whether a history row of this table's entity is within an export's scope. */
  auditInScope?: (row: ExchangeAuditRow, scope: ExchangeScope) => boolean;
  /**
   * A history row cut down to the scope (a series row's years); null when nothing is left. A
   * file must not carry a write it does not also carry the state of: the receiving laptop would
   * take it as seen, and keep its own older value as if newer (merge.ts).
   */
  narrowHistory?: (row: ExchangeAuditRow, scope: ExchangeScope) => ExchangeAuditRow | null;
  merge: UnitMerge<Row> | 'same-or-refuse' | 'immutable' | 'history' | 'never';
}

/** The kinds of data an export can be limited to, in the order the page lists them. */
export const EXCHANGE_KINDS: ReadonlyArray<{ id: string; label: string }> = [
  { id: 'values', label: '数值' },
  { id: 'judgements', label: '评估判断' },
  { id: 'narratives', label: '报告文字' },
  { id: 'snapshots', label: '报告快照' },
  { id: 'implementation', label: '落实情况' },
  { id: 'surveys', label: '满意度调查' },
];

const inPlan = (planId: string | null, scope: ExchangeScope) =>
  scope.planId === null || planId === scope.planId;
const inRegion = (regionId: string | null, scope: ExchangeScope) =>
  scope.regionId === null || regionId === scope.regionId;
const inYears = (year: number, scope: ExchangeScope) =>
  (scope.fromYear === null || year >= scope.fromYear) &&
  (scope.toYear === null || year <= scope.toYear);

const seriesKey = (r: { planId: string; regionId: string; itemId: string }) =>
  `${r.planId}|${r.regionId}|${r.itemId}`;
export const judgementKey = (j: {
  planId: string;
  itemId: string;
  regionId: string;
  asOfYear: number;
}) => `${j.planId}|${j.itemId}|${j.regionId}|${j.asOfYear}`;

// ---------- series: one unit per year ----------

const cellUnit = (
  recordKey: string,
  planId: string,
  year: number,
  cell: ExchangeCell,
): MergeUnit => ({
  unitKey: `${recordKey}|${year}`,
  recordKey,
  planId,
  payload: cell,
  isDeleted: cell.value === null,
  at: cell.updatedAt,
  by: cell.updatedBy,
  version: cell.version,
});

/** What makes two cells the same value: as saveValues compares them (reason aside). */
const cellContent = (unit: MergeUnit) => {
  if (unit.isDeleted) return null;
  const cell = unit.payload as ExchangeCell;
  return [cell.value, cell.text, cell.dataStatus, cell.source, cell.note];
};

const series: ExchangeTableSpec<ExchangeSeriesRow> = {
  table: 'series',
  label: '数值序列',
  role: 'data',
  kind: 'values',
  rowSchema: seriesRowSchema,
  keyOf: seriesKey,
  primaryKeyOf: (key) => key.split('|'),
  planIdOf: (row) => row.planId,
  inScope: (row, scope) => inPlan(row.planId, scope) && inRegion(row.regionId, scope),
  narrow: (row, scope) => {
    const cells = Object.fromEntries(
      Object.entries(row.cells).filter(([year]) => inYears(Number(year), scope)),
    );
    return Object.keys(cells).length ? { ...row, cells } : null;
  },
  auditEntity: 'series',
  auditInScope: (row, scope) => {
    if (row.entity !== 'series') return false;
    const [planId = '', regionId = ''] = row.key.split('|');
    return (
      inPlan(planId, scope) &&
      inRegion(regionId, scope) &&
      row.changes.some((c) => inYears(c.year, scope))
    );
  },
  narrowHistory: (row, scope) => {
    if (row.entity !== 'series') return row;
    const changes = row.changes.filter((c) => inYears(c.year, scope));
    return changes.length ? { ...row, changes } : null;
  },
  merge: {
    hasTombstones: true,
    unitsOf: (row) =>
      Object.entries(row.cells).map(([year, cell]) =>
        cellUnit(seriesKey(row), row.planId, Number(year), cell),
      ),
    unitsOfHistory: (row) => {
      if (row.entity !== 'series') return [];
      return row.changes.flatMap((change) =>
        [change.before, change.after]
          .filter((cell): cell is ExchangeCell => cell !== null)
          .map((cell) => cellUnit(row.key, row.planId, change.year, cell)),
      );
    },
    contentOf: cellContent,
    withVersion: (unit, version) => ({ ...(unit.payload as ExchangeCell), version }),
    assemble: (recordKey, mine, changes) => {
      const [planId = '', regionId = '', itemId = ''] = recordKey.split('|');
      const cells: Record<string, ExchangeCell> = { ...mine?.cells };
      for (const change of changes) {
        const year = change.unitKey.slice(recordKey.length + 1);
        cells[year] = change.after.payload as ExchangeCell;
      }
      return { planId, regionId, itemId, cells };
    },
    auditOf: (recordKey, _mine, _next, changes) => ({
      entity: 'series',
      action: 'merge',
      key: recordKey,
      planId: recordKey.split('|')[0],
      changes: changes.map((change) => ({
        year: Number(change.unitKey.slice(recordKey.length + 1)),
        before: (change.before?.payload as ExchangeCell | undefined) ?? null,
        after: change.after.payload as ExchangeCell,
      })),
    }),
  },
};

// ---------- records: one unit per record ----------

/**
 * The unit merge of a table whose records carry version, time and author themselves
 * (judgements, regions, narratives, the service statuses and surveys of schema v6). A deleted
 * record is not stored: its deletion is known from the history (`delete` rows), which
 * `unitsOfHistory` reports as a deleted unit with the deleting row's time and author.
 */
function recordMerge<Row extends object>(options: {
  entity: string;
  keyOf: (row: Row) => string;
  planIdOf: (row: Row) => string;
  stamp: (row: Row) => { at: string; by: string; version: number };
  /** The row to store, keeping what is this laptop's own (from `mine`). */
  keepLocal: (row: Row, mine: Row | undefined) => Row;
  contentOf: (row: Row) => unknown;
  /**
   * The action of the merge's own history row; default create / update / delete. Tables whose
   * records stay stored when cleared (statuses) record a `merge` of the whole record.
   */
  auditAction?: (mine: Row | undefined, next: Row | null) => string;
}): UnitMerge<Row> {
  const unit = (row: Row): MergeUnit => ({
    unitKey: options.keyOf(row),
    recordKey: options.keyOf(row),
    planId: options.planIdOf(row),
    payload: row,
    isDeleted: false,
    ...options.stamp(row),
  });
  return {
    hasTombstones: false,
    unitsOf: (row) => [unit(row)],
    unitsOfHistory: (row) => {
      if (row.entity !== options.entity || !('before' in row)) return [];
      const states = [row.before, row.after]
        .filter((r): r is Record<string, unknown> => r !== null)
        .map((r) => unit(r as Row));
      if (row.action === 'delete') {
        const deleted = row.before as Row | null;
        states.push({
          unitKey: row.key,
          recordKey: row.key,
          planId: row.planId,
          payload: null,
          isDeleted: true,
          at: row.at,
          by: row.by,
          version: (deleted ? options.stamp(deleted).version : 0) + 1,
        });
      }
      return states;
    },
    contentOf: (u) => (u.isDeleted ? null : options.contentOf(u.payload as Row)),
    withVersion: (u, version) => (u.isDeleted ? null : { ...(u.payload as Row), version }),
    assemble: (_key, mine, changes) => {
      const after = changes[0]?.after;
      if (!after || after.isDeleted) return null;
      return options.keepLocal(after.payload as Row, mine);
    },
    auditOf: (recordKey, mine, next) => ({
      entity: options.entity,
      action:
        options.auditAction?.(mine, next) ??
        (next === null ? 'delete' : mine ? 'update' : 'create'),
      key: recordKey,
      planId: options.planIdOf((next ?? mine) as Row),
      before: mine ?? null,
      after: next,
    }),
  };
}

const judgements: ExchangeTableSpec<ExchangeJudgementRow> = {
  table: 'judgements',
  label: '评估判断',
  role: 'data',
  kind: 'judgements',
  rowSchema: judgementRowSchema,
  keyOf: judgementKey,
  primaryKeyOf: (key) => {
    const [planId, itemId, regionId, year] = key.split('|');
    return [planId, itemId, regionId, Number(year)];
  },
  planIdOf: (row) => row.planId,
  inScope: (row, scope) =>
    inPlan(row.planId, scope) && inRegion(row.regionId, scope) && inYears(row.asOfYear, scope),
  auditEntity: 'judgement',
  auditInScope: (row, scope) => {
    const [planId = '', , regionId = '', year = ''] = row.key.split('|');
    return inPlan(planId, scope) && inRegion(regionId, scope) && inYears(Number(year), scope);
  },
  merge: recordMerge<ExchangeJudgementRow>({
    entity: 'judgement',
    keyOf: judgementKey,
    planIdOf: (row) => row.planId,
    stamp: (row) => ({ at: row.at, by: row.by, version: row.version ?? 1 }),
    keepLocal: (row) => row,
    contentOf: (row) => [row.status, row.reason],
  }),
};

const regions: ExchangeTableSpec<ExchangeRegionRow> = {
  table: 'regions',
  label: '区域',
  role: 'context',
  kind: null,
  rowSchema: regionRowSchema as unknown as z.ZodType<ExchangeRegionRow>,
  keyOf: (row) => row.key,
  primaryKeyOf: (key) => key,
  planIdOf: (row) => row.planId,
  inScope: (row, scope) => inPlan(row.planId, scope) && inRegion(row.regionId, scope),
  auditEntity: 'region',
  auditInScope: (row, scope) => {
    const [planId = '', regionId = ''] = row.key.split(':');
    return inPlan(planId, scope) && inRegion(regionId, scope);
  },
  merge: recordMerge<ExchangeRegionRow>({
    entity: 'region',
    keyOf: (row) => row.key,
    planIdOf: (row) => row.planId,
    stamp: (row) => ({
      at: row.updatedAt ?? '',
      by: row.updatedBy ?? '',
      version: row.version ?? 1,
    }),
    // The order of regions on the page is this laptop's own.
    keepLocal: (row, mine) => ({ ...row, sortOrder: mine?.sortOrder ?? row.sortOrder }),
    // A region's order is local; its name, level, role and archiving are what a rename or an
    // archive changes.
    contentOf: (row) => [row.name, row.level, row.role, row.archived],
  }),
};

// ---------- reports (schema v4) ----------

export const narrativeKey = (n: { planId: string; regionId: string; asOfYear: number }) =>
  `narrative|${n.planId}|${n.regionId}|${n.asOfYear}`;

/** The evaluator's two sections of a report: one unit per record, like a judgement. */
const narratives: ExchangeTableSpec<ExchangeNarrativeRow> = {
  table: 'narratives',
  label: '报告文字',
  role: 'data',
  kind: 'narratives',
  rowSchema: narrativeRowSchema,
  keyOf: narrativeKey,
  primaryKeyOf: (key) => {
    const [, planId, regionId, year] = key.split('|');
    return [planId, regionId, Number(year)];
  },
  planIdOf: (row) => row.planId,
  inScope: (row, scope) =>
    inPlan(row.planId, scope) && inRegion(row.regionId, scope) && inYears(row.asOfYear, scope),
  auditEntity: 'narrative',
  auditInScope: (row, scope) => {
    const [, planId = '', regionId = '', year = ''] = row.key.split('|');
    return inPlan(planId, scope) && inRegion(regionId, scope) && inYears(Number(year), scope);
  },
  merge: recordMerge<ExchangeNarrativeRow>({
    entity: 'narrative',
    keyOf: narrativeKey,
    planIdOf: (row) => row.planId,
    stamp: (row) => ({ at: row.updatedAt, by: row.updatedBy, version: row.version }),
    keepLocal: (row) => row,
    contentOf: (row) => [row.problems, row.suggestions],
  }),
};

export const snapshotKey = (id: string) => `snapshot|${id}`;
const snapshotIdOf = (key: string) => key.slice('snapshot|'.length);

/**
 * A frozen report's list entry and its content: two tables, one record, the same key (the
 * audit log's `snapshot|<id>`). Immutable: see `merge` above.
 */
const snapshots: ExchangeTableSpec<ExchangeSnapshotRow> = {
  table: 'snapshots',
  label: '报告快照',
  role: 'data',
  kind: 'snapshots',
  rowSchema: snapshotRowSchema,
  keyOf: (row) => snapshotKey(row.id),
  primaryKeyOf: snapshotIdOf,
  planIdOf: (row) => row.planId,
  inScope: (row, scope) =>
    inPlan(row.planId, scope) && inRegion(row.regionId, scope) && inYears(row.asOfYear, scope),
  auditEntity: 'snapshot',
  auditInScope: (row, scope) => {
    const entry =
      (row as { before?: unknown; after?: unknown }).after ?? (row as { before?: unknown }).before;
    const {
      planId = row.planId,
      regionId = null,
      asOfYear = null,
    } = (entry ?? {}) as {
      planId?: string;
      regionId?: string | null;
      asOfYear?: number | null;
    };
    return (
      inPlan(planId, scope) &&
      (regionId === null || inRegion(regionId, scope)) &&
      (asOfYear === null || inYears(asOfYear, scope))
    );
  },
  merge: 'immutable',
};

const snapshotContents: ExchangeTableSpec<ExchangeSnapshotContentRow> = {
  table: 'snapshotContents',
  label: '报告快照内容',
  role: 'data',
  kind: 'snapshots',
  rowSchema: snapshotContentRowSchema as unknown as z.ZodType<ExchangeSnapshotContentRow>,
  keyOf: (row) => snapshotKey(row.id),
  primaryKeyOf: snapshotIdOf,
  planIdOf: (row) => row.snapshot.planId,
  inScope: (row, scope) =>
    inPlan(row.snapshot.planId, scope) &&
    inRegion(row.snapshot.regionId, scope) &&
    inYears(row.snapshot.asOfYear, scope),
  // Its history is the list entry's (entity `snapshot`).
  auditEntity: null,
  merge: 'immutable',
};

// ---------- service tracking (schema v6) ----------

/** The audit log's key of a status: `plan|region|subject|year` (src/db/implementation.ts). */
export const implementationKey = (r: {
  planId: string;
  regionId: string;
  subjectId: string;
  year: number;
}) => `${r.planId}|${r.regionId}|${r.subjectId}|${r.year}`;

/**
 * The 落实情况 of a service item or key task in a region and year: one unit per record, like a
 * judgement. A cleared status stays stored (`status: null`, its version counted), so a clearing
 * on one laptop against a change on the other is a conflict like any two different states.
 */
const implementation: ExchangeTableSpec<ExchangeImplementationRow> = {
  table: 'implementation',
  label: '落实情况',
  role: 'data',
  kind: 'implementation',
  rowSchema: implementationRowSchema,
  keyOf: implementationKey,
  primaryKeyOf: (key) => {
    const [planId, regionId, subjectId, year] = key.split('|');
    return [planId, regionId, subjectId, Number(year)];
  },
  planIdOf: (row) => row.planId,
  inScope: (row, scope) =>
    inPlan(row.planId, scope) && inRegion(row.regionId, scope) && inYears(row.year, scope),
  auditEntity: 'implementation',
  auditInScope: (row, scope) => {
    const [planId = '', regionId = '', , year = ''] = row.key.split('|');
    return inPlan(planId, scope) && inRegion(regionId, scope) && inYears(Number(year), scope);
  },
  merge: recordMerge<ExchangeImplementationRow>({
    entity: 'implementation',
    keyOf: implementationKey,
    planIdOf: (row) => row.planId,
    stamp: (row) => ({ at: row.at, by: row.by, version: row.version }),
    keepLocal: (row) => row,
    contentOf: (row) => [row.status, row.evidence, row.documentRef, row.reply],
    auditAction: () => 'merge',
  }),
};

/** The audit log's key of a survey: `plan|survey|id` (src/db/surveys.ts). */
const surveyKey = (row: { planId: string; id: string }) => `${row.planId}|survey|${row.id}`;

/**
 * A satisfaction survey, identified by its id (a UUID kept wherever it is copied: a survey has
 * no natural key). One unit per record; a withdrawn survey stays stored (`deleted: 1`). Surveys
 * are about the plan as a whole, so an export limited to one region leaves them out.
 */
const surveys: ExchangeTableSpec<ExchangeSurveyRow> = {
  table: 'surveys',
  label: '满意度调查',
  role: 'data',
  kind: 'surveys',
  rowSchema: surveyRowSchema as unknown as z.ZodType<ExchangeSurveyRow>,
  keyOf: surveyKey,
  primaryKeyOf: (key) => key.split('|')[2],
  planIdOf: (row) => row.planId,
  inScope: (row, scope) =>
    inPlan(row.planId, scope) && scope.regionId === null && inYears(row.year, scope),
  auditEntity: 'survey',
  auditInScope: (row, scope) => {
    const after = (row as { after?: { year?: unknown } | null }).after;
    const year = typeof after?.year === 'number' ? after.year : null;
    return (
      inPlan(row.planId, scope) &&
      scope.regionId === null &&
      (year === null || inYears(year, scope))
    );
  },
  merge: recordMerge<ExchangeSurveyRow>({
    entity: 'survey',
    keyOf: surveyKey,
    planIdOf: (row) => row.planId,
    stamp: (row) => ({ at: row.at, by: row.by, version: row.version }),
    keepLocal: (row) => row,
    contentOf: (row) => [
      row.deleted,
      row.year,
      row.domain,
      row.serviceId,
      row.organiser,
      row.isThirdParty,
      row.method,
      row.sampleSize,
      row.result,
      row.notes,
    ],
    auditAction: (mine, next) =>
      next?.deleted === 1 && mine?.deleted !== 1 ? 'delete' : mine ? 'update' : 'create',
  }),
};

const userPlans: ExchangeTableSpec<z.infer<typeof userPlanRowSchema>> = {
  table: 'userPlans',
  label: '已加载的规划',
  role: 'context',
  kind: null,
  rowSchema: userPlanRowSchema,
  keyOf: (row) => row.id,
  primaryKeyOf: (key) => key,
  planIdOf: (row) => row.id,
  inScope: (row, scope) => inPlan(row.id, scope),
  auditEntity: 'plan',
  auditInScope: (row, scope) => inPlan(row.planId, scope),
  merge: 'same-or-refuse',
};

const auditLog: ExchangeTableSpec<ExchangeAuditRow> = {
  table: 'auditLog',
  label: '修改记录',
  role: 'history',
  kind: null,
  rowSchema: auditRowSchema as unknown as z.ZodType<ExchangeAuditRow>,
  keyOf: (row) => row.auditId,
  primaryKeyOf: () => undefined,
  planIdOf: (row) => row.planId,
  inScope: () => true,
  auditEntity: null,
  merge: 'history',
};

const settings: ExchangeTableSpec<z.infer<typeof settingRowSchema>> = {
  table: 'settings',
  label: '设置',
  role: 'personal',
  kind: null,
  rowSchema: settingRowSchema,
  keyOf: (row) => row.key,
  primaryKeyOf: (key) => key,
  planIdOf: () => null,
  inScope: () => true,
  auditEntity: null,
  merge: 'never',
};

const asUnknown = <Row>(spec: ExchangeTableSpec<Row>) => spec as unknown as ExchangeTableSpec;

/**
 * Every table an exchange file may hold, in the order they are written and read. `exchanges`
 * (this laptop's own import log) is not among them: it never leaves the laptop.
 */
export const EXCHANGE_TABLES: readonly ExchangeTableSpec[] = [
  asUnknown(userPlans),
  asUnknown(regions),
  asUnknown(series),
  asUnknown(judgements),
  asUnknown(narratives),
  asUnknown(snapshots),
  asUnknown(snapshotContents),
  asUnknown(implementation),
  asUnknown(surveys),
  asUnknown(auditLog),
  asUnknown(settings),
];

export function exchangeTable(name: string): ExchangeTableSpec | undefined {
  return EXCHANGE_TABLES.find((spec) => spec.table === name);
}

/** The table whose changes a history row records. */
export function tableOfAuditEntity(entity: string): ExchangeTableSpec | undefined {
  return EXCHANGE_TABLES.find((spec) => spec.auditEntity === entity);
}
