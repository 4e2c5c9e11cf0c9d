import type { JudgedResult, RegionRole } from '../assessment/plan';
import type { AssessmentMode } from '../assessment/types';
import type { Plan } from '../catalog/schema';

/**
 * The assessment report (中期评估报告 / 终期评估报告) as plain data: sections of headings,
 * paragraphs and tables, built from the judged results by `buildReport`. Three renderers read
 * it and add nothing of their own: Word (docx.ts), the print view (features/reports) and the
 * spreadsheets (spreadsheet/). docs/reports.md describes the structure.
 */

/** One cell: the text the report prints, and the number behind it for spreadsheets. */
export interface ReportCell {
  text: string;
  /**
   * The number a spreadsheet writes instead of `text` (typed as a number, with the column's
   * format); null for a cell a spreadsheet leaves blank ("—" in the report); undefined: the
   * text is the content.
   */
  value?: number | null;
  /** An instant (ISO) a spreadsheet writes as an Excel date on Beijing wall-clock time. */
  date?: string;
}

export interface ReportColumn {
  header: string;
  /** A header spanning this column and its neighbours with the same group (各年实际值). */
  group?: string;
  /** Relative width; renderers scale the widths to the page. */
  width: number;
  align: 'left' | 'center' | 'right';
  /** Consecutive equal cells print as one merged cell (领域 in 附表1); spreadsheets repeat them. */
  mergeRuns?: boolean;
  /** Excel number format for cells with a `value` ("0.0%", "0.00"); default General. */
  numberFormat?: string;
}

export interface ReportTable {
  /** Stable id, used for sheet names and tests: completion, county-status, warnings … */
  id: string;
  /** The caption printed above the table: "附表1 主要指标完成情况表", "表1 各领域评估结论". */
  caption: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** Lines printed under the table, each beginning "注：" or numbered. */
  notes: string[];
  /** Wide tables print on landscape pages. */
  isWide?: boolean;
}

export type ReportBlock =
  /** A numbered sub-heading: "（一）基本公共教育服务". */
  | { type: 'heading'; text: string }
  /** A paragraph; `lead` prints bold before the text ("1.九年义务教育巩固率。"). */
  | { type: 'paragraph'; text: string; lead?: string }
  | { type: 'table'; table: ReportTable }
  /** Text the evaluator writes, not yet written: printed as a marked placeholder. */
  | { type: 'placeholder'; text: string };

export type ReportSectionId =
  | 'overview'
  | 'indicators'
  | 'warnings'
  | 'equalization'
  | 'services'
  | 'problems'
  | 'suggestions'
  | 'data-notes';

export interface ReportSection {
  id: ReportSectionId;
  /** The heading with its number: "一、总体情况". */
  heading: string;
  blocks: ReportBlock[];
}

export interface ReportAppendix {
  /** "附表1". */
  label: string;
  table: ReportTable;
}

export interface Report {
  title: string;
  /** The title as printed: broken after a phrase, at most 20 characters a line. */
  titleLines: string[];
  subtitle: string;
  /** The 示例数据 warning printed above everything when the figures are sample data. */
  demoNotice: string | null;
  sections: ReportSection[];
  appendices: ReportAppendix[];
  meta: {
    planId: string;
    planShortName: string;
    regionId: string;
    regionName: string;
    asOfYear: number;
    mode: AssessmentMode;
    isPlanArea: boolean;
  };
}

/** One stored value with what the report says about it; everything but the number is optional (a CSV has none of it). */
export interface ReportObservation {
  itemId: string;
  regionId: string;
  year: number;
  value: number;
  dataStatus?: 'preliminary' | 'final';
  /** Why the value was entered or changed; required for a revised 2015 baseline. */
  reason?: string;
  source?: string;
  note?: string;
  updatedAt?: string;
  updatedBy?: string;
}

export interface ReportRegion {
  regionId: string;
  name: string;
  role: RegionRole;
}

/**
 * The service-list and key-task tracking (recorded on 服务清单; serviceTrackingBlocks in
 * src/domain/implementation): when given, it replaces the placeholder of section 五 with the
 * blocks it brings. Built by whoever owns that data, so that the report needs no knowledge of its
 * model. Its tables carry captions without numbers: the report numbers them after its own (表N).
 */
export interface ServiceTrackingInput {
  blocks: ReportBlock[];
}

export interface ReportInput {
  plan: Plan;
  /** The plan's regions in use (not archived), its own area first. */
  regions: readonly ReportRegion[];
  regionId: string;
  asOfYear: number;
  /** The judged results for `regionId` and `asOfYear` (usePlanResults; the CLI computes the same). */
  results: readonly JudgedResult[];
  /** Every stored value of the plan, all regions and years. */
  observations: readonly ReportObservation[];
  /** What the evaluator wrote; never generated. */
  narrative?: { problems?: string; suggestions?: string };
  serviceTracking?: ServiceTrackingInput;
  isDemo?: boolean;
}
