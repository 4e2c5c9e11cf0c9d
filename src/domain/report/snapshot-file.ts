import { z } from 'zod';
import { STATUS_CODES, type StatusCode } from '../assessment/types';
import { planFingerprint } from '../catalog/fingerprint';
import { parsePlan } from '../catalog/validate';
import { scanJson } from '../import/json-scan';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type ReportSnapshot } from './snapshot';

/**
 * A snapshot as a file (快照文件, .json): what 报告 → 快照 → 下载快照文件 saves and
 * `npm run report -- --snapshot file.json --out report.docx` renders. The file is the snapshot
 * record itself (snapshot.ts), pretty-printed. Reading one back trusts nothing: the shape is
 * checked with zod, the plan with the catalog validator, and the plan's fingerprint must match
 * the one recorded (a hand-edited catalog is refused), all before anything is rendered.
 */

const MAX_FILE_BYTES = 50 * 1024 * 1024;

const status = z.enum(STATUS_CODES as [StatusCode, ...StatusCode[]]);
const text = z.string().max(100_000);

const cell = z.strictObject({
  text,
  value: z.number().finite().nullable().optional(),
  date: z.string().max(40).optional(),
});
const column = z.strictObject({
  header: text,
  group: text.optional(),
  width: z.number().finite().positive(),
  align: z.enum(['left', 'center', 'right']),
  mergeRuns: z.boolean().optional(),
  numberFormat: z.string().max(40).optional(),
});
const table = z.strictObject({
  id: z.string().max(100),
  caption: text,
  columns: z.array(column).max(200),
  rows: z.array(z.array(cell).max(200)).max(200_000),
  notes: z.array(text),
  isWide: z.boolean().optional(),
});
const block = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('heading'), text }),
  z.strictObject({ type: z.literal('paragraph'), text, lead: text.optional() }),
  z.strictObject({ type: z.literal('table'), table }),
  z.strictObject({ type: z.literal('placeholder'), text }),
]);
const report = z.strictObject({
  title: text,
  titleLines: z.array(text),
  subtitle: text,
  demoNotice: text.nullable(),
  sections: z.array(
    z.strictObject({
      id: z.enum([
        'overview',
        'indicators',
        'warnings',
        'equalization',
        'services',
        'problems',
        'suggestions',
        'data-notes',
      ]),
      heading: text,
      blocks: z.array(block),
    }),
  ),
  appendices: z.array(z.strictObject({ label: text, table })),
  meta: z.strictObject({
    planId: z.string(),
    planShortName: z.string(),
    regionId: z.string(),
    regionName: z.string(),
    asOfYear: z.number().int(),
    mode: z.enum(['midterm', 'final']),
    isPlanArea: z.boolean(),
  }),
});
const value = z.strictObject({
  itemId: z.string().max(200),
  regionId: z.string().max(200),
  year: z.number().int(),
  value: z.number().finite(),
  text: text.optional(),
  dataStatus: z.enum(['preliminary', 'final']).optional(),
  source: text.optional(),
  note: text.optional(),
  reason: text.optional(),
  updatedAt: z.string().max(40).optional(),
  updatedBy: text.optional(),
  version: z.number().int().nonnegative().optional(),
});
export const snapshotSchema = z.strictObject({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  id: z.string().min(1).max(100),
  planId: z.string().min(1).max(200),
  regionId: z.string().min(1).max(200),
  regionName: text,
  asOfYear: z.number().int().min(1900).max(2200),
  mode: z.enum(['midterm', 'final']),
  title: text,
  createdAt: z.string().max(40),
  createdBy: text,
  note: text,
  methodVersion: z.string().max(100),
  planFingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  isDemo: z.boolean(),
  plan: z.unknown(),
  regions: z.array(
    z.strictObject({
      regionId: z.string().max(200),
      name: text,
      role: z.enum(['plan-area', 'subregion']),
    }),
  ),
  values: z.array(value).max(2_000_000),
  judgements: z.array(
    z.strictObject({
      itemId: z.string(),
      asOfYear: z.number().int(),
      status,
      reason: text,
      by: text,
      at: z.string().max(40),
      isCarried: z.boolean(),
    }),
  ),
  statuses: z.array(
    z.strictObject({
      itemId: z.string(),
      computed: status,
      shown: status,
      isProvisional: z.boolean(),
    }),
  ),
  narrative: z.strictObject({
    problems: text,
    suggestions: text,
    version: z.number().int().nonnegative(),
  }),
  report,
});

/** The snapshot as the file a user downloads: indented JSON, UTF-8. */
export function snapshotFileText(snapshot: ReportSnapshot): string {
  return `${JSON.stringify(snapshot, null, 1)}\n`;
}

export type SnapshotFileResult =
  { ok: true; snapshot: ReportSnapshot } | { ok: false; errors: string[] };

/** Reads a snapshot file: all checked, or refused with Chinese messages naming the place. */
export async function readSnapshotFile(bytes: Uint8Array): Promise<SnapshotFileResult> {
  if (bytes.length > MAX_FILE_BYTES) {
    return { ok: false, errors: [`快照文件超过${MAX_FILE_BYTES / 1024 / 1024}MB，未读取`] };
  }
  let body: string;
  try {
    body = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, errors: ['不是有效的快照文件（不是UTF-8编码的文本）'] };
  }
  // What JSON.parse would silently accept: repeated keys, prototype keys, 1e309, deep nesting.
  const problems = scanJson(body);
  if (problems.length > 0) {
    return {
      ok: false,
      errors: problems
        .slice(0, 20)
        .map((p) => `快照文件 ${p.path.join('.') || '（根）'}：内容不合规（${p.kind}）`),
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return { ok: false, errors: ['不是有效的快照文件（不是JSON）'] };
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { format?: unknown }).format !== SNAPSHOT_FORMAT
  ) {
    return { ok: false, errors: ['不是本系统导出的评估快照文件（格式标识不符）'] };
  }
  if ((data as { version?: unknown }).version !== SNAPSHOT_VERSION) {
    return {
      ok: false,
      errors: [
        `快照文件格式为第${String((data as { version?: unknown }).version)}版，本系统只能读取第${SNAPSHOT_VERSION}版`,
      ],
    };
  }
  const parsed = snapshotSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues
        .slice(0, 20)
        .map((issue) => `快照文件 ${issue.path.join('.') || '（根）'}：${issue.message}`),
    };
  }
  const plan = parsePlan(parsed.data.plan);
  if (!plan.ok) return { ok: false, errors: plan.errors.map((e) => `快照中的规划：${e}`) };
  if ((await planFingerprint(plan.plan)) !== parsed.data.planFingerprint) {
    return { ok: false, errors: ['快照中的规划与其记录的指纹不符（文件已被改动），未读取'] };
  }
  if (plan.plan.id !== parsed.data.planId || parsed.data.report.meta.planId !== plan.plan.id) {
    return { ok: false, errors: ['快照中的规划编号前后不一致，未读取'] };
  }
  return { ok: true, snapshot: { ...parsed.data, plan: plan.plan } as ReportSnapshot };
}
