import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAllPlans } from '../domain/catalog/test-plans';
import { openDatabase, type AppDatabase } from './database';
import { RecordConflictError, RecordUndoRefusedError, ValidationError } from './errors';
import {
  implementationHistory,
  listImplementation,
  saveImplementation,
  undoImplementation,
  type ImplementationInput,
  type ImplementationWriteContext,
} from './implementation';

const zhoucun = loadAllPlans().find((p) => p.id === 'zhoucun');
if (!zhoucun) throw new Error('zhoucun');

let db: AppDatabase;
let clock = 0;
const ctx = (by = '王评估'): ImplementationWriteContext => ({
  by,
  plan: zhoucun,
  regionIds: new Set(['zhoucun']),
  // Each write one minute after the last, so that histories have an order a reader can check.
  now: () => new Date(Date.UTC(2019, 0, 10, 8, clock++)),
});
beforeEach(() => {
  clock = 0;
  db = openDatabase(`implementation-test-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

const input = (
  subjectId: string,
  status: ImplementationInput['status'],
  more: Partial<ImplementationInput> = {},
): ImplementationInput => ({
  planId: 'zhoucun',
  regionId: 'zhoucun',
  subject: { kind: subjectId.startsWith('task') ? 'task' : 'service', id: subjectId },
  year: 2018,
  status,
  evidence: status === 'done' || status === 'below_standard' ? '区教体局报告' : '',
  ...more,
});

describe('implementation records', () => {
  it('stores a status with its evidence, who and when, at version 1, with an audit row', async () => {
    const result = await saveImplementation(
      db,
      [
        input('svc.education.1', 'done', {
          documentRef: '周教体发〔2018〕12号',
          reply: '已全面落实',
        }),
      ],
      ctx(),
    );
    expect(result.written).toHaveLength(1);
    const [stored] = await listImplementation(db, 'zhoucun');
    expect(stored).toMatchObject({
      planId: 'zhoucun',
      regionId: 'zhoucun',
      subject: { kind: 'service', id: 'svc.education.1' },
      year: 2018,
      status: 'done',
      evidence: '区教体局报告',
      documentRef: '周教体发〔2018〕12号',
      reply: '已全面落实',
      by: '王评估',
      at: '2019-01-10T08:00:00.000Z',
      version: 1,
    });
    const audit = await db.auditLog.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      entity: 'implementation',
      key: 'zhoucun|zhoucun|svc.education.1|2018',
      action: 'save',
      actionId: result.actionId,
      before: null,
      by: '王评估',
    });
  });

  it('refuses a stale version with the record stored now, and writes nothing of the batch', async () => {
    // Given 李四 in another tab records 推进中 after 王评估 opened the item
    await saveImplementation(db, [input('svc.education.1', 'in_progress')], ctx('李四'));
    // When 王评估 saves 已落实 believing there was no record, together with another item
    const attempt = saveImplementation(
      db,
      [
        input('svc.education.1', 'done', { expectedVersion: 0 }),
        input('svc.education.2', 'not_started'),
      ],
      ctx(),
    );
    // Then nothing is written, and the conflict names what 李四 stored
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordConflictError);
    const conflict = (error as RecordConflictError).conflicts[0];
    expect(conflict).toMatchObject({
      key: 'zhoucun|zhoucun|svc.education.1|2018',
      expectedVersion: 0,
      currentVersion: 1,
      changedBy: '李四',
      current: { status: 'in_progress', by: '李四' },
    });
    expect((await listImplementation(db, 'zhoucun')).map((r) => r.subject.id)).toEqual([
      'svc.education.1',
    ]);
    // and stating the version now stored replaces it
    await saveImplementation(db, [input('svc.education.1', 'done', { expectedVersion: 1 })], ctx());
    expect((await listImplementation(db, 'zhoucun'))[0]).toMatchObject({
      status: 'done',
      version: 2,
    });
  });

  it('refuses what the domain refuses before writing: 已落实 without evidence, an unknown item', async () => {
    const attempt = saveImplementation(
      db,
      [
        input('svc.education.2', 'not_started'),
        input('svc.education.1', 'done', { evidence: ' ', documentRef: '' }),
      ],
      ctx(),
    );
    await expect(attempt).rejects.toThrow('“已落实”或“未达标”须填写依据（说明、文件或数据）');
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(saveImplementation(db, [input('svc.nowhere', 'done')], ctx())).rejects.toThrow(
      '服务项目“svc.nowhere”不在本规划中',
    );
    await expect(
      saveImplementation(db, [input('svc.education.1', 'done', { regionId: 'quxian' })], ctx()),
    ).rejects.toThrow('区域“quxian”不在本规划中');
    await expect(
      saveImplementation(
        db,
        [input('svc.education.1', 'not_started'), input('svc.education.1', 'in_progress')],
        ctx(),
      ),
    ).rejects.toThrow('同一事项同一年份出现了两次');
    expect(await db.implementation.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('skips a save that changes nothing, and keeps fields a write leaves out', async () => {
    await saveImplementation(
      db,
      [input('svc.education.1', 'in_progress', { reply: '年底完成' })],
      ctx(),
    );
    const same = await saveImplementation(
      db,
      [input('svc.education.1', 'in_progress', { reply: '年底完成', expectedVersion: 1 })],
      ctx(),
    );
    expect(same).toMatchObject({ actionId: null, unchanged: 1, written: [] });
    // A status changed alone keeps the reply stored with it.
    await saveImplementation(
      db,
      [
        {
          planId: 'zhoucun',
          regionId: 'zhoucun',
          subject: { kind: 'service', id: 'svc.education.1' },
          year: 2018,
          status: 'not_started',
          expectedVersion: 1,
        },
      ],
      ctx(),
    );
    expect((await listImplementation(db, 'zhoucun'))[0]).toMatchObject({
      status: 'not_started',
      reply: '年底完成',
      version: 2,
    });
    expect(await db.auditLog.count()).toBe(2);
  });

  it('clears a record as a tombstone: no longer listed, its version and author kept', async () => {
    await saveImplementation(db, [input('task.2', 'in_progress')], ctx());
    await saveImplementation(db, [input('task.2', null, { expectedVersion: 1 })], ctx('李四'));
    expect(await listImplementation(db, 'zhoucun')).toEqual([]);
    const tombstone = await db.implementation.get(['zhoucun', 'zhoucun', 'task.2', 2018]);
    expect(tombstone).toMatchObject({ status: null, version: 2, by: '李四' });
    // Recording it again states "no record seen" (0), as for a value that was cleared.
    await saveImplementation(db, [input('task.2', 'done', { expectedVersion: 0 })], ctx());
    expect((await listImplementation(db, 'zhoucun'))[0]).toMatchObject({ version: 3 });
  });

  it('reads one region by key range', async () => {
    const wide = { ...ctx(), regionIds: new Set(['zhoucun', 'user-aaaa0001']) };
    await saveImplementation(
      db,
      [
        input('svc.education.1', 'done'),
        input('svc.education.1', 'in_progress', { regionId: 'user-aaaa0001' }),
      ],
      wide,
    );
    const own = await listImplementation(db, 'zhoucun', { regionId: 'zhoucun' });
    expect(own.map((r) => [r.regionId, r.status])).toEqual([['zhoucun', 'done']]);
    expect(await listImplementation(db, 'dazhou')).toEqual([]);
  });
});

describe('undo of implementation records', () => {
  it('reverts every record one action wrote, new ones back to none, as a new write', async () => {
    await saveImplementation(db, [input('svc.education.1', 'in_progress')], ctx());
    const batch = await saveImplementation(
      db,
      [
        input('svc.education.1', 'done', { expectedVersion: 1 }),
        input('svc.education.2', 'not_started'),
      ],
      ctx(),
    );
    const undone = await undoImplementation(db, batch.actionId as string, ctx());
    expect(undone?.keys).toHaveLength(2);
    const now = await listImplementation(db, 'zhoucun');
    expect(now.map((r) => [r.subject.id, r.status, r.version])).toEqual([
      ['svc.education.1', 'in_progress', 3],
    ]);
    const history = await implementationHistory(db, {
      planId: 'zhoucun',
      regionId: 'zhoucun',
      subjectId: 'svc.education.1',
    });
    expect(history.map((h) => [h.action, h.before?.status ?? null, h.after.status])).toEqual([
      ['undo', 'done', 'in_progress'],
      ['save', 'in_progress', 'done'],
      ['save', null, 'in_progress'],
    ]);
  });

  it('refuses when a record was changed after the action, writing nothing', async () => {
    const mine = await saveImplementation(
      db,
      [input('svc.education.1', 'in_progress'), input('svc.education.2', 'in_progress')],
      ctx(),
    );
    await saveImplementation(
      db,
      [input('svc.education.2', 'done', { expectedVersion: 1 })],
      ctx('李四'),
    );
    const error = await undoImplementation(db, mine.actionId as string, ctx()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RecordUndoRefusedError);
    expect((error as RecordUndoRefusedError).changed).toMatchObject([
      {
        key: 'zhoucun|zhoucun|svc.education.2|2018',
        changedBy: '李四',
        current: { status: 'done' },
      },
    ]);
    expect((await listImplementation(db, 'zhoucun')).map((r) => r.status)).toEqual([
      'in_progress',
      'done',
    ]);
  });

  it('walks back through this tab’s actions: a later change that was itself undone does not count', async () => {
    const first = await saveImplementation(db, [input('task.2', 'not_started')], ctx());
    const second = await saveImplementation(
      db,
      [input('task.2', 'in_progress', { expectedVersion: 1 })],
      ctx(),
    );
    await undoImplementation(db, second.actionId as string, ctx());
    await undoImplementation(db, first.actionId as string, ctx());
    expect(await listImplementation(db, 'zhoucun')).toEqual([]);
    expect(await undoImplementation(db, 'no-such-action', ctx())).toBeNull();
  });
});

describe('history of an item', () => {
  it('lists every year’s changes of one item in one region, newest first', async () => {
    await saveImplementation(
      db,
      [input('svc.culture-sports.1', 'in_progress', { year: 2017 })],
      ctx(),
    );
    await saveImplementation(db, [input('svc.culture-sports.1', 'done')], ctx('李四'));
    // Another item whose id begins with the same characters is not part of it.
    await saveImplementation(db, [input('svc.culture-sports.12', 'done')], ctx());
    const history = await implementationHistory(db, {
      planId: 'zhoucun',
      regionId: 'zhoucun',
      subjectId: 'svc.culture-sports.1',
    });
    expect(history.map((h) => [h.year, h.after.status, h.by])).toEqual([
      [2018, 'done', '李四'],
      [2017, 'in_progress', '王评估'],
    ]);
  });
});
