/**
 * For a cumulative item (a five-year total such as 城镇棚户区住房改造 11.5万套) each year's cell
 * takes that year's amount (每年新增数), and the engine adds them up. Typing running totals
 * instead (2.3, 4.6 for two years of 2.3) would double count: 6.9 instead of 4.6. This tells such
 * a series apart, so that the grid can ask which it is (docs/data-entry.md).
 *
 * A series looks like running totals when it has at least two consecutive years, rises every
 * year, and each rise is between half and one and a half times the first year's figure (a
 * running total of similar yearly amounts grows by about the first amount each year). Yearly
 * amounts that merely grow (2, 2.5, 3) or hover (3.5, 3.6, 3.4) do not match.
 *
 * @example looksLikeRunningTotals([[2016, 2.3], [2017, 4.6]]) → true
 * @example looksLikeRunningTotals([[2016, 3.5], [2017, 3.6], [2018, 3.4]]) → false
 */
export function looksLikeRunningTotals(series: ReadonlyArray<readonly [number, number]>): boolean {
  const sorted = [...series].sort((a, b) => a[0] - b[0]);
  if (sorted.length < 2) return false;
  const first = sorted[0]?.[1] ?? 0;
  if (!(first > 0)) return false;
  for (let i = 1; i < sorted.length; i++) {
    const [year, value] = sorted[i] as readonly [number, number];
    const [previousYear, previous] = sorted[i - 1] as readonly [number, number];
    if (year !== previousYear + 1) return false;
    const rise = value - previous;
    if (rise < first * 0.5 || rise > first * 1.5) return false;
  }
  return true;
}

/** The yearly amounts a series of running totals stands for: each year's rise. */
export function amountsFromRunningTotals(
  series: ReadonlyArray<readonly [number, number]>,
): Array<[number, number]> {
  const sorted = [...series].sort((a, b) => a[0] - b[0]);
  return sorted.map(([year, value], index) => [
    year,
    index === 0
      ? value
      : Number((value - (sorted[index - 1] as readonly [number, number])[1]).toPrecision(12)),
  ]);
}
