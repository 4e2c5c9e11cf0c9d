import { describe, expect, it } from 'vitest';
import { indexValues } from '../assessment/plan';
import type { Plan } from '../catalog/schema';
import { loadAllPlans } from '../catalog/test-plans';
import type { ReportBlock, ReportTable } from '../report/model';
import type { ImplementationRecord } from './model';
import { serviceTrackingBlocks } from './report-blocks';
import { subjectStates, unitScorecards } from './rollup';
import { assessStandards } from './standards';
import type { Survey } from './surveys';

const zhoucun = loadAllPlans().find((p) => p.id === 'zhoucun') as Plan;

const record = (
  subjectId: string,
  status: ImplementationRecord['status'],
  evidence = '',
  more: Partial<ImplementationRecord> = {},
): ImplementationRecord => ({
  planId: 'zhoucun',
  subject: { kind: subjectId.startsWith('task') ? 'task' : 'service', id: subjectId },
  regionId: 'zhoucun',
  year: 2018,
  status,
  evidence,
  documentRef: '',
  reply: '',
  by: '王评估',
  at: '2019-01-10T00:00:00.000Z',
  ...more,
});

const survey = (year: number, value: number): Survey => ({
  id: `s${year}`,
  planId: 'zhoucun',
  year,
  domain: 'health',
  serviceId: null,
  organiser: '山东某调查研究中心',
  isThirdParty: true,
  method: '入户问卷',
  sampleSize: 1200,
  result: { kind: 'rate', value },
  notes: '',
  by: '王评估',
  at: `${year}-12-01T00:00:00.000Z`,
});

function facts(
  records: ImplementationRecord[],
  values: Array<[string, number]>,
  surveys: Survey[],
) {
  const states = subjectStates(zhoucun, records, 'zhoucun', 2018);
  const standards = assessStandards(
    zhoucun,
    indexValues(
      values.map(([itemId, value]) => ({ itemId, regionId: 'zhoucun', year: 2018, value })),
    ),
    { regionId: 'zhoucun', role: 'plan-area' },
    2018,
  );
  const byId = new Map(standards.map((r) => [r.id, r.status]));
  return {
    plan: zhoucun,
    regionName: '周村区',
    year: 2018,
    states,
    standards,
    surveys,
    scorecards: unitScorecards(
      zhoucun,
      states,
      () => undefined,
      (id) => byId.get(id),
    ),
  };
}

const paragraphs = (blocks: ReportBlock[]) =>
  blocks.flatMap((b) => (b.type === 'paragraph' || b.type === 'heading' ? [b.text] : []));
const table = (blocks: ReportBlock[], id: string) =>
  (
    blocks.find((b) => b.type === 'table' && b.table.id === id) as
      { table: ReportTable } | undefined
  )?.table;

describe('section 五 of the report from the tracking recorded', () => {
  const blocks = serviceTrackingBlocks(
    facts(
      [
        record('svc.education.1', 'done', '区教体局2018年工作总结'),
        record('svc.education.3', 'not_applicable'),
        record('task.2', 'below_standard', '经费未到位', { reply: '2019年列入预算' }),
        record('svc.health.1', 'in_progress'),
      ],
      [
        ['std.svc.education.2.1', 1000],
        ['std.svc.culture-sports.13.1', 12],
      ],
      [survey(2018, 92.5), survey(2019, 93)],
    ),
  );

  it('states the counts and the share in place, with how it is computed', () => {
    // 127 subjects; 不适用 1 → 126 applicable; 已落实 1: 1/126 = 0.79% → 0.8%.
    expect(paragraphs(blocks).slice(0, 2)).toEqual([
      '（一）服务清单和重点任务',
      '规划列有基本公共服务清单100项、重点任务27项，共127项。2018年，周村区已落实1项、推进中1项、未达标1项、不适用1项、未记录2018年落实情况123项。已落实1项，占适用事项126项的0.8%（未记录的事项计为未落实）。',
    ]);
  });

  it('tabulates each domain: 基本公共教育 has 9 items, 1 in place of 8 applicable', () => {
    const rows = table(blocks, 'service-tracking-domains')?.rows.map((r) => r.map((c) => c.text));
    // 领域, 事项, 已落实, 推进中, 未启动, 未达标, 不适用, 未记录, 落实比例
    expect(rows?.[0]).toEqual(['基本公共教育', '9', '1', '0', '0', '1', '1', '6', '12.5%']);
    expect(rows?.at(-1)).toEqual(['合计', '127', '1', '1', '0', '1', '1', '123', '0.8%']);
    // The 17 cross-domain tasks have a row of their own.
    expect(rows?.find((r) => r[0] === '综合（跨领域重点任务）')?.[1]).toBe('17');
  });

  it('says how many of those not in place it lists, and that the unrecorded are not listed (evaluator trial)', () => {
    // 2 recorded as not in place (未达标, 推进中); 123 not recorded count as not in place too.
    expect(paragraphs(blocks)).toContain(
      '记录为尚未落实的2项（未达标、未启动、推进中）列示如下，依据为各牵头单位报送或评估人员核实的情况；另有123项未记录2018年落实情况，按未落实计，不逐项列出。',
    );
  });

  it('lists what is not in place, worst first, with its evidence and the lead unit’s reply', () => {
    const rows = table(blocks, 'service-tracking-open')?.rows.map((r) => r.map((c) => c.text));
    expect(rows).toEqual([
      [
        '基本公共教育',
        '推动基本公共教育领域发展指标、重点任务、工程有效落实。',
        '区教体局牵头，其他有关部门按职责分工负责',
        '未达标',
        '经费未到位；牵头单位反馈：2019年列入预算',
      ],
      ['基本医疗卫生', '居民健康档案', '区卫计局', '推进中', '—'],
    ]);
  });

  it('gives each unit its line: 区教体局 answers for 22 items, 1 in place of 21 applicable', () => {
    const rows = table(blocks, 'service-tracking-units')?.rows.map((r) => r.map((c) => c.text));
    expect(rows?.find((r) => r[0] === '区教体局')).toEqual([
      '区教体局',
      '22',
      '1',
      '0',
      '0',
      '1',
      '1',
      '19',
      '4.8%',
    ]);
  });

  it('judges the numeric standards that have a figure, and counts the rest as without one', () => {
    const text = paragraphs(blocks);
    expect(text).toContain(
      '服务清单、专栏和重点任务中列有数值标准129项，其中25项与主要指标或文中目标相同，已在第二部分评估；其余104项单独评估。截至2018年，录入实际值的2项中，提前实现1项、无法计算1项；其余102项没有实际值。',
    );
    const rows = table(blocks, 'service-tracking-standards')?.rows.map((r) => r.map((c) => c.text));
    expect(rows).toEqual([
      [
        '基本公共教育',
        '农村家庭经济困难小学寄宿生生活补助',
        '1000元（每生每年）',
        '1000元（2018年）',
        '提前实现',
      ],
      ['基本公共文化体育', '城区健身圈', '10分钟', '12分钟（2018年）', '无法计算'],
    ]);
  });

  it('states the surveys up to the year, naming the third party', () => {
    expect(paragraphs(blocks).at(-1)).toBe(
      '2018年，山东某调查研究中心（第三方）采用入户问卷方式调查基本医疗卫生服务，样本量1200，满意率92.5%。',
    );
  });
});

describe('section 五 when nothing was recorded', () => {
  it('says so plainly, and that no survey is recorded', () => {
    const blocks = serviceTrackingBlocks(facts([], [], []));
    expect(paragraphs(blocks)).toEqual([
      '（一）服务清单和重点任务',
      '规划列有基本公共服务清单100项、重点任务27项。本系统未记录周村区2018年服务清单和重点任务的落实情况，本报告未作评估。',
      '（二）数值标准',
      '服务清单、专栏和重点任务中列有数值标准129项，其中25项与主要指标或文中目标相同，已在第二部分评估；其余104项单独评估。截至2018年，尚未录入任何一项的实际值，未作判断。',
      '（三）社会满意度',
      '截至2018年，本系统未记录社会满意度调查结果。',
    ]);
    expect(blocks.some((b) => b.type === 'table')).toBe(false);
  });
});

describe('surveys in a county’s report (hostile test)', () => {
  it('are said to be the whole area’s, not printed as the county’s own', () => {
    const blocks = serviceTrackingBlocks({
      ...facts([], [], [survey(2018, 92.5)]),
      regionName: '城北街道',
      areaName: '周村区',
    });
    const lines = paragraphs(blocks);
    const at = lines.indexOf('以下为周村区全域的满意度调查，未单独调查城北街道，仅供参考。');
    expect(at).toBeGreaterThan(-1);
    expect(lines[at + 1]).toContain('山东某调查研究中心');
  });
});

describe('a running total in 表 数值标准 (evaluator trial)', () => {
  it('shows the sum to date, as its target counts, not the last year’s amount', () => {
    // 全面改薄工程涉及学校 25所 by 2018 (std.sec.406.1): 10 in 2016, 8 in 2017 → 累计18所.
    const standards = assessStandards(
      zhoucun,
      indexValues([
        { itemId: 'std.sec.406.1', regionId: 'zhoucun', year: 2016, value: 10 },
        { itemId: 'std.sec.406.1', regionId: 'zhoucun', year: 2017, value: 8 },
      ]),
      { regionId: 'zhoucun', role: 'plan-area' },
      2018,
    );
    const blocks = serviceTrackingBlocks({ ...facts([], [], []), standards });
    const row = table(blocks, 'service-tracking-standards')?.rows.find(
      (r) => r[1]?.text === '全面改薄工程涉及学校',
    );
    expect(row?.[3]?.text).toBe('累计18所（截至2017年）');
  });
});
