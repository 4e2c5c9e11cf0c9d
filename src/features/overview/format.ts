import { formatNumber, formatPercent } from '../../domain/assessment/numbers';

/** "—" for a figure that cannot be computed; never "NaN". */
export const DASH = '—';

export function num(value: number | null | undefined, unit?: string | null): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return `${formatNumber(value)}${unit && unit !== '%' ? ` ${unit}` : (unit ?? '')}`;
}

export function pct(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined || !Number.isFinite(ratio)
    ? DASH
    : formatPercent(ratio);
}

/** Signed change with its unit: "+0.25 张", "−1.2 %". */
export function signed(value: number | null | undefined, unit?: string | null): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${num(Math.abs(value), unit)}`;
}
