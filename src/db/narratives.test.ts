import { afterEach, describe, expect, it } from 'vitest';
import { watchChanges, type DataChange } from './changes';
import { openDatabase, type AppDatabase, type RecordAuditRow } from './database';
import { NarrativeConflictError, ValidationError } from './errors';
import { getNarrative, migrateNarrativeDrafts, saveNarrative } from './narratives';

const opened: AppDatabase[] = [];
let counter = 0;
function freshDb(): AppDatabase {
  const db = openDatabase(`narratives-test-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const KEY = { planId: 'dazhou', regionId: 'dazhou', asOfYear: 2018 };
let clock = 0;
const ctx = (by: string) => ({ by, now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)) });

describe('the evaluator’s narrative', () => {
  it('is stored per plan, region and year, a version per save, the texts before and after in the audit log', async () => {
    const db = freshDb();
    const first = await saveNarrative(
      db,
      { ...KEY, problems: '床位不足。', suggestions: '', expectedVersion: 0 },
      ctx('王评估'),
    );
    expect(first).toMatchObject({ version: 1, problems: '床位不足。', updatedBy: '王评估' });
    const second = await saveNarrative(
      db,
      { ...KEY, problems: '床位不足。', suggestions: '加快建设。', expectedVersion: 1 },
      ctx('王评估'),
    );
    expect(second.version).toBe(2);
    // Another region and year are other reports.
    expect(await getNarrative(db, { ...KEY, regionId: 'quxian' })).toBeUndefined();
    expect(await getNarrative(db, { ...KEY, asOfYear: 2020 })).toBeUndefined();
    const audit = (await db.auditLog.toArray()) as RecordAuditRow[];
    expect(audit.map((a) => [a.entity, a.key, a.action])).toEqual([
      ['narrative', 'narrative|dazhou|dazhou|2018', 'create'],
      ['narrative', 'narrative|dazhou|dazhou|2018', 'update'],
    ]);
    expect(audit[1]?.before).toMatchObject({ suggestions: '', version: 1 });
    expect(audit[1]?.after).toMatchObject({ suggestions: '加快建设。', version: 2 });
    // The same text again is not a new version.
    const same = await saveNarrative(
      db,
      { ...KEY, problems: '床位不足。', suggestions: '加快建设。', expectedVersion: 2 },
      ctx('王评估'),
    );
    expect(same.version).toBe(2);
    expect(await db.auditLog.count()).toBe(2);
  });

  it('refuses a save from a tab that read an older version: two tabs never overwrite each other silently', async () => {
    const db = freshDb();
    await saveNarrative(
      db,
      { ...KEY, problems: 'A', suggestions: '', expectedVersion: 0 },
      ctx('甲'),
    );
    // Tab 1 and tab 2 both read version 1; tab 2 saves first.
    await saveNarrative(
      db,
      { ...KEY, problems: 'B', suggestions: '', expectedVersion: 1 },
      ctx('乙'),
    );
    const late = saveNarrative(
      db,
      { ...KEY, problems: 'C', suggestions: '', expectedVersion: 1 },
      ctx('甲'),
    );
    await expect(late).rejects.toBeInstanceOf(NarrativeConflictError);
    const error = (await late.catch((e: unknown) => e)) as NarrativeConflictError;
    expect(error.current).toMatchObject({ problems: 'B', version: 2, updatedBy: '乙' });
    expect(error.message).toContain('这段文字已由乙于');
    expect((await getNarrative(db, KEY))?.problems).toBe('B');
    // Writing "mine" states the version seen in the conflict.
    const mine = await saveNarrative(
      db,
      { ...KEY, problems: 'C', suggestions: '', expectedVersion: 2 },
      ctx('甲'),
    );
    expect(mine).toMatchObject({ problems: 'C', version: 3 });
    // A first save racing another first save.
    const fresh = { ...KEY, asOfYear: 2019 };
    await saveNarrative(
      db,
      { ...fresh, problems: 'x', suggestions: '', expectedVersion: 0 },
      ctx('乙'),
    );
    await expect(
      saveNarrative(
        db,
        { ...fresh, problems: 'y', suggestions: '', expectedVersion: 0 },
        ctx('甲'),
      ),
    ).rejects.toBeInstanceOf(NarrativeConflictError);
  });

  it('tells other tabs once per save', async () => {
    const db = freshDb();
    const seen: DataChange[] = [];
    const stop = watchChanges(db.name, (change) => seen.push(change));
    await saveNarrative(
      db,
      { ...KEY, problems: 'A', suggestions: '', expectedVersion: 0 },
      ctx('甲'),
    );
    stop();
    expect(seen).toEqual([{ kind: 'narratives', planId: 'dazhou' }]);
  });

  it('refuses text beyond the limit and a key without region', async () => {
    const db = freshDb();
    await expect(
      saveNarrative(
        db,
        { ...KEY, problems: 'x'.repeat(50_001), suggestions: '', expectedVersion: 0 },
        ctx('甲'),
      ),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      saveNarrative(
        db,
        { ...KEY, regionId: '', problems: 'x', suggestions: '', expectedVersion: 0 },
        ctx('甲'),
      ),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await db.narratives.count()).toBe(0);
  });

  it('takes over localStorage drafts once: a report with a stored narrative keeps it', async () => {
    const db = freshDb();
    await saveNarrative(
      db,
      { ...KEY, asOfYear: 2019, problems: '已写', suggestions: '', expectedVersion: 0 },
      ctx('甲'),
    );
    const drafts = [
      { ...KEY, problems: '草稿问题', suggestions: '草稿建议' },
      { ...KEY, asOfYear: 2019, problems: '旧草稿', suggestions: '' },
      { ...KEY, regionId: 'quxian', problems: '  ', suggestions: '' },
    ];
    const moved = await migrateNarrativeDrafts(db, drafts, ctx('王评估'));
    expect(moved.map((d) => [d.regionId, d.asOfYear])).toEqual([['dazhou', 2018]]);
    expect(await getNarrative(db, KEY)).toMatchObject({
      problems: '草稿问题',
      suggestions: '草稿建议',
      version: 1,
      updatedBy: '王评估',
    });
    expect((await getNarrative(db, { ...KEY, asOfYear: 2019 }))?.problems).toBe('已写');
    expect(await getNarrative(db, { ...KEY, regionId: 'quxian' })).toBeUndefined();
    const audit = (await db.auditLog.toArray()) as RecordAuditRow[];
    expect(audit.at(-1)).toMatchObject({ action: 'create', reason: '从本浏览器草稿迁移' });
    // Running it again (another tab, a reload before the drafts were removed) stores nothing.
    expect(await migrateNarrativeDrafts(db, drafts, ctx('王评估'))).toEqual([]);
    expect(await db.auditLog.count()).toBe(2);
  });
});
