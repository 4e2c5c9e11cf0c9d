import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readExchangeFile, type ExchangeContent } from '../../domain/exchange/exchange-file';
import { SESSION_ID } from '../audit';
import { openDatabase, SCHEMA_VERSION, type AppDatabase } from '../database';
import { setJudgement } from '../judgements';
import { addRegion } from '../regions';
import { writeSetting } from '../settings';
import { loadUserPlan } from '../user-plans';
import { saveValues, type WriteContext } from '../values';
import { COMPLETE_SCOPE, exportExchange } from './export';

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

let user: AppDatabase;
let demo: AppDatabase;
beforeEach(() => {
  // Only the clock is fixed (IndexedDB's own timers keep running), and the random ids.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(AT));
  vi.spyOn(crypto, 'randomUUID').mockReturnValue(UUID);
  user = openDatabase('export-test-user');
  demo = openDatabase('export-test-demo');
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await user.delete();
  await demo.delete();
});

const OPTIONS = {
  appVersion: '0.1.0',
  exportedBy: '王评估',
  now: new Date('2026-11-24T09:30:00Z'),
};

/** A backup of the data set, read back as a file would be. */
async function exportBackup(db: AppDatabase): Promise<ExchangeContent> {
  const { text } = await exportExchange(db, COMPLETE_SCOPE, OPTIONS);
  const read = await readExchangeFile(text, SCHEMA_VERSION);
  if (!read.ok) throw new Error(read.errors.join('\n'));
  return read.content;
}

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

  await saveValues(
    demo,
    [{ planId: 'dazhou', itemId: BEDS, regionId: 'dazhou', year: 2016, value: 9.9 }],
    { ...ctx, by: '示例' },
  );
  await writeSetting(demo, 'evaluatorName', '示例');
}

describe('exporting a backup (everything)', () => {
  it('holds every table of the chosen data set, exactly, under the format header', async () => {
    // Given one value, judgement, region, setting and loaded plan in the user's data set, and
    // other figures in the demonstration data set
    await storeBothDataSets();

    // When the user's data set is exported
    const { text, checksum } = await exportExchange(user, COMPLETE_SCOPE, OPTIONS);
    const read = await readExchangeFile(text, SCHEMA_VERSION);
    if (!read.ok) throw new Error(read.errors.join());
    const backup = read.content;

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
      version: 1,
      updatedAt: AT,
      updatedBy: '王评估',
    };
    // Every audit row names its action (one id per user action) and the tab that wrote it.
    const origin = { actionId: UUID, session: SESSION_ID };
    // The header says what the file is, from which app version, by whom and when; the checksum
    // (SHA-256 of the content) is what a reader verifies.
    expect(read.header).toEqual({
      format: 'gongfu-monitor-exchange',
      formatVersion: 3,
      appVersion: '0.1.0',
      exportedAt: '2026-11-24T09:30:00.000Z',
      exportedBy: '王评估',
      checksum,
    });
    const audit = { by: '王评估', at: AT, reason: '', before: null, action: 'create', ...origin };
    expect(backup).toEqual({
      schemaVersion: SCHEMA_VERSION,
      dataset: 'user',
      scope: COMPLETE_SCOPE,
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
            auditId: `${UUID}:dazhou|dazhou|${BEDS}`,
            by: '王评估',
            at: AT,
            reason: '',
          },
          {
            ...audit,
            auditId: `${UUID}:dazhou|${BEDS}|dazhou|2017`,
            seq: 2,
            entity: 'judgement',
            key: `dazhou|${BEDS}|dazhou|2017`,
            planId: 'dazhou',
            after: judgement,
            reason: '与卫健委核实',
          },
          {
            ...audit,
            auditId: `${UUID}:dazhou:user-1a2b3c4d`,
            seq: 3,
            entity: 'region',
            key: 'dazhou:user-1a2b3c4d',
            planId: 'dazhou',
            after: region,
          },
          {
            ...audit,
            auditId: `${UUID}:zibo-test`,
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
        ],
        judgements: [judgement],
        settings: [{ key: 'evaluatorName', value: '王评估' }],
        narratives: [],
        snapshots: [],
        snapshotContents: [],
        implementation: [],
        surveys: [],
      },
    });
    // and a table the schema gains later cannot be left out unnoticed: every table but this
    // laptop's own import log and the compact copy of the values (derived from series) is in
    // the file
    expect(Object.keys(backup.tables).sort()).toEqual(
      user.tables
        .map((t) => t.name)
        .filter((name) => name !== 'exchanges' && name !== 'planNumbers')
        .sort(),
    );
    // and nothing of the demonstration data set (its 9.9 and its 示例 author)
    expect(JSON.stringify(backup)).not.toContain('9.9');
    expect(JSON.stringify(backup)).not.toContain('示例');
  });

  it('exports the demonstration data set alone when it is the chosen one', async () => {
    await storeBothDataSets();
    const backup = await exportBackup(demo);
    expect(backup.dataset).toBe('demo');
    const series = backup.tables.series as Array<{
      cells: Record<number, { value: number; updatedBy: string }>;
    }>;
    expect(series.map((s) => [s.cells[2016]?.value, s.cells[2016]?.updatedBy])).toEqual([
      [9.9, '示例'],
    ]);
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
    // Every table object of the database shares one prototype (db.table() and db.series differ).
    const tables = Object.getPrototypeOf(user.series) as Dexie.Table;
    const readRows = tables.toArray;
    vi.spyOn(tables, 'toArray').mockImplementation(function (this: Dexie.Table) {
      const rows = (readRows as () => Promise<unknown[]>).call(this);
      if (this.name !== 'series' || save) return rows as never;
      return rows.then((read) => {
        // Outside the export's transaction, as another part of the app would write.
        save = Dexie.ignoreTransaction(() => saveValues(user, inputs, ctx));
        return read;
      }) as never;
    });

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
