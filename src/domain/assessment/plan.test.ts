import { describe, expect, it } from 'vitest';
import { loadAllPlans } from '../catalog/test-plans';
import { applyJudgements, assessPlan, indexValues, type Judgement } from './plan';

const zhoucun = loadAllPlans().find((p) => p.id === 'zhoucun');
if (!zhoucun) throw new Error('zhoucun');
const areaId = zhoucun.regions[0]?.id ?? '';
const area = { regionId: areaId, role: 'plan-area' } as const;
// 周村 药品抽验合格率 has no target figure in the plan (专栏1): with a value, only an evaluator can
// judge it (需人工评定).
const manualId = 'public-safety.drug-sampling-pass-rate';
const values = indexValues([{ itemId: manualId, regionId: areaId, year: 2016, value: 98 }]);

const judged = (status: Judgement['status'], year: number) =>
  applyJudgements(
    assessPlan(zhoucun, values, area, year),
    [
      {
        itemId: manualId,
        asOfYear: 2018,
        status,
        reason: '部门报告',
        by: '王评估',
        at: '2019-03-01',
      },
    ],
    year,
  ).find((r) => r.id === manualId);

describe('evaluators’ judgements over the computed results', () => {
  it('carry a judgement of a later mid-term year over, marked, for an item only they can judge', () => {
    const r = judged('on_track', 2019);
    expect(r?.effectiveStatus).toBe('on_track');
    expect(r?.isJudgementCarried).toBe(true);
  });

  it('do not carry a mid-term status (符合进度) into the final assessment: it is shown as earlier', () => {
    const r = judged('on_track', 2020);
    expect(r?.status).toBe('manual');
    expect(r?.effectiveStatus).toBe('manual');
    expect(r?.isJudgementCarried).toBe(false);
    expect(r?.earlierJudgement?.status).toBe('on_track');
  });

  it('carry a status valid in both modes (已实现) into the final assessment', () => {
    const r = judged('achieved', 2020);
    expect(r?.effectiveStatus).toBe('achieved');
    expect(r?.isJudgementCarried).toBe(true);
  });
});
