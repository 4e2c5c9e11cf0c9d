import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import plan from '../../../../data/plans/dalian.json';
import type { Standard } from '../schema';
import { parsePlan } from '../validate';

// Seed: /work/shared/seeds/004_4107c880d3745fa2.txt — 大连市人民政府关于大连市推进基本公共服务
// 均等化的实施意见 (大政发〔2018〕28号). Its indicator table (line 18) and service list (line 133)
// were separate attachments and are absent: only the prose targets and the tasks are catalogued.
const SEED_FILE = '004_4107c880d3745fa2.txt';
const seedLines = readFileSync(
  new URL(`../../../../data/sources/${SEED_FILE}`, import.meta.url),
  'utf8',
).split('\n');
const seedLine = (line: number): string => seedLines[line - 1] ?? '';

function parsed() {
  const result = parsePlan(plan);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.plan;
}

function countBy<T extends { domain: string | null }>(items: readonly T[]) {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item.domain ?? ''] = (counts[item.domain ?? ''] ?? 0) + 1;
  return counts;
}

function target(id: string) {
  const found = parsed().textTargets.find((t) => t.id === id);
  if (!found) throw new Error(`no text target ${id}`);
  return found;
}

describe('dalian plan catalog', () => {
  it('parses against the catalog schema', () => {
    const result = parsePlan(plan);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has the plan-level facts', () => {
    const p = parsed();
    expect(p.id).toBe('dalian');
    expect(p.name).toBe(seedLine(4));
    expect(p.shortName).toBe('大连市实施意见');
    expect(p.region).toBe('大连市');
    expect(p.docNumber).toBe('大政发〔2018〕28号'); // line 1
    expect(p.issuer).toBe('大连市人民政府'); // line 136
    expect(p.issued).toBe('2018-07-30'); // line 137
    expect(p.period).toEqual({ start: 2016, end: 2020 });
    expect(p.baseYear).toBe(2015);
    expect(p.domains.map((d) => d.name)).toEqual([
      '大力发展基本公共教育', // line 20
      '积极促进就业创业', // line 33
      '完善基本社会保险制度', // line 46
      '提高基本医疗卫生水平', // line 57
      '强化社会服务兜底作用', // line 73
      '加大住房保障力度', // line 88
      '加强文化体育服务', // line 96
      '保障残疾人公共服务供给', // line 109
    ]);
    expect(p.regions.map((r) => r.name)).toEqual(['大连市', '普兰店区', '瓦房店市', '庄河市']);
    expect(p.indicators).toEqual([]);
    expect(p.services).toEqual([]);
  });

  it('records the missing attachments as plan-level data issues', () => {
    const p = parsed();
    expect(p.dataIssues).toHaveLength(2);
    expect(p.dataIssues[0]!.quotes[0]).toEqual({
      file: SEED_FILE,
      line: 18,
      text: '“十三五”时期大连市基本公共服务领域主要发展指标.doc',
    });
    expect(p.dataIssues[1]!.quotes[0]!.line).toBe(133);
  });

  it('has every numeric prose target', () => {
    const p = parsed();
    // Lines 22 (2: 两项体育运动技能, 一项艺术特长), 24 (1), 35 (1), 60 (1), 65 (1), 69 (1),
    // 75 (3: 城市低保4%, 农村低保7%, 特困1.3倍), 86 (1), 94 (1), 107 (3: 5个, 15个, 200条) = 15.
    expect(p.textTargets).toHaveLength(15);
    expect(countBy(p.textTargets)).toEqual({
      education: 3,
      employment: 1,
      health: 3,
      'social-services': 4,
      housing: 1,
      'culture-sports': 3,
    });
    for (const t of p.textTargets) expect(t.year).toBe(2020);
  });

  it('copies targets, comparators and words exactly', () => {
    const urban = target('tt.urban-minimum-living-standard-growth');
    expect(urban.target).toEqual({ raw: '4%左右', value: 4 });
    expect(urban.unit).toBe('%/年');
    expect(urban.concept).toBe('urban-minimum-living-standard');
    const rural = target('tt.rural-minimum-living-standard-growth');
    expect(rural.target).toEqual({ raw: '7%左右', value: 7 });
    expect(rural.unit).toBe('%/年');
    expect(rural.concept).toBe('rural-minimum-living-standard');
    expect(target('tt.destitute-support-standard-ratio').target).toEqual({
      raw: '不低于当地低保标准的1.3倍',
      value: 1.3,
      comparator: '>=',
    });
    expect(target('tt.student-sports-skills').target).toEqual({
      raw: '至少学习掌握两项体育运动技能',
      value: 2,
      comparator: '>=',
    });
    expect(target('tt.student-art-specialties').target).toEqual({
      raw: '一项艺术特长',
      value: 1,
      comparator: '>=',
    });
    expect(target('tt.township-public-kindergartens').target).toEqual({
      raw: '至少有1所',
      value: 1,
      comparator: '>=',
    });
    const zero = target('tt.zero-employment-households');
    expect(zero.target).toEqual({ raw: '动态清零', value: 0, text: '动态清零' });
    expect(zero.direction).toBe('down');
    expect(target('tt.county-internal-visit-rate').target).toEqual({ raw: '90%左右', value: 90 });
    expect(target('tt.township-health-centers').target).toEqual({ raw: '一所', value: 1 });
    expect(target('tt.general-practitioners-per-10k').target).toEqual({ raw: '3名', value: 3 });
    expect(target('tt.social-workers').target).toEqual({ raw: '3.3万人', value: 3.3 });
    expect(target('tt.shantytown-cash-resettlement-rate').target).toEqual({
      raw: '90%以上',
      value: 90,
      comparator: '>=',
    });
    expect(target('tt.fitness-parks-per-year').target).toEqual({ raw: '5个', value: 5 });
    expect(target('tt.fitness-squares-per-year').target).toEqual({ raw: '15个', value: 15 });
    expect(target('tt.fitness-paths-per-year').target).toEqual({ raw: '200条', value: 200 });
  });

  it('has every 重点任务 and 保障措施 item with its 责任单位', () => {
    const p = parsed();
    // 重点任务 / 保障措施 “--” items: 教育 22–25 / 27–31 (4+5), 就业 35–38 / 40–44 (4+5),
    // 社保 48–51 / 53–55 (4+3), 医疗卫生 59–63 / 65–71 (5+7), 社会服务 75–78 / 80–86 (4+7),
    // 住房 90–91 / 93–94 (2+2), 文体 98–101 / 103–107 (4+5), 残疾人 111–113 / 115–119 (3+5).
    expect(p.tasks).toHaveLength(69);
    expect(countBy(p.tasks)).toEqual({
      education: 9,
      employment: 9,
      'social-insurance': 7,
      health: 12,
      'social-services': 11,
      housing: 4,
      'culture-sports': 9,
      disability: 8,
    });
    expect(p.tasks.filter((t) => t.group === '重点任务')).toHaveLength(30);
    expect(p.tasks.filter((t) => t.group === '保障措施')).toHaveLength(39);
    const first = p.tasks[0]!;
    expect(first.source.line).toBe(22);
    expect(first.text.startsWith('义务教育。完善城乡统一、重在农村的义务教育经费保障机制')).toBe(
      true,
    );
    expect(first.leadUnit).toBe('市教育局'); // line 32
    expect(first.partnerUnits).toBe('其他有关部门按职责分工负责');
    const health = p.tasks.find((t) => t.source.line === 63)!;
    expect(health.leadUnit).toBe('市卫生计生委、市食品药品监管局'); // line 72 “分别牵头”
    const housing = p.tasks.find((t) => t.source.line === 91)!;
    expect(housing.leadUnit).toBe('市国土房屋局、市建委'); // line 95
    const last = p.tasks[p.tasks.length - 1]!;
    expect(last.source.line).toBe(119);
    expect(last.leadUnit).toBe('市残联'); // line 120
  });

  it('cites seed lines that hold each item', () => {
    const p = parsed();
    for (const t of p.textTargets) {
      expect(seedLine(t.source.line), t.id).toContain(t.quote);
      expect(t.quote, t.id).toContain(t.target.raw);
    }
    for (const t of p.tasks) {
      expect(seedLine(t.source.line), t.id).toContain(t.text.slice(0, 10));
    }
    for (const d of p.domains) {
      if (d.source) expect(seedLine(d.source.line), d.id).toContain(d.name);
    }
    for (const r of p.regions) {
      if (r.source) expect(seedLine(r.source.line), r.id).toContain(r.name);
    }
    for (const issue of p.dataIssues) {
      for (const q of issue.quotes) expect(seedLine(q.line)).toContain(q.text);
    }
  });
});

function tally(items: readonly Standard[], key: (s: Standard) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('dalian standards and lead units', () => {
  const p = parsed();
  const standards = p.standards ?? [];

  it('links every text target to its task and adds the one figure missing', () => {
    // 15 text targets, all in tasks; one more figure in a task: 24小时服务 (task 43, line 81).
    expect(standards).toHaveLength(16);
    expect(tally(standards, (s) => s.attachment.kind)).toEqual({ task: 16 });
    expect(standards.filter((s) => !s.textTargetId).map((s) => [s.id, s.target.raw])).toEqual([
      ['std.task.43.1', '24小时'],
    ]);
    expect(standards.filter((s) => s.isPerYear).map((s) => s.textTargetId)).toEqual([
      'tt.urban-minimum-living-standard-growth',
      'tt.rural-minimum-living-standard-growth',
      'tt.fitness-parks-per-year',
      'tt.fitness-squares-per-year',
      'tt.fitness-paths-per-year',
    ]);
  });

  it('normalises the 责任单位 to 11 units', () => {
    expect(p.units?.map((u) => u.name)).toEqual([
      '市教育局',
      '市人社局',
      '市卫生计生委',
      '市食品药品监管局',
      '市民政局',
      '市国土房屋局',
      '市建委',
      '市文广局',
      '市体育局',
      '市残联',
      '其他有关部门',
    ]);
  });
});
