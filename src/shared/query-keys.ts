/**
 * One key factory for every query. Writes invalidate through these keys, never through
 * hand-written arrays, so a new query cannot be forgotten by an invalidation.
 */
export const queryKeys = {
  all: (dataset: string) => [dataset] as const,
  plans: (dataset: string) => [dataset, 'plans'] as const,
  plan: (dataset: string, planId: string) => [dataset, 'plans', planId] as const,
  regions: (dataset: string, planId: string) => [dataset, 'regions', planId] as const,
  /** Every value of a plan; also the prefix of its narrower reads (`values`). */
  observations: (dataset: string, planId: string) => [dataset, 'observations', planId] as const,
  /** Every value of a plan with the full records (text, status, author: `PlanValues.rows`). */
  observationRows: (dataset: string, planId: string) =>
    [dataset, 'observations', planId, 'rows'] as const,
  /** The values of one region or one item of a plan (see `listValues`). */
  values: (dataset: string, planId: string, scope: { regionId?: string; itemId?: string }) =>
    [
      dataset,
      'observations',
      planId,
      scope.regionId !== undefined ? 'region' : 'item',
      scope.regionId ?? scope.itemId ?? '',
    ] as const,
  /** Every cell history of a data set. */
  histories: (dataset: string) => [dataset, 'history'] as const,
  /** The histories of the cells of one series (`plan|region|item`): what a write to it invalidates. */
  seriesHistory: (dataset: string, seriesKey: string) => [dataset, 'history', seriesKey] as const,
  history: (dataset: string, seriesKey: string, year: number) =>
    [dataset, 'history', seriesKey, year] as const,
  judgements: (dataset: string, planId: string) => [dataset, 'judgements', planId] as const,
  /** Implementation statuses of a plan; also the prefix of their histories. */
  implementation: (dataset: string, planId: string) => [dataset, 'implementation', planId] as const,
  implementationHistory: (dataset: string, planId: string, regionId: string, subjectId: string) =>
    [dataset, 'implementation', planId, 'history', regionId, subjectId] as const,
  surveys: (dataset: string, planId: string) => [dataset, 'surveys', planId] as const,
  settings: (dataset: string) => [dataset, 'settings'] as const,
  /** The narratives of a plan; also the prefix of one report's (`narrative`). */
  narratives: (dataset: string, planId: string) => [dataset, 'narratives', planId] as const,
  narrative: (dataset: string, planId: string, regionId: string, asOfYear: number) =>
    [dataset, 'narratives', planId, regionId, asOfYear] as const,
  /** The list of a plan's snapshots; also the prefix of each snapshot's content. */
  snapshots: (dataset: string, planId: string) => [dataset, 'snapshots', planId] as const,
  snapshot: (dataset: string, planId: string, id: string) =>
    [dataset, 'snapshots', planId, id] as const,
  storage: () => ['storage'] as const,
};
