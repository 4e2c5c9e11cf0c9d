import type { Plan } from '../domain/catalog/schema';

/**
 * The as-of year when none is chosen: the latest year of the period with any value, so that a
 * reader first sees the newest figures; the period's first year when there is none. The one
 * default of every page.
 */
export function defaultYear(plan: Plan, rows: readonly { year: number }[]): number {
  let latest = plan.period.start;
  for (const row of rows) {
    if (row.year > latest && row.year <= plan.period.end) latest = row.year;
  }
  return latest;
}

/**
 * The same default from the latest year of any stored value (PlanValues.latestYear), which the
 * plan-values cache keeps, so no page scans every value for it.
 */
export function defaultYearOf(plan: Plan, latestYear: number | null): number {
  return defaultYear(plan, latestYear === null ? [] : [{ year: latestYear }]);
}

/** The years an as-of year can be: the plan's period. */
export function periodYears(plan: Plan): number[] {
  const years: number[] = [];
  for (let y = plan.period.start; y <= plan.period.end; y++) years.push(y);
  return years;
}
