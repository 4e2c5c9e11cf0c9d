import type { AssessmentMode } from '../domain/assessment/types';
import type { ReportSnapshot } from '../domain/report/snapshot';

/**
 * The evaluator's two sections of one report (存在的问题及原因, 下一步建议), per plan, region and
 * as-of year. Natural key `[planId, regionId, asOfYear]`, the same on every laptop; `version`
 * counts the saves (1 for the first), and a save states the version it replaces, like a value.
 */
export interface NarrativeRow {
  planId: string;
  regionId: string;
  asOfYear: number;
  problems: string;
  suggestions: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/**
 * What the 报告 page lists of a frozen report: small, so that listing never reads the content.
 * Never changed once written; `id` (random) is its identity on every laptop.
 */
export interface SnapshotRow {
  id: string;
  planId: string;
  regionId: string;
  regionName: string;
  asOfYear: number;
  mode: AssessmentMode;
  title: string;
  note: string;
  createdAt: string;
  createdBy: string;
  methodVersion: string;
  planFingerprint: string;
  /** How many values and judgements it froze, and the narrative version it used. */
  valueCount: number;
  judgementCount: number;
  narrativeVersion: number;
}

/** A frozen report's content, under the same id as its `SnapshotRow`. */
export interface SnapshotContentRow {
  id: string;
  snapshot: ReportSnapshot;
}
