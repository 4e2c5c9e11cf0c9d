import { describe, expect, it } from 'vitest';
import { assessIndicator } from '../assessment/assess';
import { indexValues, planCalendar } from '../assessment/plan';
import { loadAllPlans } from '../catalog/test-plans';
import {
  assessStandards,
  filterStates,
  implementationByDomain,
  rollUpStandards,
  rollUpImplementation,
  standardItems,
  subjectStates,
  surveyShare,
  surveyTrend,
  unitScorecards,
  validateImplementation,
  validateSurvey,
  type ImplementationRecord,
  type Survey,
} from './index';

const plans = loadAllPlans();
const plan = (id: string) => {
  const found = plans.find((p) => p.id === id);
  if (!found) throw new Error(id);
  return found;
};
const zhoucun = plan('zhoucun');

function record(
  id: string,
  year: number,
  status: ImplementationRecord['status'],
  evidence = '区教体局报告',
): ImplementationRecord {
  return {
    planId: 'zhoucun',
    subject: { kind: 'service', id },
    regionId: 'zhoucun',
    year,
    status,
    evidence,
    documentRef: '',
    reply: '',
    by: '王评估',
    at: '2019-01-10T00:00:00.000Z',
  };
}

const records = [
  record('svc.education.1', 2018, 'done'),
  record('svc.education.2', 2017, 'in_progress'),
  record('svc.education.3', 2018, 'not_applicable', ''),
  // Another region's record never counts for 周村区.
  { ...record('svc.education.4', 2018, 'done'), regionId: 'other' },
];

describe('implementation status by year', () => {
  it('holds for its year; an earlier record is shown but the item counts as not recorded', () => {
    const states = subjectStates(zhoucun, records, 'zhoucun', 2018);
    const byId = new Map(states.map((s) => [s.subject.id, s]));
    expect(byId.get('svc.education.1')?.record?.status).toBe('done');
    expect(byId.get('svc.education.2')?.record).toBeNull();
    expect(byId.get('svc.education.2')?.earlier?.status).toBe('in_progress');
    expect(byId.get('svc.education.4')?.record).toBeNull();
    // 周村 has 100 service items and 27 tasks.
    expect(states).toHaveLength(127);
  });

  it('rolls up per domain: 周村 基本公共教育 has 8 service items and 1 task', () => {
    const states = subjectStates(zhoucun, records, 'zhoucun', 2018);
    const education = implementationByDomain(zhoucun, states).find(
      (d) => d.domainId === 'education',
    );
    // 1 已落实 and 1 不适用 of 9: 1 / (9 − 1) = 12.5% in place; 7 not recorded for 2018.
    expect(education).toMatchObject({ total: 9, notRecorded: 7 });
    expect(education?.counts.done).toBe(1);
    expect(education?.shareInPlace).toBeCloseTo(0.125, 10);
  });

  it('gives each lead unit its scorecard: 区教体局 leads 17 service items and 5 tasks of 周村', () => {
    const states = subjectStates(zhoucun, records, 'zhoucun', 2018);
    const cards = unitScorecards(zhoucun, states, (id) =>
      id === 'education.preschool-gross-enrollment' ? 'lagging' : 'on_track',
    );
    const card = cards.find((c) => c.unit.id === 'education-sports');
    expect(card?.unit.name).toBe('区教体局');
    expect(card?.states.filter((s) => s.subject.kind === 'service')).toHaveLength(17);
    expect(card?.states.filter((s) => s.subject.kind === 'task')).toHaveLength(5);
    // Its 责任单位 group in 专栏1: three education rows and 经常参加体育锻炼人数比例.
    expect(card?.itemIds).toHaveLength(4);
    expect(card?.itemStatuses).toEqual({ lagging: 1, on_track: 3 });
    // 1 已落实, 1 不适用 of 22: 1/21.
    expect(card?.rollup.shareInPlace).toBeCloseTo(1 / 21, 10);
  });

  it('asks for evidence for 已落实 and 未达标, and names what is wrong', () => {
    expect(validateImplementation(record('svc.education.1', 2018, 'done', ' '), zhoucun)).toEqual([
      '“已落实”或“未达标”须填写依据（说明、文件或数据）',
    ]);
    expect(
      validateImplementation(
        { ...record('svc.nowhere', 2030, 'in_progress'), regionId: '' },
        zhoucun,
      ),
    ).toEqual(['服务项目“svc.nowhere”不在本规划中', '年份2030不在2016—2020年之间', '未选择区域']);
    expect(rollUpImplementation([]).shareInPlace).toBeNull();
  });
});

describe('numeric standards judged like indicators', () => {
  it('leave out the standards that restate an indicator or a prose target', () => {
    // 达州: 105 structured standards, 22 of them restating a table row or a prose target.
    expect(standardItems(plan('dazhou'))).toHaveLength(83);
  });

  it('达州 小学年生均公用经费标准 不低于600元 (000 l.284): 650 in 2018 is met', () => {
    const dazhou = plan('dazhou');
    const item = standardItems(dazhou).find((s) => s.id === 'std.svc.education.1.1');
    if (!item) throw new Error('standard');
    const met = assessIndicator({
      item,
      calendar: planCalendar(dazhou),
      actuals: new Map([[2018, 650]]),
      asOfYear: 2018,
    });
    expect(met.status).toBe('achieved');
    const short = assessIndicator({
      item,
      calendar: planCalendar(dazhou),
      actuals: new Map([[2020, 580]]),
      asOfYear: 2020,
    });
    expect(short.status).toBe('not_achieved');
  });
});

describe('satisfaction surveys', () => {
  const base: Omit<Survey, 'id' | 'by' | 'at'> = {
    planId: 'zhoucun',
    year: 2018,
    domain: 'health',
    serviceId: null,
    organiser: '山东某调查研究中心（第三方）',
    isThirdParty: true,
    method: '入户问卷',
    sampleSize: 1200,
    result: { kind: 'rate', value: 92.5 },
    notes: '',
  };

  it('are checked with messages that name the field', () => {
    expect(validateSurvey(base, zhoucun)).toEqual([]);
    expect(
      validateSurvey(
        {
          ...base,
          domain: 'space',
          sampleSize: 0,
          organiser: ' ',
          result: { kind: 'rate', value: 120 },
        },
        zhoucun,
      ),
    ).toEqual([
      '领域“space”不在本规划中',
      '请填写组织单位（如第三方机构名称）',
      '样本量应为1—10000000之间的整数',
      '满意率应在0—100%之间',
    ]);
    expect(
      validateSurvey({ ...base, result: { kind: 'score', value: 86, scale: 80 } }, zhoucun),
    ).toEqual(['得分应在0—80之间']);
  });

  it('show one result a year per domain, the largest sample first, never averaged', () => {
    const s = (id: string, year: number, sampleSize: number, value: number): Survey => ({
      ...base,
      id,
      year,
      sampleSize,
      result: { kind: 'rate', value },
      by: '',
      at: '',
    });
    const trend = surveyTrend(
      [s('a', 2018, 1200, 92.5), s('b', 2017, 800, 90), s('c', 2018, 300, 95)],
      'health',
    );
    expect(trend.map((t) => [t.year, t.survey.id, t.others.map((o) => o.id)])).toEqual([
      [2017, 'b', []],
      [2018, 'a', ['c']],
    ]);
    expect(surveyShare({ result: { kind: 'score', value: 86, scale: 100 } })).toBeCloseTo(0.86);
  });
});

describe('a standard for each year', () => {
  it('asks no yearly pace of 每生每年600元, flagged by the catalog rather than by its unit', () => {
    const dazhou = plan('dazhou');
    const item = standardItems(dazhou).find((s) => s.id === 'std.svc.education.1.1');
    if (!item) throw new Error('standard');
    expect(item.isPerYear).toBe(true);
    const r = assessIndicator({
      item,
      calendar: planCalendar(dazhou),
      actuals: new Map([[2018, 550]]),
      asOfYear: 2018,
    });
    expect(r.requiredAnnualChange).toEqual({ value: null, reason: { code: 'per_year_figure' } });
  });
});

describe('evidence for 已落实: a note, a document or a figure', () => {
  it('accepts a document reference alone as the evidence of 已落实', () => {
    // Given 区教体局 answers with the document that put 免费义务教育 in place, and no note
    const withDocument = {
      ...record('svc.education.1', 2018, 'done', ''),
      documentRef: '周教体发〔2018〕12号',
    };
    // Then the record can be stored
    expect(validateImplementation(withDocument, zhoucun)).toEqual([]);
  });
});

describe('tasks that belong to no single domain', () => {
  it('are rolled up in a row of their own, not dropped: 周村 has 17 such tasks', () => {
    // 周村's tasks 1, 11–25 … (the cross-domain 重点任务) carry no domain in the plan.
    const states = subjectStates(zhoucun, [], 'zhoucun', 2018);
    const rows = implementationByDomain(zhoucun, states);
    expect(rows.find((r) => r.domainId === null)).toMatchObject({ total: 17, notRecorded: 17 });
    // Every subject is in exactly one row: 100 services + 27 tasks.
    expect(rows.reduce((sum, r) => sum + r.total, 0)).toBe(127);
  });
});

describe('checklist filters', () => {
  const states = subjectStates(zhoucun, records, 'zhoucun', 2018);

  it('narrow to a unit: 区教体局 leads or joins 22 items of 周村 (17 services, 5 tasks)', () => {
    expect(filterStates(zhoucun, states, { unitId: 'education-sports' })).toHaveLength(22);
  });

  it('narrow to a status, or to items with no record this year', () => {
    expect(filterStates(zhoucun, states, { status: 'done' }).map((s) => s.subject.id)).toEqual([
      'svc.education.1',
    ]);
    // svc.education.2 has only a 2017 record: for 2018 it has none.
    const none = filterStates(zhoucun, states, { status: 'none', domain: 'education' });
    expect(none.map((s) => s.subject.id)).toEqual([
      'svc.education.2',
      'svc.education.4',
      'svc.education.5',
      'svc.education.6',
      'svc.education.7',
      'svc.education.8',
      'task.2',
    ]);
  });
});

describe('a unit’s scorecard with its numeric standards', () => {
  it('lists the 28 standards printed with 区教体局’s items, their verdicts and what is missing', () => {
    // Counted in data/plans/zhoucun.json: 寄宿生生活补助 4, 学前教育政府助学金 5, 中职国家助学金 2,
    // 普通高中国家助学金 5, 文化鉴赏 5, 群众文体活动 4, 全民健身服务 1, 残疾人教育 2.
    const states = subjectStates(zhoucun, records, 'zhoucun', 2018);
    const card = unitScorecards(
      zhoucun,
      states,
      (id) => (id === 'education.preschool-gross-enrollment' ? 'no_data' : 'on_track'),
      (id) => (id === 'std.svc.education.2.1' ? 'achieved' : 'no_data'),
    ).find((c) => c.unit.id === 'education-sports');
    expect(card?.standardIds).toHaveLength(28);
    expect(card?.standardStatuses).toEqual({ achieved: 1, no_data: 27 });
    expect(card?.missing.standardIds).toHaveLength(27);
    expect(card?.missing.itemIds).toEqual(['education.preschool-gross-enrollment']);
    // 22 items, two with a 2018 record (svc.education.1 已落实, svc.education.3 不适用).
    expect(card?.missing.subjects).toHaveLength(20);
  });
});

describe('numeric standards through the engine', () => {
  const values = (entries: Array<[string, number, number]>) =>
    indexValues(
      entries.map(([itemId, year, value]) => ({ itemId, regionId: 'zhoucun', year, value })),
    );
  const area = { regionId: 'zhoucun', role: 'plan-area' as const };

  it('judges all 104 standards of 周村 that restate no indicator or prose target', () => {
    expect(assessStandards(zhoucun, values([]), area, 2018)).toHaveLength(104);
  });

  it('a standard the plan sets for one county (宣汉县在园幼儿保教费减免标准) is judged there only (evaluator trial)', () => {
    const dazhou = plan('dazhou');
    const none = indexValues([]);
    const ids = (regionId: string, role: 'plan-area' | 'subregion') =>
      assessStandards(dazhou, none, { regionId, role }, 2018).map((r) => r.id);
    expect(ids('xuanhan', 'subregion')).toContain('std.svc.education.4.1');
    expect(ids('tongchuan', 'subregion')).not.toContain('std.svc.education.4.1');
    expect(ids('dazhou', 'plan-area')).not.toContain('std.svc.education.4.1');
    // The others stay: one fewer for every region but 宣汉县.
    expect(ids('tongchuan', 'subregion')).toHaveLength(ids('xuanhan', 'subregion').length - 1);
  });

  it('农村小学寄宿生生活补助 每生每年1000元 (002 l.784): 1000 in 2018 is met; 900 is short', () => {
    const met = assessStandards(
      zhoucun,
      values([['std.svc.education.2.1', 2018, 1000]]),
      area,
      2018,
    );
    expect(met.find((r) => r.id === 'std.svc.education.2.1')?.status).toBe('achieved');
    // No printed base: mid-term, a figure short of the standard cannot be given a pace.
    const short = assessStandards(
      zhoucun,
      values([['std.svc.education.2.1', 2018, 900]]),
      area,
      2018,
    );
    expect(short.find((r) => r.id === 'std.svc.education.2.1')?.status).toBe('not_assessable');
    const final = assessStandards(
      zhoucun,
      values([['std.svc.education.2.1', 2020, 900]]),
      area,
      2020,
    );
    expect(final.find((r) => r.id === 'std.svc.education.2.1')?.status).toBe('not_achieved');
  });

  it('城区“10分钟健身圈” (002 l.1343) is a time limit: 12 minutes in 2020 misses it, 8 meets it', () => {
    const at = (minutes: number) =>
      assessStandards(
        zhoucun,
        values([['std.svc.culture-sports.13.1', 2020, minutes]]),
        area,
        2020,
      ).find((r) => r.id === 'std.svc.culture-sports.13.1')?.status;
    expect(at(12)).toBe('not_achieved');
    expect(at(8)).toBe('achieved');
  });

  it('rolls up verdicts without guessing: no value is neither met nor not met', () => {
    const results = assessStandards(
      zhoucun,
      values([
        ['std.svc.education.2.1', 2020, 1000],
        ['std.svc.culture-sports.13.1', 2020, 12],
      ]),
      area,
      2020,
    );
    const rollup = rollUpStandards(results);
    expect(rollup).toMatchObject({ total: 104, met: 1, notMet: 1, withData: 2 });
    // The other 102: two schedules in words (5×8小时, 7×24小时, 002 l.912) are 需人工评定, 100
    // have no value.
    expect(rollup.counts.manual).toBe(2);
    expect(rollup.counts.no_data).toBe(100);
  });
});
