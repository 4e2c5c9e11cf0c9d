import {
  describeJsonSyntaxError,
  scanJson,
  type JsonPath,
  type JsonScanProblem,
} from '../import/json-scan';

/**
 * The exchange file (数据交换文件): one JSON file for a backup of everything and for an exchange
 * of part of the data between laptops. Pure: text in, header and content out, or every problem
 * in Chinese. Rows are checked afterwards (exchange-rows.ts, exchange-check.ts), once the
 * content is at the current schema version.
 *
 * ```json
 * { "format": "gongfu-monitor-exchange", "formatVersion": 3, "appVersion": "0.1.0",
 *   "exportedAt": "2026-12-03T08:00:00.000Z", "exportedBy": "王评估",
 *   "checksum": "<SHA-256 hex of JSON.stringify(content)>",
 *   "content": { "schemaVersion": 5, "dataset": "user", "scope": {…}, "tables": {…} } }
 * ```
 *
 * The checksum covers `content` only: who exported the file and when is outside it, so the same
 * data exported twice has the same checksum and the same `content` bytes.
 */
export const EXCHANGE_FORMAT = 'gongfu-monitor-exchange';
/**
 * 1, 2 and 3 were the backups of schema v1, v2 and v4 (`gongfu-monitor-backup`, no checksum; 3
 * added the reports' tables).
 */
export const EXCHANGE_FORMAT_VERSION = 3;
export const LEGACY_BACKUP_FORMAT = 'gongfu-monitor-backup';
/**
 * A province's full history (200 regions × 100 items × 6 years, a few years of edits) is about
 * 60 MB of JSON; a browser reads a file this size whole without trouble. Checked on `file.size`
 * before the file is read.
 */
export const EXCHANGE_FILE_MAX_BYTES = 200 * 1024 * 1024;

export type DatasetKind = 'user' | 'demo';

/** What part of the data a file holds. A backup holds everything (`isComplete`). */
export interface ExchangeScope {
  isComplete: boolean;
  planId: string | null;
  regionId: string | null;
  fromYear: number | null;
  toYear: number | null;
  /** The kinds of data (exchange-tables.ts): values, judgements, … */
  kinds: string[];
}

export interface ExchangeContent {
  schemaVersion: number;
  dataset: DatasetKind;
  scope: ExchangeScope;
  /** Rows by table name, at `schemaVersion`. Checked later, table by table. */
  tables: Record<string, unknown[]>;
}

export interface ExchangeHeader {
  format: string;
  formatVersion: number;
  appVersion: string;
  exportedAt: string;
  exportedBy: string;
  /** Empty for a legacy backup, which had none. */
  checksum: string;
}

export type ReadResult =
  | { ok: true; header: ExchangeHeader; content: ExchangeContent; warnings: string[] }
  | { ok: false; errors: string[] };

const MB = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * A Chinese message when a file is larger than the limit, else null. The browser calls it with
 * `file.size` before reading the file, so an oversized file is never read whole.
 *
 * @example checkExchangeFileSize(300 * 1024 * 1024) → '文件大小为300 MB，超过数据文件200 MB的上限，未读取'
 */
export function checkExchangeFileSize(
  bytes: number,
  maxBytes = EXCHANGE_FILE_MAX_BYTES,
): string | null {
  if (bytes <= maxBytes) return null;
  return `文件大小为${MB(bytes)}，超过数据文件${MB(maxBytes)}的上限，未读取`;
}

/** SHA-256 of a text as lowercase hex (Web Crypto: the same in browsers and Node ≥ 20). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Writes the file: `content` is serialised once, hashed, and placed in the envelope as is.
 * Compact JSON: a province's data is tens of megabytes.
 */
export async function writeExchangeFile(
  header: Pick<ExchangeHeader, 'appVersion' | 'exportedAt' | 'exportedBy'>,
  content: ExchangeContent,
): Promise<{ text: string; checksum: string }> {
  const contentText = JSON.stringify(content);
  const checksum = await sha256Hex(contentText);
  const head = JSON.stringify({
    format: EXCHANGE_FORMAT,
    formatVersion: EXCHANGE_FORMAT_VERSION,
    appVersion: header.appVersion,
    exportedAt: header.exportedAt,
    exportedBy: header.exportedBy,
    checksum,
  });
  return { text: `${head.slice(0, -1)},"content":${contentText}}`, checksum };
}

/** A place in the file as a person reads it: tables.series[3].cells.2016.value. */
export function formatJsonPath(path: JsonPath): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${part}`;
  return out || '（文件根）';
}

function describeScan(problem: JsonScanProblem): string {
  const where = formatJsonPath(problem.path);
  switch (problem.kind) {
    case 'duplicate-key':
      return `${where}：字段“${problem.key}”在同一处出现了两次，无法确定以哪个为准`;
    case 'forbidden-key':
      return `${where}：不允许的字段名“${problem.key}”（可能是恶意构造的文件）`;
    case 'number-out-of-range':
      return `${where}：数字 ${problem.raw} 超出可表示的范围`;
    case 'not-a-json-number':
      return `${where}：${problem.raw} 不是数字（JSON 中没有 NaN 和 Infinity）`;
    case 'too-deep':
      return `${where}：嵌套超过${problem.depth - 1}层，不是本系统的数据文件`;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isIsoTime = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value) &&
  !Number.isNaN(Date.parse(value));

/** The content's own fields; rows are checked later. */
function readContent(
  content: unknown,
  schemaVersion: number,
): { ok: true; content: ExchangeContent } | { ok: false; errors: string[] } {
  if (!isObject(content)) return { ok: false, errors: ['content：缺少数据内容'] };
  const version = content.schemaVersion;
  if (!Number.isInteger(version) || (version as number) < 1) {
    return { ok: false, errors: ['content.schemaVersion：数据库版本号无效'] };
  }
  if ((version as number) > schemaVersion) {
    return {
      ok: false,
      errors: [
        `文件来自更新版本的系统（数据库第${version}版，本系统为第${schemaVersion}版），请先更新本系统再导入`,
      ],
    };
  }
  if (content.dataset !== 'user' && content.dataset !== 'demo') {
    return { ok: false, errors: ['content.dataset：应为 user 或 demo'] };
  }
  const scope = content.scope;
  if (
    !isObject(scope) ||
    typeof scope.isComplete !== 'boolean' ||
    !Array.isArray(scope.kinds) ||
    !scope.kinds.every((k) => typeof k === 'string') ||
    !['planId', 'regionId'].every((f) => scope[f] === null || typeof scope[f] === 'string') ||
    !['fromYear', 'toYear'].every((f) => scope[f] === null || Number.isInteger(scope[f]))
  ) {
    return { ok: false, errors: ['content.scope：导出范围无效'] };
  }
  const tables = content.tables;
  if (!isObject(tables)) return { ok: false, errors: ['content.tables：缺少数据表'] };
  const errors = Object.entries(tables)
    .filter(([, rows]) => !Array.isArray(rows))
    .map(([name]) => `content.tables.${name}：应为记录列表`);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    content: {
      schemaVersion: version as number,
      dataset: content.dataset,
      scope: scope as unknown as ExchangeScope,
      tables: tables as Record<string, unknown[]>,
    },
  };
}

/**
 * A legacy backup (设置 → 导出备份 before exchange files, format versions 1 to 3): everything
 * of one data set, no checksum. Read as a complete exchange file of its schema version.
 */
function readLegacyBackup(data: Record<string, unknown>, schemaVersion: number): ReadResult {
  if (data.version !== 1 && data.version !== 2 && data.version !== 3) {
    return { ok: false, errors: [`备份文件格式为第${String(data.version)}版，本系统无法读取`] };
  }
  const dataset = data.database === 'gongfu-monitor-demo' ? 'demo' : 'user';
  const content = readContent(
    {
      schemaVersion: data.schemaVersion,
      dataset,
      scope: {
        isComplete: true,
        planId: null,
        regionId: null,
        fromYear: null,
        toYear: null,
        kinds: [],
      },
      tables: data.tables,
    },
    schemaVersion,
  );
  if (!content.ok) return content;
  return {
    ok: true,
    header: {
      format: LEGACY_BACKUP_FORMAT,
      formatVersion: data.version,
      appVersion: '',
      exportedAt: isIsoTime(data.exportedAt) ? data.exportedAt : '',
      exportedBy: '',
      checksum: '',
    },
    content: content.content,
    warnings: ['这是旧版的备份文件，没有校验和，无法确认文件在导出后未被改动'],
  };
}

/**
 * Reads an exchange file's text: scans it for what JSON.parse would silently accept (repeated
 * keys, `__proto__`, 1e309, NaN), parses it, checks the envelope and the checksum. Nothing of
 * the file is used unless every check passes.
 *
 * @param schemaVersion the database version this code opens; a file from a newer one is refused.
 */
export async function readExchangeFile(text: string, schemaVersion: number): Promise<ReadResult> {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return { ok: false, errors: ['文件是空的'] };
  const problems = scanJson(body);
  if (problems.length) {
    return { ok: false, errors: problems.slice(0, 50).map(describeScan) };
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    return { ok: false, errors: [describeJsonSyntaxError(body, error as Error)] };
  }
  if (!isObject(data) || typeof data.format !== 'string') {
    return { ok: false, errors: ['不是本系统导出的数据文件（缺少格式标识 format）'] };
  }
  if (data.format === LEGACY_BACKUP_FORMAT) return readLegacyBackup(data, schemaVersion);
  if (data.format !== EXCHANGE_FORMAT) {
    return { ok: false, errors: [`不是本系统导出的数据文件（格式标识为“${data.format}”）`] };
  }
  const formatVersion = data.formatVersion;
  if (formatVersion !== EXCHANGE_FORMAT_VERSION) {
    const isNewer = typeof formatVersion === 'number' && formatVersion > EXCHANGE_FORMAT_VERSION;
    return {
      ok: false,
      errors: [
        isNewer
          ? `数据文件格式为第${formatVersion}版，本系统只能读取第${EXCHANGE_FORMAT_VERSION}版及以前的文件；请先更新本系统`
          : `数据文件格式版本“${String(formatVersion)}”无效`,
      ],
    };
  }
  const errors: string[] = [];
  if (typeof data.appVersion !== 'string') errors.push('appVersion：缺少导出时的系统版本');
  if (!isIsoTime(data.exportedAt)) errors.push('exportedAt：导出时间无效');
  if (typeof data.exportedBy !== 'string' || data.exportedBy.length > 40) {
    errors.push('exportedBy：导出人无效');
  }
  if (typeof data.checksum !== 'string' || !/^[0-9a-f]{64}$/.test(data.checksum)) {
    errors.push('checksum：缺少校验和（SHA-256）');
  }
  if (errors.length) return { ok: false, errors };
  // JSON.stringify of the parsed content gives back the text that was hashed: the writer wrote
  // it with JSON.stringify, and parsing keeps the order of keys and the value of every number.
  if ((await sha256Hex(JSON.stringify(data.content))) !== data.checksum) {
    return {
      ok: false,
      errors: ['校验和不符：文件内容在导出后被改动过，或文件已损坏，未导入；请重新导出一份'],
    };
  }
  const content = readContent(data.content, schemaVersion);
  if (!content.ok) return content;
  return {
    ok: true,
    header: {
      format: EXCHANGE_FORMAT,
      formatVersion,
      appVersion: data.appVersion as string,
      exportedAt: data.exportedAt as string,
      exportedBy: data.exportedBy as string,
      checksum: data.checksum as string,
    },
    content: content.content,
    warnings: [],
  };
}
