import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { THRESHOLDS } from '../assessment/thresholds';
import {
  checkJump,
  checkYear,
  normalizeText,
  parseValue,
  previousValue,
  ratioBase,
  unitKind,
} from './parse';

function valueOf(text: string, unit: string | null): number {
  const result = parseValue(text, unit);
  if (result.kind !== 'value')
    throw new Error(`expected a value for ${text}: ${JSON.stringify(result)}`);
  return result.value;
}

function errorOf(text: string, unit: string | null): string {
  const result = parseValue(text, unit);
  if (result.kind !== 'error')
    throw new Error(`expected an error for ${text}: ${JSON.stringify(result)}`);
  return result.message;
}

describe('unit kinds', () => {
  it('classifies the units the plans use', () => {
    expect(unitKind('%')).toBe('percent');
    expect(unitKind('%/年')).toBe('percent-rate');
    expect(unitKind('‰')).toBe('permille');
    expect(unitKind(null)).toBe('ratio');
    expect(unitKind('农村=1')).toBe('ratio');
    for (const unit of [
      '人',
      '万人',
      '张',
      '套',
      '户',
      '人次',
      '个',
      '所',
      '元',
      '1/10万',
      '名/万人',
    ]) {
      expect(unitKind(unit)).toBe('count');
    }
    expect(ratioBase(null)).toBe(100);
    expect(ratioBase('女=100')).toBe(100);
    expect(ratioBase('农村=1')).toBe(1);
    expect(ratioBase('1/10万')).toBeNull();
  });
});

describe('accepted forms', () => {
  it('reads a plain decimal, with or without a percent sign', () => {
    expect(valueOf('96.98', '%')).toBe(96.98);
    expect(valueOf('96.98%', '%')).toBe(96.98);
    expect(valueOf(' 96.98 ', '%')).toBe(96.98);
  });

  it('reads full-width digits, point and percent sign', () => {
    expect(normalizeText('９６．９８')).toBe('96.98');
    expect(valueOf('９６．９８', '%')).toBe(96.98);
    expect(valueOf('９６．９８％', '%')).toBe(96.98);
  });

  it('reads thousands separators, ASCII or full-width', () => {
    expect(valueOf('1,234', '人')).toBe(1234);
    expect(valueOf('1,234,567.5', '人次')).toBe(1234567.5);
    expect(valueOf('１，２３４', '人')).toBe(1234);
  });

  it('reads a ratio against 100 for a ratio indicator, with ASCII or full-width colon', () => {
    expect(valueOf('109.68:100', null)).toBe(109.68);
    expect(valueOf('109.68：100', null)).toBe(109.68);
    expect(valueOf('１０９．６８：１００', null)).toBe(109.68);
    expect(valueOf('109.68', null)).toBe(109.68);
    expect(valueOf('1.5:1', '农村=1')).toBe(1.5);
  });

  it('keeps the text exactly as typed', () => {
    const result = parseValue('９６．９８％', '%');
    expect(result).toEqual({ kind: 'value', value: 96.98, text: '９６．９８％' });
  });

  it('accepts the unit written after the number', () => {
    expect(valueOf('133所', '所')).toBe(133);
    expect(valueOf('2.1万套', '万套')).toBe(2.1);
  });

  it('treats blank text as empty, not as zero', () => {
    expect(parseValue('', '%')).toEqual({ kind: 'empty' });
    expect(parseValue(' \u3000 ', '人')).toEqual({ kind: 'empty' });
  });

  it('accepts a negative growth rate in percent per year', () => {
    expect(valueOf('-1.5', '%/年')).toBe(-1.5);
  });
});

describe('rejected forms, with Chinese messages', () => {
  it('rejects text that is not a number', () => {
    expect(errorOf('abc', '%')).toBe('“abc”不是数字');
    expect(errorOf('持续提高', '%')).toContain('不是数字');
    expect(errorOf('1.2.3', '人')).toContain('不是数字');
    expect(errorOf('96,98', '%')).toContain('不是数字');
    expect(errorOf('12,34', '人')).toContain('不是数字');
    expect(errorOf('1e5', '人')).toContain('不是数字');
  });

  it('rejects a percentage outside 0–100', () => {
    expect(errorOf('100.5', '%')).toBe('百分比应在0—100之间');
    expect(errorOf('-1%', '%')).toBe('百分比应在0—100之间');
    expect(valueOf('100', '%')).toBe(100);
    expect(valueOf('0', '%')).toBe(0);
  });

  it('rejects a per-mille value outside 0–1000', () => {
    expect(errorOf('1000.1', '‰')).toBe('千分比应在0—1000之间');
    expect(errorOf('-2', '‰')).toBe('千分比应在0—1000之间');
    expect(valueOf('5.2‰', '‰')).toBe(5.2);
  });

  it('rejects a negative count', () => {
    for (const unit of ['人', '万人', '张', '套', '户', '人次', '个']) {
      expect(errorOf('-3', unit)).toBe(`单位为“${unit}”的数值不能为负数`);
    }
  });

  it('rejects a ratio for an indicator that is not one, and a bad ratio', () => {
    expect(errorOf('3:4', '人')).toBe('本指标不是比值，请只填写数字');
    expect(errorOf('109.68:0', null)).toBe('比值的后项必须大于0');
    expect(errorOf('1:2:3', null)).toContain('不是有效的比值');
  });

  it('rejects a percent sign on an indicator counted in people', () => {
    expect(errorOf('50%', '人')).toContain('不能填写百分数');
  });

  it('rejects a year outside the plan', () => {
    expect(checkYear(2014, 2015, 2020)).toBe('年份2014不在本规划的2015—2020年之间');
    expect(checkYear(2021, 2015, 2020)).toContain('不在本规划');
    expect(checkYear(2018, 2015, 2020)).toBeNull();
    expect(checkYear(2018, 2016, 2017)).toContain('2016—2017');
  });

  it('never turns any text into NaN or Infinity', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('%', '人', '‰', null, '万人'), (text, unit) => {
        const result = parseValue(text, unit);
        if (result.kind === 'value') expect(Number.isFinite(result.value)).toBe(true);
      }),
    );
  });

  it('reads back every finite number it formats', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), (n) => {
        const text = String(n);
        if (text.includes('e')) return;
        expect(valueOf(text, '人')).toBe(n);
      }),
    );
  });
});

describe('jump warning', () => {
  it('warns on a percentage that moves more than the point threshold', () => {
    const warning = checkJump(60, { year: 2016, value: 85 }, '%');
    expect(warning?.basis).toBe('points');
    expect(warning?.message).toBe('比2016年（85）变化-25个百分点，超过10个百分点，请核对');
    expect(
      checkJump(85 + THRESHOLDS.jumpWarningPercentagePoints, { year: 2016, value: 85 }, '%'),
    ).toBeNull();
  });

  it('warns on other units when the relative change exceeds the threshold', () => {
    const warning = checkJump(5.2, { year: 2016, value: 3.2 }, '张');
    expect(warning?.basis).toBe('relative');
    expect(warning?.message).toContain('+62.5%');
    expect(checkJump(4.8, { year: 2016, value: 3.2 }, '张')).toBeNull();
    expect(checkJump(1, { year: 2016, value: 3.2 }, '张')?.message).toContain('-68.75%');
  });

  it('does not warn without a previous value, or from zero', () => {
    expect(checkJump(100, null, '人')).toBeNull();
    expect(checkJump(100, { year: 2016, value: 0 }, '人')).toBeNull();
  });

  it('compares with the nearest earlier year, then the catalog baseline', () => {
    const values = new Map([
      [2016, 10],
      [2018, 12],
    ]);
    expect(previousValue(2019, values, 2015, 9)).toEqual({ year: 2018, value: 12 });
    expect(previousValue(2018, values, 2015, 9)).toEqual({ year: 2016, value: 10 });
    expect(previousValue(2016, new Map(), 2015, 9)).toEqual({ year: 2015, value: 9 });
    expect(previousValue(2015, new Map(), 2015, 9)).toBeNull();
    expect(previousValue(2016, new Map([[2015, 8]]), 2015, 9)).toEqual({ year: 2015, value: 8 });
  });
});
