import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import plan from '../../../../data/plans/dazhou.json';
import type { Standard } from '../schema';
import { parsePlan } from '../validate';

// Seed: /work/shared/seeds/000_2d37ce64d69f20cb.txt (达州市“十三五”基本公共服务均等化规划).
const SEED_FILE = '000_2d37ce64d69f20cb.txt';
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

describe('dazhou plan catalog', () => {
  it('parses against the catalog schema', () => {
    const result = parsePlan(plan);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has the plan-level facts', () => {
    const p = parsed();
    expect(p.id).toBe('dazhou');
    expect(p.shortName).toBe('达州市规划');
    expect(p.region).toBe('达州市');
    expect(p.period).toEqual({ start: 2016, end: 2020 });
    expect(p.baseYear).toBe(2015);
    expect(p.issued).toBeNull();
    expect(p.domains.map((d) => d.name)).toEqual([
      '基本公共教育服务', // line 76
      '基本劳动就业创业服务', // line 102
      '基本社会保险服务', // line 117
      '基本医疗和公共卫生服务', // line 132
      '基本社会服务', // line 162
      '基本住房保障服务', // line 172
      '基本公共文化体育服务', // line 192
      '残疾人基本公共服务', // line 228
    ]);
  });

  it('has every row of the indicator table (lines 69–248)', () => {
    const p = parsed();
    // Rows counted in the table: 一 lines 81–100 (4), 二 107–115 (2), 三 122–130 (2),
    // 四 137–160 (5), 五 167–170 (1), 六 177–190 (3), 七 197–226 (6), 八 233–248 (3).
    expect(p.indicators).toHaveLength(26);
    expect(countBy(p.indicators)).toEqual({
      education: 4,
      employment: 2,
      'social-insurance': 2,
      health: 5,
      'social-services': 1,
      housing: 3,
      'culture-sports': 6,
      disability: 3,
    });
  });

  it('has every item of the eight service lists', () => {
    const p = parsed();
    // 教育 lines 281–335 (8), 就业 377–451 (11), 社保 491–538 (7), 卫生 577–730 (21),
    // 社会服务 777–866 (13), 住房 904–923 (3), 文体 963–1044 (11), 残疾人 1084–1209 (17).
    // The document states no total count of service items.
    expect(p.services).toHaveLength(91);
    expect(countBy(p.services)).toEqual({
      education: 8,
      employment: 11,
      'social-insurance': 7,
      health: 21,
      'social-services': 13,
      housing: 3,
      'culture-sports': 11,
      disability: 17,
    });
    // Numbers run 1..n within each list.
    for (const domain of p.domains) {
      const numbers = p.services.filter((s) => s.domain === domain.id).map((s) => s.number);
      expect(numbers).toEqual(numbers.map((_, i) => String(i + 1)));
    }
  });

  it('has no tasks and the text targets counted from the prose', () => {
    const p = parsed();
    expect(p.tasks).toHaveLength(0); // the plan has no task-division table
    // 保障工程 lines 340–345 (education 10), 735–746 (health 6), 第八章 line 889 (housing 1).
    // 18 since the audit added 创办1-2所优质品牌中学 (line 344).
    expect(p.textTargets).toHaveLength(18);
    expect(countBy(p.textTargets)).toEqual({ education: 11, health: 6, housing: 1 });
  });

  it('copies indicator values exactly', () => {
    const byId = new Map(parsed().indicators.map((i) => [i.id, i]));
    const get = (id: string) => {
      const indicator = byId.get(id);
      if (!indicator) throw new Error(`missing ${id}`);
      return indicator;
    };

    const retention = get('education.compulsory-retention-rate'); // lines 81–84
    expect(retention.baseline).toEqual({ raw: '96.98', value: 96.98 });
    expect(retention.target).toEqual({ raw: '97', value: 97 });
    expect(retention.change).toEqual({ raw: '0.02', value: 0.02 });

    const jobs = get('employment.new-urban-jobs'); // lines 107–110
    expect(jobs.baseline).toBeNull();
    expect(jobs.target).toBeNull();
    expect(jobs.change).toEqual({ raw: '17', value: 17 });
    expect(jobs.kind).toBe('cumulative');
    expect(jobs.unit).toBe('万人');

    const training = get('employment.migrant-worker-training'); // lines 112–115
    expect(training.name).toBe('农民工职业技能（市人社局系统数据）培训');
    expect(training.unit).toBe('人次');
    expect(training.target).toEqual({ raw: '2400', value: 2400 });

    const beds = get('health.hospital-beds-per-1000'); // lines 142–145
    expect(beds.target).toEqual({ raw: '5.70', value: 5.7 });

    const sexRatio = get('health.sex-ratio-at-birth'); // lines 152–155, full-width "．" and "："
    expect(sexRatio.unit).toBeNull();
    expect(sexRatio.direction).toBe('down');
    expect(sexRatio.baseline).toEqual({ raw: '109．68：100', value: 109.68 });
    expect(sexRatio.target).toEqual({ raw: '107：100', value: 107 });
    expect(sexRatio.change).toEqual({ raw: '-2.68', value: -2.68 });

    const prepregnancy = get('health.prepregnancy-checkup-county-coverage'); // lines 157–160
    expect(prepregnancy.baseline).toEqual({ raw: '100', value: 100 });
    expect(prepregnancy.change).toBeNull(); // "—"

    const housingCoverage = get('housing.affordable-housing-coverage'); // lines 177–180
    expect(housingCoverage.baseline).toEqual({ raw: '1.0', value: 1 });
    expect(housingCoverage.target).toEqual({ raw: '2.03', value: 2.03 });

    const ruralHousing = get('housing.rural-dilapidated-housing-renovation'); // lines 187–190
    expect(ruralHousing.baseline).toEqual({ raw: '1.5', value: 1.5 });
    expect(ruralHousing.target).toEqual({ raw: '11.6', value: 11.6 });
    expect(ruralHousing.change).toEqual({ raw: '10.3', value: 10.3 });
    expect(ruralHousing.dataIssues).toHaveLength(1); // 11.6 − 1.5 = 10.1, not 10.3

    const broadcast = get('culture-sports.broadcast-tv-coverage'); // lines 207–211
    expect(broadcast.baseline).toEqual({ raw: '95.85', value: 95.85 });
    expect(broadcast.target).toEqual({ raw: '98.85', value: 98.85 });
    expect(broadcast.definition?.source.line).toBe(1271);

    const disabledJobs = get('disability.new-employment'); // lines 239–242
    expect(disabledJobs.kind).toBe('cumulative');
    expect(disabledJobs.target).toEqual({ raw: '1', value: 1 });

    const care = get('disability.care-capacity'); // lines 244–248
    expect(care.unit).toBe('人次/年');
    expect(care.definition?.text).toBe(
      '指全市寄宿制托养机构和日间照料机构每年直接为残疾人提供托养服务的人（次）数。',
    );
  });

  it('has a five-year change equal to 2020 − 2015 except where a data issue says otherwise', () => {
    for (const indicator of parsed().indicators) {
      const { baseline, target, change } = indicator;
      if (baseline?.value === undefined || target?.value === undefined) continue;
      if (change?.value === undefined) continue;
      const difference = Math.round((target.value - baseline.value) * 1000) / 1000;
      if (indicator.dataIssues?.length) expect(difference).not.toBe(change.value);
      else expect(difference, indicator.id).toBe(change.value);
    }
  });

  it('copies service items exactly', () => {
    const byId = new Map(parsed().services.map((s) => [s.id, s]));
    expect(byId.get('svc.education.1')).toMatchObject({
      name: '免费义务教育',
      recipients: '义务教育阶段学生',
      funding: '中央和省、市按比例分担.',
      leadUnit: '市教育局、市财政局',
      source: { line: 282 },
    });
    expect(byId.get('svc.employment.8')?.leadUnit).toBe(
      '市、县人力资源社会保障电话咨询服务中心、信息中心（无12333独立机构的地区）',
    );
    expect(byId.get('svc.health.5')?.recipients).toBe('0—6岁\n儿童'); // lines 607–609
    expect(byId.get('svc.health.14')?.name).toBe('社区艾滋病高危行为人群\n干预'); // lines 671–673
    expect(byId.get('svc.health.17')?.standard).toBe(
      '“十三五”时期，覆盖所有政府办基层医疗卫生机构和村卫生室。',
    );
    expect(byId.get('svc.housing.2')?.standard).toBe(
      '实物安置和货币补偿相结合，具体标准由市、县政府确定（有国家标准的，执行国家标准）。“十三五”时期，完成现有各类棚户区（危旧房及城中村）115363套（户）。',
    );
    expect(byId.get('svc.disability.14')?.standard).toBe(
      '切实保障特殊教育学校正常运转。\n进一步提高残疾学生资助水平。\n各级财政支持的残疾人康复项目优先资助残疾儿童。\n加强特殊教育基础能力建设。',
    );
    expect(byId.get('svc.disability.17')).toMatchObject({
      name: '0-6岁残疾儿童康复',
      funding: '省、市、县财政',
      leadUnit: '市残联、市卫计委、市财政局',
      source: { line: 1205 },
    });
  });

  it('copies text targets exactly', () => {
    const byId = new Map(parsed().textTargets.map((t) => [t.id, t]));
    expect(byId.get('tt.teachers-bachelor-share')?.target).toEqual({
      raw: '95%以上',
      value: 95,
      comparator: '>=',
    });
    expect(byId.get('tt.poor-household-dilapidated-renovation')?.target).toEqual({
      raw: '35947户',
      value: 35947,
    });
    expect(byId.get('tt.gps-per-10k')?.target).toEqual({ raw: '1.2名', value: 1.2 });
  });

  it('cites seed lines that hold each item', () => {
    const p = parsed();
    const named = [...p.domains, ...p.indicators, ...p.services];
    for (const item of named) {
      const line = seedLine(item.source?.line ?? 0);
      const firstLine = item.name.split('\n')[0] ?? '';
      expect(line, item.id).toContain(firstLine.slice(0, 10));
    }
    for (const region of p.regions) {
      expect(seedLine(region.source?.line ?? 0), region.id).toContain(region.name);
    }
    for (const target of p.textTargets) {
      expect(seedLine(target.source.line), target.id).toContain(target.quote);
      expect(target.quote, target.id).toContain(target.target.raw);
    }
    for (const indicator of p.indicators) {
      if (indicator.definition) {
        expect(seedLine(indicator.definition.source.line)).toContain(indicator.definition.text);
      }
    }
  });

  it('quotes data issues exactly', () => {
    const p = parsed();
    const issues = [
      ...p.dataIssues,
      ...p.indicators.flatMap((i) => i.dataIssues ?? []),
      ...p.services.flatMap((s) => s.dataIssues ?? []),
    ];
    for (const issue of issues) {
      for (const quote of issue.quotes) {
        const lines = readFileSync(
          new URL(`../../../../data/sources/${quote.file}`, import.meta.url),
          'utf8',
        ).split('\n');
        expect(lines[quote.line - 1], issue.summary).toContain(quote.text);
      }
    }
  });
});

function tally(items: readonly Standard[], key: (s: Standard) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('dazhou standards and lead units', () => {
  const p = parsed();
  const standards = p.standards ?? [];
  const byId = (id: string) => standards.find((s) => s.id === id);

  it('structures every numeric standard of the service lists, 保障工程 and prose, counted by hand', () => {
    // Service lists (figures per cell, read line by line): 教育 284 (3), 291, 298 (2), 305 (3),
    // 319, 326 (2) = 12; 就业 387, 394 (2), 415, 422, 429 (3), 436, 443 (2) = 11; 社保 501,
    // 508 (2), 515 (3), 529, 536 = 8; 卫生 580–728 = 23; 社会服务 794, 808 = 2; 住房 914, 921 = 2;
    // 文体 973, 980 (3), 987 (2), 994 (2), 1010 (2), 1021 = 11; 残疾人 1087 (3), 1094 (2), 1137,
    // 1159, 1173 = 8. Sections: 保障工程 340–345 (11 text targets), 355, 735 (4 + 1 text target),
    // 739, 743 (2), 746 (2), 881, 887, 889, 930, 1069, 1214.
    expect(standards).toHaveLength(105);
    expect(tally(standards, (s) => s.attachment.kind)).toEqual({ service: 77, section: 28 });
    expect(tally(standards, (s) => s.domain)).toEqual({
      education: 23,
      employment: 12,
      'social-insurance': 8,
      health: 33,
      'social-services': 2,
      housing: 6,
      'culture-sports': 11,
      disability: 10,
    });
    // The 18 text targets on their own lines, and 35947户 restated in the service list (line 921).
    expect(standards.filter((s) => s.textTargetId)).toHaveLength(19);
    expect(standards.filter((s) => s.indicatorId).map((s) => s.source.line)).toEqual([
      881, 887, 914,
    ]);
  });

  it('reads 生均公用经费 “小学、初中、特教分别不低于600元、800元、6000元” as three targets', () => {
    const three = standards.filter(
      (s) => s.attachment.kind === 'service' && s.attachment.id === 'svc.education.1',
    );
    expect(three.map((s) => [s.name, s.target.raw, s.target.value, s.target.comparator])).toEqual([
      ['小学年生均公用经费标准', '不低于600元', 600, '>='],
      ['初中年生均公用经费标准', '800元', 800, '>='],
      ['特教年生均公用经费标准', '6000元', 6000, '>='],
    ]);
    expect(three.every((s) => s.source.line === 284 && s.isPerYear && s.year === 2020)).toBe(true);
  });

  it('keeps years, periods and restatements the text gives', () => {
    expect(byId('std.svc.health.5.1')).toMatchObject({
      name: '0-6岁儿童健康管理率',
      target: { raw: '90%以上', value: 90, comparator: '>=' },
      source: { line: 610 },
    });
    expect(byId('std.svc.disability.1.1')).toMatchObject({ year: 2016, target: { value: 60 } });
    expect(byId('std.svc.disability.1.2')).toMatchObject({ startYear: 2017, isPerYear: true });
    expect(byId('std.svc.disability.13.1')?.year).toBe(2016); // 到2016年
    expect(byId('std.svc.housing.3.1')?.textTargetId).toBe(
      'tt.poor-household-dilapidated-renovation',
    );
    expect(byId('std.svc.social-services.5.1')).toMatchObject({
      target: { raw: '12小时内', value: 12, comparator: '<=' },
      direction: 'down',
    });
  });

  it('normalises the 主责单位 to 14 units, reading 财政局, 环保局 and 市社局 as the city bureaus', () => {
    expect(p.units?.map((u) => u.name)).toEqual([
      '市教育局',
      '市财政局',
      '市人社局',
      '市、县人力资源社会保障电话咨询服务中心',
      '信息中心',
      '市卫计委',
      '市食药局',
      '市民政局',
      '市司法局',
      '市环保局',
      '市住建局',
      '市文体广新局',
      '市发改委',
      '市残联',
    ]);
    const service = (id: string) => p.services.find((s) => s.id === id);
    expect(service('svc.social-services.13')?.leadUnitIds).toEqual([
      'civil-affairs',
      'finance',
      'environment',
    ]);
    expect(service('svc.disability.16')?.leadUnitIds).toEqual([
      'disabled-persons-federation',
      'hrss',
    ]);
    expect(service('svc.employment.8')?.leadUnitIds).toEqual([
      'hrss-call-centers',
      'hrss-information-centers',
    ]);
  });
});
