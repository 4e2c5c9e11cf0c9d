/**
 * One key factory for every query. Writes invalidate through these keys, never through
 * hand-written arrays, so a new query cannot be forgotten by an invalidation.
 */
export const queryKeys = {
  all: (dataset: string) => [dataset] as const,
  plans: (dataset: string) => [dataset, 'plans'] as const,
  plan: (dataset: string, planId: string) => [dataset, 'plans', planId] as const,
  regions: (dataset: string, planId: string) => [dataset, 'regions', planId] as const,
  observations: (dataset: string, planId: string) => [dataset, 'observations', planId] as const,
  /** Every cell history of a data set: what a write invalidates, whichever cells it touched. */
  histories: (dataset: string) => [dataset, 'history'] as const,
  history: (dataset: string, key: string) => [dataset, 'history', key] as const,
  judgements: (dataset: string, planId: string) => [dataset, 'judgements', planId] as const,
  settings: (dataset: string) => [dataset, 'settings'] as const,
  storage: () => ['storage'] as const,
};
