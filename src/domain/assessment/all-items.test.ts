import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadAllPlans } from '../catalog/test-plans';
import { explainResult } from '../wording/explain';
import { formatYearList } from '../wording/format';
import { targetText } from '../wording/target';
import { assessIndicator } from './assess';
import { planCalendar, planItems } from './plan';
import { FINAL_ONLY_STATUSES, MIDTERM_ONLY_STATUSES } from './types';

// The rules of docs/methodology.md hold on every real item of the five plans, for any figures:
// rule 2 (missing years named, never zero or averaged), rule 3 (a final verdict needs target-year
// data), rule 4 (mid-term and final statuses never mix), rule 5 (every figure a number or a reason).
const plans = loadAllPlans();
const cases = plans.flatMap((plan) =>
  planItems(plan).map((item) => ({ plan, item, calendar: planCalendar(plan) })),
);

describe('every item of the five plans', () => {
  it(`keeps the method's rules for any figures (${cases.length} items)`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: cases.length - 1 }),
        fc.dictionary(
          fc.integer({ min: 2015, max: 2020 }).map(String),
          fc.double({ min: 0, max: 1000, noNaN: true }),
        ),
        fc.integer({ min: 2016, max: 2020 }),
        fc.constantFrom<'plan-area' | 'subregion'>('plan-area', 'subregion'),
        (index, raw, asOf, scope) => {
          const { plan, item, calendar } = cases[index] as (typeof cases)[number];
          const asOfYear = Math.min(Math.max(asOf, calendar.startYear), calendar.endYear + 1);
          const actuals = new Map(Object.entries(raw).map(([y, v]) => [Number(y), v]));
          const r = assessIndicator({ item, calendar, actuals, asOfYear, scope });
          const targetYear = ('year' in item ? item.year : undefined) ?? calendar.endYear;
          // Rule 4: the mode follows the year; the statuses of the other mode never appear
          // (a cap already exceeded is the one mid-term 未实现).
          expect(r.mode).toBe(asOfYear >= targetYear ? 'final' : 'midterm');
          if (r.mode === 'final') expect(MIDTERM_ONLY_STATUSES.has(r.status)).toBe(false);
          else if (!r.reasons.some((x) => x.code === 'cap_exceeded')) {
            expect(FINAL_ONLY_STATUSES.has(r.status)).toBe(false);
          }
          // Rule 3: 已实现 / 未实现 at the final assessment rest on target-year data (or, for a
          // total, on reported amounts that already reach it).
          if (r.mode === 'final' && r.status === 'not_achieved' && item.kind === 'level') {
            expect(actuals.has(targetYear)).toBe(true);
          }
          if (r.status === 'likely_achieved' || r.status === 'likely_not_achieved') {
            expect(r.isProvisional).toBe(true);
            // A level needs the target year's figure; a total needs every year's amount.
            if (item.kind === 'level') expect(actuals.has(targetYear)).toBe(false);
            else expect(r.missingYears.length).toBeGreaterThan(0);
          }
          // Rule 5: a figure is finite or says why it is not.
          for (const f of [
            r.progress,
            r.gap,
            r.requiredAnnualChange,
            r.averageAnnualChange,
            r.projectedValue,
          ]) {
            if (f.value === null) expect(f.reason.code).toBeTruthy();
            else expect(Number.isFinite(f.value)).toBe(true);
          }
          // Rule 2: every missing year of the period up to the data year is named.
          const sentence = explainResult(r, targetText(item, r.targetRule, calendar), 'zh-CN');
          expect(sentence).not.toMatch(/NaN|Infinity|undefined|null/);
          if (r.status !== 'no_data' && r.status !== 'manual' && r.latestYear !== null) {
            // (How a list of years is written is tested with fixed strings in wording.)
            const gaps = r.missingYears.filter((y) => y < (r.latestYear as number));
            if (gaps.length > 0) expect(sentence).toContain(`缺少${formatYearList(gaps)}数据`);
          }
          void plan;
        },
      ),
      { numRuns: 2000 },
    );
  });
});
