import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPlanFileSize, parsePlan, parsePlanJson, PLAN_FILE_MAX_BYTES } from './validate';

const zhoucunText = readFileSync(
  new URL('../../../data/plans/zhoucun.json', import.meta.url),
  'utf8',
);
const zhoucun = () =>
  JSON.parse(zhoucunText) as Record<string, unknown> & {
    indicators: Array<Record<string, unknown>>;
    services: Array<Record<string, unknown>>;
    period: { start: number; end: number };
  };

function errorsOf(result: ReturnType<typeof parsePlan>): string[] {
  if (result.ok) throw new Error('expected the plan to be refused');
  return result.errors;
}

describe('plan files: limits that keep a hostile or mistaken file out', () => {
  it('refuses a file above 2 MB before reading it, saying the limit', () => {
    expect(PLAN_FILE_MAX_BYTES).toBe(2 * 1024 * 1024);
    expect(checkPlanFileSize(zhoucunText.length)).toBeNull();
    expect(checkPlanFileSize(3.5 * 1024 * 1024)).toBe(
      '文件大小为3.5 MB，超过规划文件2 MB的上限，未读取',
    );
    // The same limit on text handed over directly (CLI, tests): a longer text is refused unread.
    const padded = zhoucunText.replace('{', `{${' '.repeat(PLAN_FILE_MAX_BYTES)}`);
    expect(errorsOf(parsePlanJson(padded))[0]).toMatch(/超过规划文件2 MB的上限/);
  });

  it('names a number JSON cannot hold as out of range, not as a wrong type', () => {
    // Regression: "1e309" became Infinity and was reported as 类型不对.
    const text = zhoucunText.replace('"value": 99', '"value": 1e309');
    expect(text).not.toBe(zhoucunText);
    expect(errorsOf(parsePlanJson(text))).toEqual([
      '指标[第1项].baseline.value：1e309 超出数值范围',
    ]);
  });

  it('refuses duplicate keys, which JSON.parse would silently resolve to the last one', () => {
    const text = zhoucunText.replace(
      '"name": "学前教育三年毛入学率"',
      '"name": "学前教育三年毛入学率", "name": "别的指标"',
    );
    expect(text).not.toBe(zhoucunText);
    expect(errorsOf(parsePlanJson(text))).toEqual([
      '指标[第1项]：字段“name”重复出现（同一对象中的字段不能重复）',
    ]);
  });

  it('refuses __proto__ and constructor keys, and nothing is polluted', () => {
    const text = zhoucunText
      .replace('{', '{"__proto__": {"polluted": "yes"}, ')
      .replace(
        '"domain": "education"',
        '"constructor": {"prototype": {"polluted": "yes"}}, "domain": "education"',
      );
    const errors = errorsOf(parsePlanJson(text));
    expect(errors).toContain('（文件根）：不允许的字段名“__proto__”');
    expect(errors.some((e) => e.endsWith('不允许的字段名“constructor”'))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // An escaped spelling of the same key is the same key.
    const escaped = zhoucunText.replace('{', '{"\\u005f_proto__": 1, ');
    expect(errorsOf(parsePlanJson(escaped))).toEqual(['（文件根）：不允许的字段名“__proto__”']);
  });

  it('keeps years within 2000–2100, a period of at most ten years and the base year before it', () => {
    expect(
      errorsOf(parsePlan({ ...zhoucun(), period: { start: 1900, end: 1905 }, baseYear: 1899 })),
    ).toEqual([
      'period.start：年份1900不在2000—2100年之间',
      'period.end：年份1905不在2000—2100年之间',
      'baseYear：年份1899不在2000—2100年之间',
    ]);
    expect(errorsOf(parsePlan({ ...zhoucun(), period: { start: 2016, end: 2030 } }))).toEqual([
      'period：规划期2016—2030年共15年，超过10年的上限',
    ]);
    expect(errorsOf(parsePlan({ ...zhoucun(), baseYear: 2000 }))).toEqual([
      'baseYear：基期年份2000比规划起始年份2016早16年，最多早10年',
    ]);
  });

  it('limits string lengths and item counts, naming the place', () => {
    const plan = zhoucun();
    plan.indicators[1] = { ...plan.indicators[1], name: '长'.repeat(201) };
    plan.services = Array.from({ length: 1001 }, (_, i) => ({
      ...plan.services[0],
      id: `s${i}`,
    }));
    expect(errorsOf(parsePlan(plan))).toEqual([
      '指标[第2项].name：长度为201个字符，超过200个字符的上限',
      '服务清单：共1001项，超过1000项的上限',
    ]);
    const note = zhoucun();
    note.indicators[0] = { ...note.indicators[0], note: '注'.repeat(2001) };
    expect(errorsOf(parsePlan(note))).toEqual([
      '指标[第1项].note：长度为2001个字符，超过2000个字符的上限',
    ]);
  });

  it('still loads every built-in plan', () => {
    const result = parsePlanJson(zhoucunText);
    expect(result.ok).toBe(true);
  });
});
