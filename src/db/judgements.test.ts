import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from './database';
import { JudgementConflictError, ValidationError } from './errors';
import { clearJudgement, judgementHistory, listJudgements, setJudgement } from './judgements';

let db: AppDatabase;
let counter = 0;
afterEach(async () => {
  await db?.delete();
});
const fresh = () => (db = openDatabase(`judgements-test-${++counter}`));
const key = {
  planId: 'zhoucun',
  itemId: 'housing.rural-dilapidated-housing-renovation',
  regionId: 'zhoucun',
  asOfYear: 2018,
};

describe('evaluator judgements', () => {
  it('refuse a judgement without a reason and store nothing', async () => {
    fresh();
    await expect(
      setJudgement(db, { ...key, status: 'on_track', reason: '  ', by: '王评估' }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await db.judgements.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('refuse a status the assessment does not know, and web page code in the reason', async () => {
    fresh();
    await expect(
      setJudgement(db, { ...key, status: 'on-track' as 'on_track', reason: '核实', by: '王评估' }),
    ).rejects.toThrow('未知的状态“on-track”');
    await expect(
      setJudgement(db, { ...key, status: 'on_track', reason: '<img src=x>', by: '王评估' }),
    ).rejects.toThrow('理由中有网页代码“<img”');
    expect(await db.judgements.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('keep the latest status per item, region and year, with every change in the history', async () => {
    fresh();
    await setJudgement(db, { ...key, status: 'on_track', reason: '已完成38户', by: '王评估' });
    await setJudgement(db, {
      ...key,
      status: 'achieved',
      reason: '复核：全部完成',
      by: '李复核',
      expectedVersion: 1,
    });
    await setJudgement(db, {
      ...key,
      asOfYear: 2019,
      status: 'lagging',
      reason: '2019年另评',
      by: '王评估',
    });
    const current = await listJudgements(db, 'zhoucun', 'zhoucun', 2018);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({
      status: 'achieved',
      reason: '复核：全部完成',
      by: '李复核',
      version: 2,
    });
    const history = await judgementHistory(db, key);
    expect(
      history.map((h) => [
        h.action,
        (h.before as { status?: string } | null)?.status ?? null,
        (h.after as { status: string }).status,
      ]),
    ).toEqual([
      ['update', 'on_track', 'achieved'],
      ['create', null, 'on_track'],
    ]);
  });

  it('withdrawing a judgement restores the computed status and is recorded', async () => {
    fresh();
    await setJudgement(db, { ...key, status: 'on_track', reason: '已完成38户', by: '王评估' });
    await clearJudgement(db, key, '王评估', '撤销人工评定', 1);
    expect(await listJudgements(db, 'zhoucun', 'zhoucun', 2018)).toEqual([]);
    const history = await judgementHistory(db, key);
    expect(history[0]).toMatchObject({ action: 'delete', reason: '撤销人工评定', after: null });
  });

  it('refuse to replace a judgement changed since the evaluator opened it, and say by whom', async () => {
    fresh();
    // Two evaluators open the same item with no judgement (version 0); the first saves
    await setJudgement(db, { ...key, status: 'on_track', reason: '已完成38户', by: '王评估' });
    // the second's save, stating version 0, is refused and names the stored judgement
    const error = await setJudgement(db, {
      ...key,
      status: 'lagging',
      reason: '进度不足',
      by: '李复核',
      expectedVersion: 0,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JudgementConflictError);
    expect((error as JudgementConflictError).current).toMatchObject({
      status: 'on_track',
      by: '王评估',
      version: 1,
    });
    expect((error as Error).message).toContain('已被王评估');
    expect(await listJudgements(db, 'zhoucun', 'zhoucun', 2018)).toMatchObject([
      { status: 'on_track' },
    ]);
    // Withdrawing needs the current version too
    await expect(clearJudgement(db, key, '李复核', '撤销', 0)).rejects.toBeInstanceOf(
      JudgementConflictError,
    );
    expect(await db.judgements.count()).toBe(1);
  });
});
