import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup } from './backup';
import { openDatabase, type AppDatabase } from './database';
import { saveObservations } from './observations';
import { setJudgement } from './judgements';

let db: AppDatabase;
afterEach(async () => {
  await db?.delete();
});

describe('backup export', () => {
  it('holds every value, its history and the judgements, with the format and schema version', async () => {
    db = openDatabase('backup-test');
    const ctx = { by: '王评估', baseYear: 2015, endYear: 2020, itemIds: new Set(['beds']) };
    await saveObservations(
      db,
      [
        { planId: 'dazhou', itemId: 'beds', regionId: 'dazhou', year: 2016, value: 4.6 },
        { planId: 'dazhou', itemId: 'beds', regionId: 'dazhou', year: 2017, value: 4.9 },
      ],
      ctx,
    );
    await setJudgement(db, {
      planId: 'dazhou',
      itemId: 'beds',
      regionId: 'dazhou',
      asOfYear: 2017,
      status: 'on_track',
      reason: '核实',
      by: '王评估',
    });
    const backup = await exportBackup(db, new Date('2026-11-23T00:00:00Z'));
    expect(backup).toMatchObject({
      format: 'gongfu-monitor-backup',
      version: 1,
      database: 'backup-test',
      schemaVersion: 1,
      exportedAt: '2026-11-23T00:00:00.000Z',
    });
    expect(backup.tables.observations.map((o) => o.value)).toEqual([4.6, 4.9]);
    expect(backup.tables.auditLog).toHaveLength(3);
    expect(backup.tables.judgements[0]).toMatchObject({ status: 'on_track', reason: '核实' });
    // It survives a JSON round trip unchanged: what is downloaded is what is stored.
    expect(JSON.parse(JSON.stringify(backup))).toEqual(backup);
  });
});
