import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import plan from '../../../../data/plans/dazhou-2017.json';
import type { Standard } from '../schema';
import { parsePlan } from '../validate';

// Seed: /work/shared/seeds/001_04a0b744133b98ae.txt — 达州市 2017 implementation plan (实施计划)
// for the 达州市“十三五”基本公共服务均等化规划. It has no indicator table and no service list:
// its figures are prose targets for 2017, and its tasks are the numbered items 1–31 of
// 三、主要任务 plus the three items of 四、实施保障, each section closing with a 责任单位 line.
const SEED_FILE = '001_04a0b744133b98ae.txt';
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

describe('dazhou-2017 plan catalog', () => {
  it('parses against the catalog schema', () => {
    const result = parsePlan(plan);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has the plan-level facts', () => {
    const p = parsed();
    expect(p.id).toBe('dazhou-2017');
    expect(p.shortName).toBe('达州市2017年实施方案');
    expect(p.region).toBe('达州市');
    expect(p.implements).toBe('dazhou');
    // An annual plan: its targets are for 2017 (line 5 “围绕2017年…重点工作”, “全年”, “本年”),
    // and it measures against 2016 (line 36 “婚检率较2016年提高3%”).
    expect(p.period).toEqual({ start: 2017, end: 2017 });
    expect(p.baseYear).toBe(2016);
    expect(p.issued).toBe('2017-07-26'); // line 62
    expect(p.issuer).toBeNull(); // line 61 is stray web text, not an issuer
    expect(p.docNumber).toBeNull();
    expect(p.domains.map((d) => d.name)).toEqual([
      '重点工作', // line 4
      '基本公共教育', // line 7
      '劳动就业服务', // line 14
      '社会保险', // line 19
      '基本社会服务', // line 24
      '基本公共卫生计生服务', // line 31
      '基本住房保障', // line 39
      '公共文化体育', // line 44
      '残疾人基本公共服务', // line 50
    ]);
    expect(p.regions.map((r) => r.id)).toEqual(['dazhou', 'dachuan', 'dazhu', 'xuanhan']);
    expect(p.indicators).toEqual([]);
    expect(p.services).toEqual([]);
    expect(p.dataIssues).toHaveLength(2); // missing title; line 61 stray text in place of issuer
  });

  it('has every numeric prose target', () => {
    const p = parsed();
    // Counted per line: 5 (6: 民生支出占比 ×2, 19件, 10大, 新增就业3.4万, 达川、大竹认定),
    // 8 (2), 9 (6), 10 (2), 11 (3), 15 (4), 21 (2), 22 (3), 27 (4), 29 (1), 32 (2), 33 (5),
    // 36 (6), 40 (2), 41 (1), 42 (1), 45 (3), 46 (2), 47 (2), 48 (4), 52 (10) = 71.
    expect(p.textTargets).toHaveLength(71);
    expect(countBy(p.textTargets)).toEqual({
      general: 4,
      education: 14,
      employment: 5,
      'social-insurance': 5,
      'social-services': 5,
      health: 13,
      housing: 4,
      'culture-sports': 11,
      disability: 10,
    });
    for (const t of p.textTargets) expect(t.year).toBe(2017);
  });

  it('copies targets, comparators and words exactly', () => {
    expect(target('tt.livelihood-spending-share').target).toEqual({
      raw: '70%以上',
      value: 70,
      comparator: '>=',
    });
    expect(target('tt.budget-livelihood-spending-share').target).toEqual({
      raw: '不低于70%',
      value: 70,
      comparator: '>=',
    });
    expect(target('tt.new-urban-jobs-key-work').target).toEqual({ raw: '3.4万人', value: 3.4 });
    expect(target('tt.new-urban-jobs').target).toEqual({ raw: '3.35万人', value: 3.35 });
    expect(target('tt.new-urban-jobs').concept).toBe('new-urban-jobs');
    expect(target('tt.new-urban-jobs').kind).toBe('cumulative');
    expect(target('tt.balanced-county-certification').target).toEqual({
      raw: '确保达川、大竹通过国家认定',
      text: '达川、大竹通过国家认定',
    });
    const unemployment = target('tt.urban-registered-unemployment');
    expect(unemployment.target).toEqual({ raw: '控制在4.2%以内', value: 4.2, comparator: '<=' });
    expect(unemployment.direction).toBe('down');
    expect(unemployment.concept).toBe('urban-registered-unemployment');
    expect(target('tt.disaster-relief-response-time').target).toEqual({
      raw: '12小时内',
      value: 12,
      comparator: '<=',
    });
    expect(target('tt.basic-public-health-funding').baseline).toEqual({ raw: '45元', value: 45 });
    expect(target('tt.basic-public-health-funding').target).toEqual({ raw: '50元', value: 50 });
    expect(target('tt.electronic-health-record-rate').target).toEqual({
      raw: '98%以上',
      value: 98,
      comparator: '>=',
    });
    expect(target('tt.standardized-electronic-health-record-rate').target).toEqual({
      raw: '75%以上',
      value: 75,
      comparator: '>=',
    });
    expect(target('tt.tcm-halls').target).toEqual({ raw: '约16个', value: 16 });
    expect(target('tt.prepregnancy-checkup-target-coverage').target).toEqual({
      raw: '95%以上',
      value: 95,
      comparator: '>=',
    });
    for (const id of ['tt.critical-maternal-care-centers', 'tt.critical-newborn-care-centers']) {
      expect(target(id).target).toEqual({
        raw: '1—2个',
        value: 1,
        comparator: '>=',
        text: '1—2个',
      });
    }
    const maternal = target('tt.maternal-mortality');
    expect(maternal.target).toEqual({ raw: '20/10万以下', value: 20, comparator: '<=' });
    expect(maternal.unit).toBe('1/10万');
    expect(maternal.direction).toBe('down');
    const infant = target('tt.infant-mortality');
    expect(infant.target).toEqual({ raw: '5.9‰以下', value: 5.9, comparator: '<=' });
    expect(infant.direction).toBe('down');
    expect(target('tt.resident-medical-insurance-coverage').target).toEqual({
      raw: '达到98%',
      value: 98,
    });
    expect(target('tt.shantytown-renovation').target).toEqual({ raw: '20185套', value: 20185 });
    expect(target('tt.rural-performances').target).toEqual({
      raw: '不少于800场',
      value: 800,
      comparator: '>=',
    });
    expect(target('tt.city-troupe-rural-performances').target).toEqual({
      raw: '不少于120场',
      value: 120,
      comparator: '>=',
    });
    expect(target('tt.county-fitness-events').target).toEqual({
      raw: '不少于50次',
      value: 50,
      comparator: '>=',
    });
    expect(target('tt.stadium-free-open-visits').target).toEqual({
      raw: '不低于67万人次',
      value: 67,
      comparator: '>=',
    });
    expect(target('tt.assistive-devices').target).toEqual({ raw: '10488名', value: 10488 });
    expect(target('tt.compulsory-fee-exemption').target).toEqual({
      raw: '62.49万名',
      value: 62.49,
    });
    expect(target('tt.new-elderly-care-beds').target).toEqual({ raw: '0.276万张', value: 0.276 });
  });

  it('records the two different 2017 new-urban-jobs figures on both targets', () => {
    for (const id of ['tt.new-urban-jobs-key-work', 'tt.new-urban-jobs']) {
      const quotes = target(id).dataIssues?.[0]?.quotes ?? [];
      expect(quotes.map((q) => q.line)).toEqual([5, 15]);
    }
  });

  it('has every task with its 责任单位', () => {
    const p = parsed();
    // 主要任务 items 1–31: 教育 lines 8–12 (5), 就业 15–17 (3), 社保 20–22 (3), 社会服务 25–29 (5),
    // 卫生计生 32–37 (6), 住房 40–42 (3), 文体 45–48 (4), 残疾人 51–52 (2); 实施保障 55, 57, 59 (3).
    expect(p.tasks).toHaveLength(34);
    expect(countBy(p.tasks)).toEqual({
      education: 5,
      employment: 3,
      'social-insurance': 3,
      'social-services': 5,
      health: 6,
      housing: 3,
      'culture-sports': 4,
      disability: 2,
      '': 3,
    });
    const t1 = p.tasks[0]!;
    expect(t1.number).toBe('1');
    expect(t1.text.startsWith('普惠性学前教育。实施第三期学前教育行动计划')).toBe(true);
    expect(t1.leadUnit).toBe('市教育局、市发展改革委、市财政局、市人力资源社会保障局'); // line 13
    const t11 = p.tasks.find((t) => t.id === 'task.11')!;
    expect(t11.source.line).toBe(22);
    expect(t11.leadUnit).toBe('市人力资源社会保障局、市卫生计生委、市发展改革委、市财政局等'); // line 23
    const t25 = p.tasks.find((t) => t.id === 'task.25')!;
    expect(t25.leadUnit).toBe(
      '市住房城乡建设局、市发展改革委、各县(市、区)人民政府、达州经开区管委会等', // line 43
    );
    const t32 = p.tasks.find((t) => t.id === 'task.32')!;
    expect(t32.number).toBe('(一)');
    expect(t32.group).toBe('实施保障');
    expect(t32.domain).toBeNull();
    expect(seedLine(56)).toBe(`(责任单位:${t32.leadUnit})`);
  });

  it('cites seed lines that hold each item', () => {
    const p = parsed();
    for (const t of p.textTargets) {
      expect(seedLine(t.source.line), t.id).toContain(t.quote);
      expect(t.quote, t.id).toContain(t.target.raw);
      if (t.baseline) expect(t.quote, t.id).toContain(t.baseline.raw);
    }
    for (const t of p.tasks) {
      expect(seedLine(t.source.line), t.id).toContain(t.text.slice(0, 10));
    }
    for (const d of p.domains) {
      if (d.source) expect(seedLine(d.source.line), d.id).toContain(d.name);
    }
    for (const r of p.regions) {
      // 达川、大竹 are written without 区/县 in the text (line 5).
      if (r.source) expect(seedLine(r.source.line), r.id).toContain(r.name.slice(0, 2));
    }
    for (const issue of [...p.dataIssues, ...p.textTargets.flatMap((t) => t.dataIssues ?? [])]) {
      for (const q of issue.quotes) expect(seedLine(q.line)).toContain(q.text);
    }
  });
});

function tally(items: readonly Standard[], key: (s: Standard) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('dazhou-2017 standards and lead units', () => {
  const p = parsed();
  const standards = p.standards ?? [];

  it('links every text target to its task (or to 二、重点工作) and adds the one figure missing', () => {
    // 71 text targets: 6 on line 5 (二、重点工作), 65 in tasks; one task figure was not a text
    // target: 每五年开展一次国民体质监测 (task 29, line 48).
    expect(standards).toHaveLength(72);
    expect(tally(standards, (s) => s.attachment.kind)).toEqual({ task: 66, section: 6 });
    const added = standards.filter((s) => !s.textTargetId);
    expect(added.map((s) => [s.id, s.target.raw, s.per, s.source.line])).toEqual([
      ['std.task.29.1', '一次', '每五年', 48],
    ]);
  });

  it('keeps the basis and period printed with a task figure (audit of line 9, 32, 33, 36)', () => {
    const byId = (id: string) => standards.find((s) => s.id === id);
    // Line 9: 生均公用经费基准定额 are amounts per pupil per year, 每生每年 shared by all three.
    for (const id of ['std.task.2.3', 'std.task.2.4', 'std.task.2.5']) {
      expect(byId(id)?.isPerYear, id).toBe(true);
    }
    expect(byId('std.task.2.3')?.per).toBe('每生每年');
    // Line 36: “本年市、县(市、区)均建立1—2个……”: 1—2 centres in each city and county.
    expect(byId('std.task.21.3')?.per).toBe('市、县(市、区)均');
    expect(byId('std.task.21.4')?.per).toBe('市、县(市、区)均');
    // Line 33: the three 建档率 are measured 以县(区、市)为单位.
    for (const id of ['std.task.18.1', 'std.task.18.2', 'std.task.18.3']) {
      expect(byId(id)?.per, id).toBe('以县(区、市)为单位');
    }
    // Line 32: “由45元提高到50元”: 45元 is printed as the base.
    expect(byId('std.task.17.2')?.baseline).toEqual({ raw: '45元', value: 45 });
  });

  it('normalises the 责任单位 to 15 units, 市人力资源和社会保障局 with 市人力资源社会保障局', () => {
    expect(p.units).toHaveLength(15);
    const hrss = p.units?.find((u) => u.id === 'hrss');
    expect(hrss?.printed).toEqual(['市人力资源社会保障局', '市人力资源和社会保障局']);
    const last = p.tasks.find((t) => t.id === 'task.34');
    expect(last?.leadUnitIds?.slice(-2)).toEqual(['county-governments', 'development-zone']);
  });
});
