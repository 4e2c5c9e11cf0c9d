export { assessIndicator, modeFor, statusFromProgress, timeProgress } from './assess';
export { assessEqualization, dispersion } from './equalization';
export type { Dispersion, DispersionTrend, EqualizationResult, RegionValue } from './equalization';
export { isClose, roundTo } from './numbers';
export { rollUpStatuses } from './rollup';
export type { StatusRollup } from './rollup';
export { impliedComparator, interpretTarget, satisfies } from './target-rule';
export { METHOD_VERSION, THRESHOLDS } from './thresholds';
export { projectLinear } from './trend';
export * from './types';
export {
  applyJudgements,
  assessPlan,
  catalogRegionRole,
  indexValues,
  planCalendar,
  planItems,
  planAreaRegionId,
  planModeFor,
} from './plan';
export type {
  JudgedResult,
  Judgement,
  ObservationLike,
  PlanItem,
  PlanItemResult,
  RegionRole,
  ValueIndex,
} from './plan';
