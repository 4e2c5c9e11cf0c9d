import Dexie, { type EntityTable } from 'dexie';
import type { Plan } from '../domain/catalog/schema';
import type { StatusCode } from '../domain/assessment/types';
import type { ImplementationStatus } from '../domain/implementation/model';
import type { Survey } from '../domain/implementation/surveys';
import type { NarrativeRow, SnapshotContentRow, SnapshotRow } from './report-tables';
import { upgradeToV2 } from './upgrade-v2';
import { upgradeToV6 } from './upgrade-v6';
import { upgradeToV7 } from './upgrade-v7';
import { planNumbersMiddleware, type PlanNumbersRow } from './plan-numbers';
import { upgradeToV4 } from './upgrade-v4';
import { auditIdOf, upgradeToV5 } from './upgrade-v5';

/** A plan a user loaded from a file. Built-in plans come from data/ and are never stored. */
export interface UserPlanRow {
  id: string;
  plan: Plan;
  fileName: string;
  loadedAt: string;
}

/**
 * What a region is to its plan: the plan's own area (the whole city or district the plan
 * governs, whose figures the printed baselines describe), or one of its subdivisions. Stored on
 * the region, so renaming or reordering regions never changes it (see `planAreaOf`).
 */
export type RegionRole = 'plan-area' | 'subregion';

export interface RegionRow {
  /** `${planId}:${regionId}`: region ids are only unique within a plan. */
  key: string;
  planId: string;
  regionId: string;
  name: string;
  level: string;
  /** Since v2. Exactly one region of a plan is its `plan-area`: the catalog's first region. */
  role: RegionRole;
  /** 1 when archived (IndexedDB cannot index booleans); an archived region keeps its data. */
  archived: 0 | 1;
  sortOrder: number;
  /** True for the regions the plan document names; false for those users added. */
  isFromCatalog: boolean;
  /**
   * Since v5, as on values: 1 when seeded or added, +1 for every change; when and by whom it was
   * last changed ('' for a catalog region nobody changed: seeded alike on every laptop).
   */
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export type DataStatus = 'preliminary' | 'final';

/**
 * One year of a series as stored. Identity is the natural key (plan, region, item, year), the
 * same on every laptop; `version`, `updatedAt` and `updatedBy` say which write this is, when and
 * by whom. A cleared value stays as a tombstone (`value: null`) with its version, author and
 * time, so a later merge can tell "cleared" from "never entered".
 */
export interface StoredCell {
  /** null: cleared. */
  value: number | null;
  /** The text exactly as typed or pasted ("96.98%", "９６．９８"). */
  text: string;
  dataStatus: DataStatus;
  source: string;
  note: string;
  /** Why the value was entered or changed; required when the 2015 baseline is revised. */
  reason: string;
  updatedAt: string;
  updatedBy: string;
  /** 1 for the first write of the cell, +1 for every write after it (clearing included). */
  version: number;
}

/**
 * The stored values of one item in one region: a series of years in one record. One record per
 * series, not per value, because IndexedDB pays per record: a plan's 120,000 values are about
 * 20,000 records (docs/data-model.md).
 */
export interface SeriesRow {
  planId: string;
  regionId: string;
  itemId: string;
  /** By year. */
  cells: Record<number, StoredCell>;
}

/**
 * One actual value as pages read it (the flat read model, see `listValues`): never a cleared
 * cell. `version` is what a write of this cell must state as `expectedVersion`.
 */
export interface ObservationRow {
  planId: string;
  itemId: string;
  regionId: string;
  year: number;
  value: number;
  text: string;
  dataStatus: DataStatus;
  source: string;
  note: string;
  reason: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

/** One year's change within a series: the stored cell before and after (null: none). */
export interface CellChange {
  year: number;
  before: StoredCell | null;
  after: StoredCell | null;
}

interface AuditBase {
  seq?: number;
  /**
   * Since v5: the row's identity on every laptop, `${actionId}:${key}` (one action writes one row
   * per record), so a history merged from an exchange file is never added twice. Filled by the
   * database on add when the writer leaves it out (`openDatabase`).
   */
  auditId?: string;
  /** Since v5: set on rows that came from an exchange file: the import that added them. */
  importedIn?: string;
  /** The changed record's key: a series `plan|region|item`, a judgement, a region, a plan. */
  key: string;
  planId: string;
  /** Shared by every row one user action wrote (a pasted block, an undo); undo looks it up. */
  actionId: string;
  /** The tab that wrote it (a random id per page load). */
  session: string;
  by: string;
  at: string;
  reason: string;
}

/** Changes to the values of one series by one action: every changed year, before → after. */
export interface SeriesAuditRow extends AuditBase {
  entity: 'series';
  /** `merge`: cells taken from an exchange file (docs/data-model.md, "Exchange"). */
  action: 'save' | 'undo' | 'merge';
  changes: CellChange[];
  /** For an undo: the action it reverted. */
  undoes?: string;
}

/**
 * A change to a judgement, a region, a plan, a report's narrative (since v4) or a snapshot (since
 * v4: created or deleted, never edited): the record before → after.
 */
export interface RecordAuditRow extends AuditBase {
  entity: 'judgement' | 'region' | 'plan' | 'narrative' | 'snapshot';
  action: 'create' | 'update' | 'delete';
  before: unknown;
  after: unknown;
}

/**
 * A change to one implementation record (落实情况) by one action: before → after. `save` rows
 * of one action share its `actionId`; an `undo` names the action it reverted in `undoes`.
 */
export interface ImplementationAuditRow extends AuditBase {
  entity: 'implementation';
  /** `merge`: taken over from an exchange file (its whole record, before → after). */
  action: 'save' | 'undo' | 'merge';
  before: ImplementationRow | null;
  after: ImplementationRow;
  undoes?: string;
}

/** A change to one satisfaction survey: recorded, corrected or withdrawn (a tombstone). */
export interface SurveyAuditRow extends AuditBase {
  entity: 'survey';
  action: 'create' | 'update' | 'delete';
  before: SurveyRow | null;
  after: SurveyRow;
}

/** One change, kept forever: what it was, what it became, who, when, why. */
export type AuditRow = SeriesAuditRow | RecordAuditRow | ImplementationAuditRow | SurveyAuditRow;

/**
 * An evaluator's status for one item: for `manual` items the status itself, for computed ones
 * an override that stays visible next to the computed status. Always with a reason.
 */
export interface JudgementRow {
  planId: string;
  itemId: string;
  regionId: string;
  asOfYear: number;
  status: StatusCode;
  reason: string;
  by: string;
  at: string;
  /** Since v2: 1 for the first judgement, +1 for every change; a write states the one it replaces. */
  version: number;
}

/**
 * Since v6. The implementation status (落实情况) of one service-list item or key task in one
 * region for one year, with its evidence and the lead unit's reply. Identity is the natural key
 * (plan, region, subject, year), the same on every laptop; `version` counts the writes of the
 * record (1 for the first), `by`/`at` say who wrote the current state and when. Clearing a
 * record keeps it as a tombstone (`status: null`) with its version, so that an exchange can tell
 * "cleared" from "never recorded" (docs/data-model.md).
 */
export interface ImplementationRow {
  planId: string;
  regionId: string;
  subjectKind: 'service' | 'task';
  /** A service or task id of the plan (unique across both lists of a plan). */
  subjectId: string;
  year: number;
  /** null: cleared (a tombstone, never shown). */
  status: ImplementationStatus | null;
  evidence: string;
  documentRef: string;
  reply: string;
  by: string;
  at: string;
  version: number;
}

/**
 * Since v6. A satisfaction survey (社会满意度调查) of a plan. Identity is `id`, a UUID made when
 * the survey is first recorded and kept on every laptop it is exchanged to (a survey has no
 * natural key: two organisers may survey the same domain in the same year). `version` as for
 * implementation records; a withdrawn survey stays as a tombstone (`deleted: 1`).
 */
export interface SurveyRow extends Survey {
  version: number;
  /** 1 when withdrawn (IndexedDB cannot index booleans); pages never show it. */
  deleted: 0 | 1;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/**
 * A file restored or imported on this laptop (since v5): what, from whom, and what it did. Local
 * to this browser's copy of the data: never exported, so a restored data set exports the same
 * bytes it was restored from. A pending import is looked up here by its `actionId` after a reload.
 */
export interface ExchangeRow {
  actionId: string;
  kind: 'restore' | 'merge';
  fileName: string;
  checksum: string;
  exportedAt: string;
  exportedBy: string;
  at: string;
  by: string;
  /** Counts by outcome (added, identical, older, updated, conflicts kept/taken, history rows). */
  summary: Record<string, number>;
}

export type AppDatabase = Dexie & {
  userPlans: EntityTable<UserPlanRow, 'id'>;
  regions: EntityTable<RegionRow, 'key'>;
  series: Dexie.Table<SeriesRow, [string, string, string]>;
  // A plain Table: EntityTable's insert type would collapse the AuditRow union (`seq` is optional).
  auditLog: Dexie.Table<AuditRow, number>;
  judgements: Dexie.Table<JudgementRow, [string, string, string, number]>;
  settings: EntityTable<SettingRow, 'key'>;
  /** Since v6: implementation statuses of service standards and key tasks (#13). */
  implementation: Dexie.Table<ImplementationRow, [string, string, string, number]>;
  /** Since v6: satisfaction surveys (#13). */
  surveys: EntityTable<SurveyRow, 'id'>;
  /** Since v4: the evaluator's two sections per plan, region and as-of year. */
  narratives: Dexie.Table<NarrativeRow, [string, string, number]>;
  /** Since v4: what the 报告 page lists of each frozen report (small). */
  snapshots: EntityTable<SnapshotRow, 'id'>;
  /** Since v4: a frozen report's content, read only when it is opened or exported. */
  snapshotContents: EntityTable<SnapshotContentRow, 'id'>;
  /** Since v5: the exchange files restored or imported on this laptop. */
  exchanges: EntityTable<ExchangeRow, 'actionId'>;
  /** Since v7: the numbers of `series`, per plan and region (derived; src/db/plan-numbers.ts). */
  planNumbers: Dexie.Table<PlanNumbersRow, [string, string]>;
};

/** The schema version this code opens; exchange files record it. */
export const SCHEMA_VERSION = 7;

/**
 * Schema versions are append-only: every version that ever shipped stays here, dated and
 * described, and a change adds a new version with its upgrade function (see docs/data-model.md).
 */
export function defineSchema(db: Dexie): void {
  // v1 — 2026-11-23: first release: user plans, regions, observations, audit log, judgements, settings.
  db.version(1).stores({
    userPlans: 'id',
    regions: 'key, planId',
    observations: '[planId+itemId+regionId+year], [planId+regionId], [planId+itemId], updatedAt',
    auditLog: '++seq, key, planId, at',
    judgements: '[planId+itemId+regionId+asOfYear], planId',
    settings: 'key',
  });
  // v2 — 2026-12-01: values as one record per series with a version per year (replaces
  // `observations` and its three unqueried indexes); the audit log keyed by series and by action
  // (undo), without the unqueried `planId` and `at`; a role on regions; a version on judgements.
  db.version(2)
    .stores({
      series: '[planId+regionId+itemId], [planId+itemId]',
      observations: null,
      auditLog: '++seq, key, actionId',
    })
    .upgrade(upgradeToV2);
  // v4 — 2026-12-08: assessment reports kept in the database (issue #12): the evaluator's
  // narrative per plan, region and as-of year with a version (replacing the localStorage draft),
  // and frozen report snapshots, their list (`snapshots`) apart from their content
  // (`snapshotContents`) so that listing never reads a report's values.
  db.version(4)
    .stores({
      narratives: '[planId+regionId+asOfYear]',
      snapshots: 'id, planId, [planId+regionId+asOfYear]',
      snapshotContents: 'id',
    })
    .upgrade(upgradeToV4);
  // v5 — 2026-12-03: exchange between laptops (#14): a stable `auditId` on every audit row
  // (indexed: an import skips the history rows it already has); a version, time and author on
  // regions; `exchanges`, the files restored or imported here.
  db.version(5)
    .stores({ auditLog: '++seq, key, actionId, auditId', exchanges: 'actionId' })
    .upgrade(upgradeToV5);
  // v6 — 2026-11-30: service-list and key-task tracking (#13): implementation statuses keyed by
  // their natural key [plan+region+subject+year] (read by plan or region as a key prefix, like
  // `series`), and satisfaction surveys by id with a plan index. Nothing stored before changes.
  // (Built as v3 on a branch while v4 and v5 shipped; declared here so that the history is the
  // one databases in use went through.)
  db.version(6)
    .stores({
      implementation: '[planId+regionId+subjectId+year]',
      surveys: 'id, planId',
    })
    .upgrade(upgradeToV6);
  // v7 — 2026-11-30: a compact copy of the values for the assessment (#15): per plan and region,
  // item → year → number (`planNumbers`), built from `series` by the upgrade and kept in the
  // same transaction as every write of series by planNumbersMiddleware. Derived: never exported.
  db.version(7).stores({ planNumbers: '[planId+regionId]' }).upgrade(upgradeToV7);
}

/**
 * Versions whose upgrade only adds new, empty tables and changes no existing table or row (their
 * upgrade functions are empty), or only adds a table derived from the others that no file holds
 * (v7: planNumbers, built from series by whatever writes them, a restore included). Rows written
 * under the version before are rows of these.
 */
export const TABLE_ONLY_VERSIONS: ReadonlySet<number> = new Set([6, 7]);

export const USER_DB_NAME = 'gongfu-monitor';
/** Demonstration data lives in its own database so that it can never mix with a user's data. */
export const DEMO_DB_NAME = 'gongfu-monitor-demo';

export function openDatabase(name: string): AppDatabase {
  const db = new Dexie(name) as AppDatabase;
  defineSchema(db);
  // The compact copy of the values follows every write of series, whoever writes.
  db.use(planNumbersMiddleware);
  // Every audit row gets its stable id here, so no writer (of this or a later table) can forget.
  db.auditLog.hook('creating', (_key, row) => {
    row.auditId ??= auditIdOf(row);
  });
  return db;
}
