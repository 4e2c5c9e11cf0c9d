import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Quantity } from '../catalog/schema';
import { assessIndicator, timeProgress } from './assess';
import type { AssessableItem, AssessmentResult, Figure, Reason } from './types';

// Worked examples: the items below mirror real rows of the plans (file:line in each comment).
const calendar = { baseYear: 2015, startYear: 2016, endYear: 2020 };
const q = (raw: string, value?: number, comparator?: Quantity['comparator']): Quantity => ({
  raw,
  ...(value !== undefined ? { value } : { text: raw }),
  ...(comparator ? { comparator } : {}),
});

function run(
  item: AssessableItem,
  actuals: Record<number, number>,
  asOfYear: number,
  scope: 'plan-area' | 'subregion' = 'plan-area',
): AssessmentResult {
  const map = new Map(Object.entries(actuals).map(([y, v]) => [Number(y), v]));
  return assessIndicator({ item, calendar, actuals: map, asOfYear, scope });
}

/** The number of a figure, failing the test when the figure has none. */
function value(f: Figure): number {
  if (f.value === null) throw new Error(`expected a figure, got reason ${f.reason.code}`);
  return f.value;
}

function reasonOf(f: Figure): Reason['code'] | null {
  return f.value === null ? f.reason.code : null;
}

const codes = (r: AssessmentResult) => r.reasons.map((reason) => reason.code);

// 达州 每千人口床位数（张） 4.31 → 5.70 (000_2d37ce64d69f20cb.txt, indicator table)
const beds: AssessableItem = {
  id: 'health.beds',
  name: '每千人口床位数',
  unit: '张',
  direction: 'up',
  kind: 'level',
  baseline: q('4.31', 4.31),
  target: q('5.70', 5.7),
  change: q('1.39', 1.39),
};
// 周村 婴儿死亡率（‰） 2.06 → <2 (002_9acba365da5c31fb.txt, 专栏1)
const infantMortality: AssessableItem = {
  id: 'health.infant-mortality',
  name: '婴儿死亡率',
  unit: '‰',
  direction: 'down',
  kind: 'level',
  baseline: q('2.06', 2.06),
  target: q('<2', 2, '<'),
};
// 周村 学前教育三年毛入学率（%） 99 → >99 (002, 专栏1)
const preschool: AssessableItem = {
  id: 'education.preschool',
  name: '学前教育三年毛入学率',
  unit: '%',
  direction: 'up',
  kind: 'level',
  baseline: q('99', 99),
  target: q('>99', 99, '>'),
};
// 周村 孕产妇死亡率（1/10万） 0 → 3: a ceiling the baseline already meets (002, 专栏1)
const maternal: AssessableItem = {
  id: 'health.maternal-mortality',
  name: '孕产妇死亡率',
  unit: '1/10万',
  direction: 'down',
  kind: 'level',
  baseline: q('0', 0),
  target: q('3', 3),
};
// 周村 基本养老保险参保人数（万人） 8.0465 → 7.6645: target below the baseline of an up indicator
const pensionEnrollees: AssessableItem = {
  id: 'insurance.pension-enrollees',
  name: '基本养老保险参保人数',
  unit: '万人',
  direction: 'up',
  kind: 'level',
  baseline: q('8.0465', 8.0465),
  target: q('7.6645', 7.6645),
};
// 邯郸 基本医疗保险参保率（%） 95 → 95: a maintain target (003, indicator table)
const medicalCoverage: AssessableItem = {
  id: 'insurance.medical-coverage',
  name: '基本医疗保险参保率',
  unit: '%',
  direction: 'up',
  kind: 'level',
  baseline: q('95', 95),
  target: q('95', 95),
};
// 达州 新增城镇就业人数（万人） —, —, 17: a five-year total (000, indicator table)
const newJobs: AssessableItem = {
  id: 'employment.new-urban-jobs',
  name: '新增城镇就业人数',
  unit: '万人',
  direction: 'up',
  kind: 'cumulative',
  baseline: null,
  target: null,
  change: q('17', 17),
};
// 邯郸 养老床位中护理型床位比例（%） -, 30: no baseline (003, indicator table)
const nursingBeds: AssessableItem = {
  id: 'social.nursing-beds',
  name: '养老床位中护理型床位比例',
  unit: '%',
  direction: 'up',
  kind: 'level',
  baseline: null,
  target: q('30', 30),
};
// 周村 4类重点对象农村危房改造: target in words (002, 专栏1)
const dilapidated: AssessableItem = {
  id: 'housing.rural-dilapidated',
  name: '建档立卡贫困户、低保户、农村分散供养特困人员、贫困残疾人家庭等4类重点对象农村危房改造',
  unit: '万户',
  direction: 'up',
  kind: 'cumulative',
  baseline: q('2013至2015年共52户属于四类人员'),
  target: null,
  change: q('实现应改尽改'),
};
// 达州 出生人口性别比 109.68：100 → 107：100, lower is better (000, indicator table)
const sexRatio: AssessableItem = {
  id: 'health.sex-ratio',
  name: '出生人口性别比',
  unit: '女=100',
  direction: 'down',
  kind: 'level',
  baseline: q('109．68：100', 109.68),
  target: q('107：100', 107),
  change: q('-2.68', -2.68),
};

// 周村 5岁以下儿童死亡率（‰） 2.47 → <2.4 (002_9acba365da5c31fb.txt, 专栏1)
const under5Mortality: AssessableItem = {
  id: 'health.under5-mortality',
  name: '5岁以下儿童死亡率',
  unit: '‰',
  direction: 'down',
  kind: 'level',
  baseline: q('2.47', 2.47),
  target: q('<2.4', 2.4, '<'),
};
// A cap on a period total (a loaded plan may have one): 新增建设用地 no more than 100 公顷.
const landCap: AssessableItem = {
  id: 'land.new-construction',
  name: '新增建设用地',
  unit: '公顷',
  direction: 'down',
  kind: 'cumulative',
  baseline: null,
  target: null,
  change: q('100', 100),
};
// 达州2017 城镇新增就业 3.35万人, a 2017 target of the implementation plan (001)
const jobs2017: AssessableItem = {
  id: 'tt.new-urban-jobs',
  name: '城镇新增就业',
  unit: '万人',
  direction: 'up',
  kind: 'cumulative',
  year: 2017,
  baseline: null,
  target: q('3.35万人', 3.35),
};

describe('time progress τ', () => {
  it('is (t − 2015) / 5 and is clamped to [0, 1]', () => {
    expect(timeProgress(2018, 2015, 2020)).toBeCloseTo(0.6);
    expect(timeProgress(2015, 2015, 2020)).toBe(0);
    expect(timeProgress(2022, 2015, 2020)).toBe(1);
  });
});

describe('a numeric level target (higher is better)', () => {
  it('is on track when completion keeps pace with time', () => {
    // Given 2018 beds at 5.2 (P = 0.89/1.39 = 0.640 ≥ τ = 0.6)
    const r = run(beds, { 2016: 4.6, 2017: 4.9, 2018: 5.2 }, 2018);
    expect(r.status).toBe('on_track');
    expect(r.mode).toBe('midterm');
    expect(value(r.progress)).toBeCloseTo(0.89 / 1.39, 10);
    expect(r.timeProgress).toBeCloseTo(0.6);
    expect(value(r.gap)).toBeCloseTo(0.5);
    expect(value(r.requiredAnnualChange)).toBeCloseTo(0.25);
    expect(value(r.averageAnnualChange)).toBeCloseTo(0.89 / 3);
    expect(r.isProvisional).toBe(false);
  });

  it('lags when completion is behind time, and gives the pace now needed', () => {
    const r = run(beds, { 2016: 4.4, 2017: 4.6, 2018: 4.8 }, 2018);
    expect(r.status).toBe('lagging');
    expect(value(r.progress)).toBeCloseTo(0.49 / 1.39, 10);
    expect(value(r.requiredAnnualChange)).toBeCloseTo(0.45);
    // Least squares through (2015,4.31),(2016,4.4),(2017,4.6),(2018,4.8): slope 0.167, 2020 ≈ 5.11
    expect(value(r.projectedValue)).toBeCloseTo(5.11, 2);
    expect(r.projectionReachesTarget).toBe(false);
  });

  it('regresses when the value moved away from the target since the baseline', () => {
    const r = run(beds, { 2017: 4.2 }, 2017);
    expect(r.status).toBe('regressing');
    expect(value(r.progress)).toBeLessThan(0);
    expect(r.missingYears).toEqual([2016]);
    expect(codes(r)).toContain('gap_years');
  });

  it('is achieved once the latest value reaches the target', () => {
    expect(run(beds, { 2019: 5.7 }, 2019).status).toBe('achieved');
  });

  it('uses a revised 2015 baseline when one is entered', () => {
    const r = run(beds, { 2015: 4.0, 2018: 4.9 }, 2018);
    expect(r.isBaselineRevised).toBe(true);
    expect(value(r.progress)).toBeCloseTo(0.9 / 1.7, 10);
  });

  it('at the final assessment is achieved or not achieved', () => {
    const missed = run(beds, { 2020: 5.69 }, 2020);
    expect(missed.mode).toBe('final');
    expect(missed.status).toBe('not_achieved');
    expect(run(beds, { 2020: 5.71 }, 2020).status).toBe('achieved');
  });
});

describe('rule 1: a strict comparator is met only strictly', () => {
  it('周村 5岁以下儿童死亡率 <2.4 at exactly 2.4 in 2020 is not achieved, with no 100% and no zero gap', () => {
    const r = run(under5Mortality, { 2020: 2.4 }, 2020);
    expect(r.status).toBe('not_achieved');
    expect(reasonOf(r.progress)).toBe('strict_at_target');
    expect(reasonOf(r.gap)).toBe('strict_at_target');
    expect(reasonOf(r.requiredAnnualChange)).toBe('strict_at_target');
    expect(codes(r)).toContain('strict_at_target');
  });

  it('at exactly 2.4 in 2018 it stands at the target level: on track, not achieved', () => {
    const r = run(under5Mortality, { 2018: 2.4 }, 2018);
    expect(r.status).toBe('on_track');
    expect(reasonOf(r.progress)).toBe('strict_at_target');
  });

  it('just below 2.4 is achieved', () => {
    const r = run(under5Mortality, { 2020: 2.39 }, 2020);
    expect(r.status).toBe('achieved');
    expect(value(r.gap)).toBe(0);
  });

  it('a strict total (">1000") equal to the total is not achieved at the final assessment', () => {
    const total: AssessableItem = { ...landCap, direction: 'up', change: q('>1000', 1000, '>') };
    const r = run(total, { 2016: 200, 2017: 200, 2018: 200, 2019: 200, 2020: 200 }, 2020);
    expect(r.status).toBe('not_achieved');
    expect(reasonOf(r.progress)).toBe('strict_at_target');
  });
});

describe('rule 2: a missing year is never silently zero nor silently averaged', () => {
  it('达州 新增城镇就业 2016 and 2018 without 2017: the total counts the reported years and the verdict says it may change', () => {
    const r = run(newJobs, { 2016: 3.5, 2018: 3.4 }, 2018);
    // S = 6.9 of 17 = 40.6% against τ(2018) = 60%: behind on what is reported.
    expect(r.cumulativeValue).toBeCloseTo(6.9);
    expect(value(r.progress)).toBeCloseTo(6.9 / 17, 10);
    expect(r.status).toBe('lagging');
    expect(r.isProvisional).toBe(true);
    expect(r.reasons).toContainEqual({ code: 'gap_years', years: [2017] });
    // The projection adds the average of the reported years for 2019 and 2020 only:
    // 6.9 + 3.45 × 2 = 13.8, a lower bound, which cannot say the target will be missed.
    expect(value(r.projectedValue)).toBeCloseTo(13.8);
    expect(r.projectionReachesTarget).toBeNull();
  });

  it('a total already on pace without the missing year is on track for certain', () => {
    const r = run(newJobs, { 2016: 5, 2018: 6 }, 2018);
    expect(r.status).toBe('on_track');
    expect(r.isProvisional).toBe(false);
    expect(value(r.projectedValue)).toBeCloseTo(11 + 5.5 * 2);
    expect(r.projectionReachesTarget).toBe(true);
  });

  it('a level item is judged as of its latest figure, against that year’s time progress', () => {
    // 2017 beds 4.9: P = 0.59/1.39 = 42.4% against τ(2017) = 40%, though asked as of 2018.
    const r = run(beds, { 2016: 4.6, 2017: 4.9 }, 2018);
    expect(r.latestYear).toBe(2017);
    expect(r.timeProgress).toBeCloseTo(0.4);
    expect(r.status).toBe('on_track');
    expect(r.reasons).toContainEqual({ code: 'trailing_years', years: [2018], dataYear: 2017 });
    // The pace needed counts the three years left after 2017: (5.7 − 4.9) / 3.
    expect(value(r.requiredAnnualChange)).toBeCloseTo(0.8 / 3);
  });
});

describe('rule 3: a final verdict rests on target-year data, else it is provisional', () => {
  it('达州 每千人口床位数 with only a 2017 value of 5.8: likely achieved, on 2017 data and the trend', () => {
    const r = run(beds, { 2017: 5.8 }, 2020);
    expect(r.status).toBe('likely_achieved');
    expect(r.isProvisional).toBe(true);
    expect(r.reasons).toContainEqual({
      code: 'provisional_final',
      dataYear: 2017,
      targetYear: 2020,
      years: [2018, 2019, 2020],
      basis: 'trend',
    });
    // Through (2015, 4.31) and (2017, 5.8): 4.31 + 0.745 × 5 = 8.035 in 2020.
    expect(value(r.projectedValue)).toBeCloseTo(8.035);
  });

  it('a value that keeps the target today, on a trend toward breaking it, is likely missed', () => {
    // 周村 孕产妇死亡率 0 → 3 (1/10万): 1, 2, 2.9 in 2016–2018 keep the ceiling of 3, but the line
    // through (2015, 0) … (2018, 2.9) has slope 0.97 and reaches 1.475 + 0.97 × 3.5 = 4.87 in 2020.
    const r = run(maternal, { 2016: 1, 2017: 2, 2018: 2.9 }, 2020);
    expect(value(r.projectedValue)).toBeCloseTo(4.87, 2);
    expect(r.status).toBe('likely_not_achieved');
  });

  it('新增城镇就业人数 with 2019–2020 missing: likely achieved or missed from the average amount', () => {
    const likely = run(newJobs, { 2016: 3.5, 2017: 3.6, 2018: 3.4 }, 2020);
    expect(likely.status).toBe('likely_achieved');
    expect(value(likely.projectedValue)).toBeCloseTo(17.5);
    const unlikely = run(newJobs, { 2016: 3, 2017: 3, 2018: 3 }, 2020);
    expect(unlikely.status).toBe('likely_not_achieved');
    expect(unlikely.isProvisional).toBe(true);
    expect(value(unlikely.projectedValue)).toBeCloseTo(15);
  });

  it('with every year reported, the final verdict is certain', () => {
    const r = run(newJobs, { 2016: 3, 2017: 3, 2018: 3, 2019: 3, 2020: 3 }, 2020);
    expect(r.status).toBe('not_achieved');
    expect(r.isProvisional).toBe(false);
  });

  it('without a baseline or a trend, the latest value alone decides, and says so', () => {
    const r = run(nursingBeds, { 2018: 31 }, 2020);
    expect(r.status).toBe('likely_achieved');
    expect(r.reasons).toContainEqual({
      code: 'provisional_final',
      dataYear: 2018,
      targetYear: 2020,
      years: [2019, 2020],
      basis: 'latest',
    });
  });
});

describe('rule 3: no final verdict from data more than three years old', () => {
  it('达州 每千人口床位数 with only a 2016 value: 无法计算 (数据过旧), not 预计实现', () => {
    const r = run(beds, { 2016: 5.8 }, 2020);
    expect(r.status).toBe('not_assessable');
    expect(r.isProvisional).toBe(false);
    expect(r.reasons[0]).toEqual({ code: 'data_too_old', dataYear: 2016, targetYear: 2020 });
  });

  it('新增城镇就业人数 with only 2016 reported: no projection of a total from one year', () => {
    const r = run(newJobs, { 2016: 3.5 }, 2020);
    expect(r.status).toBe('not_assessable');
    expect(r.reasons[0]).toEqual({ code: 'data_too_old', dataYear: 2016, targetYear: 2020 });
  });

  it('a total already reached stays 已实现 however old the data', () => {
    expect(run(newJobs, { 2016: 18 }, 2020).status).toBe('achieved');
  });
});

describe('rule 4: the mode follows the year; each item takes its own target year', () => {
  it('is 中期 before the target year and 终期 from it on', () => {
    expect(run(beds, { 2019: 5 }, 2019).mode).toBe('midterm');
    expect(run(beds, { 2019: 5 }, 2020).mode).toBe('final');
  });

  it('a 2017 target of the 2017 implementation plan is judged finally in 2017 and after', () => {
    // 达州市2017年实施方案: base year 2016, period 2017 (001).
    const oneYear = { baseYear: 2016, startYear: 2017, endYear: 2017 };
    const assess2017 = (value: number, asOfYear: number) =>
      assessIndicator({
        item: jobs2017,
        calendar: oneYear,
        actuals: new Map([[2017, value]]),
        asOfYear,
      });
    const missed = assess2017(3.2, 2018);
    expect(missed.mode).toBe('final');
    expect(missed.status).toBe('not_achieved');
    expect(missed.isProvisional).toBe(false);
    expect(assess2017(3.4, 2017).status).toBe('achieved');
  });

  it('a prose target for 2017 inside a five-year plan is final from 2017 on', () => {
    const early = { ...beds, year: 2017 };
    expect(run(early, { 2017: 5.8 }, 2018).mode).toBe('final');
    expect(run(early, { 2017: 5.8 }, 2018).status).toBe('achieved');
    expect(run(early, { 2016: 5.0 }, 2016).mode).toBe('midterm');
  });
});

describe('rule 6: a lower-is-better cumulative item is a cap', () => {
  it('within the cap is on track mid-term, with the share of the cap used', () => {
    const r = run(landCap, { 2016: 20, 2017: 25, 2018: 30 }, 2018);
    expect(r.targetRule).toMatchObject({ comparator: '<=', value: 100 });
    expect(r.status).toBe('on_track');
    expect(value(r.progress)).toBeCloseTo(0.75);
    expect(value(r.gap)).toBe(0);
  });

  it('a cap already exceeded cannot be met any more, even mid-term', () => {
    const r = run(landCap, { 2016: 50, 2017: 40, 2018: 30 }, 2018);
    expect(r.status).toBe('not_achieved');
    expect(codes(r)).toEqual(['cap_exceeded']);
    expect(value(r.gap)).toBe(20);
  });

  it('at the final assessment a complete total within the cap is achieved', () => {
    const five = { 2016: 18, 2017: 18, 2018: 18, 2019: 18, 2020: 18 };
    expect(run(landCap, five, 2020).status).toBe('achieved');
    expect(run(landCap, { ...five, 2020: 30 }, 2020).status).toBe('not_achieved');
  });
});

describe('lower-is-better indicators', () => {
  it('count a fall toward "<2" as progress and a rise as regression', () => {
    const falling = run(infantMortality, { 2016: 2.05, 2017: 2.04, 2018: 2.03 }, 2018);
    expect(value(falling.progress)).toBeCloseTo(0.03 / 0.06, 10);
    expect(falling.status).toBe('lagging');
    expect(run(infantMortality, { 2018: 2.2 }, 2018).status).toBe('regressing');
  });

  it('need the strict comparator: exactly 2‰ is not "<2"', () => {
    expect(run(infantMortality, { 2020: 2 }, 2020).status).toBe('not_achieved');
    expect(run(infantMortality, { 2020: 1.9 }, 2020).status).toBe('achieved');
  });

  it('treat a sex ratio falling toward 107:100 as progress', () => {
    const r = run(sexRatio, { 2018: 108.5 }, 2018);
    expect(value(r.progress)).toBeCloseTo(1.18 / 2.68, 10);
    expect(r.status).toBe('lagging');
    expect(value(r.requiredAnnualChange)).toBeCloseTo(-0.75);
  });
});

describe('targets that need judgement', () => {
  it('">99" from a baseline of 99 needs movement: unchanged is lagging, above is achieved', () => {
    const unchanged = run(preschool, { 2018: 99 }, 2018);
    expect(unchanged.status).toBe('lagging');
    expect(reasonOf(unchanged.progress)).toBe('zero_distance');
    // At 99 the distance to ">99" is no number (not 0): the gap and pace say why instead.
    expect(reasonOf(unchanged.gap)).toBe('zero_distance');
    expect(reasonOf(unchanged.requiredAnnualChange)).toBe('zero_distance');
    expect(run(preschool, { 2018: 99.2 }, 2018).status).toBe('achieved');
    expect(run(preschool, { 2018: 98.5 }, 2018).status).toBe('regressing');
  });

  it('a ceiling the baseline already meets (孕产妇死亡率 0 → 3) is a hold target', () => {
    const kept = run(maternal, { 2018: 2 }, 2018);
    expect(kept.targetRule.type).toBe('hold');
    expect(kept.status).toBe('achieved');
    expect(value(kept.progress)).toBe(1);
    const broken = run(maternal, { 2018: 5 }, 2018);
    expect(broken.status).toBe('regressing');
    expect(value(broken.gap)).toBe(2);
    expect(reasonOf(broken.progress)).toBe('hold_not_kept');
  });

  it('a target below the baseline of an up indicator is a floor to keep', () => {
    const r = run(pensionEnrollees, { 2018: 7.9 }, 2018);
    expect(r.targetRule.type).toBe('hold');
    expect(r.status).toBe('achieved');
    expect(run(pensionEnrollees, { 2020: 7.5 }, 2020).status).toBe('not_achieved');
  });

  it('a target equal to the baseline is a maintain target', () => {
    expect(run(medicalCoverage, { 2018: 95.3 }, 2018).status).toBe('achieved');
    expect(run(medicalCoverage, { 2018: 94 }, 2018).status).toBe('regressing');
  });

  it('words are left to the evaluator', () => {
    const r = run(dilapidated, { 2018: 0.01 }, 2018);
    expect(r.status).toBe('manual');
    expect(r.reasons).toEqual([{ code: 'target_words', text: '实现应改尽改' }]);
    expect(run(dilapidated, {}, 2020).status).toBe('manual');
  });

  it('without a baseline only reaching the target can be judged', () => {
    expect(run(nursingBeds, { 2018: 31 }, 2018).status).toBe('achieved');
    const r = run(nursingBeds, { 2018: 20 }, 2018);
    expect(r.status).toBe('not_assessable');
    expect(reasonOf(r.progress)).toBe('no_baseline');
    expect(codes(r)[0]).toBe('no_baseline');
    expect(run(nursingBeds, { 2020: 20 }, 2020).status).toBe('not_achieved');
  });
});

describe('cumulative targets', () => {
  it('sum the yearly figures 2016..t against the five-year total', () => {
    // 17 万人 over five years; 3.5 + 3.6 + 3.4 = 10.5 by 2018: P = 0.618 ≥ 0.6
    const r = run(newJobs, { 2016: 3.5, 2017: 3.6, 2018: 3.4 }, 2018);
    expect(r.cumulativeValue).toBeCloseTo(10.5);
    expect(value(r.progress)).toBeCloseTo(10.5 / 17, 10);
    expect(r.status).toBe('on_track');
    expect(value(r.requiredAnnualChange)).toBeCloseTo(3.25);
    expect(value(r.projectedValue)).toBeCloseTo(17.5);
  });

  it('are achieved once the total reaches the target, even before 2020', () => {
    expect(run(newJobs, { 2016: 6, 2017: 6, 2018: 6 }, 2018).status).toBe('achieved');
  });

  it('a total of 0 cannot give a completion ratio', () => {
    const zero: AssessableItem = { ...newJobs, change: q('0', 0) };
    const r = run(zero, { 2016: 1 }, 2016);
    expect(r.status).toBe('not_assessable');
    expect(reasonOf(r.progress)).toBe('zero_total');
  });
});

describe('no data', () => {
  it('is reported when the period has no value up to the as-of year', () => {
    const r = run(beds, { 2015: 4.3, 2019: 5 }, 2018);
    expect(r.status).toBe('no_data');
    expect(r.reasons).toEqual([{ code: 'no_data', fromYear: 2016, toYear: 2018 }]);
    expect(reasonOf(r.progress)).toBe('no_data');
  });
});

describe('counties and districts (subregions)', () => {
  it('use their own 2015 value as baseline, never the whole area’s catalog value', () => {
    const withoutBaseline = run(beds, { 2018: 5 }, 2018, 'subregion');
    expect(reasonOf(withoutBaseline.baseline)).toBe('no_baseline');
    expect(withoutBaseline.status).toBe('not_assessable');
    const withBaseline = run(beds, { 2015: 3.9, 2018: 5 }, 2018, 'subregion');
    expect(value(withBaseline.progress)).toBeCloseTo(1.1 / 1.8, 10);
    expect(withBaseline.status).toBe('on_track');
  });

  it('are not compared with a five-year total set for the whole area', () => {
    const r = run(newJobs, { 2016: 1, 2017: 1, 2018: 1 }, 2018, 'subregion');
    expect(r.status).toBe('not_assessable');
    expect(codes(r)).toEqual(['subregion_total']);
    expect(r.cumulativeValue).toBe(3);
    expect(run(newJobs, { 2016: 1 }, 2020, 'subregion').status).toBe('manual');
  });

  it('are not held to a level the plan sets for the whole area, but are to a rate', () => {
    // 达州2017 面向群众免费低收费开放人数不低于67万人次 (001, 群众体育): the city's total, a level.
    const visits: AssessableItem = {
      id: 'tt.sports-venue-visits',
      name: '面向群众免费低收费开放人数',
      unit: '万人次',
      direction: 'up',
      kind: 'level',
      baseline: null,
      target: q('不低于67万人次', 67, '>='),
    };
    const county = run(visits, { 2015: 5, 2016: 6, 2017: 8, 2018: 9 }, 2018, 'subregion');
    expect(county.status).toBe('not_assessable');
    expect(codes(county)).toEqual(['subregion_total']);
    // The same figure for the whole city is judged against 67.
    expect(run(visits, { 2015: 50, 2018: 70 }, 2018).status).toBe('achieved');
    // A rate applies to every county as printed: 每千人口床位数 above stays assessed.
    expect(run(beds, { 2015: 3.9, 2018: 5 }, 2018, 'subregion').status).toBe('on_track');
  });
});

describe('per-year and approximate targets', () => {
  it('give no yearly pace for a per-year figure and flag 左右', () => {
    // 大连 城市低保标准年平均增长4%左右 (004): a growth rate, met or not each year.
    const growth: AssessableItem = {
      id: 'tt.urban-dibao-growth',
      name: '城市低保标准年平均增长',
      unit: '%/年',
      direction: 'up',
      kind: 'level',
      baseline: null,
      target: q('4%左右', 4),
    };
    const r = run(growth, { 2018: 3.71 }, 2018);
    expect(r.isApproximateTarget).toBe(true);
    expect(reasonOf(r.requiredAnnualChange)).toBe('per_year_figure');
    expect(codes(r)).toContain('approximate_target');
  });

  it('treat an annual capacity (人次/年) as a level that grows toward its target', () => {
    // 达州 残疾人托养机构服务能力（人次/年） 100 → 200 (000, indicator table): 140 in 2018 is
    // P = 40/100 = 40% < τ 60%, and 30 a year is needed; not a figure met or missed each year.
    const capacity: AssessableItem = {
      id: 'disability.care-capacity',
      name: '残疾人托养机构服务能力',
      unit: '人次/年',
      direction: 'up',
      kind: 'level',
      baseline: q('100', 100),
      target: q('200', 200),
    };
    const r = run(capacity, { 2016: 120, 2017: 130, 2018: 140 }, 2018);
    expect(value(r.progress)).toBeCloseTo(0.4, 10);
    expect(r.status).toBe('lagging');
    expect(value(r.requiredAnnualChange)).toBeCloseTo(30, 10);
  });

  it('make no projection once the target year is reported', () => {
    const r = run(beds, { 2019: 5.5, 2020: 5.6 }, 2020);
    expect(reasonOf(r.projectedValue)).toBe('target_year_reported');
  });
});

// Property tests: invariants that must hold for any figures.
const finiteValue = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const itemArb = fc.record({
  direction: fc.constantFrom<'up' | 'down'>('up', 'down'),
  kind: fc.constantFrom<'level' | 'cumulative'>('level', 'cumulative'),
  baseline: fc.option(finiteValue, { nil: undefined }),
  target: fc.option(finiteValue, { nil: undefined }),
  comparator: fc.constantFrom(undefined, '>', '>=', '<', '<=' as const),
  unit: fc.constantFrom('%', '万人', '%/年', '张'),
});
const actualsArb = fc.dictionary(fc.integer({ min: 2015, max: 2020 }).map(String), finiteValue);

function toItem(a: {
  direction: 'up' | 'down';
  kind: 'level' | 'cumulative';
  baseline: number | undefined;
  target: number | undefined;
  comparator: '>' | '>=' | '<' | '<=' | undefined;
  unit?: string;
}): AssessableItem {
  return {
    id: 'x',
    name: 'x',
    unit: a.unit ?? '%',
    direction: a.direction,
    kind: a.kind,
    baseline: a.baseline === undefined ? null : q(String(a.baseline), a.baseline),
    target:
      a.target === undefined ? null : q(String(a.target), a.target, a.comparator ?? undefined),
  };
}

const FIGURE_FIELDS = [
  'baseline',
  'progress',
  'gap',
  'requiredAnnualChange',
  'averageAnnualChange',
  'projectedValue',
] as const;

describe('invariants', () => {
  it('every figure is a finite number or carries the reason it cannot be computed', () => {
    // The engine has no final scrub of non-finite values: each computation must guard itself.
    fc.assert(
      fc.property(
        itemArb,
        actualsArb,
        fc.integer({ min: 2016, max: 2020 }),
        fc.constantFrom<'plan-area' | 'subregion'>('plan-area', 'subregion'),
        (a, actuals, t, scope) => {
          const r = run(
            toItem(a),
            Object.fromEntries(Object.entries(actuals).map(([k, v]) => [Number(k), v])),
            t,
            scope,
          );
          for (const name of FIGURE_FIELDS) {
            const f = r[name];
            if (f.value === null) expect(typeof f.reason.code).toBe('string');
            else expect(Number.isFinite(f.value)).toBe(true);
          }
          for (const v of [r.timeProgress, r.latestValue, r.cumulativeValue]) {
            if (v !== null) expect(Number.isFinite(v)).toBe(true);
          }
          // A settled status never comes with a provisional flag, and a provisional status always does.
          if (r.status === 'likely_achieved' || r.status === 'likely_not_achieved') {
            expect(r.isProvisional).toBe(true);
          }
          if (r.mode === 'midterm') {
            expect(['likely_achieved', 'likely_not_achieved']).not.toContain(r.status);
          } else {
            expect(['on_track', 'lagging', 'regressing']).not.toContain(r.status);
          }
        },
      ),
    );
  });

  it('completion rises as the actual moves toward the target', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom<'up' | 'down'>('up', 'down'),
        (b, span, s1, s2, direction) => {
          const target = direction === 'up' ? b + span : b - span;
          const item = toItem({
            direction,
            kind: 'level',
            baseline: b,
            target,
            comparator: undefined,
          });
          const [lo, hi] = s1 < s2 ? [s1, s2] : [s2, s1];
          const nearer = run(item, { 2018: b + (target - b) * hi }, 2018);
          const farther = run(item, { 2018: b + (target - b) * lo }, 2018);
          expect(value(nearer.progress)).toBeGreaterThanOrEqual(value(farther.progress) - 1e-9);
        },
      ),
    );
  });

  it('mirroring an indicator (negating every figure and the direction) keeps its status and completion', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.integer({ min: 2016, max: 2020 }),
        (b, t, y, asOf) => {
          const level = { kind: 'level' as const, comparator: undefined };
          const up = run(
            toItem({ ...level, direction: 'up', baseline: b, target: t }),
            { [asOf]: y },
            asOf,
          );
          const down = run(
            toItem({ ...level, direction: 'down', baseline: -b, target: -t }),
            { [asOf]: -y },
            asOf,
          );
          expect(down.status).toBe(up.status);
          if (up.progress.value === null) expect(down.progress.value).toBeNull();
          else expect(value(down.progress)).toBeCloseTo(up.progress.value, 9);
        },
      ),
    );
  });
});
