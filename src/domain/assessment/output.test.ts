import { describe, expect, it } from 'vitest';
import { loadAllPlans } from '../catalog/test-plans';
import { assessmentExportRows } from './output';
import { applyJudgements, assessPlan } from './plan';

const dazhou = loadAllPlans().find((p) => p.id === 'dazhou');
if (!dazhou) throw new Error('dazhou');

function exportFor(isDemo: boolean) {
  const rows = [
    { itemId: 'employment.new-urban-jobs', regionId: 'dazhou', year: 2016, value: 3.5 },
    { itemId: 'employment.new-urban-jobs', regionId: 'dazhou', year: 2017, value: 3.6 },
  ];
  const results = applyJudgements(
    assessPlan(dazhou as NonNullable<typeof dazhou>, { rows, regionId: 'dazhou' }, 2017, 'midterm'),
    [
      {
        itemId: 'health.life-expectancy',
        status: 'on_track',
        reason: '卫健委报告',
        by: '王评估',
        at: '2018-03-01T00:00:00.000Z',
      },
    ],
  );
  return assessmentExportRows(results, {
    domainName: (id) => id,
    isDemo,
  });
}

describe('the exported assessment table', () => {
  it('has Chinese headers and labels, running totals for cumulative items, and who judged what', () => {
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
    expect(jobs?.[6]).toBe('符合进度');
    expect(jobs?.[5]).toBe('17万人（2020年）');
    expect(jobs?.[14]).toBeCloseTo(7.1);
    const life = rows.find((r) => r[0] === 'health.life-expectancy');
    expect(life?.[4]).toBe(75);
    expect(life?.slice(6, 11)).toEqual([
      '无数据',
      '符合进度',
      '卫健委报告',
      '王评估',
      '2018-03-01T00:00:00.000Z',
    ]);
  });

  it('says so on its first line when the figures are sample data', () => {
    expect(exportFor(true)[0]?.[0]).toContain('示例数据');
  });
});
