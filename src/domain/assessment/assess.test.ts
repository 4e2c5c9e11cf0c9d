import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Quantity } from '../catalog/schema';
import { assessIndicator, timeProgress } from './assess';
import type { AssessableItem, AssessmentMode, AssessmentResult } from './types';

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
  mode: AssessmentMode = 'midterm',
): AssessmentResult {
  const map = new Map(Object.entries(actuals).map(([y, v]) => [Number(y), v]));
  return assessIndicator({ item, calendar, actuals: map, asOfYear, mode });
}

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
    expect(r.progress).toBeCloseTo(0.89 / 1.39, 10);
    expect(r.timeProgress).toBeCloseTo(0.6);
    expect(r.gap).toBeCloseTo(0.5);
    expect(r.requiredAnnualChange).toBeCloseTo(0.25);
    expect(r.averageAnnualChange).toBeCloseTo(0.89 / 3);
    expect(r.explanation).toContain('符合进度');
  });

  it('lags when completion is behind time, and says the pace now needed', () => {
    const r = run(beds, { 2016: 4.4, 2017: 4.6, 2018: 4.8 }, 2018);
    expect(r.status).toBe('lagging');
    expect(r.progress).toBeCloseTo(0.49 / 1.39, 10);
    expect(r.requiredAnnualChange).toBeCloseTo(0.45);
    // Least squares through (2015,4.31),(2016,4.4),(2017,4.6),(2018,4.8): slope 0.167, 2020 ≈ 5.1
    expect(r.projectedValue).toBeCloseTo(5.1, 1);
    expect(r.projectionReachesTarget).toBe(false);
    expect(r.explanation).toMatch(/进度滞后.*距目标还差0\.9张.*需年均提高0\.45张.*难以实现目标/);
  });

  it('regresses when the value moved away from the target since the baseline', () => {
    const r = run(beds, { 2017: 4.2 }, 2017);
    expect(r.status).toBe('regressing');
    expect(r.progress).toBeLessThan(0);
    expect(r.missingYears).toEqual([2016]);
  });

  it('is achieved once the latest value reaches the target', () => {
    expect(run(beds, { 2019: 5.7 }, 2019).status).toBe('achieved');
  });

  it('uses a revised 2015 baseline when one is entered', () => {
    const r = run(beds, { 2015: 4.0, 2018: 4.9 }, 2018);
    expect(r.isBaselineRevised).toBe(true);
    expect(r.progress).toBeCloseTo(0.9 / 1.7, 10);
  });

  it('at the final assessment is achieved or not achieved', () => {
    expect(run(beds, { 2020: 5.69 }, 2020, 'final').status).toBe('not_achieved');
    expect(run(beds, { 2020: 5.71 }, 2020, 'final').status).toBe('achieved');
  });
});

describe('lower-is-better indicators', () => {
  it('count a fall toward "<2" as progress and a rise as regression', () => {
    const falling = run(infantMortality, { 2016: 2.05, 2017: 2.04, 2018: 2.03 }, 2018);
    expect(falling.progress).toBeCloseTo(0.03 / 0.06, 10);
    expect(falling.status).toBe('lagging');
    expect(run(infantMortality, { 2018: 2.2 }, 2018).status).toBe('regressing');
  });

  it('need the strict comparator: exactly 2‰ is not "<2"', () => {
    const r = run(infantMortality, { 2020: 2 }, 2020, 'final');
    expect(r.status).toBe('not_achieved');
    expect(run(infantMortality, { 2020: 1.9 }, 2020, 'final').status).toBe('achieved');
  });

  it('treat a sex ratio falling toward 107:100 as progress', () => {
    const r = run(sexRatio, { 2018: 108.5 }, 2018);
    expect(r.progress).toBeCloseTo(1.18 / 2.68, 10);
    expect(r.status).toBe('lagging');
    expect(r.requiredAnnualChange).toBeCloseTo(-0.75);
    expect(r.explanation).toContain('需年均降低0.75');
  });
});

describe('targets that need judgement', () => {
  it('">99" from a baseline of 99 needs movement: unchanged is lagging, above is achieved', () => {
    expect(run(preschool, { 2018: 99 }, 2018).status).toBe('lagging');
    expect(run(preschool, { 2018: 99 }, 2018).progress).toBe(0);
    expect(run(preschool, { 2018: 99.2 }, 2018).status).toBe('achieved');
    expect(run(preschool, { 2018: 98.5 }, 2018).status).toBe('regressing');
  });

  it('a ceiling the baseline already meets (孕产妇死亡率 0 → 3) is a hold target', () => {
    const kept = run(maternal, { 2018: 2 }, 2018);
    expect(kept.targetRule.type).toBe('hold');
    expect(kept.status).toBe('achieved');
    expect(kept.progress).toBe(1);
    const broken = run(maternal, { 2018: 5 }, 2018);
    expect(broken.status).toBe('regressing');
    expect(broken.gap).toBe(2);
  });

  it('a target below the baseline of an up indicator is a floor to keep', () => {
    const r = run(pensionEnrollees, { 2018: 7.9 }, 2018);
    expect(r.targetRule.type).toBe('hold');
    expect(r.status).toBe('achieved');
    expect(run(pensionEnrollees, { 2020: 7.5 }, 2020, 'final').status).toBe('not_achieved');
  });

  it('a target equal to the baseline is a maintain target', () => {
    expect(run(medicalCoverage, { 2018: 95.3 }, 2018).status).toBe('achieved');
    expect(run(medicalCoverage, { 2018: 94 }, 2018).status).toBe('regressing');
  });

  it('words are left to the evaluator', () => {
    const r = run(dilapidated, { 2018: 0.01 }, 2018);
    expect(r.status).toBe('manual');
    expect(r.reason).toContain('实现应改尽改');
    expect(run(dilapidated, {}, 2020, 'final').status).toBe('manual');
  });

  it('without a baseline only reaching the target can be judged', () => {
    expect(run(nursingBeds, { 2018: 31 }, 2018).status).toBe('achieved');
    const r = run(nursingBeds, { 2018: 20 }, 2018);
    expect(r.status).toBe('not_assessable');
    expect(r.progress).toBeNull();
    expect(r.reason).toContain('缺少基期值');
    expect(run(nursingBeds, { 2020: 20 }, 2020, 'final').status).toBe('not_achieved');
  });
});

describe('cumulative targets', () => {
  it('sum the yearly figures 2016..t against the five-year total', () => {
    // 17 万人 over five years; 3.5 + 3.6 + 3.4 = 10.5 by 2018: P = 0.618 ≥ 0.6
    const r = run(newJobs, { 2016: 3.5, 2017: 3.6, 2018: 3.4 }, 2018);
    expect(r.cumulativeValue).toBeCloseTo(10.5);
    expect(r.progress).toBeCloseTo(10.5 / 17, 10);
    expect(r.status).toBe('on_track');
    expect(r.requiredAnnualChange).toBeCloseTo(3.25);
    expect(r.projectedValue).toBeCloseTo(17.5);
    expect(r.explanation).toContain('2016—2018年累计10.5万人');
  });

  it('lag when the running total is behind, and flag missing years', () => {
    const r = run(newJobs, { 2016: 3, 2018: 3 }, 2018);
    expect(r.status).toBe('lagging');
    expect(r.missingYears).toEqual([2017]);
    expect(r.explanation).toContain('缺少2017年数据');
  });

  it('are achieved once the total reaches the target, even before 2020', () => {
    expect(run(newJobs, { 2016: 6, 2017: 6, 2018: 6 }, 2018).status).toBe('achieved');
  });
});

describe('no data', () => {
  it('is reported when the period has no value up to the as-of year', () => {
    const r = run(beds, { 2015: 4.3, 2019: 5 }, 2018);
    expect(r.status).toBe('no_data');
    expect(r.progress).toBeNull();
    expect(r.explanation).toContain('无法评估');
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
});
const actualsArb = fc.dictionary(fc.integer({ min: 2015, max: 2020 }).map(String), finiteValue);

function toItem(a: {
  direction: 'up' | 'down';
  kind: 'level' | 'cumulative';
  baseline: number | undefined;
  target: number | undefined;
  comparator: '>' | '>=' | '<' | '<=' | undefined;
}): AssessableItem {
  return {
    id: 'x',
    name: 'x',
    unit: '%',
    direction: a.direction,
    kind: a.kind,
    baseline: a.baseline === undefined ? null : q(String(a.baseline), a.baseline),
    target:
      a.target === undefined ? null : q(String(a.target), a.target, a.comparator ?? undefined),
  };
}

describe('invariants', () => {
  it('no NaN or infinity ever escapes into a numeric field', () => {
    fc.assert(
      fc.property(itemArb, actualsArb, fc.integer({ min: 2016, max: 2020 }), (a, actuals, t) => {
        const r = run(
          toItem(a),
          Object.fromEntries(Object.entries(actuals).map(([k, v]) => [Number(k), v])),
          t,
        );
        for (const value of Object.values(r)) {
          if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
        }
        expect(r.explanation).not.toMatch(/NaN|Infinity|undefined/);
      }),
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
          expect(nearer.progress as number).toBeGreaterThanOrEqual(
            (farther.progress as number) - 1e-9,
          );
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
          const up = run(
            toItem({
              direction: 'up',
              kind: 'level',
              baseline: b,
              target: t,
              comparator: undefined,
            }),
            { [asOf]: y },
            asOf,
          );
          const down = run(
            toItem({
              direction: 'down',
              kind: 'level',
              baseline: -b,
              target: -t,
              comparator: undefined,
            }),
            { [asOf]: -y },
            asOf,
          );
          expect(down.status).toBe(up.status);
          if (up.progress === null) expect(down.progress).toBeNull();
          else expect(down.progress as number).toBeCloseTo(up.progress, 9);
        },
      ),
    );
  });
});

describe('docs/methodology.md', () => {
  it('quotes the engine’s sentence for its worked example exactly', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../../docs/methodology.md', import.meta.url), 'utf8');
    const r = run(beds, { 2016: 4.4, 2017: 4.6, 2018: 4.8 }, 2018);
    expect(doc.replace(/\n/g, '')).toContain(r.explanation);
  });
});

describe('counties and districts (subregions)', () => {
  const county = (item: AssessableItem, actuals: Record<number, number>, asOfYear: number) =>
    assessIndicator({
      item,
      calendar,
      actuals: new Map(Object.entries(actuals).map(([y, v]) => [Number(y), v])),
      asOfYear,
      mode: 'midterm',
      scope: 'subregion',
    });

  it('use their own 2015 value as baseline, never the whole area’s catalog value', () => {
    const withoutBaseline = county(beds, { 2018: 5 }, 2018);
    expect(withoutBaseline.baselineValue).toBeNull();
    expect(withoutBaseline.status).toBe('not_assessable');
    const withBaseline = county(beds, { 2015: 3.9, 2018: 5 }, 2018);
    expect(withBaseline.progress).toBeCloseTo(1.1 / 1.8, 10);
    expect(withBaseline.status).toBe('on_track');
    // Its 2015 value is its own baseline, not a revision of the printed one.
    expect(withBaseline.explanation).toContain('基期值3.9张，');
    expect(withBaseline.explanation).not.toContain('已修订');
  });

  it('are not compared with a five-year total set for the whole area', () => {
    const r = county(newJobs, { 2016: 1, 2017: 1, 2018: 1 }, 2018);
    expect(r.status).toBe('not_assessable');
    expect(r.reason).toContain('未分解到各区县');
    expect(r.cumulativeValue).toBe(3);
  });
});

describe('explanations a report can quote as they are', () => {
  it('write 1/10万 rates as "24/10万", never gluing the 1 to the figure', () => {
    const handanMaternal: AssessableItem = {
      ...maternal,
      baseline: q('24', 24),
      target: q('14', 14),
    };
    const r = run(handanMaternal, { 2018: 20 }, 2018);
    expect(r.explanation).toContain('基期值24/10万，2020年目标值14/10万');
    expect(r.explanation).not.toMatch(/241\/10万/);
  });

  it('give differences of percentages in 百分点', () => {
    const rate: AssessableItem = {
      ...beds,
      unit: '%',
      baseline: q('80', 80),
      target: q('87', 87),
      change: q('7', 7),
    };
    const r = run(rate, { 2018: 81 }, 2018);
    expect(r.explanation).toContain(
      '距目标还差6个百分点，需年均提高3个百分点（此前年均提高0.33个百分点）',
    );
  });

  it('show printed figures with all their decimals (8.0465万人)', () => {
    expect(run(pensionEnrollees, { 2018: 7.9 }, 2018).explanation).toContain(
      '基期值8.0465万人，2020年目标值7.6645万人',
    );
  });

  it('flag an approximate target (左右) and give no yearly pace for a per-year figure', () => {
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
    expect(r.requiredAnnualChange).toBeNull();
    expect(r.explanation).toContain('目标为约数');
    expect(r.explanation).not.toContain('需年均');
  });

  it('make no projection once the target year is reported', () => {
    const r = run(beds, { 2019: 5.5, 2020: 5.6 }, 2020, 'final');
    expect(r.projectedValue).toBeNull();
    expect(r.explanation).not.toContain('按趋势推算');
  });

  it('say a strict target equal to the baseline asks for improvement', () => {
    expect(run(preschool, { 2018: 99 }, 2018).reason).toBe('目标要求在基期值基础上继续改善');
  });
});

describe('numbers in sentences', () => {
  it('round halves up after cleaning binary noise (0.13 / 2 = 0.065 → 0.07)', async () => {
    const { formatNumber, formatProgress, roundTo } = await import('./numbers');
    expect(roundTo((2.03 - 1.9) / 2, 2)).toBe(0.07);
    expect(roundTo(-0.065, 2)).toBe(-0.07);
    expect(formatNumber(1.005, 2)).toBe('1.01');
    expect(formatProgress(16)).toBe('>100%');
    expect(formatProgress(0.457)).toBe('45.7%');
  });
});
