export { assessIndicator, statusFromProgress, timeProgress } from './assess';
export { assessEqualization, dispersion } from './equalization';
export type { Dispersion, DispersionTrend, EqualizationResult, RegionValue } from './equalization';
export { describeTarget, explain } from './explain';
export {
  displayUnit,
  formatDifference,
  formatNumber,
  formatPercent,
  formatProgress,
  formatQuantity,
  isClose,
  POINTS_EN,
} from './numbers';
export { rollUpStatuses } from './rollup';
export type { StatusRollup } from './rollup';
export { impliedComparator, interpretTarget, satisfies } from './target-rule';
export { THRESHOLDS } from './thresholds';
export { projectLinear } from './trend';
export * from './types';
export {
  actualsIndex,
  applyJudgements,
  assessmentModeFor,
  assessPlan,
  planAreaId,
  planCalendar,
  planItems,
} from './plan';
export type { JudgedResult, Judgement, ObservationLike, PlanItem, PlanItemResult } from './plan';
export { parseActualsCsv, parseCsvNumber } from './actuals-csv';
export type { ActualRow } from './actuals-csv';
export { assessmentExportRows, displayWidth, fitWidth, toAssessmentRecord } from './output';
export type { AssessmentRecord, ExportableResult } from './output';
