import { formatDateTime } from '../../domain/wording';
import type { ObservationRow } from '../../db/database';

/** One cell of the entry grid: an item, a region, a year. */
export const cellKey = (itemId: string, regionId: string, year: number) =>
  `${itemId}|${regionId}|${year}`;

/** The stored values of a plan, by cell. */
export function indexObservations(
  rows: readonly ObservationRow[] | undefined,
): Map<string, ObservationRow> {
  return new Map((rows ?? []).map((r) => [cellKey(r.itemId, r.regionId, r.year), r]));
}

/** Values shown in a cell: at most four decimals, no exponent for large counts. */
export function formatCellValue(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 4, useGrouping: false });
}

/** The years of the grid: the base year (revisions), then the plan's years. */
export function gridYears(baseYear: number, endYear: number): number[] {
  const years: number[] = [];
  for (let y = baseYear; y <= endYear; y++) years.push(y);
  return years;
}

/** A stored time as the evaluator reads it (the one wording of times: formatDateTime). */
export function formatTime(iso: string): string {
  return formatDateTime(iso);
}
