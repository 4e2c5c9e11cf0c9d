import { THRESHOLDS } from '../assessment/thresholds';
import type { ValueRule } from './value-rules';

/**
 * Checks of entered values beyond the value rules (value-rules.ts): the year, and the warning
 * for a value that moves implausibly far from the previous year's. Pure.
 */

/**
 * The denominator a ratio unit is written against, from the unit alone: N for a unit stating
 * "=N" ("农村=1", "女=100") or naming 100, else null. An item printed with no unit is a ratio
 * only when it is one (出生人口性别比): valueRuleFor decides that from its name, and the engine
 * gives its result the unit "女=100" (displayUnitOf in src/domain/wording/units.ts).
 */
export function ratioBase(unit: string | null): number | null {
  if (unit === null) return null;
  const stated = /=\s*(\d+(?:\.\d+)?)$/.exec(unit);
  if (stated) return Number(stated[1]);
  if (/^[^/]*100[^/]*$/.test(unit)) return 100;
  return null;
}

/** A Chinese message when a year is outside the plan's base year..end year, else null. */
export function checkYear(year: number, baseYear: number, endYear: number): string | null {
  if (!Number.isInteger(year) || year < baseYear || year > endYear) {
    return `年份${year}不在本规划的${baseYear}—${endYear}年之间`;
  }
  return null;
}

export interface JumpWarning {
  previousYear: number;
  previousValue: number;
  /** Change from the previous value: percentage points for percent units, else a ratio. */
  change: number;
  basis: 'points' | 'relative';
  message: string;
}

/**
 * Warns when a value moves implausibly far from the previous year's. Percent rules (`%`, `%/年`)
 * compare percentage points (more than THRESHOLDS.jumpWarningPercentagePoints); every other unit
 * compares the change relative to the previous value (more than THRESHOLDS.jumpWarningRelative).
 * No warning when there is no previous value, or it is 0 (a relative change cannot be computed).
 *
 * @example checkJump(60, { year: 2016, value: 85 }, shareRule) → 25个百分点 > 10 → warning
 * @example checkJump(5.2, { year: 2016, value: 3.2 }, bedsRule) → +62.5% > 50% → warning
 */
export function checkJump(
  value: number,
  previous: { year: number; value: number } | null,
  rule: Pick<ValueRule, 'isPercent'>,
): JumpWarning | null {
  if (!previous) return null;
  const delta = value - previous.value;
  if (rule.isPercent) {
    const points = Math.abs(delta);
    if (points <= THRESHOLDS.jumpWarningPercentagePoints) return null;
    return {
      previousYear: previous.year,
      previousValue: previous.value,
      change: delta,
      basis: 'points',
      message: `比${previous.year}年（${formatPlain(previous.value)}）变化${formatPlain(delta, true)}个百分点，超过${THRESHOLDS.jumpWarningPercentagePoints}个百分点，请核对`,
    };
  }
  if (previous.value === 0) return null;
  const relative = delta / Math.abs(previous.value);
  if (Math.abs(relative) <= THRESHOLDS.jumpWarningRelative) return null;
  return {
    previousYear: previous.year,
    previousValue: previous.value,
    change: relative,
    basis: 'relative',
    message: `比${previous.year}年（${formatPlain(previous.value)}）变化${formatPlain(relative * 100, true)}%，超过±${THRESHOLDS.jumpWarningRelative * 100}%，请核对`,
  };
}

function formatPlain(value: number, signed = false): string {
  const rounded = Math.round(value * 100) / 100;
  const text = Object.is(rounded, -0) ? '0' : String(rounded);
  return signed && rounded > 0 ? `+${text}` : text;
}

/**
 * The value a new figure for `year` is compared with: the nearest earlier year that has one,
 * falling back to the catalog baseline for the base year.
 */
export function previousValue(
  year: number,
  valuesByYear: ReadonlyMap<number, number>,
  baseYear: number,
  catalogBaseline: number | null,
): { year: number; value: number } | null {
  for (let y = year - 1; y >= baseYear; y--) {
    const v = valuesByYear.get(y);
    if (v !== undefined) return { year: y, value: v };
  }
  if (year > baseYear && catalogBaseline !== null)
    return { year: baseYear, value: catalogBaseline };
  return null;
}
