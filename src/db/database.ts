import Dexie, { type EntityTable } from 'dexie';
import type { Plan } from '../domain/catalog/schema';
import type { StatusCode } from '../domain/assessment/types';

/** A plan a user loaded from a file. Built-in plans come from data/ and are never stored. */
export interface UserPlanRow {
  id: string;
  plan: Plan;
  fileName: string;
  loadedAt: string;
}

export interface RegionRow {
  /** `${planId}:${regionId}`: region ids are only unique within a plan. */
  key: string;
  planId: string;
  regionId: string;
  name: string;
  level: string;
  /** 1 when archived (IndexedDB cannot index booleans); an archived region keeps its data. */
  archived: 0 | 1;
  sortOrder: number;
  /** True for the regions the plan document names; false for those users added. */
  isFromCatalog: boolean;
}

export type DataStatus = 'preliminary' | 'final';

/** One actual value: a plan item, a region, a year. */
export interface ObservationRow {
  planId: string;
  itemId: string;
  regionId: string;
  year: number;
  value: number;
  /** The text exactly as typed or pasted ("96.98%", "９６．９８"). */
  text: string;
  dataStatus: DataStatus;
  source: string;
  note: string;
  /** Why the value was entered or changed; required when the 2015 baseline is revised. */
  reason: string;
  updatedAt: string;
  updatedBy: string;
}

export type AuditEntity = 'observation' | 'judgement' | 'region' | 'plan';

/** One change, kept forever: what it was, what it became, who, when, why. */
export interface AuditRow {
  seq?: number;
  entity: AuditEntity;
  /** The changed record's key, e.g. `dazhou|health.beds|dazhou|2018`. */
  key: string;
  planId: string;
  action: 'create' | 'update' | 'delete' | 'undo';
  before: unknown;
  after: unknown;
  by: string;
  at: string;
  reason: string;
  /** Shared by the entries of one batch (a pasted block): undo reverts the batch as a whole. */
  batch?: string;
}

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
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export type AppDatabase = Dexie & {
  userPlans: EntityTable<UserPlanRow, 'id'>;
  regions: EntityTable<RegionRow, 'key'>;
  observations: Dexie.Table<ObservationRow, [string, string, string, number]>;
  auditLog: EntityTable<AuditRow, 'seq'>;
  judgements: Dexie.Table<JudgementRow, [string, string, string, number]>;
  settings: EntityTable<SettingRow, 'key'>;
};

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
}

export const USER_DB_NAME = 'gongfu-monitor';
/** Demonstration data lives in its own database so that it can never mix with a user's data. */
export const DEMO_DB_NAME = 'gongfu-monitor-demo';

export function openDatabase(name: string): AppDatabase {
  const db = new Dexie(name) as AppDatabase;
  defineSchema(db);
  return db;
}
