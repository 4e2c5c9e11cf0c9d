import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type AuditRow } from './database';
import { seedDatabase } from './schema-history';

let name = '';
afterEach(async () => {
  await Dexie.delete(name);
});

const row = (seq: number, actionId: string, key: string, year: number) => ({
  seq,
  entity: 'series',
  key,
  planId: 'dazhou',
  action: 'save',
  changes: [{ year, before: null, after: null }],
  actionId,
  session: 'v1',
  by: '王评估',
  at: `2026-11-20T08:0${seq}:00.000Z`,
  reason: '',
});

describe('schema v2 → v5', () => {
  it('gives two rows of one v1 batch and one series distinct ids, the later one suffixed with its seq', async () => {
    // Given a v2 database whose history has two rows of one action for one series (v2 made one
    // row per year of a v1 batch), and a row of another action
    name = `upgrade-v5-${Date.now()}`;
    const key = 'dazhou|dazhou|health.hospital-beds-per-1000';
    await seedDatabase(name, 2, {
      auditLog: [
        row(1, 'batch-1', key, 2016),
        row(2, 'batch-1', key, 2017),
        row(3, 'v1-3', key, 2018),
      ],
    });
    // When the current code opens it
    const db = openDatabase(name);
    await db.open();
    // Then each row has its own id, the first of the pair without suffix
    const ids = (await db.auditLog.orderBy('seq').toArray()).map((r: AuditRow) => r.auditId);
    expect(ids).toEqual([`batch-1:${key}`, `batch-1:${key}#2`, `v1-3:${key}`]);
    expect(await db.auditLog.where('auditId').equals(`batch-1:${key}#2`).count()).toBe(1);
    db.close();
  });
});
