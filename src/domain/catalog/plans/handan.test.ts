import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import plan from '../../../../data/plans/handan.json';
import { parsePlan } from '../validate';
import type { Plan, Quantity, Standard } from '../schema';

// Seed: /work/shared/seeds/003_fc7cdb2044eda470.txt
// 邯郸市“十三五”推进基本公共服务均等化规划 (邯政规〔2018〕21号)
const SEED = '003_fc7cdb2044eda470.txt';
const seedLines = readFileSync(
  new URL(`../../../../data/sources/${SEED}`, import.meta.url),
  'utf8',
).split('\n');

const result = parsePlan(plan);
if (!result.ok) throw new Error(result.errors.join('\n'));
const p: Plan = result.plan;

const countBy = <T extends { domain: string | null }>(items: T[]) =>
  items.reduce<Record<string, number>>((acc, it) => {
    const key = it.domain ?? '(none)';
    acc[key] = (acc[key] ?? 0) + 1;
    return acc;
  }, {});

const indicator = (id: string) => {
  const found = p.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};
const q = (
  raw: string,
  value?: number,
  comparator?: Quantity['comparator'],
  text?: string,
): Quantity => ({
  raw,
  ...(value !== undefined ? { value } : {}),
  ...(comparator ? { comparator } : {}),
  ...(text ? { text } : {}),
});

describe('handan plan catalog', () => {
  it('parses and validates', () => {
    expect(result.ok).toBe(true);
    expect(p.id).toBe('handan');
    expect(p.name).toBe('邯郸市“十三五”推进基本公共服务均等化规划'); // line 43
    expect(p.docNumber).toBe('邯政规〔2018〕21号'); // line 7
    expect(p.issued).toBe('2018-09-26'); // line 11 发布日期
    expect(p.source).toEqual({ file: SEED, titleLine: 43 });
    expect(p.domains.map((d) => d.name)).toEqual([
      '基本公共教育',
      '基本劳动就业创业',
      '基本社会保险',
      '基本医疗卫生',
      '基本社会服务',
      '基本住房保障',
      '基本公共文化体育',
      '残疾人基本公共服务',
    ]); // table group headings, lines 113–271
  });

  it('has the counts found in the document', () => {
    // Indicator table 邯郸市“十三五”时期基本公共服务领域主要发展指标, lines 103–287: 20 rows.
    expect(p.indicators).toHaveLength(20);
    expect(countBy(p.indicators)).toEqual({
      education: 2, // lines 115, 123
      employment: 2, // lines 133, 141
      'social-insurance': 2, // lines 151, 159
      health: 3, // lines 169, 177, 185
      'social-services': 2, // lines 195, 203
      housing: 2, // lines 213, 221
      'culture-sports': 5, // lines 231–263
      disability: 2, // lines 273, 281
    });
    // 附件1 service list, lines 670–1710: items 1–83. The chapters state per-domain counts
    // (lines 319 共8项, 349 共10项, 379 共7项, 399 共22项, 431 共13项, 463 共3, 487 共9项, 517 共11项)
    // and the list agrees with every one of them (8+10+7+22+13+3+9+11 = 83).
    expect(p.services).toHaveLength(83);
    expect(countBy(p.services)).toEqual({
      education: 8,
      employment: 10,
      'social-insurance': 7,
      health: 22,
      'social-services': 13,
      housing: 3,
      'culture-sports': 9,
      disability: 11,
    });
    expect(p.services.map((s) => s.number)).toEqual(
      Array.from({ length: 83 }, (_, i) => String(i + 1)),
    );
    // 附件2 重点任务分工方案, lines 1721–1883: rows 1–26; rows 2–9 are one per domain.
    expect(p.tasks).toHaveLength(26);
    expect(countBy(p.tasks)).toEqual({
      '(none)': 18,
      education: 1,
      employment: 1,
      'social-insurance': 1,
      health: 1,
      'social-services': 1,
      housing: 1,
      'culture-sports': 1,
      disability: 1,
    });
    // Prose targets chosen: lines 365, 371, 389, 419, 421 (two), 605.
    expect(p.textTargets).toHaveLength(7);
    expect(countBy(p.textTargets)).toEqual({ employment: 2, 'social-insurance': 1, health: 4 });
  });

  it('copies indicator rows exactly', () => {
    const ret = indicator('education.compulsory-retention-rate'); // lines 115–121
    expect([ret.name, ret.unit, ret.baseline, ret.target, ret.change]).toEqual([
      '九年义务教育巩固率',
      '%',
      q('96', 96),
      q('98', 98),
      null,
    ]);

    const bal = indicator('education.balanced-county-share'); // line 123
    expect(bal.name).toBe('义务教育基本均衡县(市、区)比例');
    expect([bal.baseline, bal.target]).toEqual([q('60', 60), q('100', 100)]);

    const jobs = indicator('employment.new-urban-jobs'); // lines 133–139: - / - / 60
    expect([jobs.unit, jobs.kind, jobs.baseline, jobs.target, jobs.change]).toEqual([
      '万人',
      'cumulative',
      null,
      null,
      q('60', 60),
    ]);

    const training = indicator('employment.migrant-worker-training'); // lines 141–147: - / - / 10
    expect([
      training.unit,
      training.kind,
      training.baseline,
      training.target,
      training.change,
    ]).toEqual(['万人次', 'cumulative', null, null, q('10', 10)]);

    const pension = indicator('social-insurance.pension-enrollees'); // lines 151–157
    expect([pension.baseline, pension.target, pension.change]).toEqual([
      q('562', 562),
      q('587.6', 587.6),
      null,
    ]);

    const maternal = indicator('health.maternal-mortality'); // lines 169–175
    expect([maternal.unit, maternal.direction, maternal.baseline, maternal.target]).toEqual([
      '1/10万',
      'down',
      q('24', 24),
      q('14', 14),
    ]);

    const infant = indicator('health.infant-mortality'); // line 177
    expect([infant.unit, infant.direction, infant.baseline, infant.target]).toEqual([
      '‰',
      'down',
      q('10', 10),
      q('5', 5),
    ]);

    const nursing = indicator('social-services.nursing-bed-share'); // lines 195–201: - / 30 / -
    expect([nursing.baseline, nursing.target, nursing.change]).toEqual([null, q('30', 30), null]);

    const destitute = indicator('social-services.destitute-centralized-care-rate'); // line 203, unit closed "(%)"
    expect([destitute.unit, destitute.baseline, destitute.target]).toEqual([
      '%',
      q('15.9', 15.9),
      q('50', 50),
    ]);

    const shanty = indicator('housing.shantytown-renovation'); // lines 213–219: 3.759 / - / 14
    expect([shanty.unit, shanty.kind, shanty.baseline, shanty.target, shanty.change]).toEqual([
      '万套',
      'cumulative',
      q('3.759', 3.759),
      null,
      q('14', 14),
    ]);

    const rural = indicator('housing.rural-dilapidated-housing-renovation'); // lines 221–227: - / 0.328 / 0.8539
    expect(rural.name).toBe(
      '建档立卡贫困户、低保户、农村分散供养特困人员、贫困残疾人家庭等4类重点对象农村危房改造',
    );
    expect([rural.unit, rural.kind, rural.baseline, rural.target, rural.change]).toEqual([
      '万户',
      'cumulative',
      null,
      q('0.328', 0.328),
      q('0.8539', 0.8539),
    ]);

    const library = indicator('culture-sports.library-annual-visits'); // line 231
    expect([library.unit, library.baseline, library.target]).toEqual([
      '万',
      q('356.2', 356.2),
      q('380', 380),
    ]);

    const center = indicator('culture-sports.cultural-center-annual-visits'); // line 239
    expect([center.name, center.unit, center.baseline, center.target]).toEqual([
      '文化馆(站)年服务人次',
      '万',
      q('53.97', 53.97),
      q('56', 56),
    ]);

    const reading = indicator('culture-sports.reading-rate'); // line 255
    expect([reading.baseline, reading.target]).toEqual([q('79.8', 79.8), q('82.1', 82.1)]);

    const rehab = indicator('disability.rehabilitation-coverage'); // line 281
    expect([rehab.baseline, rehab.target]).toEqual([q('13', 13), q('80', 80)]);

    // The table has no comparator or word targets; every raw is a plain number.
    for (const i of p.indicators) {
      for (const cell of [i.baseline, i.target, i.change]) {
        if (cell) {
          expect(cell.comparator).toBeUndefined();
          expect(cell.text).toBeUndefined();
          expect(String(cell.value)).toBe(cell.raw);
        }
      }
    }
    expect(p.indicators.filter((i) => i.direction === 'down').map((i) => i.id)).toEqual([
      'health.maternal-mortality',
      'health.infant-mortality',
      'health.under5-mortality',
    ]);
  });

  it('copies comparator and word targets in the prose exactly', () => {
    const tt = (id: string) => p.textTargets.find((t) => t.id === id)!;
    expect(tt('tt.social-security-card-coverage').target).toEqual(q('90%以上', 90, '>=')); // line 389
    expect(tt('tt.county-hospital-tcm-bed-share').target).toEqual(
      q('不低于医院总床位数5%', 5, '>='),
    ); // line 419
    expect(tt('tt.standardized-trained-physicians').target).toEqual(q('1000名', 1000)); // line 421
    expect(tt('tt.general-practitioners-per-10k').target).toEqual(
      // A range: its lower bound is the minimum to reach; the range stays in the text.
      q('1-3名', 1, '>=', '1-3名'),
    ); // line 421
    expect(tt('tt.renowned-medical-specialties').target).toEqual(q('3-5个', 3, '>=', '3-5个')); // line 605
    expect(tt('tt.rural-labor-transfer-training').target).toEqual(q('1万名', 1)); // line 365
    expect(tt('tt.full-employment-community-share').target).toEqual(q('90%', 90)); // line 371
  });

  it('copies services exactly', () => {
    const svc = (n: string) => p.services.find((s) => s.number === n)!;
    expect(svc('1')).toMatchObject({
      id: 'svc.education.1',
      name: '免费义务教育',
      recipients: '义务教育学生',
      funding: '中央和省、市、县(市、区)财政按比例分担',
      leadUnit: '市财政局、市教育局',
      source: { file: SEED, line: 688 },
    });
    expect(svc('14').name).toBe('职业技能培训和技能签定'); // line 846, typo kept
    expect(svc('23').standard?.split('\n')).toHaveLength(2); // lines 964 + 966
    expect(svc('23').funding).toBe('个人缴费和政府补助相结合'); // line 968
    expect(svc('48')).toMatchObject({
      id: 'svc.social-services.1',
      name: '最低生活保障',
      standard:
        '按照共同生活的家庭成员人均收入低于当地最低生活保障标准的差额,按月发给最低生活保障金。城市560/月,农村3660/',
      leadUnit: '市民政局、市财政局',
    }); // lines 1268–1276
    expect(svc('50').recipients?.split('\n')).toHaveLength(4); // lines 1294–1300
    expect(svc('83')).toMatchObject({
      id: 'svc.disability.11',
      name: '无障碍环境支持',
      recipients: '残疾人、老年人等',
      leadUnit: '市住房保障房产管理局、市工业和信息化局、市残联、市通信发展办',
    }); // lines 1702–1710
  });

  it('copies tasks exactly', () => {
    const task = (n: string) => p.tasks.find((t) => t.number === n)!;
    expect(task('1')).toMatchObject({
      text: '建立健全科学有效的基本公共服务实施机制',
      leadUnit: '市发展改革委',
      partnerUnits: '市其他有关单位按职责分工负责',
      domain: null,
    }); // lines 1731–1733
    expect(task('8')).toMatchObject({
      domain: 'culture-sports',
      leadUnit: '市文广新局、市体育局、市文物局、邯郸广播电视台',
    }); // line 1775
    expect(task('23')).toMatchObject({
      leadUnit: '市质监局',
      partnerUnits: '市教育局、市残联按职责分工负责',
    }); // line 1865
    expect(task('26')).toMatchObject({
      text: '组织规划评估,加强绩效评价和监督问责',
      leadUnit: '市发展改革委',
      partnerUnits: '各县(市、区)政府(管委会)和市其他有关单位按职责分工负责',
    }); // lines 1881–1883
  });

  it('cites seed lines that contain each item', () => {
    const contains = (line: number, name: string) => {
      const text = seedLines[line - 1] ?? '';
      return text.includes(name) || text.includes(name.slice(0, 10));
    };
    for (const i of p.indicators) expect(contains(i.source.line, i.name), i.id).toBe(true);
    for (const s of p.services) expect(contains(s.source.line, s.name), s.id).toBe(true);
    for (const t of p.tasks) expect(contains(t.source.line, t.text), t.id).toBe(true);
    for (const t of p.textTargets) expect(contains(t.source.line, t.quote), t.id).toBe(true);
    for (const d of p.domains) expect(contains(d.source!.line, d.name), d.id).toBe(true);
    for (const r of p.regions) expect(contains(r.source!.line, r.name), r.id).toBe(true);
    const issues = [
      ...p.dataIssues,
      ...p.indicators.flatMap((i) => i.dataIssues ?? []),
      ...p.services.flatMap((s) => s.dataIssues ?? []),
      ...p.tasks.flatMap((t) => t.dataIssues ?? []),
    ];
    for (const issue of issues)
      for (const quote of issue.quotes)
        expect(contains(quote.line, quote.text), quote.text).toBe(true);
  });
});

function tally(items: readonly Standard[], key: (s: Standard) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('handan standards and lead units', () => {
  const standards = p.standards ?? [];
  const byId = (id: string) => standards.find((s) => s.id === id);

  it('structures every numeric standard of 附件1 and the 保障措施, counted by hand', () => {
    // 附件1: 教育 692 (2), 704 (2), 716 (2), 728, 740, 752 (2), 764, 776 (5) = 16; 就业 814,
    // 862 (3), 874, 886 (2) = 7; 社保 924, 936 (6), 964 (7), 966 (3) = 17; 卫生 1004, 1028,
    // 1040 (3), 1052, 1064, 1076, 1100 (2), 1112, 1124 (2), 1136, 1148, 1162, 1174, 1186 (2) = 19;
    // 社会服务 1272 (2), 1284 (2), 1302 (3), 1316, 1352 = 9; 文体 1500 (3), 1512 (3), 1524 (2) = 8;
    // 残疾人 1586 (2), 1622, 1670 (5) = 8. Sections: 365, 371, 389, 413 (7), 419, 421 (2), 437,
    // 499, 503 (2), 505, 527, 535, 545 (2), 605 = 23.
    expect(standards).toHaveLength(107);
    expect(tally(standards, (s) => s.attachment.kind)).toEqual({ service: 84, section: 23 });
    expect(tally(standards, (s) => s.domain)).toEqual({
      education: 16,
      employment: 9,
      'social-insurance': 18,
      health: 30,
      'social-services': 10,
      'culture-sports': 12,
      disability: 12,
    });
    expect(standards.filter((s) => s.textTargetId)).toHaveLength(7);
    expect(standards.filter((s) => s.indicatorId)).toHaveLength(0);
  });

  it('keeps figures whose unit was lost in print, saying so', () => {
    expect(byId('std.svc.education.1.2')).toMatchObject({
      target: { raw: '885', value: 885 },
      unit: '元',
      quote: '普通初中885',
    });
    expect(byId('std.svc.education.1.2')?.note).toContain('原文缺');
    expect(byId('std.svc.social-services.3.2')?.target).toEqual({
      raw: '5千至3万元',
      value: 5000,
      comparator: '>=',
      text: '5千至3万元',
    });
  });

  it('normalises the 牵头负责部门 and task 责任单位 to 27 units, 其他有关单位 with 市其他有关单位', () => {
    expect(p.units).toHaveLength(27);
    const other = p.units?.find((u) => u.id === 'other-departments');
    expect(other?.printed).toEqual(['市其他有关单位', '其他有关单位']);
    const last = p.tasks.find((t) => t.id === 'task.26');
    expect(last?.partnerUnitIds).toEqual(['county-governments', 'other-departments']);
  });
});
