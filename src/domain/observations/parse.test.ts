import { describe, expect, it } from 'vitest';
import { THRESHOLDS } from '../assessment/thresholds';
import { checkJump, checkYear, previousValue } from './parse';
import { valueRuleFor } from './value-rules';

const PERCENT = valueRuleFor({ name: '九年义务教育巩固率', unit: '%' });
const BEDS = valueRuleFor({ name: '每千人口床位数', unit: '张' });
const PEOPLE = valueRuleFor({ name: '人数', unit: '人' });

describe('years', () => {
  it('rejects a year outside the plan', () => {
    expect(checkYear(2014, 2015, 2020)).toBe('年份2014不在本规划的2015—2020年之间');
    expect(checkYear(2021, 2015, 2020)).toContain('不在本规划');
    expect(checkYear(2018, 2015, 2020)).toBeNull();
    expect(checkYear(2018, 2016, 2017)).toContain('2016—2017');
  });
});

describe('jump warning', () => {
  it('warns on a percentage that moves more than the point threshold', () => {
    const warning = checkJump(60, { year: 2016, value: 85 }, PERCENT);
    expect(warning?.basis).toBe('points');
    expect(warning?.message).toBe('比2016年（85）变化-25个百分点，超过10个百分点，请核对');
    expect(
      checkJump(85 + THRESHOLDS.jumpWarningPercentagePoints, { year: 2016, value: 85 }, PERCENT),
    ).toBeNull();
  });

  it('warns on other units when the relative change exceeds the threshold', () => {
    const warning = checkJump(5.2, { year: 2016, value: 3.2 }, BEDS);
    expect(warning?.basis).toBe('relative');
    expect(warning?.message).toContain('+62.5%');
    expect(checkJump(4.8, { year: 2016, value: 3.2 }, BEDS)).toBeNull();
    expect(checkJump(1, { year: 2016, value: 3.2 }, BEDS)?.message).toContain('-68.75%');
  });

  it('does not warn without a previous value, or from zero', () => {
    expect(checkJump(100, null, PEOPLE)).toBeNull();
    expect(checkJump(100, { year: 2016, value: 0 }, PEOPLE)).toBeNull();
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
