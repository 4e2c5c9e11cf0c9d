import { describe, expect, it } from 'vitest';
import { applyJudgements, assessPlan, indexValues } from '../assessment/plan';
import { loadAllPlans } from '../catalog/test-plans';
import { assessmentExportRows, toAssessmentRecord } from './records';

const dazhou = loadAllPlans().find((p) => p.id === 'dazhou');
if (!dazhou) throw new Error('dazhou');

const values = indexValues([
  { itemId: 'employment.new-urban-jobs', regionId: 'dazhou', year: 2016, value: 3.5 },
  { itemId: 'employment.new-urban-jobs', regionId: 'dazhou', year: 2017, value: 3.6 },
]);
const results = assessPlan(dazhou, values, { regionId: 'dazhou', role: 'plan-area' }, 2017);

function exportFor(isDemo: boolean) {
  const judged = applyJudgements(
    results,
    [
      {
        itemId: 'health.life-expectancy',
        asOfYear: 2017,
        status: 'on_track',
        reason: '卫健委报告',
        by: '王评估',
        at: '2018-03-01T00:00:00.000Z',
      },
    ],
    2017,
  );
  return assessmentExportRows(dazhou as NonNullable<typeof dazhou>, judged, { isDemo });
}

describe('the exported assessment table', () => {
  it('has Chinese headers and labels, targets as printed, running totals, and who judged what', () => {
    const rows = exportFor(false);
    // The table starts at its header: the plan, region and year are in the file name.
    expect(rows[0]?.slice(0, 8)).toEqual([
      '指标编号',
      '领域',
      '指标',
      '单位',
      '基期值',
      '目标',
      '计算状态',
      '评定状态',
    ]);
    const jobs = rows.find((r) => r[0] === 'employment.new-urban-jobs');
    // 7.1 of 17 万人 is 41.8% against 40% of the time: on track.
    expect(jobs?.[1]).toBe('基本劳动就业创业服务');
    expect(jobs?.[5]).toBe('2016—2020年累计17万人');
    expect(jobs?.[6]).toBe('符合进度');
    expect(jobs?.[11]).toBe(41.8);
    expect(jobs?.[12]).toBe(40);
    expect(jobs?.[14]).toBeCloseTo(7.1);
    const life = rows.find((r) => r[0] === 'health.life-expectancy');
    expect(life?.[4]).toBe(75);
    expect(life?.slice(6, 11)).toEqual([
      '无数据',
      '符合进度',
      '卫健委报告',
      '王评估',
      // Midnight UTC is 08:00 in Asia/Shanghai, written as Excel reads a date.
      '2018-03-01 08:00:00',
    ]);
  });

  it('says so on its first line when the figures are sample data', () => {
    expect(exportFor(true)[0]?.[0]).toContain('示例数据');
  });
});

describe('the CLI record of a result', () => {
  it('gives every figure that cannot be computed the reason in words', () => {
    const life = results.find((r) => r.id === 'health.life-expectancy');
    if (!life) throw new Error('life');
    const record = toAssessmentRecord(dazhou, life);
    expect(record.progress).toBeNull();
    expect(record.notes.progress).toBe('2016—2017年没有实际值');
    expect(record.target).toBe('77.3岁');
    expect(record.statusLabel).toBe('无数据');
  });
});
