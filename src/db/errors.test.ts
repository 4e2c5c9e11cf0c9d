import { describe, expect, it } from 'vitest';
import { JudgementConflictError, RecordConflictError } from './errors';

// Conflict messages said the UTC time (21:57 on a laptop in Beijing where the tables beside them
// showed 05:57 the next day): they show the time every page shows (evaluator trial).
describe('the time in a conflict message', () => {
  it('is Beijing time, as the pages show it', () => {
    const record = new RecordConflictError([
      {
        key: 'zhoucun|survey|1',
        expectedVersion: 1,
        currentVersion: 2,
        current: null,
        changedBy: '李评估',
        changedAt: '2026-11-30T21:57:00.000Z',
      },
    ]);
    expect(record.message).toBe('此项已被李评估于2026-12-01 05:57修改，未保存；请查看后再保存');
    const judgement = new JudgementConflictError(
      {
        planId: 'dazhou',
        itemId: 'x',
        regionId: 'dazhou',
        asOfYear: 2018,
        status: 'lagging',
        reason: '核实',
        by: '王评估',
        at: '2026-11-30T16:00:00.000Z',
        version: 2,
      },
      1,
    );
    expect(judgement.message).toContain('于2026-12-01 00:00修改');
  });
});
