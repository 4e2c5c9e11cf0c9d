/**
 * Every threshold the assessment uses, in one place. docs/methodology.md explains each one and
 * where it comes from; change them here and nowhere else.
 */
export const THRESHOLDS = {
  /**
   * An indicator is 符合进度 (on track) when its completion P is at least the time progress τ
   * minus this margin. 0 reproduces the "时间过半、任务过半" rule exactly.
   */
  onTrackMargin: 0,
  /** Relative tolerance for comparing two figures (guards against 0.1 + 0.2 ≠ 0.3). */
  relativeEpsilon: 1e-9,
  /**
   * Dispersion across regions counts as narrowed (widened) when the coefficient of variation
   * fell (rose) by more than this, in absolute terms; smaller moves count as stable.
   */
  dispersionChangeTolerance: 0.005,
  /**
   * Data entry asks once for confirmation when a value moves from the previous year's by more
   * than this share of the previous value (e.g. 0.5 = ±50%) …
   */
  jumpWarningRelative: 0.5,
  /**
   * A final assessment without target-year data gives a provisional verdict (预计实现 /
   * 预计难以实现) only from data at most this many years older than the target year: 2017 data
   * for 2020, not 2016 data. Older data give 无法计算 (数据过旧).
   */
  maxYearsProjected: 3,
  /** … and, for percentage units, by more than this many percentage points. */
  jumpWarningPercentagePoints: 10,
} as const;

/**
 * The version of the assessment rules (the formulas of docs/methodology.md and the thresholds
 * above). A frozen report (snapshot) records it, so that a status computed under other rules
 * can be told apart later. Raise it whenever a formula, a status rule or a threshold changes.
 */
// 2026-11-30: per-pupil and standard amounts comparable between counties (isSizeIndependent),
// the fraction value rule, a county's own standards judged there only.
export const METHOD_VERSION = 'methodology-2026-11-30';
