import { z } from 'zod';
import { STATUS_CODES } from '../assessment/types';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '../implementation/model';
import { snapshotSchema } from '../report/snapshot-file';

/**
 * The rows of an exchange file, table by table, as the database stores them at the current
 * schema version (docs/data-model.md). Strict: a field the table does not have is refused, so a
 * file cannot smuggle anything into a stored record. Free text is checked afterwards with the
 * entry rules (exchange-check.ts), numbers with the items' value rules.
 */

/** An ISO time as `Date.toISOString()` writes it. */
export const isoTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/,
    '应为 ISO 时间（如 2026-12-03T08:00:00.000Z）',
  )
  .refine((text) => !Number.isNaN(Date.parse(text)), '不是有效的时间');

const id = z.string().min(1, '不能为空').max(120, '过长');
const version = z.number().int('应为整数').min(1, '应不小于1');
const text = z.string();

export const storedCellSchema = z.strictObject({
  value: z.number().nullable(),
  text,
  dataStatus: z.enum(['preliminary', 'final']),
  source: text,
  note: text,
  reason: text,
  updatedAt: isoTime,
  updatedBy: text,
  version,
});
export type ExchangeCell = z.infer<typeof storedCellSchema>;

export const seriesRowSchema = z.strictObject({
  planId: id,
  regionId: id,
  itemId: id,
  cells: z.record(z.string().regex(/^\d{4}$/, '年份应为四位数字'), storedCellSchema),
});
export type ExchangeSeriesRow = z.infer<typeof seriesRowSchema>;

export const regionRowSchema = z
  .strictObject({
    key: id,
    planId: id,
    regionId: id,
    name: text,
    level: z.string().max(40),
    role: z.enum(['plan-area', 'subregion']),
    archived: z.union([z.literal(0), z.literal(1)]),
    sortOrder: z.number().int(),
    isFromCatalog: z.boolean(),
    version,
    updatedAt: z.union([z.literal(''), isoTime]),
    updatedBy: text,
  })
  .refine((r) => r.key === `${r.planId}:${r.regionId}`, {
    message: 'key 应为“规划编号:区域编号”',
    path: ['key'],
  });
export type ExchangeRegionRow = z.infer<typeof regionRowSchema>;

export const judgementRowSchema = z.strictObject({
  planId: id,
  itemId: id,
  regionId: id,
  asOfYear: z.number().int(),
  status: z.enum(STATUS_CODES as [string, ...string[]]),
  reason: text,
  by: text,
  at: isoTime,
  version,
});
export type ExchangeJudgementRow = z.infer<typeof judgementRowSchema>;

/** Since v4: the evaluator's two sections of one report (narratives.ts). */
export const narrativeRowSchema = z.strictObject({
  planId: id,
  regionId: id,
  asOfYear: z.number().int(),
  problems: text,
  suggestions: text,
  version,
  updatedAt: isoTime,
  updatedBy: text,
});
export type ExchangeNarrativeRow = z.infer<typeof narrativeRowSchema>;

/** Since v4: the list entry of a frozen report (snapshots.ts); never changed once written. */
export const snapshotRowSchema = z.strictObject({
  id,
  planId: id,
  regionId: id,
  regionName: text,
  asOfYear: z.number().int(),
  mode: z.enum(['midterm', 'final']),
  title: text,
  note: text,
  createdAt: isoTime,
  createdBy: text,
  methodVersion: z.string().max(100),
  planFingerprint: z.string().regex(/^[0-9a-f]{64}$/, '应为64位十六进制指纹'),
  valueCount: z.number().int().min(0),
  judgementCount: z.number().int().min(0),
  narrativeVersion: z.number().int().min(0),
});
export type ExchangeSnapshotRow = z.infer<typeof snapshotRowSchema>;

/** Since v4: a frozen report's content, checked as a snapshot file is (snapshot-file.ts). */
export const snapshotContentRowSchema = z
  .strictObject({
    id,
    snapshot: snapshotSchema,
  })
  .refine((row) => row.snapshot.id === row.id, {
    message: '快照内容的编号与 id 不符',
    path: ['id'],
  });
export type ExchangeSnapshotContentRow = z.infer<typeof snapshotContentRowSchema>;

/**
 * Since v6: the 落实情况 of one service item or key task in one region and year
 * (implementation.ts). `status: null` is a cleared record kept as a tombstone.
 */
export const implementationRowSchema = z.strictObject({
  planId: id,
  regionId: id,
  subjectKind: z.enum(['service', 'task']),
  subjectId: id,
  year: z.number().int('应为整数'),
  status: z
    .enum(IMPLEMENTATION_STATUSES as [ImplementationStatus, ...ImplementationStatus[]])
    .nullable(),
  evidence: text,
  documentRef: text,
  reply: text,
  by: text,
  at: isoTime,
  version,
});
export type ExchangeImplementationRow = z.infer<typeof implementationRowSchema>;

/** Since v6: a satisfaction survey (surveys.ts); withdrawn = `deleted: 1`, kept as a tombstone. */
export const surveyRowSchema = z.strictObject({
  id,
  planId: id,
  year: z.number().int('应为整数'),
  domain: id.nullable(),
  serviceId: id.nullable(),
  organiser: text,
  isThirdParty: z.boolean(),
  method: text,
  sampleSize: z.number().int('应为整数').nullable(),
  result: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('rate'), value: z.number() }),
    z.strictObject({ kind: z.literal('score'), value: z.number(), scale: z.number() }),
  ]),
  notes: text,
  by: text,
  at: isoTime,
  version,
  deleted: z.union([z.literal(0), z.literal(1)]),
});
export type ExchangeSurveyRow = z.infer<typeof surveyRowSchema>;

/** A loaded plan; the catalog itself is checked by the plan file's own rules (parsePlan). */
export const userPlanRowSchema = z.strictObject({
  id,
  plan: z.unknown(),
  fileName: z.string().max(260),
  loadedAt: isoTime,
});

/** Settings a file may carry (a backup): only the known ones. */
export const settingRowSchema = z.discriminatedUnion('key', [
  z.strictObject({ key: z.literal('evaluatorName'), value: z.string().max(40) }),
  z.strictObject({ key: z.literal('locale'), value: z.enum(['zh-CN', 'en']) }),
  z.strictObject({ key: z.literal('backupReminderDays'), value: z.number().int().min(1).max(365) }),
]);

const auditBase = {
  seq: z.number().int().min(1).optional(),
  auditId: z.string().min(1).max(400),
  key: z.string().min(1).max(400),
  planId: z.string().min(1).max(120),
  actionId: z.string().min(1).max(120),
  session: z.string().max(120),
  by: text,
  at: isoTime,
  reason: text,
  importedIn: z.string().max(120).optional(),
};

const cellChange = z.strictObject({
  year: z.number().int(),
  before: storedCellSchema.nullable(),
  after: storedCellSchema.nullable(),
});

/**
 * A record as a history row keeps it (before → after). Rows written before v5 keep the shape
 * they had then (a region without version, a judgement without one), so only the fields a page
 * shows are required; anything else must still be plain data.
 */
const snapshot = z.union([z.null(), z.record(z.string(), z.unknown())]);

export const auditRowSchema = z.discriminatedUnion('entity', [
  z.strictObject({
    ...auditBase,
    entity: z.literal('series'),
    action: z.enum(['save', 'undo', 'merge']),
    changes: z.array(cellChange).min(1),
    undoes: z.string().max(120).optional(),
  }),
  z.strictObject({
    ...auditBase,
    entity: z.enum(['judgement', 'region', 'plan', 'narrative', 'snapshot', 'survey']),
    action: z.enum(['create', 'update', 'delete']),
    before: snapshot,
    after: snapshot,
  }),
  // Since v6: a status is saved, undone or merged as a whole record; a cleared one stays stored.
  z.strictObject({
    ...auditBase,
    entity: z.literal('implementation'),
    action: z.enum(['save', 'undo', 'merge']),
    before: snapshot,
    after: z.record(z.string(), z.unknown()),
    undoes: z.string().max(120).optional(),
  }),
]);
export type ExchangeAuditRow = z.infer<typeof auditRowSchema>;
