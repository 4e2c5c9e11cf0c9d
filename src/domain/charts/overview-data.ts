import { rollUpStatuses } from '../assessment/rollup';
import {
  FINAL_ONLY_STATUSES,
  MIDTERM_ONLY_STATUSES,
  STATUS_CODES,
  type AssessmentMode,
  type Figure,
  type StatusCode,
} from '../assessment/types';
import type { Domain } from '../catalog/schema';

/** What the overview needs of one assessed item (a PlanItemResult, with the status shown). */
export interface OverviewItem {
  id: string;
  name: string;
  domain: string;
  unit: string | null;
  kind: 'level' | 'cumulative';
  status: StatusCode;
  isProvisional: boolean;
  progress: Figure;
  timeProgress: number;
  targetYear: number;
  latestYear: number | null;
  latestValue: number | null;
  cumulativeValue: number | null;
  missingYears: readonly number[];
  gap: Figure;
  requiredAnnualChange: Figure;
  averageAnnualChange: Figure;
}

/** Statuses that call for action, most serious first: the order of the "behind" list. */
export const BEHIND_STATUSES: readonly StatusCode[] = [
  'regressing',
  'not_achieved',
  'likely_not_achieved',
  'lagging',
];

export interface StatusTile {
  status: StatusCode;
  count: number;
}

/**
 * One count per status that the mode can give, in STATUS_CODES order (zeros kept, so tiles never
 * jump around). A status of the other mode appears only when some item has it (a 2017 target
 * judged finally in a mid-term view, a cap already exceeded), never as an empty card.
 */
export function statusTiles(items: readonly OverviewItem[], mode: AssessmentMode): StatusTile[] {
  const { plan } = rollUpStatuses(items, []);
  const foreign = mode === 'midterm' ? FINAL_ONLY_STATUSES : MIDTERM_ONLY_STATUSES;
  return STATUS_CODES.filter((status) => !foreign.has(status) || plan.counts[status] > 0).map(
    (status) => ({ status, count: plan.counts[status] }),
  );
}

/** One row per domain for a stacked bar: the counts by status, keyed by status code. */
export interface DomainStatusRow extends Record<StatusCode, number> {
  domainId: string;
  domainName: string;
  total: number;
  /** Items regressing, not achieved or lagging. */
  behind: number;
}

/**
 * Status counts per domain in the plan's order; domains without items are left out (a bar of
 * nothing says nothing).
 */
export function domainStatusRows(
  domains: readonly Pick<Domain, 'id' | 'name'>[],
  items: readonly OverviewItem[],
): DomainStatusRow[] {
  const rollup = rollUpStatuses(
    items,
    domains.map((d) => d.id),
  );
  return rollup.domains
    .map((r, index) => {
      const domain = domains[index] as Pick<Domain, 'id' | 'name'>;
      return {
        domainId: domain.id,
        domainName: domain.name,
        total: r.total,
        behind: BEHIND_STATUSES.reduce((sum, s) => sum + r.counts[s], 0),
        ...r.counts,
      };
    })
    .filter((row) => row.total > 0);
}

export interface LaggingRow extends OverviewItem {
  /** τ − P in ratio points (0.25 = 25 points behind the time progress); null without P. */
  shortfall: number | null;
  /**
   * How many times the past average annual change the remaining years need
   * (required / average); null when either is missing or the past change is 0 or against the target.
   */
  accelerationFactor: number | null;
}

/**
 * Required change per year ÷ average change per year so far.
 *
 * @example accelerationFactor(0.6, 0.3) → 2 (twice the past pace is needed)
 */
export function accelerationFactor(required: number | null, average: number | null): number | null {
  if (required === null || average === null || average === 0) return null;
  const factor = required / average;
  // A negative factor means the indicator moved away from the target: no pace multiple helps.
  return Number.isFinite(factor) && factor > 0 ? factor : null;
}

/**
 * The items behind (regressing, not achieved, lagging), most serious first: by status, then by
 * the largest shortfall of completion against time progress.
 */
export function mostLagging(items: readonly OverviewItem[], limit = 10): LaggingRow[] {
  const rank = (s: StatusCode) => BEHIND_STATUSES.indexOf(s);
  return items
    .filter((item) => BEHIND_STATUSES.includes(item.status))
    .map((item) => ({
      ...item,
      shortfall: item.progress.value === null ? null : item.timeProgress - item.progress.value,
      accelerationFactor: accelerationFactor(
        item.requiredAnnualChange.value,
        item.averageAnnualChange.value,
      ),
    }))
    .sort(
      (a, b) =>
        rank(a.status) - rank(b.status) ||
        (b.shortfall ?? Number.NEGATIVE_INFINITY) - (a.shortfall ?? Number.NEGATIVE_INFINITY),
    )
    .slice(0, limit);
}

/**
 * Items judged on a figure older than the as-of year (or than their target year, when that came
 * earlier): they have data, but not for that year. Items with no data at all are 无数据 already.
 */
export function itemsOnOlderData(items: readonly OverviewItem[], asOfYear: number): OverviewItem[] {
  return items.filter(
    (item) => item.latestYear !== null && item.latestYear < Math.min(asOfYear, item.targetYear),
  );
}
