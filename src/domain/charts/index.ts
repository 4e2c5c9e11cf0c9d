export {
  accelerationFactor,
  BEHIND_STATUSES,
  domainStatusRows,
  itemsOnOlderData,
  mostLagging,
  statusTiles,
} from './overview-data';
export type { DomainStatusRow, LaggingRow, OverviewItem, StatusTile } from './overview-data';
export { indicatorSeries } from './indicator-series';
export type { IndicatorChartData, IndicatorPoint, TargetMark } from './indicator-series';
export { compareRegions } from './region-bars';
export type {
  DispersionPoint,
  ObservationLike,
  RegionBar,
  RegionComparison,
  RegionRef,
} from './region-bars';
export { compareConcept, sharedConcepts } from './across-plans';
export type { ConceptComparison, ConceptRow, ConceptSummary } from './across-plans';
export { bulletRows } from './domain-rows';
export type { BulletRow, DomainSortKey } from './domain-rows';
export { regionStatusRows } from './region-status';
export type { RegionStatusRow } from './region-status';
