import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SESSION_ID } from './audit';
import { exportBackup } from './backup';
import { openDatabase, type AppDatabase } from './database';
import { setJudgement } from './judgements';
import { addRegion } from './regions';
import { writeSetting } from './settings';
import { loadUserPlan } from './user-plans';
import { saveImplementation } from './implementation';
import { saveSurvey } from './surveys';
import { saveValues, type WriteContext } from './values';
import type { Plan } from '../domain/catalog/schema';
import { loadAllPlans } from '../domain/catalog/test-plans';

const BEDS = 'health.hospital-beds-per-1000';
const AT = '2026-11-23T08:00:00.000Z';
const UUID = '1a2b3c4d-0000-4000-8000-000000000000';
const ctx: WriteContext = {
  by: '王评估',
  baseYear: 2015,
  endYear: 2020,
  itemIds: new Set([BEDS]),
};
// A plan file a user loads: 周村区规划 under another id (built-in ids are refused).
const ziboText = JSON.stringify({
  ...JSON.parse(readFileSync('data/plans/zhoucun.json', 'utf8')),
  id: 'zibo-test',
});

const dazhou = loadAllPlans().find((p) => p.id === 'dazhou') as Plan;
const survey = {
  planId: 'dazhou',
  year: 2017,
  domain: 'health',
  serviceId: null,
  organiser: '四川某调查公司',
  isThirdParty: true,
  method: '电话调查',
  sampleSize: 600,
  result: { kind: 'rate' as const, value: 90.2 },
  notes: '',
};

let user: AppDatabase;
let demo: AppDatabase;
beforeEach(() => {
  // Only the clock is fixed (IndexedDB's own timers keep running), and the random ids.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(AT));
  vi.spyOn(crypto, 'randomUUID').mockReturnValue(UUID);
  user = openDatabase('backup-test-user');
  demo = openDatabase('backup-test-demo');
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await user.delete();
  await demo.delete();
});

/** Stores one of everything in the user's data set, and other figures in the demo data set. */
async function storeBothDataSets() {
  await saveValues(
    user,
    [
      { planId: 'dazhou', itemId: BEDS, regionId: 'dazhou', year: 2016, value: 4.4 },
      { planId: 'dazhou', itemId: BEDS, regionId: 'dazhou', year: 2017, value: 4.6, text: '4.60' },
    ],
    ctx,
  );
  await setJudgement(user, {
    planId: 'dazhou',
    itemId: BEDS,
    regionId: 'dazhou',
    asOfYear: 2017,
    status: 'lagging',
    reason: ' 与卫健委核实 ',
    by: '王评估',
  });
  await addRegion(user, 'dazhou', '高新区', 'district', '王评估');
  await writeSetting(user, 'evaluatorName', '王评估');
  const loaded = await loadUserPlan(user, ziboText, 'zibo.json', new Set(['zhoucun']), '王评估');
  expect(loaded.ok).toBe(true);
  await saveImplementation(
    user,
    [
      {
        planId: 'dazhou',
        regionId: 'dazhou',
        subject: { kind: 'service', id: 'svc.education.1' },
        year: 2017,
        status: 'done',
        evidence: '市教育局报告',
      },
    ],
    { by: '王评估', plan: dazhou },
  );
  await saveSurvey(user, survey, { by: '王评估', plan: dazhou });

  await saveValues(
    demo,
    [{ planId: 'dazhou', itemId: BEDS, regionId: 'dazhou', year: 2016, value: 9.9 }],
    { ...ctx, by: '示例' },
  );
  await writeSetting(demo, 'evaluatorName', '示例');
}

describe('backup export', () => {
  it('holds every table of the chosen data set, exactly, under the format header', async () => {
    // Given one value, judgement, region, setting and loaded plan in the user's data set, and
    // other figures in the demonstration data set
    await storeBothDataSets();

    // When the user's data set is exported
    const backup = await exportBackup(user, new Date('2026-11-24T09:30:00Z'));

    // Then the backup is exactly the user's rows, worked out from the writes above
    const cell2016 = {
      value: 4.4,
      text: '4.4',
      dataStatus: 'preliminary',
      source: '',
      note: '',
      reason: '',
      updatedAt: AT,
      updatedBy: '王评估',
      version: 1,
    };
    const cell2017 = { ...cell2016, value: 4.6, text: '4.60' };
    const judgement = {
      planId: 'dazhou',
      itemId: BEDS,
      regionId: 'dazhou',
      asOfYear: 2017,
      status: 'lagging',
      reason: '与卫健委核实',
      by: '王评估',
      at: AT,
      version: 1,
    };
    const region = {
      key: 'dazhou:user-1a2b3c4d',
      planId: 'dazhou',
      regionId: 'user-1a2b3c4d',
      name: '高新区',
      level: 'district',
      role: 'subregion',
      archived: 0,
      sortOrder: 0,
      isFromCatalog: false,
    };
    // Every audit row names its action (one id per user action) and the tab that wrote it.
    const origin = { actionId: UUID, session: SESSION_ID };
    const audit = { by: '王评估', at: AT, reason: '', before: null, action: 'create', ...origin };
    const implementation = {
      planId: 'dazhou',
      regionId: 'dazhou',
      subjectKind: 'service',
      subjectId: 'svc.education.1',
      year: 2017,
      status: 'done',
      evidence: '市教育局报告',
      documentRef: '',
      reply: '',
      by: '王评估',
      at: AT,
      version: 1,
    };
    const surveyRow = { ...survey, id: UUID, by: '王评估', at: AT, version: 1, deleted: 0 };
    expect(backup).toEqual({
      format: 'gongfu-monitor-backup',
      version: 3,
      exportedAt: '2026-11-24T09:30:00.000Z',
      database: 'backup-test-user',
      schemaVersion: 3,
      tables: {
        userPlans: [
          {
            id: 'zibo-test',
            fileName: 'zibo.json',
            loadedAt: AT,
            plan: expect.objectContaining({ id: 'zibo-test', shortName: '周村区规划' }),
          },
        ],
        regions: [region],
        // One record for the series (达州市, beds), holding both years.
        series: [
          {
            planId: 'dazhou',
            regionId: 'dazhou',
            itemId: BEDS,
            cells: { 2016: cell2016, 2017: cell2017 },
          },
        ],
        auditLog: [
          {
            seq: 1,
            entity: 'series',
            key: `dazhou|dazhou|${BEDS}`,
            planId: 'dazhou',
            action: 'save',
            changes: [
              { year: 2016, before: null, after: cell2016 },
              { year: 2017, before: null, after: cell2017 },
            ],
            ...origin,
            by: '王评估',
            at: AT,
            reason: '',
          },
          {
            ...audit,
            seq: 2,
            entity: 'judgement',
            key: `dazhou|${BEDS}|dazhou|2017`,
            planId: 'dazhou',
            after: judgement,
            reason: '与卫健委核实',
          },
          {
            ...audit,
            seq: 3,
            entity: 'region',
            key: 'dazhou:user-1a2b3c4d',
            planId: 'dazhou',
            after: region,
          },
          {
            ...audit,
            seq: 4,
            entity: 'plan',
            key: 'zibo-test',
            planId: 'zibo-test',
            // The catalog's fingerprint (SHA-256) travels with the backup (docs/catalog.md).
            after: {
              id: 'zibo-test',
              name: expect.any(String),
              fileName: 'zibo.json',
              fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
            },
          },
          {
            ...origin,
            seq: 5,
            entity: 'implementation',
            key: 'dazhou|dazhou|svc.education.1|2017',
            planId: 'dazhou',
            action: 'save',
            before: null,
            after: implementation,
            by: '王评估',
            at: AT,
            reason: '',
          },
          {
            ...audit,
            seq: 6,
            entity: 'survey',
            key: `dazhou|survey|${UUID}`,
            planId: 'dazhou',
            after: surveyRow,
          },
        ],
        judgements: [judgement],
        settings: [{ key: 'evaluatorName', value: '王评估' }],
        implementation: [implementation],
        surveys: [surveyRow],
      },
    });
    // and a table the schema gains later cannot be left out unnoticed
    expect(Object.keys(backup.tables).sort()).toEqual(user.tables.map((t) => t.name).sort());
    // and nothing of the demonstration data set (its 9.9 and its 示例 author)
    expect(JSON.stringify(backup)).not.toContain('9.9');
    expect(JSON.stringify(backup)).not.toContain('示例');
  });

  it('exports the demonstration data set alone when it is the chosen one', async () => {
    await storeBothDataSets();
    const backup = await exportBackup(demo, new Date('2026-11-24T09:30:00Z'));
    expect(backup.database).toBe('backup-test-demo');
    expect(
      backup.tables.series.map((s) => [s.cells[2016]?.value, s.cells[2016]?.updatedBy]),
    ).toEqual([[9.9, '示例']]);
    expect(backup.tables.auditLog).toHaveLength(1);
    expect(backup.tables).toMatchObject({
      userPlans: [],
      regions: [],
      judgements: [],
      settings: [{ key: 'evaluatorName', value: '示例' }],
    });
  });

  it('reads every table at one moment: a save that starts midway is not half in the backup', async () => {
    // Given a save of 30 values (30 series, each with its audit row) that starts just after the export
    // has read the values, and before it reads the audit log
    const inputs = Array.from({ length: 30 }, (_, i) => ({
      planId: 'dazhou',
      itemId: BEDS,
      regionId: `user-${String(i).padStart(8, '0')}`,
      year: 2016,
      value: 4 + i / 10,
    }));
    let save: Promise<unknown> | undefined;
    const readValues = user.series.toArray.bind(user.series);
    vi.spyOn(user.series, 'toArray').mockImplementation(() =>
      readValues().then((rows) => {
        // Outside the export's transaction, as another part of the app would write.
        save = Dexie.ignoreTransaction(() => saveValues(user, inputs, ctx));
        return rows;
      }),
    );

    // When the export runs
    const backup = await exportBackup(user);
    await save;

    // Then it holds neither the values nor their audit rows (it read before the save), and the
    // save itself went through
    expect(backup.tables.series).toEqual([]);
    expect(backup.tables.auditLog).toEqual([]);
    expect(await user.series.count()).toBe(30);
    expect(await user.auditLog.count()).toBe(30);
  });
});
