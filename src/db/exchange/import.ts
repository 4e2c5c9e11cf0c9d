import type { IndexableType, Table } from 'dexie';
import { canonicalJson, planFingerprint } from '../../domain/catalog/fingerprint';
import type { Plan } from '../../domain/catalog/schema';
import { checkExchangeTables, type CheckContext } from '../../domain/exchange/exchange-check';
import {
  checkExchangeFileSize,
  readExchangeFile,
  type ExchangeContent,
  type ExchangeHeader,
} from '../../domain/exchange/exchange-file';
import type { ExchangeAuditRow, ExchangeRegionRow } from '../../domain/exchange/exchange-rows';
import {
  EXCHANGE_TABLES,
  type ExchangeTableSpec,
  type UnitMerge,
} from '../../domain/exchange/exchange-tables';
import {
  changesToWrite,
  planDigest,
  planTableMerge,
  recordKeysConcerned,
  type MergeChoice,
  type MergeConflict,
  type TableMergePlan,
} from '../../domain/exchange/merge';
import { auditOrigin } from '../audit';
import { announceChange } from '../changes';
import {
  SCHEMA_VERSION,
  type AppDatabase,
  type AuditRow,
  type ExchangeRow,
  type UserPlanRow,
} from '../database';
import { ValidationError } from '../errors';
import { upgradeTables } from '../schema-history';
import { lastLoadedPlan } from '../user-plans';
import { datasetOf } from './export';
import { clearPending, defaultStorage, markPending, type MarkerStorage } from './pending';

/** What the browser's File offers, so tests can hand over a file without a browser. */
export interface ImportSource {
  name: string;
  size: number;
  text: () => Promise<string>;
}

/** A file read, upgraded to the current schema and checked row by row: ready to merge or restore. */
export interface PreparedFile {
  fileName: string;
  header: ExchangeHeader;
  content: ExchangeContent;
  /** The schema version the file was written at (it was upgraded when older). */
  fromSchemaVersion: number;
  warnings: string[];
}

export type PrepareResult = { ok: true; file: PreparedFile } | { ok: false; errors: string[] };

export interface ImportOptions {
  /** The built-in plans (data/plans): values may refer to them; the file cannot replace them. */
  builtinPlans: readonly Plan[];
  maxBytes?: number;
}

const DATASET_NAMES = { user: '我的数据', demo: '示例数据' } as const;

/**
 * Reads and checks an exchange file for this data set; writes nothing. The size is checked on
 * what the file system reports before the file is read; then the envelope and checksum
 * (exchange-file.ts); a file of an older schema version is upgraded by the same upgrade
 * functions as a database; then every row (exchange-check.ts) against the plans and regions
 * known here.
 */
export async function prepareImport(
  db: AppDatabase,
  source: ImportSource,
  options: ImportOptions,
): Promise<PrepareResult> {
  const sizeProblem = checkExchangeFileSize(source.size, options.maxBytes);
  if (sizeProblem) return { ok: false, errors: [sizeProblem] };
  const read = await readExchangeFile(await source.text(), SCHEMA_VERSION);
  if (!read.ok) return read;
  const target = datasetOf(db);
  if (read.content.dataset !== target) {
    return {
      ok: false,
      errors: [
        `这是“${DATASET_NAMES[read.content.dataset]}”导出的文件，不能导入“${DATASET_NAMES[target]}”：示例数据与您的数据从不混在一起`,
      ],
    };
  }
  let tables = read.content.tables;
  if (read.content.schemaVersion < SCHEMA_VERSION) {
    try {
      tables = await upgradeTables(tables, read.content.schemaVersion);
    } catch (error) {
      return {
        ok: false,
        errors: [
          `文件中的数据无法按第${read.content.schemaVersion}版数据库结构读取（${(error as Error).message}），未导入`,
        ],
      };
    }
    // The scratch database has every table of today; the file had only its own.
    tables = Object.fromEntries(
      Object.entries(tables).filter(
        ([name, rows]) => name !== 'exchanges' && (rows.length > 0 || name in read.content.tables),
      ),
    );
  }
  const context = await checkContext(db, options.builtinPlans);
  const checked = checkExchangeTables(tables, context);
  if (!checked.ok) return checked;
  return {
    ok: true,
    file: {
      fileName: source.name,
      header: read.header,
      content: { ...read.content, schemaVersion: SCHEMA_VERSION, tables: checked.tables },
      fromSchemaVersion: read.content.schemaVersion,
      warnings: read.warnings,
    },
  };
}

async function checkContext(db: AppDatabase, builtinPlans: readonly Plan[]): Promise<CheckContext> {
  const [userPlans, regions] = await db.transaction('r', db.userPlans, db.regions, () =>
    Promise.all([db.userPlans.toArray(), db.regions.toArray()]),
  );
  const builtin = new Map(builtinPlans.map((p) => [p.id, p]));
  const loaded = new Map(userPlans.map((row) => [row.id, row.plan]));
  const regionIds = new Map<string, Set<string>>();
  for (const r of regions)
    regionIds.set(r.planId, (regionIds.get(r.planId) ?? new Set()).add(r.regionId));
  return {
    planOf: (planId) => builtin.get(planId) ?? loaded.get(planId),
    isBuiltin: (planId) => builtin.has(planId),
    localRegionIds: (planId) => regionIds.get(planId) ?? new Set(),
  };
}

// ---------------------------------------------------------------- merge

/** One table's part of a merge: its plan and the records stored here that it concerns. */
interface TablePreview {
  spec: ExchangeTableSpec;
  merge: UnitMerge<unknown>;
  plan: TableMergePlan;
  mineRows: Map<string, unknown>;
}

/** What a merge would do, shown to the user before anything is written. */
export interface MergePreview {
  file: PreparedFile;
  tables: TablePreview[];
  /** Loaded plans the file adds. */
  plansToAdd: UserPlanRow[];
  /** The file's history rows not here yet (by auditId). */
  newHistory: ExchangeAuditRow[];
  /** Records of immutable tables (report snapshots) the file adds, by table. */
  immutableAdds: Array<{ spec: ExchangeTableSpec; rows: unknown[]; identical: number }>;
  /** Why the file cannot be merged at all (a different plan under the same id, …). */
  refusals: string[];
  conflicts: MergeConflict[];
  digest: string;
}

const unitMergeOf = (spec: ExchangeTableSpec) =>
  typeof spec.merge === 'object' ? (spec.merge as UnitMerge<unknown>) : null;

/** The merge, computed from what is stored now: run before showing, and again inside the write. */
async function computeMerge(db: AppDatabase, file: PreparedFile): Promise<MergePreview> {
  const tables = file.content.tables;
  const theirHistory = (tables.auditLog ?? []) as ExchangeAuditRow[];
  const previews: TablePreview[] = [];
  const refusals: string[] = [];
  for (const spec of EXCHANGE_TABLES) {
    const merge = unitMergeOf(spec);
    const theirRows = tables[spec.table];
    if (!merge || !theirRows) continue;
    const history = theirHistory.filter((row) => row.entity === spec.auditEntity);
    const keys = recordKeysConcerned(merge, { theirRows, theirHistory: history });
    const stored = await db
      .table(spec.table)
      .bulkGet(keys.map((key) => spec.primaryKeyOf(key) as IndexableType));
    const mineRows = new Map<string, unknown>();
    stored.forEach((row, index) => {
      if (row !== undefined) mineRows.set(keys[index] as string, row);
    });
    const mineHistory = keys.length
      ? ((await db.auditLog.where('key').anyOf(keys).toArray()) as ExchangeAuditRow[]).filter(
          (row) => row.entity === spec.auditEntity,
        )
      : [];
    const plan = planTableMerge(spec.table, merge, {
      theirRows,
      theirHistory: history,
      mineRows: [...mineRows.values()],
      mineHistory,
    });
    previews.push({ spec, merge, plan, mineRows });
  }

  // A region added on both laptops gets a different id on each: two regions of one name.
  const regionPreview = previews.find((p) => p.spec.table === 'regions');
  for (const unit of regionPreview?.plan.added ?? []) {
    const theirs = unit.payload as ExchangeRegionRow;
    const clash = await db.regions
      .where('planId')
      .equals(theirs.planId)
      .filter((r) => r.name === theirs.name && r.regionId !== theirs.regionId)
      .first();
    if (clash) {
      refusals.push(
        `区域“${theirs.name}”：文件中的（编号 ${theirs.regionId}）与本机的（编号 ${clash.regionId}）不是同一个区域，两台电脑各自新增了它。请先在其中一台电脑上把它改名，再交换数据`,
      );
    }
  }

  // Loaded plans: the same catalog is skipped, a different one under the same id refused.
  const plansToAdd: UserPlanRow[] = [];
  for (const row of (tables.userPlans ?? []) as UserPlanRow[]) {
    const mine = await db.userPlans.get(row.id);
    if (mine) {
      if (canonicalJson(mine.plan) !== canonicalJson(row.plan)) {
        refusals.push(
          `规划“${row.id}”：文件中的规划内容与本机已加载的“${mine.plan.name}”不同，无法合并；请确认两边使用同一个规划文件`,
        );
      }
      continue;
    }
    const earlier = await lastLoadedPlan(db, row.id);
    if (earlier && earlier.fingerprint !== (await planFingerprint(row.plan))) {
      refusals.push(
        `规划“${row.id}”：本机此前以同一编号载入过内容不同的规划“${earlier.name}”（文件 ${earlier.fileName}），未合并`,
      );
      continue;
    }
    plansToAdd.push(row);
  }

  // Report snapshots are never edited: a new id is added; the same id with the same content is
  // identical; the same id with other content refuses the file (one of them was altered); one
  // this laptop deleted is not brought back (its deletion is in the history here).
  const immutableAdds: MergePreview['immutableAdds'] = [];
  for (const spec of EXCHANGE_TABLES) {
    if (spec.merge !== 'immutable') continue;
    const rows = tables[spec.table] ?? [];
    const keys = rows.map((row) => spec.keyOf(row));
    const stored = await db
      .table(spec.table)
      .bulkGet(keys.map((key) => spec.primaryKeyOf(key) as IndexableType));
    const deleted = new Set(
      keys.length
        ? (await db.auditLog.where('key').anyOf(keys).toArray())
            .filter((row) => row.action === 'delete')
            .map((row) => row.key)
        : [],
    );
    const adds: unknown[] = [];
    let identical = 0;
    rows.forEach((row, index) => {
      const key = keys[index] as string;
      const mine: unknown = stored[index];
      if (mine === undefined) {
        if (!deleted.has(key)) adds.push(row);
      } else if (canonicalJson(mine) === canonicalJson(row)) {
        identical++;
      } else {
        const refusal = `评估快照“${String(spec.primaryKeyOf(key))}”：文件中的快照与本机同一编号的快照内容不同（快照冻结后不会改变），无法合并`;
        if (!refusals.includes(refusal)) refusals.push(refusal);
      }
    });
    immutableAdds.push({ spec, rows: adds, identical });
  }

  const ids = theirHistory.map((row) => row.auditId);
  const present = new Set(
    ids.length
      ? (await db.auditLog.where('auditId').anyOf(ids).toArray()).map((r) => r.auditId)
      : [],
  );
  const newHistory = theirHistory.filter((row) => !present.has(row.auditId));
  const conflicts = previews.flatMap((p) => p.plan.conflicts);
  const digest = JSON.stringify([
    previews.map((p) => planDigest(p.merge, p.plan)),
    plansToAdd.map((p) => p.id),
    immutableAdds.map((a) => [a.spec.table, a.rows.length, a.identical]),
    newHistory.length,
  ]);
  return {
    file,
    tables: previews,
    plansToAdd,
    immutableAdds,
    newHistory,
    refusals,
    conflicts,
    digest,
  };
}

/** What merging the file would do; writes nothing. */
export async function previewMerge(db: AppDatabase, file: PreparedFile): Promise<MergePreview> {
  const tables = [...new Set([...EXCHANGE_TABLES.map((s) => s.table), 'auditLog'])];
  return db.transaction(
    'r',
    tables.map((t) => db.table(t)),
    () => computeMerge(db, file),
  );
}

/** Counts of what a merge did, as the summary shows them. */
export interface MergeSummary {
  /** Values and records added (cleared values brought over are not counted). */
  added: number;
  identical: number;
  older: number;
  updated: number;
  conflictsKept: number;
  conflictsTaken: number;
  history: number;
  plans: number;
  byTable: Record<string, { added: number; updated: number; taken: number }>;
}

/** The data here changed between the preview and the write (another tab): nothing written. */
export class StaleImportError extends Error {
  constructor() {
    super(
      '检查文件之后，本机数据又被修改过（可能在另一个标签页中），为免覆盖，未导入；请重新选择文件',
    );
    this.name = 'StaleImportError';
  }
}

export interface ImportContext {
  /** The person importing (settings): the author of the merge's own audit rows. */
  by: string;
  now?: () => Date;
  storage?: MarkerStorage | null;
  /** Called inside the transaction before the first write (tests force faults here). */
  onWriteStart?: () => void;
}

const CHUNK = 2000;
async function bulkAddInChunks(table: Table, rows: readonly unknown[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await table.bulkAdd(rows.slice(i, i + CHUNK));
}

/**
 * Merges the file, all or nothing, as one action: in one transaction the merge is computed again
 * (if it differs from the preview, StaleImportError, nothing written); each record that changes
 * is written with the merge's audit row (action `merge` for values); the file's history rows
 * not yet here are added (marked `importedIn`); and the import is recorded in `exchanges`.
 * Conflicts are resolved by `choiceOf`; refusals refuse the whole file.
 */
export async function applyMerge(
  db: AppDatabase,
  preview: MergePreview,
  choiceOf: (conflict: MergeConflict) => MergeChoice,
  ctx: ImportContext,
): Promise<MergeSummary> {
  if (preview.refusals.length) throw new ValidationError(preview.refusals.join('\n'), 'file');
  const file = preview.file;
  const at = (ctx.now?.() ?? new Date()).toISOString();
  const origin = auditOrigin();
  const reason = `从数据文件导入（${file.fileName}）`;
  // Hashed before the transaction: no awaits on non-Dexie work inside one.
  const fingerprints = new Map<string, string>();
  for (const row of preview.plansToAdd) fingerprints.set(row.id, await planFingerprint(row.plan));
  const storage = ctx.storage === undefined ? defaultStorage() : ctx.storage;
  markPending(storage, db.name, {
    actionId: origin.actionId,
    kind: 'merge',
    fileName: file.fileName,
    startedAt: at,
  });
  const summary: MergeSummary = {
    added: 0,
    identical: 0,
    older: 0,
    updated: 0,
    conflictsKept: 0,
    conflictsTaken: 0,
    history: 0,
    plans: 0,
    byTable: {},
  };
  try {
    await db.transaction('rw', db.tables, async () => {
      const now = await computeMerge(db, file);
      if (now.digest !== preview.digest) throw new StaleImportError();
      ctx.onWriteStart?.();
      // Their history first (older events), then what this merge wrote: seq follows time.
      await bulkAddInChunks(
        db.auditLog,
        now.newHistory.map(({ seq: _seq, ...row }) => ({ ...row, importedIn: origin.actionId })),
      );
      summary.history = now.newHistory.length;
      const ownAudit: AuditRow[] = [];
      for (const row of now.plansToAdd) {
        await db.userPlans.add(row);
        ownAudit.push({
          entity: 'plan',
          key: row.id,
          planId: row.id,
          action: 'create',
          before: null,
          after: {
            id: row.id,
            name: row.plan.name,
            fileName: row.fileName,
            fingerprint: fingerprints.get(row.id),
          },
          ...origin,
          by: ctx.by,
          at,
          reason,
        });
      }
      summary.plans = now.plansToAdd.length;
      for (const table of now.tables) {
        const { spec, merge, plan, mineRows } = table;
        const changes = changesToWrite(merge, plan, choiceOf);
        const taken = plan.conflicts.filter((c) =>
          changes.get(c.theirs.recordKey)?.some((ch) => ch.unitKey === c.theirs.unitKey),
        ).length;
        summary.byTable[spec.table] = {
          added: plan.added.filter((u) => !u.isDeleted).length,
          updated: plan.updated.length,
          taken,
        };
        summary.added += plan.added.filter((u) => !u.isDeleted).length;
        summary.identical += plan.identical;
        summary.older += plan.older;
        summary.updated += plan.updated.length;
        summary.conflictsTaken += taken;
        summary.conflictsKept += plan.conflicts.length - taken;
        const puts: unknown[] = [];
        const deletes: unknown[] = [];
        for (const [recordKey, recordChanges] of changes) {
          const mine = mineRows.get(recordKey);
          const next = merge.assemble(recordKey, mine, recordChanges);
          if (next === null) deletes.push(spec.primaryKeyOf(recordKey));
          else puts.push(next);
          ownAudit.push({
            ...(merge.auditOf(recordKey, mine, next, recordChanges) as Omit<
              AuditRow,
              'actionId' | 'session' | 'by' | 'at' | 'reason'
            >),
            ...origin,
            by: ctx.by,
            at,
            reason,
          } as AuditRow);
        }
        for (let i = 0; i < puts.length; i += CHUNK) {
          await db.table(spec.table).bulkPut(puts.slice(i, i + CHUNK));
        }
        if (deletes.length) await db.table(spec.table).bulkDelete(deletes as IndexableType[]);
      }
      for (const { spec, rows, identical } of now.immutableAdds) {
        await bulkAddInChunks(db.table(spec.table), rows);
        summary.byTable[spec.table] = { added: rows.length, updated: 0, taken: 0 };
        // A snapshot's list entry and its content are one record: counted, and audited, once.
        if (spec.auditEntity === null) continue;
        summary.added += rows.length;
        summary.identical += identical;
        for (const row of rows) {
          ownAudit.push({
            entity: spec.auditEntity,
            key: spec.keyOf(row),
            planId: spec.planIdOf(row),
            action: 'create',
            before: null,
            after: row,
            ...origin,
            by: ctx.by,
            at,
            reason,
          } as AuditRow);
        }
      }
      await bulkAddInChunks(db.auditLog, ownAudit);
      const record: ExchangeRow = {
        actionId: origin.actionId,
        kind: 'merge',
        fileName: file.fileName,
        checksum: file.header.checksum,
        exportedAt: file.header.exportedAt,
        exportedBy: file.header.exportedBy,
        at,
        by: ctx.by,
        summary: {
          added: summary.added,
          identical: summary.identical,
          older: summary.older,
          updated: summary.updated,
          conflictsKept: summary.conflictsKept,
          conflictsTaken: summary.conflictsTaken,
          history: summary.history,
          plans: summary.plans,
        },
      };
      await db.exchanges.add(record);
    });
  } finally {
    clearPending(storage, db.name);
  }
  // Any plan, region, value or judgement may have changed: every tab refetches everything.
  announceChange(db, { kind: 'reset' });
  return summary;
}

// ---------------------------------------------------------------- restore

// The counts live in counts.ts: the shell's durability check reads them on every page, and this
// module (merge, checks, snapshots) must stay out of the first screen.
import { countTables, type DataCounts } from './counts';

export { countData, countTables, type DataCounts } from './counts';

/**
 * Replaces the data set with a backup, all or nothing: in one transaction every table is
 * cleared and filled from the file (history with its own sequence numbers, so exporting again
 * gives the same bytes). Settings are personal: those set here stay, the file's fill only what
 * is not set (after data loss: all of them). Only a complete file (a backup) restores; a part
 * of the data would leave the rest empty.
 */
export async function restoreFile(
  db: AppDatabase,
  file: PreparedFile,
  ctx: ImportContext,
): Promise<DataCounts> {
  if (!file.content.scope.isComplete) {
    throw new ValidationError(
      '这个文件只包含部分数据，不能用来恢复（恢复会替换全部数据）；请改用“导入并合并”',
      'file',
    );
  }
  const at = (ctx.now?.() ?? new Date()).toISOString();
  const { actionId } = auditOrigin();
  const storage = ctx.storage === undefined ? defaultStorage() : ctx.storage;
  markPending(storage, db.name, {
    actionId,
    kind: 'restore',
    fileName: file.fileName,
    startedAt: at,
  });
  const tables = file.content.tables;
  try {
    await db.transaction('rw', db.tables, async () => {
      const localSettings = await db.settings.toArray();
      for (const table of db.tables) if (table.name !== 'exchanges') await table.clear();
      ctx.onWriteStart?.();
      for (const spec of EXCHANGE_TABLES) {
        if (spec.table === 'settings') continue;
        await bulkAddInChunks(db.table(spec.table), tables[spec.table] ?? []);
      }
      const kept = new Set(localSettings.map((s) => s.key));
      await db.settings.bulkAdd([
        ...localSettings,
        ...((tables.settings ?? []) as Array<{ key: string; value: unknown }>).filter(
          (s) => !kept.has(s.key),
        ),
      ]);
      await db.exchanges.add({
        actionId,
        kind: 'restore',
        fileName: file.fileName,
        checksum: file.header.checksum,
        exportedAt: file.header.exportedAt,
        exportedBy: file.header.exportedBy,
        at,
        by: ctx.by,
        summary: { ...countTables(tables) },
      });
    });
  } finally {
    clearPending(storage, db.name);
  }
  announceChange(db, { kind: 'reset' });
  return countTables(tables);
}

/** A Chinese message for a failed write, naming a full disk plainly. */
export function describeImportFailure(error: unknown): string {
  const names = [error, (error as { inner?: unknown })?.inner].map(
    (e) => (e as { name?: string } | undefined)?.name,
  );
  if (names.includes('QuotaExceededError')) {
    return '存储空间不足：浏览器拒绝写入更多数据。本次没有写入任何内容，原有数据不变。请释放磁盘空间（或在“设置”中请求持久保存）后重试。';
  }
  if (error instanceof ValidationError || error instanceof StaleImportError) return error.message;
  return `导入失败，没有写入任何内容，原有数据不变（${error instanceof Error ? error.message : String(error)}）`;
}
