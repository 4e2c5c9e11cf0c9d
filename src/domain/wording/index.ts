export {
  DIGITS,
  derivedDigits,
  differenceUnitLabel,
  formatDateTime,
  formatDifference,
  formatNumber,
  formatPercent,
  formatProgress,
  formatQuantity,
  formatSignedDifference,
  formatYearList,
  formatYears,
  unitAfterNumber,
  timeZoneFor,
  unitLabel,
} from './format';
export type { Locale } from './format';
export { MODE_LABELS, modeLabel, STATUS_LABELS, statusLabel } from './labels';
export { printedWithUnit, targetText } from './target';
export { changeText, explainResult, figureText, reasonText } from './explain';
export {
  assessmentExportRows,
  displayWidth,
  fitWidth,
  planItem,
  resultSentence,
  resultTarget,
  toAssessmentRecord,
} from './records';
export type { AssessmentRecord } from './records';
export { displayUnitOf } from './units';
