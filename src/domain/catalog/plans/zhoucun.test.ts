import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import plan from '../../../../data/plans/zhoucun.json';
import { parsePlan } from '../validate';
import type { Plan, Standard } from '../schema';

const SEED = '002_9acba365da5c31fb.txt';
const seedLines = readFileSync(
  new URL(`../../../../data/sources/${SEED}`, import.meta.url),
  'utf8',
).split('\n');
const seedLine = (n: number): string => seedLines[n - 1] ?? '';

function parsed(): Plan {
  const result = parsePlan(plan);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.plan;
}

function countBy<T>(items: T[], key: (item: T) => string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item) ?? 'null';
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

describe('zhoucun plan catalog', () => {
  it('parses against the catalog schema', () => {
    const result = parsePlan(plan);
    expect(result.ok ? [] : result.errors).toEqual([]);
    const p = parsed();
    expect(p.id).toBe('zhoucun');
    expect(p.docNumber).toBe('周政发〔2018〕43号'); // seed line 7
    expect(p.issued).toBe('2018-07-19'); // seed line 15
    expect(p.regions).toHaveLength(1);
  });

  it('has the counts read from the document', () => {
    const p = parsed();
    // 专栏1 (seed lines 81–318): 10 group headings, 28 indicator rows.
    expect(p.domains).toHaveLength(10);
    expect(p.indicators).toHaveLength(28);
    expect(countBy(p.indicators, (i) => i.domain)).toEqual({
      education: 3, // lines 94, 100, 106
      employment: 3, // lines 118, 124, 130
      'social-insurance': 3, // lines 142, 148, 154
      health: 4, // lines 166, 172, 178, 184
      'social-services': 3, // lines 196, 202, 208
      housing: 2, // lines 220, 226
      'culture-sports': 5, // lines 238, 244, 250, 256, 262
      'public-safety': 2, // lines 274, 280
      'legal-services': 2, // lines 294, 302
      disability: 1, // line 314
    });
    // 附件1 (seed lines 761–1498): numbers 1–99 with "50" used twice (lines 1130, 1139) = 100 items,
    // matching "10个领域100个服务项目" (line 325); per-domain counts differ from 专栏2 (see dataIssues).
    expect(p.services).toHaveLength(100);
    expect(countBy(p.services, (s) => s.domain)).toEqual({
      education: 8, // 1–8 (lines 774–835; the unnumbered row 816–821 is part of item 6)
      employment: 11, // 9–19 (专栏2 line 342 says 10)
      'social-insurance': 7, // 20–26
      health: 24, // 27–50 (专栏2 line 352 says 25)
      'social-services': 13, // 50–62
      housing: 3, // 63–65
      'culture-sports': 13, // 66–78
      'public-safety': 7, // 79–85
      'legal-services': 4, // 86–89
      disability: 10, // 90–99
    });
    // 附件2 重点任务分工方案 (seed lines 1501–1615): rows 1–27.
    expect(p.tasks).toHaveLength(27);
    expect(countBy(p.tasks, (t) => t.domain)).toEqual({
      null: 17, // rows 1, 12–27
      education: 1,
      employment: 1,
      'social-insurance': 1,
      health: 1,
      'social-services': 1,
      housing: 1,
      'culture-sports': 1,
      'public-safety': 1,
      'legal-services': 1,
      disability: 1, // rows 2–11, one per domain
    });
    // Prose targets chosen from lines 403, 431, 475, 504, 524, 543, 578, 613, 653, 657, 699.
    expect(p.textTargets).toHaveLength(19);
    expect(countBy(p.textTargets, (t) => t.domain)).toEqual({
      education: 5,
      'social-insurance': 2,
      health: 2,
      'social-services': 1,
      housing: 2,
      'culture-sports': 2,
      'public-safety': 4,
      disability: 1,
    });
  });

  it('copies indicator cells exactly, incl. every comparator and word target', () => {
    const p = parsed();
    const byId = new Map(p.indicators.map((i) => [i.id, i]));
    const get = (id: string) => {
      const i = byId.get(id);
      if (!i) throw new Error(`missing ${id}`);
      return i;
    };
    const cases: [string, unknown, unknown, unknown][] = [
      [
        'education.preschool-gross-enrollment',
        { raw: '99', value: 99 },
        { raw: '>99', value: 99, comparator: '>' },
        null,
      ],
      [
        'education.compulsory-retention-rate',
        { raw: '99', value: 99 },
        { raw: '>99', value: 99, comparator: '>' },
        null,
      ],
      [
        'employment.urban-registered-unemployment',
        { raw: '4', value: 4 },
        { raw: '<4', value: 4, comparator: '<' },
        null,
      ],
      ['employment.new-urban-jobs', { raw: '5.38', value: 5.38 }, { raw: '2.5', value: 2.5 }, null],
      [
        'social-insurance.pension-insurance-enrollees',
        { raw: '8.0465', value: 8.0465 },
        { raw: '7.6645', value: 7.6645 },
        null,
      ],
      ['health.maternal-mortality', { raw: '0', value: 0 }, { raw: '3', value: 3 }, null],
      [
        'health.infant-mortality',
        { raw: '2.06', value: 2.06 },
        { raw: '<2', value: 2, comparator: '<' },
        null,
      ],
      [
        'health.under5-mortality',
        { raw: '2.47', value: 2.47 },
        { raw: '<2.4', value: 2.4, comparator: '<' },
        null,
      ],
      [
        'social-services.nursing-bed-share',
        { raw: '10', value: 10 },
        { raw: '>30', value: 30, comparator: '>' },
        null,
      ],
      [
        'social-services.disabled-subsidy-coverage',
        null,
        { raw: '>97', value: 97, comparator: '>' },
        null,
      ],
      [
        'housing.shantytown-renovation',
        { raw: '0.3712', value: 0.3712 },
        { raw: '1.2189', value: 1.2189 },
        null,
      ],
      [
        'housing.rural-dilapidated-housing-renovation',
        { raw: '2013至2015年共52户属于四类人员', text: '2013至2015年共52户属于四类人员' },
        null,
        { raw: '实现应改尽改', text: '实现应改尽改' },
      ],
      [
        'culture-sports.books-per-capita',
        { raw: '1.1', value: 1.1 },
        { raw: '1.9', value: 1.9 },
        null,
      ],
      ['culture-sports.sports-participation-share', null, { raw: '40', value: 40 }, null],
      [
        'public-safety.food-sampling-pass-rate',
        null,
        { raw: '>96', value: 96, comparator: '>' },
        null,
      ],
      [
        'public-safety.drug-sampling-pass-rate',
        { raw: '98.5', value: 98.5 },
        null,
        { raw: '持续提高', text: '持续提高' },
      ],
      [
        'legal-services.public-legal-service-coverage',
        { raw: '70', value: 70 },
        { raw: '>90', value: 90, comparator: '>' },
        null,
      ],
      [
        'disability.disabled-rehabilitation-coverage',
        null,
        { raw: '>90', value: 90, comparator: '>' },
        null,
      ],
    ];
    for (const [id, baseline, target, change] of cases) {
      const i = get(id);
      expect({ id, baseline: i.baseline, target: i.target, change: i.change }).toEqual({
        id,
        baseline,
        target,
        change,
      });
    }
    // Every comparator or word target in the table is in the cases above.
    const covered = new Set(cases.map((c) => c[0]));
    for (const i of p.indicators) {
      for (const q of [i.baseline, i.target, i.change]) {
        if (q && (q.comparator !== undefined || q.text !== undefined))
          expect(covered).toContain(i.id);
      }
    }
    expect(get('employment.new-urban-jobs').kind).toBe('cumulative');
    expect(get('housing.shantytown-renovation').kind).toBe('cumulative');
    expect(get('health.maternal-mortality').direction).toBe('down');
    expect(get('social-insurance.pension-insurance-enrollees').direction).toBe('up');
    expect(get('health.maternal-mortality').unit).toBe('1/10万');
    expect(get('culture-sports.books-per-capita').unit).toBe('册、件');
    expect(get('culture-sports.books-per-capita').name).toBe(
      '人均藏书量（公共图书馆、综合文化站、农家书屋）',
    );
    // 责任单位 written once per group; the sports row has its own (line 266).
    expect(get('education.high-school-gross-enrollment').responsibleUnit).toBe('区教体局');
    expect(get('culture-sports.reading-rate').responsibleUnit).toBe('区文化新闻出版局');
    expect(get('culture-sports.sports-participation-share').responsibleUnit).toBe('区教体局');
    expect(get('housing.rural-dilapidated-housing-renovation').responsibleUnit).toBe('区住建局');
  });

  it('copies services and tasks exactly', () => {
    const p = parsed();
    const svc = (id: string) => p.services.find((s) => s.id === id);
    expect(svc('svc.education.6')).toMatchObject({
      number: '6',
      name: '中等职业教育免学费',
      recipients:
        '公办中等职业学校全日制正式学籍一、二、三级在校生（艺术类相关表演专业学生除外）\n民办中等职业学校全日制正式学籍一、二年级在校生',
      standard: '免学费。\n按当地同类型、同专业公办中等职业学校免除学费标准给予补助。',
      funding: '市、区财政按比例分担。',
      leadUnit: '区财政局、区教体局、区人社局',
      source: { file: SEED, line: 810 },
    });
    expect(svc('svc.health.24')).toMatchObject({
      number: '50',
      name: '城镇其他居民中独生子女父母年老奖励扶助',
    });
    expect(svc('svc.social-services.1')).toMatchObject({
      number: '50',
      name: '最低生活保障',
      funding: '市、区政府负责。',
      leadUnit: '区民政局、区财政局',
    });
    expect(svc('svc.employment.11')).toMatchObject({
      number: '19',
      name: '社会保障服务热线电话咨询',
    });
    expect(svc('svc.disability.10')).toMatchObject({
      number: '99',
      name: '无障碍环境支持',
      recipients: '残疾人、老年人等',
      leadUnit: '区住建局、区电政办、区残联、区经信局',
      source: { file: SEED, line: 1494 },
    });
    expect(svc('svc.social-services.4')?.recipients).toContain('\n个人对象：'); // cell spans lines 1162–1163

    const task = (n: number) => p.tasks.find((t) => t.id === `task.${n}`);
    expect(task(1)).toMatchObject({
      number: '1',
      domain: null,
      text: '完善全区基本公共服务制度，建立基本公共服务清单制，建立健全科学有效的基本公共服务实施机制。',
      leadUnit: '区发改局',
      partnerUnits: '其他有关部门按职责分工负责',
    });
    expect(task(8)).toMatchObject({
      domain: 'culture-sports',
      leadUnit: '区文化新闻出版局、区教体局、周村广电中心',
    });
    expect(task(23)).toMatchObject({
      leadUnit: '周村规划分局、周村国土资源分局',
      source: { file: SEED, line: 1598 },
    });
    expect(task(27)).toMatchObject({ text: '明确责任分工，强化评估监督。', leadUnit: '区发改局' });
  });

  it('copies prose targets exactly', () => {
    const p = parsed();
    const tt = (id: string) => p.textTargets.find((t) => t.id === id);
    expect(tt('tt.urban-rural-minimum-living-standard-ratio')?.target).toEqual({
      raw: '1.5:1以内',
      value: 1.5,
      comparator: '<=',
    });
    expect(tt('tt.weekly-exercise-share')?.target).toEqual({
      raw: '53%以上',
      value: 53,
      comparator: '>=',
    });
    expect(tt('tt.resident-medical-inpatient-reimbursement')?.target).toEqual({
      raw: '75%左右',
      value: 75,
    });
    for (const t of p.textTargets) expect(seedLine(t.source.line)).toContain(t.quote);
  });

  it('cites, for every item, a seed line that holds its name', () => {
    const p = parsed();
    const items: { id: string; name: string; line: number }[] = [
      ...p.indicators.map((i) => ({ id: i.id, name: i.name, line: i.source.line })),
      ...p.services.map((s) => ({ id: s.id, name: s.name, line: s.source.line })),
      ...p.tasks.map((t) => ({ id: t.id, name: t.text, line: t.source.line })),
      ...p.domains.map((d) => ({ id: d.id, name: d.name, line: d.source?.line ?? 0 })),
    ];
    for (const item of items) {
      expect({ id: item.id, line: seedLine(item.line) }).toEqual({
        id: item.id,
        line: expect.stringContaining(item.name.slice(0, 10)),
      });
    }
    for (const t of p.textTargets) expect(seedLine(t.source.line)).toContain(t.quote);
    const quotes = [
      ...p.dataIssues,
      ...p.indicators.flatMap((i) => i.dataIssues ?? []),
      ...p.services.flatMap((s) => s.dataIssues ?? []),
    ].flatMap((d) => d.quotes);
    for (const q of quotes) expect(seedLine(q.line)).toContain(q.text);
    expect(seedLine(p.source.titleLine)).toBe('周村区推进基本公共服务均等化');
  });
});

function tally(items: readonly Standard[], key: (s: Standard) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('zhoucun standards and lead units', () => {
  const p = parsed();
  const standards = p.standards ?? [];
  const byId = (id: string) => standards.find((s) => s.id === id);

  it('structures every numeric standard of 附件1, the 专栏 and the prose, counted by hand', () => {
    // 附件1 (figures per cell): 教育 784 (4), 791 (5), 798 (2), 826 (5) = 16; 就业 856, 877, 898 (2),
    // 905, 912 (3) = 8; 社保 928, 935, 942 (3) = 5; 卫生 972–1133 = 23; 社会服务 1142 (3), 1156,
    // 1171 = 5; 文体 1259, 1266 (5), 1273 (4), 1280 (4), 1315, 1322 (3), 1329 (3), 1343 = 22;
    // 公共安全 1352 (5), 1359 (2), 1380 = 8; 残疾人 1475 (2), 1482 (2) = 4.
    // 专栏 and prose: 399, 403 (2), 407 (5), 419 (2), 431 (3), 442, 475 (2), 482, 504, 524, 543,
    // 578 (2), 609, 613 (3), 634, 643 (3), 653 (3), 657, 668, 692, 699, 715 = 38.
    expect(standards).toHaveLength(129);
    expect(tally(standards, (s) => s.attachment.kind)).toEqual({ service: 91, section: 38 });
    expect(tally(standards, (s) => s.domain)).toEqual({
      education: 29,
      employment: 9,
      'social-insurance': 8,
      health: 25,
      'social-services': 6,
      housing: 2,
      'culture-sports': 27,
      'public-safety': 15,
      'legal-services': 1,
      disability: 7,
    });
    // 19 text targets on their lines; 75%以上, 75%左右 and 1.5:1以内 restated in 附件1.
    expect(standards.filter((s) => s.textTargetId)).toHaveLength(22);
    expect(standards.filter((s) => s.indicatorId).map((s) => s.indicatorId)).toEqual([
      'social-insurance.social-security-card-holders',
      'culture-sports.sports-participation-share',
      'public-safety.food-sampling-pass-rate',
    ]);
  });

  it('keeps 人均藏书量 不少于1.8 apart from the table’s 1.9, and 突破 as “more than”', () => {
    expect(byId('std.svc.culture-sports.11.1')).toMatchObject({
      target: { raw: '不少于1.8册（件）', value: 1.8, comparator: '>=' },
      source: { line: 1329 },
    });
    expect(byId('std.svc.culture-sports.11.1')?.indicatorId).toBeUndefined();
    expect(byId('std.sec.418.1')?.target).toEqual({ raw: '突破5人', value: 5, comparator: '>' });
    expect(byId('std.sec.609.1')?.target).toEqual({
      raw: '15-20分钟',
      value: 20,
      comparator: '<=',
      text: '15-20分钟',
    });
    expect(byId('std.sec.406.2')).toMatchObject({
      year: 2018,
      unit: '亿元',
      target: { value: 1.08 },
    });
  });

  it('normalises the 牵头负责单位, the task 责任单位 and 专栏1’s 责任单位 to 28 units', () => {
    expect(p.units).toHaveLength(28);
    const task = p.tasks.find((t) => t.id === 'task.8');
    expect(task?.leadUnitIds).toEqual(['culture', 'education-sports', 'broadcasting']);
    expect(task?.partnerUnitIds).toEqual(['other-departments']);
    const grouped = p.indicators.filter((i) => i.domain === 'culture-sports');
    expect(grouped.map((i) => i.responsibleUnitIds)).toEqual([
      ['culture'],
      ['culture'],
      ['culture'],
      ['culture'],
      ['education-sports'], // 经常参加体育锻炼人数比例: its own cell, 区教体局 (line 266)
    ]);
  });
});
