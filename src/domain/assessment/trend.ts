/**
 * Ordinary least squares line through (year, value) points, evaluated at `atYear`.
 * Returns null with fewer than two distinct years: one point has no trend.
 *
 * @example projectLinear([[2015, 4.31], [2016, 4.6], [2017, 4.9]], 2020) ≈ 5.79
 */
export function projectLinear(
  points: ReadonlyArray<readonly [number, number]>,
  atYear: number,
): number | null {
  if (points.length < 2) return null;
  const n = points.length;
  let sumX = 0;
  let sumY = 0;
  for (const [x, y] of points) {
    sumX += x;
    sumY += y;
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxx = 0;
  let sxy = 0;
  for (const [x, y] of points) {
    sxx += (x - meanX) ** 2;
    sxy += (x - meanX) * (y - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const projected = meanY + slope * (atYear - meanX);
  return Number.isFinite(projected) ? projected : null;
}
