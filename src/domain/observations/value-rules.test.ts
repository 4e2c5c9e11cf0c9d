import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planItems } from '../assessment/plan';
import { loadAllPlans } from '../catalog/test-plans';
import { checkValue, formatValue, parseValue, valueRuleFor, type ValueRule } from './value-rules';

const rule = (name: string, unit: string | null, concept?: string) =>
  valueRuleFor({ name, unit, concept });

const SHARE = rule('九年义务教育巩固率', '%');
const GROSS = rule('学前三年毛入学率', '%', 'preschool-gross-enrollment');
const GROWTH = rule('城市低保标准年平均增长', '%/年');
const PERMILLE = rule('婴儿死亡率', '‰');
const PER_100K = rule('孕产妇死亡率', '1/10万');
const SEX_RATIO = rule('出生人口性别比', null, 'sex-ratio-at-birth');
const BASED_RATIO = rule('城乡低保标准之比', '农村=1');
const AGE = rule('人均预期寿命', '岁');
const BEDS = rule('每千人口床位数', '张');
const PEOPLE = rule('经过规范化培养的住院医师数量', '人');
const COUNTIES = rule('义务教育均衡发展通过国家认定的县（区）', null);

function valueOf(text: string, r: ValueRule): number {
  const result = parseValue(text, r);
  if (result.kind !== 'value')
    throw new Error(`expected a value for ${text}: ${JSON.stringify(result)}`);
  return result.value;
}

function errorOf(text: string, r: ValueRule): { code: string; message: string } {
  const result = parseValue(text, r);
  if (result.kind !== 'error')
    throw new Error(`expected an error for ${text}: ${JSON.stringify(result)}`);
  return { code: result.code, message: result.message };
}

describe('valueRuleFor: a rule from the unit and the meaning of an item', () => {
  it('gives every unit the plans use a deliberate rule (docs/data-entry.md lists them)', () => {
    // Worked out by hand from data/plans/*.json; a new unit must be added here on purpose.
    const countUnits = [
      '项',
      '所',
      '户',
      '名/万人',
      '倍',
      '万人',
      '个/年',
      '条/年',
      '件',
      '万名',
      '元/生·年',
      '万张',
      '个',
      '小时',
      '元',
      '套',
      '场',
      '名',
      '次',
      '万人次',
      '人次',
      '张',
      '人',
      '万套',
      '万户',
      '平方米',
      '人次/年',
      '万',
      '册、件',
      '处',
    ];
    const expectedKind = (name: string, unit: string | null): string => {
      if (unit === '%' && name.includes('毛入学率')) return 'gross-enrolment';
      if (name === '婚检率较2016年提高') return 'growth-rate';
      if (unit === '%') return 'share';
      if (unit === '%/年') return 'growth-rate';
      if (unit === '‰') return 'permille';
      if (unit === '1/10万') return 'per-100k';
      if (unit === '岁') return 'age';
      if (unit === '农村=1') return 'ratio';
      if (unit === null) return name === '出生人口性别比' ? 'sex-ratio' : 'count';
      if (countUnits.includes(unit)) return 'count';
      return `no deliberate rule for unit ${unit}`;
    };
    const seen = new Set<string | null>();
    for (const plan of loadAllPlans()) {
      for (const item of planItems(plan)) {
        seen.add(item.unit);
        expect(valueRuleFor(item).kind, `${plan.id} ${item.name} (${item.unit})`).toBe(
          expectedKind(item.name, item.unit),
        );
      }
    }
    expect([...seen].filter((u) => u !== null && countUnits.includes(u)).length).toBe(
      countUnits.length,
    );
  });

  it('lets gross enrolment rates exceed 100%, but not coverage, participation or retention rates', () => {
    expect(valueOf('103.5', GROSS)).toBe(103.5);
    expect(valueOf('103.5', rule('高中阶段教育毛入学率', '%'))).toBe(103.5);
    expect(errorOf('200.1', GROSS).message).toBe('毛入学率应在0—200之间（“200.1”）');
    expect(errorOf('100.5', SHARE).message).toBe('百分比应在0—100之间（“100.5”）');
    expect(errorOf('101', rule('城乡基本医疗保险参保率', '%')).code).toBe('percent_range');
    expect(errorOf('150', rule('困难残疾人生活补贴和重度残疾人护理补贴覆盖率', '%')).code).toBe(
      'percent_range',
    );
  });

  it('lets growth rates and changes be negative, but not below -100%', () => {
    expect(valueOf('-1.5', GROWTH)).toBe(-1.5);
    expect(valueOf('-1.5%', GROWTH)).toBe(-1.5);
    expect(valueOf('4%/年', GROWTH)).toBe(4);
    expect(valueOf('-2', rule('婚检率较2016年提高', '%'))).toBe(-2);
    expect(errorOf('-100.5', GROWTH).message).toBe('年增长率应在-100至1000之间（“-100.5”）');
  });

  it('keeps counts and amounts non-negative and below 10^12', () => {
    expect(errorOf('-5', BEDS).message).toBe('单位为“张”的数值不能为负数（“-5”）');
    expect(errorOf('-1', COUNTIES).message).toBe('本指标的数值不能为负数（“-1”）');
    expect(valueOf('999999999999', PEOPLE)).toBe(999999999999);
    expect(errorOf('1000000000001', PEOPLE)).toMatchObject({ code: 'too_large' });
    expect(errorOf('1000000000001', PEOPLE).message).toContain('超出数值范围');
  });

  it('reads a change in percentage points within ±100 (units of the plans’ numeric standards)', () => {
    const points = rule('城镇新增就业人员中接受职业培训比例提高', '个百分点');
    expect(points.kind).toBe('point-change');
    expect(valueOf('-2.5', points)).toBe(-2.5);
    expect(valueOf('5个百分点', points)).toBe(5);
    expect(errorOf('100.5', points).message).toBe('百分点变化应在-100至100之间（“100.5”）');
  });

  it('keeps ages within 0–150 years', () => {
    expect(valueOf('77.3岁', AGE)).toBe(77.3);
    expect(errorOf('-5', AGE).message).toBe('年龄应在0—150之间（“-5”）');
    expect(errorOf('151', AGE).code).toBe('range');
  });

  it('reads the sex ratio at birth against 100 girls, within 50–200', () => {
    expect(valueOf('109.68:100', SEX_RATIO)).toBe(109.68);
    expect(valueOf('109.68：100', SEX_RATIO)).toBe(109.68);
    expect(valueOf('１０９．６８：１００', SEX_RATIO)).toBe(109.68);
    expect(valueOf('1.0968:1', SEX_RATIO)).toBe(109.68);
    expect(valueOf('109.68', SEX_RATIO)).toBe(109.68);
    // "1.0968" alone is the ratio to 1: refused rather than stored as 1.0968 girls per 100.
    expect(errorOf('1.0968', SEX_RATIO).message).toBe('出生人口性别比应在50—200之间（“1.0968”）');
    expect(errorOf('109.68:0', SEX_RATIO).code).toBe('ratio_denominator');
  });

  it('reads a ratio against its stated base', () => {
    expect(valueOf('1.5:1', BASED_RATIO)).toBe(1.5);
    expect(valueOf('1.5', BASED_RATIO)).toBe(1.5);
    expect(valueOf('3:2', BASED_RATIO)).toBe(1.5);
  });

  it('does not treat an item without a unit as a ratio unless it is one', () => {
    expect(valueOf('2', COUNTIES)).toBe(2);
    expect(errorOf('2:1', COUNTIES).code).toBe('not_a_ratio_indicator');
  });

  it('reads per-mille and per-100,000 rates within their base', () => {
    expect(valueOf('5.2‰', PERMILLE)).toBe(5.2);
    expect(errorOf('1000.1', PERMILLE).message).toBe('千分比应在0—1000之间（“1000.1”）');
    expect(valueOf('20/10万', PER_100K)).toBe(20);
    expect(valueOf('20', PER_100K)).toBe(20);
    expect(valueOf('21/10万', PER_100K)).toBe(21);
    expect(errorOf('100001', PER_100K).code).toBe('range');
  });
});

describe('parseValue: accepted forms', () => {
  it('reads plain decimals, leading and trailing spaces, full-width digits and signs', () => {
    expect(valueOf('96.98', SHARE)).toBe(96.98);
    expect(valueOf('96.98%', SHARE)).toBe(96.98);
    expect(valueOf('96.98 %', SHARE)).toBe(96.98);
    expect(valueOf(' 96.98 ', SHARE)).toBe(96.98);
    expect(valueOf('\u3000９６．９８％\u3000', SHARE)).toBe(96.98);
    expect(valueOf('+5', PEOPLE)).toBe(5);
    expect(valueOf('.5', PEOPLE)).toBe(0.5);
    expect(valueOf('5.', PEOPLE)).toBe(5);
  });

  it('reads -0 as 0, never as negative zero', () => {
    expect(Object.is(valueOf('-0', PEOPLE), 0)).toBe(true);
    expect(Object.is(valueOf('-0', GROWTH), 0)).toBe(true);
  });

  it('reads thousands separators in groups of three', () => {
    expect(valueOf('1,234', PEOPLE)).toBe(1234);
    expect(valueOf('1,234,567.5', PEOPLE)).toBe(1234567.5);
    expect(valueOf('１，２３４', PEOPLE)).toBe(1234);
  });

  it('accepts the item’s own unit after the number', () => {
    expect(valueOf('133所', rule('新改扩建公办幼儿园', '所'))).toBe(133);
    expect(valueOf('2.1万套', rule('城镇棚户区住房改造', '万套'))).toBe(2.1);
    expect(valueOf('2.1 万套', rule('城镇棚户区住房改造', '万套'))).toBe(2.1);
  });

  it('keeps the text as typed (trimmed) with the value', () => {
    expect(parseValue(' ９６．９８％ ', SHARE)).toEqual({
      kind: 'value',
      value: 96.98,
      text: '９６．９８％',
    });
  });

  it('treats blank text as empty, never as zero', () => {
    expect(parseValue('', SHARE)).toEqual({ kind: 'empty' });
    expect(parseValue(' \u3000 ', PEOPLE)).toEqual({ kind: 'empty' });
  });

  it('accepts a very small number exactly as typed, and the repository check agrees', () => {
    // Regression: 0.0000001 passed the cell, then the save re-read String(1e-7) and failed.
    expect(valueOf('0.0000001', SHARE)).toBe(1e-7);
    expect(checkValue(1e-7, SHARE)).toBeNull();
    expect(formatValue(1e-7)).toBe('0.0000001');
  });
});

describe('parseValue: refused forms name the text', () => {
  it('refuses spaces inside a number instead of joining the digits', () => {
    // Regression: " 1 2 3 " was stored as 123 without a word.
    expect(errorOf(' 1 2 3 ', PEOPLE)).toEqual({
      code: 'inner_space',
      message: '“1 2 3”中间有空格，请核对',
    });
    expect(errorOf('96 .98', SHARE).code).toBe('inner_space');
  });

  it('refuses exponents, naming them', () => {
    for (const text of ['1e-7', '1E5', '1.23E+05', '１ｅ５']) {
      const error = errorOf(text, PEOPLE);
      expect(error.code).toBe('exponent');
      expect(error.message).toBe(`“${text}”是科学计数法，请写成普通数字`);
    }
  });

  it('refuses numbers beyond the rule’s range, however many digits they have', () => {
    // Regression: a 309-digit number became Infinity in the CLI's sentences.
    const huge = `1${'0'.repeat(308)}`;
    expect(errorOf(huge, PEOPLE).code).toBe('too_large');
    expect(errorOf(`9${'9'.repeat(400)}`, PEOPLE).code).toBe('too_large');
    expect(errorOf('1000000000000000000000', PEOPLE).code).toBe('too_large');
    expect(errorOf(huge, SHARE).code).toBe('percent_range');
  });

  it('refuses more than 15 significant digits, which a number cannot hold exactly', () => {
    expect(errorOf('0.30000000000000004', SHARE)).toEqual({
      code: 'too_many_digits',
      message: '“0.30000000000000004”的有效数字超过15位，无法精确保存',
    });
    expect(valueOf('123456789.123456', PEOPLE)).toBe(123456789.123456);
  });

  it('refuses digits of other scripts', () => {
    expect(errorOf('١٢٣', PEOPLE)).toEqual({
      code: 'foreign_digits',
      message: '“١٢٣”含有0—9以外的数字字符，请用0—9填写',
    });
    expect(errorOf('१२', PEOPLE).code).toBe('foreign_digits');
  });

  it('refuses NaN, Infinity and words', () => {
    for (const text of ['NaN', 'Infinity', '-Infinity', '∞', 'abc', '持续提高', '1.2.3', '-']) {
      expect(errorOf(text, PEOPLE)).toEqual({ code: 'not_a_number', message: `“${text}”不是数字` });
    }
  });

  it('refuses thousands separators in the wrong place rather than guessing', () => {
    expect(errorOf('96,98', SHARE)).toEqual({
      code: 'bad_grouping',
      message: '“96,98”中的逗号不是正确的千位分隔（应每三位一个，如1,234）；小数点请用“.”',
    });
    expect(errorOf('12,34', PEOPLE).code).toBe('bad_grouping');
  });

  it('refuses a percent or per-mille sign on an item with another unit', () => {
    // Regression: the CLI took "96%" for 张.
    expect(errorOf('96%', BEDS).message).toBe('本指标的单位是“张”，不能填写百分数（“96%”）');
    expect(errorOf('5‰', SHARE).message).toBe('本指标的单位是“%”，不能填写千分数（“5‰”）');
  });

  it('refuses a ratio for an item that is not one', () => {
    expect(errorOf('3:4', PEOPLE).message).toBe('本指标不是比值，请只填写数字（“3:4”）');
    expect(errorOf('1:2:3', SEX_RATIO).message).toBe('“1:2:3”不是有效的比值，应写作如“109.68:100”');
  });
});

describe('checkValue: the same rules for a number a caller already has', () => {
  it('applies the range of the rule without reading any text', () => {
    expect(checkValue(105, GROSS)).toBeNull();
    expect(checkValue(105, SHARE)).toMatchObject({
      code: 'percent_range',
      message: '百分比应在0—100之间（“105”）',
    });
    expect(checkValue(-5, AGE)?.code).toBe('range');
    expect(checkValue(1e21, PEOPLE)?.code).toBe('too_large');
  });

  it('refuses NaN and infinities', () => {
    expect(checkValue(Number.NaN, SHARE)?.code).toBe('not_finite');
    expect(checkValue(Number.POSITIVE_INFINITY, PEOPLE)?.code).toBe('not_finite');
    expect(checkValue(Number.NEGATIVE_INFINITY, GROWTH)?.message).toBe('“-Infinity”不是有效的数值');
  });
});

describe('formatValue', () => {
  it('writes plain decimals with no exponent and no grouping', () => {
    expect(formatValue(123.45)).toBe('123.45');
    expect(formatValue(1e21)).toBe('1000000000000000000000');
    expect(formatValue(1.5e-9)).toBe('0.0000000015');
    expect(formatValue(-0)).toBe('0');
    expect(formatValue(-2.5e-7)).toBe('-0.00000025');
  });
});

const ALL_RULES = [
  SHARE,
  GROSS,
  GROWTH,
  PERMILLE,
  PER_100K,
  SEX_RATIO,
  BASED_RATIO,
  AGE,
  BEDS,
  PEOPLE,
  COUNTIES,
];

/** Texts that look like numbers, with the decorations people type. */
const numberish = fc
  .tuple(
    fc.constantFrom('', '+', '-', '－', ' '),
    fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => String(n)),
      fc.double({ min: -1e13, max: 1e13, noNaN: true }).map((n) => n.toFixed(3)),
      fc.integer({ min: 0, max: 10_000_000 }).map((n) => n.toLocaleString('en-US')),
      fc.stringMatching(/^[0-9.,:eE ]{1,12}$/),
    ),
    fc.constantFrom('', '%', '‰', ' %', '岁', '张', ':100', '：1', ' '),
  )
  .map(([sign, body, suffix]) => `${sign}${body}${suffix}`);

const anyText = fc.oneof(numberish, fc.string({ maxLength: 30 }));
const anyRule = fc.constantFrom(...ALL_RULES);

describe('properties over any text and rule', () => {
  it('an accepted text round-trips: formatting the value and reading it again gives the same value', () => {
    fc.assert(
      fc.property(anyText, anyRule, (text, r) => {
        const result = parseValue(text, r);
        if (result.kind !== 'value') return;
        expect(valueOf(formatValue(result.value), r)).toBe(result.value);
      }),
      { numRuns: 3000 },
    );
  });

  it('an accepted value is finite, within its rule, and passes checkValue (never accepted, then refused)', () => {
    fc.assert(
      fc.property(anyText, anyRule, (text, r) => {
        const result = parseValue(text, r);
        if (result.kind !== 'value') return;
        expect(Number.isFinite(result.value)).toBe(true);
        expect(result.value).toBeGreaterThanOrEqual(r.min);
        expect(result.value).toBeLessThanOrEqual(r.max);
        expect(checkValue(result.value, r)).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('a refused text gets a message that names it', () => {
    fc.assert(
      fc.property(anyText, anyRule, (text, r) => {
        const result = parseValue(text, r);
        if (result.kind !== 'error') return;
        expect(result.text).toBe(text.trim());
        expect(result.message).toContain(`“${text.trim()}”`);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('a share the plan states as a fraction (hostile test)', () => {
  // 周村 服务清单: 错时开放时间不低于开放时间的1/3 (data/plans/zhoucun.json, std.svc.culture-sports.1.1,
  // no unit). "30" was taken as 30 ≥ 1/3 and judged 已实现; "30%" was refused.
  const rule = valueRuleFor({ name: '公共文化设施错时开放时间占开放时间比例', unit: null });
  it('reads 30% as 0.3 and a decimal as it is, and refuses 30 with how to write it', () => {
    expect(rule.kind).toBe('fraction');
    expect(parseValue('30%', rule)).toMatchObject({ kind: 'value', value: 0.3 });
    expect(parseValue('0.35', rule)).toMatchObject({ kind: 'value', value: 0.35 });
    expect(parseValue('30', rule)).toMatchObject({
      kind: 'error',
      message: '比例应在0—1之间，请按小数填写，如三成填0.3，或填“30%”（“30”）',
    });
    expect(checkValue(30, rule)?.message).toBe(
      '比例应在0—1之间，请按小数填写，如三成填0.3，或填“30%”（“30”）',
    );
  });
});
