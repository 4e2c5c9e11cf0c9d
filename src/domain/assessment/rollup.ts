import { STATUS_CODES, type StatusCode } from './types';

export interface StatusRollup {
  /** The domain id, or null for the whole plan. */
  key: string | null;
  total: number;
  counts: Record<StatusCode, number>;
  /** counts / total, 0 when total is 0. */
  shares: Record<StatusCode, number>;
}

function emptyCounts(): Record<StatusCode, number> {
  return Object.fromEntries(STATUS_CODES.map((code) => [code, 0])) as Record<StatusCode, number>;
}

function toRollup(key: string | null, statuses: StatusCode[]): StatusRollup {
  const counts = emptyCounts();
  for (const status of statuses) counts[status]++;
  const total = statuses.length;
  const shares = emptyCounts();
  for (const code of STATUS_CODES) shares[code] = total === 0 ? 0 : counts[code] / total;
  return { key, total, counts, shares };
}

/**
 * Counts and shares by status for the whole plan and for each domain, in the order the domains
 * are given (the plan's order).
 */
export function rollUpStatuses(
  results: ReadonlyArray<{ domain: string; status: StatusCode }>,
  domainOrder: readonly string[],
): { plan: StatusRollup; domains: StatusRollup[] } {
  return {
    plan: toRollup(
      null,
      results.map((r) => r.status),
    ),
    domains: domainOrder.map((domain) =>
      toRollup(
        domain,
        results.filter((r) => r.domain === domain).map((r) => r.status),
      ),
    ),
  };
}
