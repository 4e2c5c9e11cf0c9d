import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { planFingerprint } from '../../domain/catalog/fingerprint';
import type { Plan } from '../../domain/catalog/schema';
import { loadAllPlans } from '../../domain/catalog/test-plans';
import { freezeReport } from '../../domain/report/snapshot';
import { input } from '../../domain/report/test-input';
import { openDatabase, type AppDatabase } from '../database';
import { getNarrative, saveNarrative } from '../narratives';
import { createSnapshot, getSnapshot, listSnapshots } from '../snapshots';
import { COMPLETE_SCOPE, exportExchange } from './export';
import {
  applyMerge,
  countData,
  prepareImport,
  previewMerge,
  restoreFile,
  type PreparedFile,
} from './import';

// The report tables of schema v4 (narratives, snapshots, snapshotContents) travel in exchange
// files: a backup holds them, a restore brings them back, a merge merges them.

let plans: Plan[];
let dazhou: Plan;
beforeAll(() => {
  plans = loadAllPlans();
  dazhou = plans.find((p) => p.id === 'dazhou') as Plan;
});

const opened: AppDatabase[] = [];
let counter = 0;
function laptop(): AppDatabase {
  const db = openDatabase(`report-exchange-test-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

let minute = 0;
const clock = () => new Date(Date.UTC(2026, 11, 9, 8, minute++));
const KEY = { planId: 'dazhou', regionId: 'dazhou', asOfYear: 2018 };

function asFile(text: string, name = '数据.json') {
  return { name, size: new TextEncoder().encode(text).length, text: async () => text };
}
async function exportFrom(db: AppDatabase, by = '王评估') {
  return (await exportExchange(db, COMPLETE_SCOPE, { appVersion: '0.1.0', exportedBy: by })).text;
}
async function prepared(db: AppDatabase, text: string): Promise<PreparedFile> {
  const result = await prepareImport(db, asFile(text), { builtinPlans: plans });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.file;
}
async function tablesOf(db: AppDatabase) {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables)
    if (table.name !== 'exchanges') tables[table.name] = await table.toArray();
  return tables;
}

async function freeze(db: AppDatabase, id: string, note = '报市政府稿') {
  const snapshot = freezeReport(
    { ...input(), narrative: { problems: '床位增长慢。', suggestions: '加快扩建。' } },
    {
      id,
      createdAt: clock().toISOString(),
      createdBy: '王评估',
      note,
      planFingerprint: await planFingerprint(dazhou),
      narrativeVersion: 1,
    },
  );
  await createSnapshot(db, snapshot);
  return snapshot;
}

describe('report tables in exchange files', () => {
  it('a backup holds a narrative and a snapshot, and a restore brings them back deep-equal', async () => {
    const a = laptop();
    await saveNarrative(
      a,
      { ...KEY, problems: '部分县区数据不全。', suggestions: '按季度报送。', expectedVersion: 0 },
      { by: '王评估', now: clock },
    );
    await freeze(a, 'snap-a');
    const text = await exportFrom(a);
    const empty = laptop();
    // The restore's confirmation and summary name the report texts and snapshots too.
    expect(await countData(a)).toMatchObject({ narratives: 1, snapshots: 1 });
    const counts = await restoreFile(empty, await prepared(empty, text), {
      by: '王评估',
      storage: null,
    });
    expect(counts).toMatchObject({ narratives: 1, snapshots: 1 });
    const restored = await tablesOf(empty);
    expect(restored.narratives).toHaveLength(1);
    expect(restored.snapshots).toHaveLength(1);
    expect(restored.snapshotContents).toHaveLength(1);
    expect(restored).toEqual(await tablesOf(a));
    expect(await getSnapshot(empty, 'snap-a')).toEqual(await getSnapshot(a, 'snap-a'));
  });

  it('lists a narrative both laptops changed as a conflict, and takes theirs when chosen', async () => {
    const a = laptop();
    const b = laptop();
    await saveNarrative(
      a,
      { ...KEY, problems: '初稿。', suggestions: '初稿建议。', expectedVersion: 0 },
      { by: '王评估', now: clock },
    );
    await restoreFile(b, await prepared(b, await exportFrom(a)), { by: '李评估', storage: null });
    await saveNarrative(
      a,
      { ...KEY, problems: '王改的问题。', suggestions: '初稿建议。', expectedVersion: 1 },
      { by: '王评估', now: clock },
    );
    await saveNarrative(
      b,
      { ...KEY, problems: '李改的问题。', suggestions: '初稿建议。', expectedVersion: 1 },
      { by: '李评估', now: clock },
    );
    const preview = await previewMerge(a, await prepared(a, await exportFrom(b, '李评估')));
    expect(preview.refusals).toEqual([]);
    expect(preview.conflicts).toHaveLength(1);
    expect(preview.conflicts[0]?.mine).toMatchObject({ by: '王评估', version: 2 });
    expect(preview.conflicts[0]?.theirs).toMatchObject({ by: '李评估', version: 2 });
    await applyMerge(a, preview, () => 'theirs', { by: '王评估', storage: null, now: clock });
    // Theirs, with a local version above both sides' (2), so a tab holding version 2 must reload.
    expect(await getNarrative(a, KEY)).toMatchObject({
      problems: '李改的问题。',
      updatedBy: '李评估',
      version: 3,
    });
  });

  it('adds a snapshot frozen on the other laptop, skips one both hold, and refuses one id with two contents', async () => {
    const a = laptop();
    const b = laptop();
    await freeze(a, 'snap-both');
    await restoreFile(b, await prepared(b, await exportFrom(a)), { by: '李评估', storage: null });
    const theirs = await freeze(b, 'snap-b', '李的快照');
    const preview = await previewMerge(a, await prepared(a, await exportFrom(b, '李评估')));
    expect(preview.refusals).toEqual([]);
    expect(preview.conflicts).toEqual([]);
    const summary = await applyMerge(a, preview, () => 'mine', {
      by: '王评估',
      storage: null,
      now: clock,
    });
    expect(summary.byTable.snapshots).toEqual({ added: 1, updated: 0, taken: 0 });
    expect((await listSnapshots(a, 'dazhou')).map((s) => s.id).sort()).toEqual([
      'snap-b',
      'snap-both',
    ]);
    expect(await getSnapshot(a, 'snap-b')).toEqual(theirs);

    // The same id with other content (a file edited by hand): refused, nothing written.
    const c = laptop();
    await freeze(c, 'snap-both', '另一份内容');
    const before = await tablesOf(a);
    const clash = await previewMerge(a, await prepared(a, await exportFrom(c)));
    expect(clash.refusals).toEqual([
      '评估快照“snap-both”：文件中的快照与本机同一编号的快照内容不同（快照冻结后不会改变），无法合并',
    ]);
    await expect(
      applyMerge(a, clash, () => 'mine', { by: '王评估', storage: null, now: clock }),
    ).rejects.toThrow('内容不同');
    expect(await tablesOf(a)).toEqual(before);
  });

  it('restores a backup of the 报告 release (format 3, schema v4) with its narrative and snapshot', async () => {
    // What src/db/backup.ts wrote at schema v4: the tables as stored, audit rows without auditId.
    const a = laptop();
    await saveNarrative(
      a,
      { ...KEY, problems: '旧版备份中的文字。', suggestions: '', expectedVersion: 0 },
      { by: '王评估', now: clock },
    );
    await freeze(a, 'snap-v4');
    const tables = await tablesOf(a);
    const legacy = JSON.stringify({
      format: 'gongfu-monitor-backup',
      version: 3,
      exportedAt: '2026-12-08T09:00:00.000Z',
      database: 'gongfu-monitor',
      schemaVersion: 4,
      tables: {
        // Schema v4 had no service-tracking tables (v6) nor the compact copy of values (v7).
        ...Object.fromEntries(
          Object.entries(tables).filter(
            ([name]) => name !== 'implementation' && name !== 'surveys' && name !== 'planNumbers',
          ),
        ),
        auditLog: (tables.auditLog as Array<Record<string, unknown>>).map(
          ({ auditId: _auditId, ...row }) => row,
        ),
        regions: [],
      },
    });
    const b = laptop();
    const file = await prepared(b, legacy);
    expect(file.fromSchemaVersion).toBe(4);
    await restoreFile(b, file, { by: '王评估', storage: null, now: clock });
    expect(await getNarrative(b, KEY)).toEqual(await getNarrative(a, KEY));
    expect(await getSnapshot(b, 'snap-v4')).toEqual(await getSnapshot(a, 'snap-v4'));
    expect((await b.auditLog.toArray()).map((r) => r.auditId)).toEqual(
      (await a.auditLog.toArray()).map((r) => r.auditId),
    );
  });
});
