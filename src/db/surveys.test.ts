import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAllPlans } from '../domain/catalog/test-plans';
import { openDatabase, type AppDatabase } from './database';
import { RecordConflictError, ValidationError } from './errors';
import { deleteSurvey, listSurveys, saveSurvey, surveyHistory, type SurveyInput } from './surveys';

const zhoucun = loadAllPlans().find((p) => p.id === 'zhoucun');
if (!zhoucun) throw new Error('zhoucun');

let db: AppDatabase;
beforeEach(() => {
  db = openDatabase(`surveys-test-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

const ctx = (by = '王评估') => ({ by, plan: zhoucun });
const survey: SurveyInput = {
  planId: 'zhoucun',
  year: 2018,
  domain: 'health',
  serviceId: null,
  organiser: '山东某调查研究中心',
  isThirdParty: true,
  method: '入户问卷',
  sampleSize: 1200,
  result: { kind: 'rate', value: 92.5 },
  notes: '',
};

describe('satisfaction surveys', () => {
  it('are recorded with an id, version 1, who and when, and an audit row', async () => {
    const row = await saveSurvey(db, survey, ctx());
    expect(row).toMatchObject({ ...survey, version: 1, deleted: 0, by: '王评估' });
    expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await listSurveys(db, 'zhoucun')).toEqual([row]);
    expect(await listSurveys(db, 'dazhou')).toEqual([]);
    const history = await surveyHistory(db, row);
    expect(history).toMatchObject([{ entity: 'survey', action: 'create', before: null }]);
  });

  it('are corrected with the version read, and a stale version is refused with what is stored', async () => {
    const first = await saveSurvey(db, survey, ctx());
    await saveSurvey(
      db,
      { ...survey, id: first.id, sampleSize: 1250, expectedVersion: 1 },
      ctx('李四'),
    );
    const stale = saveSurvey(
      db,
      { ...survey, id: first.id, result: { kind: 'rate', value: 93 }, expectedVersion: 1 },
      ctx(),
    );
    const error = await stale.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordConflictError);
    expect((error as RecordConflictError).conflicts[0]).toMatchObject({
      currentVersion: 2,
      changedBy: '李四',
      current: { sampleSize: 1250 },
    });
    expect((await listSurveys(db, 'zhoucun'))[0]).toMatchObject({
      sampleSize: 1250,
      result: { value: 92.5 },
      version: 2,
    });
  });

  it('refuses what the domain refuses, naming the field, and writes nothing', async () => {
    await expect(
      saveSurvey(db, { ...survey, result: { kind: 'rate', value: 120 } }, ctx()),
    ).rejects.toThrow('满意率应在0—100%之间');
    await expect(
      saveSurvey(db, { ...survey, result: { kind: 'rate', value: 120 } }, ctx()),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      saveSurvey(db, { ...survey, id: 'nope', expectedVersion: 3 }, ctx()),
    ).rejects.toBeInstanceOf(RecordConflictError);
    expect(await db.surveys.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('are withdrawn as tombstones, with the version checked', async () => {
    const row = await saveSurvey(db, survey, ctx());
    await expect(deleteSurvey(db, row.id, 0, ctx())).rejects.toBeInstanceOf(RecordConflictError);
    await deleteSurvey(db, row.id, 1, ctx());
    expect(await listSurveys(db, 'zhoucun')).toEqual([]);
    expect(await db.surveys.get(row.id)).toMatchObject({ deleted: 1, version: 2 });
    expect((await surveyHistory(db, row)).map((h) => h.action)).toEqual(['delete', 'create']);
  });
});
