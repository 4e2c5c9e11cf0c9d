import { BEHIND_STATUSES, type OverviewItem } from './overview-data';
import type { StatusCode } from '../assessment/types';

export type DomainSortKey = 'plan' | 'status' | 'shortfall';

export interface BulletRow extends OverviewItem {
  /** Plan order, to restore the document's order. */
  order: number;
  /** τ − P (positive = behind time progress), null without P. */
  shortfall: number | null;
  /** P clamped to [0, 1.2] for drawing; the table shows the true figure. */
  progressForBar: number | null;
}

/** The order statuses sort in: what needs attention first, then done, then what cannot be said. */
const STATUS_SEVERITY: readonly StatusCode[] = [
  ...BEHIND_STATUSES,
  'on_track',
  'likely_achieved',
  'achieved',
  'manual',
  'not_assessable',
  'no_data',
];

/**
 * One row per item of a domain (or of all domains when `domainId` is null) for the
 * completion-against-time-progress bullet chart, sorted as asked. Ties keep plan order.
 */
export function bulletRows(
  items: readonly OverviewItem[],
  domainId: string | null,
  sortKey: DomainSortKey,
): BulletRow[] {
  const rows = items
    .map((item, order) => ({
      ...item,
      order,
      shortfall: item.progress.value === null ? null : item.timeProgress - item.progress.value,
      progressForBar:
        item.progress.value === null ? null : Math.min(1.2, Math.max(0, item.progress.value)),
    }))
    .filter((row) => domainId === null || row.domain === domainId);
  const severity = (s: StatusCode) => STATUS_SEVERITY.indexOf(s);
  const byShortfall = (a: BulletRow, b: BulletRow) =>
    (b.shortfall ?? Number.NEGATIVE_INFINITY) - (a.shortfall ?? Number.NEGATIVE_INFINITY);
  return rows.sort((a, b) => {
    if (sortKey === 'status')
      return severity(a.status) - severity(b.status) || byShortfall(a, b) || a.order - b.order;
    if (sortKey === 'shortfall') return byShortfall(a, b) || a.order - b.order;
    return a.order - b.order;
  });
}
