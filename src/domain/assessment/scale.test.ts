import { describe, expect, it } from 'vitest';
import { isSizeIndependent } from './scale';

describe('isSizeIndependent', () => {
  it('takes rates, shares, ages and per-capita figures as comparable between counties, totals not', () => {
    expect(isSizeIndependent({ name: '每千人口床位数', unit: '张', kind: 'level' })).toBe(true);
    expect(isSizeIndependent({ name: '九年义务教育巩固率', unit: '%', kind: 'level' })).toBe(true);
    expect(isSizeIndependent({ name: '人均预期寿命', unit: '岁', kind: 'level' })).toBe(true);
    expect(isSizeIndependent({ name: '生均经费', unit: '元/生·年', kind: 'level' })).toBe(true);
    expect(isSizeIndependent({ name: '公共图书馆年流通人次', unit: '万人次', kind: 'level' })).toBe(
      false,
    );
    expect(isSizeIndependent({ name: '新增就业', unit: '万人/年', kind: 'level' })).toBe(false);
    expect(isSizeIndependent({ name: '九年义务教育巩固率', unit: '%', kind: 'cumulative' })).toBe(
      false,
    );
  });

  it('takes a standard amount per pupil or person as comparable (evaluator trial)', () => {
    // 达州 服务清单: 小学年生均公用经费标准 不低于600元 holds for every county; a county's 550
    // is 未实现, not "a total of the whole area" (data/plans/dazhou.json, std.svc.education.1.1).
    expect(isSizeIndependent({ name: '小学年生均公用经费标准', unit: '元', kind: 'level' })).toBe(
      true,
    );
    expect(
      isSizeIndependent({ name: '城乡居民基础养老金最低标准', unit: '元', kind: 'level' }),
    ).toBe(true);
    // A standard stated "per" something (每年每名儿童) is a rate of that something.
    expect(
      isSizeIndependent({
        name: '在园幼儿保教费减免',
        unit: '元',
        kind: 'level',
        per: '每年每名儿童',
      }),
    ).toBe(true);
    // Totals stay totals: so many parks a year, so much investment.
    expect(isSizeIndependent({ name: '每年建成示范体育健身公园', unit: '个', kind: 'level' })).toBe(
      false,
    );
    expect(isSizeIndependent({ name: '全面改薄工程投资', unit: '亿元', kind: 'level' })).toBe(
      false,
    );
  });

  it('answers each item on its own, however often it is asked', () => {
    // The answer is kept per item object: two items differing only in name keep their own answers
    const rate = { name: '每万人拥有公共文化设施面积', unit: '平方米', kind: 'level' as const };
    const total = { name: '公共文化设施面积', unit: '平方米', kind: 'level' as const };
    for (let i = 0; i < 3; i++) {
      expect(isSizeIndependent(rate)).toBe(true);
      expect(isSizeIndependent(total)).toBe(false);
    }
  });
});
