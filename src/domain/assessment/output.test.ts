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
    planName: '达州',
    regionName: '达州市',
    asOfYear: 2017,
    modeLabel: '中期评估',
    domainName: (id) => id,
    isDemo,
  });
}

describe('the exported assessment table', () => {
  it('has Chinese headers and labels, running totals for cumulative items, and who judged what', () => {
    const rows = exportFor(false);
    expect(rows[0]).toEqual(['达州｜达州市｜截至2017年｜中期评估']);
    expect(rows[1]?.slice(0, 6)).toEqual([
      '指标编号',
      '领域',
      '指标',
      '单位',
      '计算状态',
      '评定状态',
    ]);
    const jobs = rows.find((r) => r[0] === 'employment.new-urban-jobs');
    // 7.1 of 17 万人 is 41.8% against 40% of the time: on track.
    expect(jobs?.[4]).toBe('符合进度');
    expect(jobs?.[12]).toBeCloseTo(7.1);
    const life = rows.find((r) => r[0] === 'health.life-expectancy');
    expect(life?.slice(4, 9)).toEqual([
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
