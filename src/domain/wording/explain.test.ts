import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessPlan, indexValues } from '../assessment/plan';
import { loadAllPlans } from '../catalog/test-plans';
import type { Plan } from '../catalog/schema';
import type { Locale } from './format';
import { resultSentence, resultTarget } from './records';

// Every expected sentence below is written by hand from docs/methodology.md and docs/wording.md
// for real rows of the plans; none is produced by the code under test.
const plans = loadAllPlans();
function plan(id: string): Plan {
  const found = plans.find((p) => p.id === id);
  if (!found) throw new Error(id);
  return found;
}

function sentence(
  planId: string,
  itemId: string,
  values: Record<number, number>,
  asOfYear: number,
  options: { county?: string; locale?: Locale } = {},
): string {
  const p = plan(planId);
  const regionId = options.county ?? (p.regions[0]?.id as string);
  const index = indexValues(
    Object.entries(values).map(([year, value]) => ({
      itemId,
      regionId,
      year: Number(year),
      value,
    })),
  );
  const role = options.county ? 'subregion' : 'plan-area';
  const result = assessPlan(p, index, { regionId, role }, asOfYear).find((r) => r.id === itemId);
  if (!result) throw new Error(itemId);
  return resultSentence(p, result, options.locale);
}

const BEDS = 'health.hospital-beds-per-1000';
const JOBS = 'employment.new-urban-jobs';

describe('sentences for the mid-term assessment (达州)', () => {
  it('每千人口床位数 4.4, 4.6, 4.8: lagging, with the pace needed and where the trend leads', () => {
    // P = (4.8 − 4.31)/(5.70 − 4.31) = 35.3%; gap 0.9; (5.7 − 4.8)/2 = 0.45; 0.49/3 = 0.16;
    // least squares through 2015–2018 gives 5.11 in 2020.
    expect(sentence('dazhou', BEDS, { 2016: 4.4, 2017: 4.6, 2018: 4.8 }, 2018)).toBe(
      '2018年实际值4.8张，基期值4.31张，2020年目标值5.70张；完成进度35.3%，低于时间进度60.0%，' +
        '进度滞后；距目标还差0.9张，需年均提高0.45张（此前年均提高0.16张）；按趋势推算2020年约为' +
        '5.11张，难以实现目标。',
    );
  });

  it('新增城镇就业人数 without 2017: the total of the reported years, named as such, and no guess', () => {
    // S = 3.5 + 3.4 = 6.9 of 17 = 40.6%; 17 − 6.9 = 10.1 over 2 years = 5.05; average 3.45;
    // 6.9 + 3.45 × 2 = 13.8, a lower bound.
    expect(sentence('dazhou', JOBS, { 2016: 3.5, 2018: 3.4 }, 2018)).toBe(
      '2016—2018年累计6.9万人，目标为2016—2020年累计17万人；缺少2017年数据（未计入累计值，也未估算）；' +
        '完成进度40.6%，低于时间进度60.0%，进度滞后；因缺少年份数据，累计值偏低，补齐数据后需复核；' +
        '距目标还差10.1万人，剩余年份需年均完成5.05万人（此前年均3.45万人）；按已报告年份年均值推算' +
        '2020年累计约为13.8万人，因缺少年份数据，无法据此判断能否实现。',
    );
  });

  it('出生人口性别比 108.5: written as the plan prints ratios, falling toward 107：100', () => {
    // P = 1.18/2.68 = 44.0%; gap 1.5; (107 − 108.5)/2 = −0.75; (108.5 − 109.68)/3 = −0.39.
    expect(sentence('dazhou', 'health.sex-ratio-at-birth', { 2018: 108.5 }, 2018)).toBe(
      '2018年实际值108.5：100，基期值109.68：100，2020年目标值107：100；缺少2016、2017年数据；' +
        '完成进度44.0%，低于时间进度60.0%，进度滞后；距目标还差1.5，需年均下降0.75（此前年均下降0.39）；' +
        '按趋势推算2020年约为107.71：100，难以实现目标。',
    );
  });

  it('基本养老保险参保率 79: a fall said in words and 百分点, with no sign', () => {
    expect(sentence('dazhou', 'social-insurance.pension-coverage-rate', { 2018: 79 }, 2018)).toBe(
      '2018年实际值79%，基期值80%，2020年目标值87%；缺少2016、2017年数据；较基期下降1个百分点，' +
        '与目标方向相反，属逆向变化；距目标还差8个百分点，需年均提高4个百分点（此前年均下降0.33个百分点）；' +
        '按趋势推算2020年约为78.33%，难以实现目标。',
    );
  });

  it('九年义务教育巩固率 97.3 in 2017 asked as of 2018: judged on 2017, said so, achieved early', () => {
    expect(
      sentence('dazhou', 'education.compulsory-retention-rate', { 2016: 97.1, 2017: 97.3 }, 2018),
    ).toBe(
      '2017年实际值97.3%，基期值96.98%，2020年目标值97%；缺少2018年数据，按2017年数据评估；' +
        '已超过目标值，提前实现。',
    );
  });

  it('a county without its own 2015 value: no completion, and why', () => {
    expect(sentence('dazhou', BEDS, { 2018: 5 }, 2018, { county: 'tongchuan' })).toBe(
      '2018年实际值5张，无基期值，2020年目标值5.70张；缺少2016、2017年数据；缺少基期值，' +
        '无法计算完成进度；目标尚未达到；距目标还差0.7张，需年均提高0.35张。',
    );
  });

  it('no value at all: one year is "2016年", never "2016—2016年"', () => {
    expect(sentence('dazhou', BEDS, {}, 2016)).toBe('2016年没有实际值，无法评估。');
  });
});

describe('sentences for the final assessment', () => {
  it('达州 每千人口床位数 with only 5.8 in 2017: provisional, naming the years it lacks', () => {
    // Through (2015, 4.31) and (2017, 5.8): 4.31 + 0.745 × 5 = 8.035 → 8.04.
    expect(sentence('dazhou', BEDS, { 2017: 5.8 }, 2020)).toBe(
      '2017年实际值5.8张，基期值4.31张，2020年目标值5.70张；缺少2016年数据；缺少2018—2020年数据，' +
        '终期结论为预计（依据2017年数据及趋势）；2017年已超过目标值；按趋势推算2020年约为8.04张，' +
        '预计实现目标。',
    );
  });

  it('新增城镇就业人数 without 2019–2020: likely missed, from the average of 2016–2018', () => {
    expect(sentence('dazhou', JOBS, { 2016: 3, 2017: 3, 2018: 3 }, 2020)).toBe(
      '2016—2018年累计9万人，目标为2016—2020年累计17万人；缺少2019、2020年数据，终期结论为预计' +
        '（依据2018年数据及趋势）；完成进度52.9%；距目标还差8万人；按已报告年份年均值推算2020年累计约为' +
        '15万人，预计难以实现目标。',
    );
  });

  it('九年义务教育巩固率 fallen below the baseline: said as a fall, not as 完成进度-2400.0%', () => {
    // 96.5 vs baseline 96.98 → target 97: P = −0.48/0.02 = −24; the trend through 2015 and 2018
    // reaches 96.98 − 0.16 × 5 = 96.18.
    expect(sentence('dazhou', 'education.compulsory-retention-rate', { 2018: 96.5 }, 2020)).toBe(
      '2018年实际值96.5%，基期值96.98%，2020年目标值97%；缺少2016、2017年数据；缺少2019、2020年数据，' +
        '终期结论为预计（依据2018年数据及趋势）；较基期下降0.48个百分点，与目标方向相反；距目标还差' +
        '0.5个百分点；按趋势推算2020年约为96.18%，预计难以实现目标。',
    );
  });

  it('周村 5岁以下儿童死亡率 exactly 2.4 against <2.4: not met, and no 100%', () => {
    const text = sentence('zhoucun', 'health.under5-mortality', { 2020: 2.4 }, 2020);
    expect(text).toBe(
      '2020年实际值2.4‰，基期值2.47‰，2020年目标值<2.4‰；缺少2016—2019年数据；' +
        '实际值等于目标值2.4‰，而目标要求低于2.4‰，未实现目标。',
    );
    expect(text).not.toContain('100%');
  });
});

describe('ceilings, floors and no movement said as a report says them (周村)', () => {
  it('孕产妇死亡率 0 → 3 at 5: the ceiling is exceeded by 2, not "short of" it', () => {
    // Hold target (baseline 0 meets ≤ 3). 5 − 3 = 2 above; (3 − 5)/2 = −1 a year; 5/3 = 1.67.
    expect(
      sentence('zhoucun', 'health.maternal-mortality', { 2016: 1, 2017: 4, 2018: 5 }, 2018),
    ).toBe(
      '2018年实际值5/10万，基期值0/10万，2020年目标值3/10万；基期值已达到目标，目标视为保持（底线）目标；' +
        '较基期提高5/10万，与目标方向相反，属逆向变化；超出目标上限2/10万，需年均下降1/10万' +
        '（此前年均提高1.67/10万）；按趋势推算2020年约为8.8/10万，难以实现目标。',
    );
  });

  it('国民综合阅读率 unchanged at 70: 尚无进展 and 此前无变化, not 0.0% and 年均无变化', () => {
    // P = 0/20 = 0; gap 20; 20/2 = 10 a year.
    expect(
      sentence('zhoucun', 'culture-sports.reading-rate', { 2016: 70, 2017: 70, 2018: 70 }, 2018),
    ).toBe(
      '2018年实际值70%，基期值70%，2020年目标值90%；较基期尚无进展（完成进度0%），低于时间进度60.0%，' +
        '进度滞后；距目标还差20个百分点，需年均提高10个百分点（此前无变化）；按趋势推算2020年约为70%，' +
        '难以实现目标。',
    );
    expect(
      sentence('zhoucun', 'culture-sports.reading-rate', { 2016: 70, 2017: 70, 2018: 70 }, 2018, {
        locale: 'en',
      }),
    ).toContain('needs a rise of 10 pp a year (no change so far)');
  });
});

describe('derived amounts of things counted whole', () => {
  it('新改扩建公办幼儿园133所: the pace and projection in whole 所, not 30.67所', () => {
    // S = 20 + 21 = 41 of 133 = 30.8% < τ(2017) 40.0%; gap 92; 92/3 = 30.67 → 31所;
    // average 20.5 → 21所; 41 + 20.5 × 3 = 102.5 → 103所.
    expect(sentence('dazhou', 'tt.new-public-kindergartens', { 2016: 20, 2017: 21 }, 2017)).toBe(
      '2016—2017年累计41所，目标为2016—2020年累计133所；完成进度30.8%，低于时间进度40.0%，进度滞后；' +
        '距目标还差92所，剩余年份需年均完成31所（此前年均21所）；按已报告年份年均值推算2020年累计约为' +
        '103所，难以实现目标。',
    );
  });

  it('a rate in such a unit keeps its decimals (每千人口床位数 0.45张)', () => {
    expect(sentence('dazhou', BEDS, { 2016: 4.4, 2017: 4.6, 2018: 4.8 }, 2018)).toContain(
      '需年均提高0.45张（此前年均提高0.16张）',
    );
  });
});

describe('a final assessment on data too old to project from', () => {
  it('每千人口床位数 with only 2016 (4.5) as of 2020: no verdict, no pace, no projection', () => {
    expect(sentence('dazhou', BEDS, { 2016: 4.5 }, 2020)).toBe(
      '2016年实际值4.5张，基期值4.31张，2020年目标值5.70张；最新数据为2016年，距目标年（2020年）' +
        '超过3年，数据过旧，不作终期判断；目标尚未达到。',
    );
  });
});

describe('targets as the plans print them', () => {
  const target = (planId: string, itemId: string, locale?: Locale) => {
    const p = plan(planId);
    const [result] = assessPlan(p, indexValues([]), { regionId: 'x', role: 'plan-area' }, 2018)
      .filter((r) => r.id === itemId)
      .map((r) => resultTarget(p, r, locale));
    return result;
  };

  it('keeps ranges and words as printed: "1-2所", "95%以上", "实现应改尽改"', () => {
    expect(target('dazhou', 'tt.quality-brand-middle-schools')).toBe('2016—2020年累计1-2所');
    expect(target('dazhou', 'tt.teachers-bachelor-share')).toBe('95%以上');
    expect(target('zhoucun', 'housing.rural-dilapidated-housing-renovation')).toBe('实现应改尽改');
  });

  it('gives a period total its span: "2016—2020年累计17万人"; a one-year plan its year', () => {
    expect(target('dazhou', JOBS)).toBe('2016—2020年累计17万人');
    expect(target('dazhou-2017', 'tt.new-urban-jobs')).toBe('2017年3.35万人');
  });

  it('adds the unit to a bare table cell: "97%", ">99%", "14/10万"; ratios stay "107：100"', () => {
    expect(target('dazhou', 'education.compulsory-retention-rate')).toBe('97%');
    expect(target('zhoucun', 'education.preschool-gross-enrollment')).toBe('>99%');
    expect(target('handan', 'health.maternal-mortality')).toBe('14/10万');
    expect(target('dazhou', 'health.sex-ratio-at-birth')).toBe('107：100');
  });

  it('completes a unit the printed figure only begins: "2.85万" of 万人, "3名" of 名/万人', () => {
    // 达州2017 中职招生2.85万 (unit 万人); 大连 每万名居民拥有合格全科医生3名 (名/万人).
    expect(target('dazhou-2017', 'tt.secondary-vocational-enrollment')).toBe('2017年2.85万人');
    expect(target('dalian', 'tt.general-practitioners-per-10k')).toBe('3名/万人');
    expect(target('dalian', 'tt.fitness-parks-per-year')).toBe('5个/年');
    // Words and qualifiers stay as printed.
    expect(target('dalian', 'tt.urban-minimum-living-standard-growth')).toBe('4%左右');
    expect(target('dazhou-2017', 'tt.primary-public-funding-per-student')).toBe('每生每年600元');
  });

  it('in English renders the rule: "≥95%", "2016–2020 total 17×10⁴ persons"', () => {
    expect(target('dazhou', 'tt.teachers-bachelor-share', 'en')).toBe('≥95%');
    expect(target('dazhou', JOBS, 'en')).toBe('2016–2020 total 17×10⁴ persons');
  });
});

describe('English sentences are whole English, with English punctuation', () => {
  it('每千人口床位数, lagging', () => {
    expect(
      sentence('dazhou', BEDS, { 2016: 4.4, 2017: 4.6, 2018: 4.8 }, 2018, { locale: 'en' }),
    ).toBe(
      '2018 value 4.8 beds, baseline 4.31 beds, 2020 target 5.7 beds; completion 35.3%, below ' +
        'time progress 60.0%: lagging; 0.9 beds from the target; needs a rise of 0.45 beds a year ' +
        '(so far a rise of 0.16 beds a year); on the trend, 2020 ≈ 5.11 beds: the target looks out of reach.',
    );
  });

  it('never carries Chinese punctuation', () => {
    const text = sentence('dazhou', JOBS, { 2016: 3.5, 2018: 3.4 }, 2018, { locale: 'en' });
    expect(text).not.toMatch(/[，；。：（）]/);
  });
});

describe('docs/methodology.md', () => {
  it('quotes the sentence of its worked example exactly', () => {
    const doc = readFileSync(new URL('../../../docs/methodology.md', import.meta.url), 'utf8');
    const text = sentence('dazhou', BEDS, { 2016: 4.4, 2017: 4.6, 2018: 4.8 }, 2018);
    // A boolean, so that a failure prints the sentence rather than the whole document.
    expect(doc.replace(/\n/g, '').includes(text), text).toBe(true);
  });
});

describe('times', () => {
  it('are written in China’s time for the Chinese UI, as Excel reads a date', async () => {
    const { formatDateTime } = await import('./format');
    expect(formatDateTime('2018-03-01T00:00:00.000Z')).toBe('2018-03-01 08:00:00');
    expect(formatDateTime('2020-12-31T16:30:05.000Z')).toBe('2021-01-01 00:30:05');
    expect(formatDateTime('2018-03-01T00:00:00.000Z', 'en', 'UTC')).toBe('2018-03-01 00:00:00');
    expect(formatDateTime('not a time')).toBe('not a time');
  });
});

describe('changes', () => {
  it('say 无变化 rather than 提高0个百分点 when nothing moved', async () => {
    const { changeText } = await import('./explain');
    expect(changeText(0, '%')).toBe('无变化');
    expect(changeText(0.001, '%')).toBe('无变化');
    expect(changeText(-0.11, '张')).toBe('下降0.11张');
    expect(changeText(0.78, '%')).toBe('提高0.78个百分点');
    expect(changeText(0, '%', 'en')).toBe('no change');
  });
});

describe('units of items printed without one', () => {
  it('write the sex ratio against 女=100, and nothing else as a ratio', async () => {
    const { formatQuantity, unitLabel } = await import('./format');
    const { displayUnitOf } = await import('./units');
    expect(displayUnitOf({ name: '出生人口性别比', unit: null })).toBe('女=100');
    expect(formatQuantity(107.7, displayUnitOf({ name: '出生人口性别比', unit: null }))).toBe(
      '107.7：100',
    );
    // 达州 12333人工服务时间 "5×8小时" (standard with no unit): a plain number, never "5：100".
    expect(displayUnitOf({ name: '12333人工服务时间', unit: null })).toBeNull();
    expect(formatQuantity(5, null)).toBe('5');
    expect(unitLabel(null)).toBe('');
  });
});

describe('completion on screens', () => {
  it('caps what would mislead: 九年义务教育巩固率 96.98 → 97 at 97.3 and at 90', async () => {
    const { formatProgress } = await import('./format');
    // (97.3 − 96.98) / 0.02 = 16 and (90 − 96.98) / 0.02 = −349.
    expect(formatProgress(16)).toBe('>100%');
    expect(formatProgress(-349)).toBe('<-100%');
    expect(formatProgress(-0.053)).toBe('-5.3%');
    expect(formatProgress(0.457)).toBe('45.7%');
    expect(formatProgress(1)).toBe('100.0%');
  });
});

describe('reasons in table cells', () => {
  it('say only what is missing, for any figure that needs it (not "无法计算完成进度" in 此前年均)', async () => {
    const { reasonText } = await import('./explain');
    expect(reasonText({ code: 'no_baseline' }, '张')).toBe('缺少基期值');
    expect(reasonText({ code: 'no_baseline' }, '张', 'en')).toBe('no baseline');
  });
});
