import ExcelJS from 'exceljs';
import type { Plan } from '../catalog/schema';
import {
  checkValue,
  formatValue,
  parseValue,
  valueRuleFor,
  type ValueRule,
} from '../observations/value-rules';
import { planItem } from '../wording/records';
import {
  DATA_SHEET,
  FILL_TEMPLATE_FORMAT,
  FILL_TEMPLATE_VERSION,
  KEY_FIELDS,
  KEY_SHEET,
  KEY_TABLE_ROW,
  LAYOUT,
  STATUS_CHOICES,
} from './fill-template';
import { checkZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-guard';

/**
 * Reads a filled 填报模板 back (the import on 数据录入 reads the same cells through
 * read-returns.ts, listing bad cells beside the valid ones for its preview). Pure: bytes
 * and the plan in, values with the cell each came from out, or every problem in Chinese with
 * its cell. All or nothing: one bad cell refuses the file, so nothing half-read is ever stored.
 *
 * Rules, in the order they are checked:
 * - the zip is checked before parsing (zip-guard.ts: size, entry count, real unpacked size);
 * - the hidden key must be this app's, of a version it reads, for this plan;
 * - the data sheet may have at most `maxRows` rows;
 * - no merged cells below the header; every row the key names must still show its region and
 *   item (a moved or inserted row is refused, never read into another indicator); nothing may
 *   be typed outside the template's rows and columns;
 * - a number is taken as it is, except that a cell formatted as a percentage is read as it
 *   shows (Excel stores 82.5% as 0.825) for an item in %, and refused for any other unit;
 * - every value passes the entry grid's value rules (value-rules.ts): a number through
 *   checkValue, text through parseValue ("82.5%", "９６．９８", ranges);
 * - a formula is read from its cached result, with a warning to check it; a formula without a
 *   cached result (a file written by a tool that does not compute) is refused: the app never
 *   evaluates formulas;
 * - logical values, dates and errors are refused.
 */
export interface FilledValue {
  /** The cell in the data sheet, A1 style: "J9". */
  cell: string;
  itemId: string;
  regionId: string;
  year: number;
  value: number;
  /** What the cell showed, for messages and the history. */
  text: string;
  dataStatus: 'final' | 'preliminary';
  note: string;
  isFromFormula: boolean;
}

export type FillReadResult =
  | { ok: true; planId: string; version: number; values: FilledValue[]; warnings: string[] }
  | { ok: false; errors: string[] };

export interface FillReadLimits extends ZipLimits {
  /** Rows of the data sheet. */
  maxRows: number;
}

export const DEFAULT_FILL_LIMITS: FillReadLimits = { ...DEFAULT_ZIP_LIMITS, maxRows: 20_000 };

interface KeyRow {
  row: number;
  itemId: string;
  regionId: string;
  itemName: string;
  regionName: string;
}

const fail = (...errors: string[]): { ok: false; errors: string[] } => ({ ok: false, errors });

export function plainText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && 'richText' in value)
    return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return '';
}

function readKey(book: ExcelJS.Workbook, plan: Plan) {
  const key = book.getWorksheet(KEY_SHEET);
  if (!key) return '不是本系统生成的填报模板（缺少模板标识），请使用从“报告”页下载的模板';
  const field = (name: (typeof KEY_FIELDS)[number]) =>
    key.getCell(KEY_FIELDS.indexOf(name) + 1, 2).value;
  if (field('format') !== FILL_TEMPLATE_FORMAT) {
    return '不是本系统生成的填报模板（模板标识不符），请使用从“报告”页下载的模板';
  }
  const version = field('version');
  if (version !== FILL_TEMPLATE_VERSION) {
    return `模板格式为第${plainText(version)}版，本系统只能读取第${FILL_TEMPLATE_VERSION}版，请更新系统或使用新下载的模板`;
  }
  const planId = plainText(field('planId'));
  if (planId !== plan.id) {
    return `这是${titledPlan(book, DATA_SHEET, planId)}的填报模板，不是当前规划《${plan.name}》的，未读取；请先在页首切换到该规划`;
  }
  const years = new Map<number, number>();
  for (const pair of plainText(field('yearColumns')).split(',')) {
    const [column, year] = pair.split(':').map(Number);
    if (!Number.isInteger(column) || !Number.isInteger(year)) return '模板标识已损坏（年份列）';
    if ((year as number) < plan.baseYear || (year as number) > plan.period.end) {
      return `模板标识已损坏（年份${year}不在${plan.baseYear}—${plan.period.end}年之间）`;
    }
    years.set(column as number, year as number);
  }
  const statusColumn = Number(field('statusColumn'));
  const noteColumn = Number(field('noteColumn'));
  const rows: KeyRow[] = [];
  for (let r = KEY_TABLE_ROW + 1; ; r++) {
    const row = Number(key.getCell(r, 1).value);
    if (!row) break;
    const itemId = plainText(key.getCell(r, 2).value);
    if (!planItem(plan, itemId)) return `模板标识已损坏（本规划没有指标“${itemId}”）`;
    rows.push({
      row,
      itemId,
      regionId: plainText(key.getCell(r, 3).value),
      itemName: plainText(key.getCell(r, 4).value),
      regionName: plainText(key.getCell(r, 5).value),
    });
  }
  return {
    version,
    planId,
    sheet: plainText(field('sheet')),
    years,
    statusColumn,
    noteColumn,
    rows,
  };
}

/** A1 → [row, column]. */
/**
 * The rows from `firstRow` on that are hidden and hold something. A department hides rows of
 * drafts and old figures; reading them as returns would import what nobody meant to send, and
 * skipping them would drop figures without a word: the readers refuse the file and name them.
 */
export function hiddenRows(sheet: ExcelJS.Worksheet, firstRow: number): number[] {
  const rows: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number >= firstRow && row.hidden && row.hasValues) rows.push(number);
  });
  return rows;
}

/**
 * The plan a template was made for, as its title names it (《…》 in A1 of its data sheet), for a
 * message an evaluator can act on; the id from its key when the title was changed.
 */
export function titledPlan(book: ExcelJS.Workbook, sheetName: string, planId: string): string {
  const title = plainText(book.getWorksheet(sheetName)?.getCell(1, 1).value ?? null);
  const name = /《([^》]+)》/.exec(title)?.[1];
  return name ? `《${name}》` : `规划“${planId}”`;
}

export function decodeAddress(address: string): [number, number] {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match) return [0, 0];
  let column = 0;
  for (const ch of match[1] as string) column = column * 26 + (ch.charCodeAt(0) - 64);
  return [Number(match[2]), column];
}

/** A cell of the template that cannot be read, with its message naming the cell. */
export interface FillProblem {
  /** A1 reference in the data sheet. */
  cell: string;
  itemId: string;
  regionId: string;
  /** Absent for a row's 数据状态 cell. */
  year?: number;
  /** What the cell showed. */
  text: string;
  /** The cell with what it is for: "填报表!J9（通川区·每千人口床位数·2017年）". */
  place: string;
  /** Why it cannot be read: "“约4.5”不是数字". */
  reason: string;
  /** Both: "填报表!J9（通川区·每千人口床位数·2017年）：“约4.5”不是数字". */
  message: string;
}

/**
 * The template read cell by cell: the file-level checks (zip, key, sheet, size, merged cells,
 * moved rows, content outside the template) still refuse the whole file, while a cell that
 * holds no valid number is returned as a problem beside the values that are valid, for an
 * import preview to list (the import decides what to do with them).
 */
export type FillCellsResult =
  | {
      ok: true;
      planId: string;
      version: number;
      values: FilledValue[];
      problems: FillProblem[];
      warnings: string[];
    }
  | { ok: false; errors: string[] };

/** Loads an .xlsx after the zip checks; a string is the reason it was refused. */
export async function loadWorkbook(
  data: ArrayBuffer | Uint8Array,
  limits: ZipLimits,
): Promise<ExcelJS.Workbook | string> {
  const zipProblem = await checkZip(data, limits);
  if (zipProblem) return zipProblem;
  const book = new ExcelJS.Workbook();
  try {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    await book.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    return '文件无法读取：不是有效的 .xlsx 文件，或已损坏';
  }
  return book;
}

/** Whether a workbook carries the 填报模板's key sheet (then it is read as a template). */
export function isFillTemplate(book: ExcelJS.Workbook): boolean {
  return book.getWorksheet(KEY_SHEET) !== undefined;
}

export async function readFillTemplate(
  data: ArrayBuffer | Uint8Array,
  plan: Plan,
  limits: Partial<FillReadLimits> = {},
): Promise<FillReadResult> {
  const limit = { ...DEFAULT_FILL_LIMITS, ...limits };
  const book = await loadWorkbook(data, limit);
  if (typeof book === 'string') return fail(book);
  const read = readFillTemplateBook(book, plan, limit);
  if (!read.ok) return read;
  if (read.problems.length > 0) return fail(...read.problems.map((p) => p.message));
  return {
    ok: true,
    planId: read.planId,
    version: read.version,
    values: read.values,
    warnings: read.warnings,
  };
}

/** Reads a loaded template cell by cell (see FillCellsResult). */
export function readFillTemplateBook(
  book: ExcelJS.Workbook,
  plan: Plan,
  limits: Partial<FillReadLimits> = {},
): FillCellsResult {
  const limit = { ...DEFAULT_FILL_LIMITS, ...limits };
  const key = readKey(book, plan);
  if (typeof key === 'string') return fail(key);
  const sheet = book.getWorksheet(key.sheet);
  if (!sheet) return fail(`找不到工作表“${key.sheet}”，请勿更改工作表名称`);
  if (sheet.rowCount > limit.maxRows) {
    return fail(
      `“${key.sheet}”有${sheet.rowCount}行，超过上限${limit.maxRows}行，不是本系统的填报模板或已被改动，未读取`,
    );
  }

  const errors: string[] = [];
  const merges = (sheet.model.merges ?? []).filter((range) => {
    const [start = '', end = ''] = range.split(':');
    return (
      decodeAddress(end)[0] >= LAYOUT.firstDataRow || decodeAddress(start)[0] >= LAYOUT.firstDataRow
    );
  });
  for (const range of merges)
    errors.push(`${key.sheet}：单元格${range}被合并，请取消合并后按原模板填写`);
  for (const row of hiddenRows(sheet, LAYOUT.firstDataRow))
    errors.push(`${key.sheet}：第${row}行是隐藏行，请取消隐藏并核对后再导入`);
  if (errors.length > 0) return fail(...errors);

  for (const [column, year] of key.years) {
    const header = plainText(sheet.getCell(LAYOUT.headerRow, column).value);
    if (header !== `${year}年`) {
      errors.push(
        `${key.sheet}第${LAYOUT.headerRow}行：表头“${header}”应为“${year}年”，请勿移动或插入列`,
      );
    }
  }
  for (const k of key.rows) {
    const region = plainText(sheet.getCell(k.row, LAYOUT.columns.region).value);
    const item = plainText(sheet.getCell(k.row, LAYOUT.columns.item).value);
    if (region !== k.regionName || item !== k.itemName) {
      errors.push(
        `${key.sheet}第${k.row}行：应为“${k.regionName}·${k.itemName}”，实为“${region}·${item}”；请勿插入、删除或移动行，请用原模板重新填写`,
      );
    }
  }
  if (errors.length > 0) return fail(...errors);

  // Anything typed outside the template's rows and columns.
  const keyRowNumbers = new Set(key.rows.map((k) => k.row));
  const lastKeyRow = Math.max(LAYOUT.headerRow, ...keyRowNumbers);
  sheet.eachRow((row, r) => {
    if (r <= LAYOUT.headerRow) return;
    row.eachCell((cell, c) => {
      const isInside = keyRowNumbers.has(r) && c <= key.noteColumn;
      const text = plainText(cell.value).trim();
      if (
        !isInside &&
        text !== '' &&
        (r > lastKeyRow || c > key.noteColumn || !keyRowNumbers.has(r))
      ) {
        errors.push(
          `${key.sheet}!${cell.address}：在模板范围之外有内容“${text}”，请只在模板的浅黄色单元格中填写`,
        );
      }
    });
  });
  if (errors.length > 0) return fail(...errors);

  const values: FilledValue[] = [];
  const problems: FillProblem[] = [];
  const warnings: string[] = [];
  for (const k of key.rows) {
    const item = planItem(plan, k.itemId);
    const rule = valueRuleFor(item ?? { name: '', unit: null });
    const statusCell = sheet.getCell(k.row, key.statusColumn);
    const statusText = plainText(statusCell.value).trim();
    const status =
      statusText === '' ? 'final' : STATUS_CHOICES[statusText as keyof typeof STATUS_CHOICES];
    const rowValues: FilledValue[] = [];
    for (const [column, year] of [...key.years].sort((a, b) => a[0] - b[0])) {
      const cell = sheet.getCell(k.row, column);
      const where = `${key.sheet}!${cell.address}（${k.regionName}·${k.itemName}·${year}年）`;
      const read = readCell(cell, rule);
      if (read === null) continue;
      if ('error' in read) {
        problems.push({
          cell: cell.address,
          itemId: k.itemId,
          regionId: k.regionId,
          year,
          text: plainText(cell.value),
          place: where,
          reason: read.error,
          message: `${where}：${read.error}`,
        });
        continue;
      }
      if (read.isFromFormula)
        warnings.push(`${where}：单元格为公式，已按其计算结果${read.text}读取，请核对`);
      rowValues.push({
        cell: cell.address,
        itemId: k.itemId,
        regionId: k.regionId,
        year,
        value: read.value,
        text: read.text,
        dataStatus: status ?? 'final',
        note: plainText(sheet.getCell(k.row, key.noteColumn).value).trim(),
        isFromFormula: read.isFromFormula,
      });
    }
    if (status === undefined) {
      // The row's values are not taken: whether they are final or preliminary is unknown.
      problems.push({
        cell: statusCell.address,
        itemId: k.itemId,
        regionId: k.regionId,
        text: statusText,
        place: `${key.sheet}!${statusCell.address}（${k.regionName}·${k.itemName}）`,
        reason: `数据状态“${statusText}”应为“正式”或“初步”`,
        message: `${key.sheet}!${statusCell.address}（${k.regionName}·${k.itemName}）：数据状态“${statusText}”应为“正式”或“初步”`,
      });
      continue;
    }
    values.push(...rowValues);
  }
  return {
    ok: true,
    planId: key.planId,
    version: key.version as number,
    values,
    problems,
    warnings,
  };
}

type CellRead = { value: number; text: string; isFromFormula: boolean } | { error: string } | null;

/**
 * A cell's own value, or the result Excel cached for its formula (a formula is never run); a
 * formula without a result is refused with the fix in words. Shared by every .xlsx reader.
 */
export function resolveFormula(
  raw: ExcelJS.CellValue,
): { value: ExcelJS.CellValue; isFromFormula: boolean } | { problem: string; formula: string } {
  if (
    raw === null ||
    typeof raw !== 'object' ||
    raw instanceof Date ||
    !('formula' in raw || 'sharedFormula' in raw)
  ) {
    return { value: raw, isFromFormula: false };
  }
  const result = (raw as ExcelJS.CellFormulaValue).result;
  if (
    result === undefined ||
    result === null ||
    (typeof result === 'object' && 'error' in result)
  ) {
    return {
      problem: '公式没有计算结果，请改为直接填写数值（复制后“选择性粘贴—数值”）',
      formula: (raw as ExcelJS.CellFormulaValue).formula ?? '',
    };
  }
  // Excel computes to 15 significant digits and stores up to 17 (14/3 → 4.666666666666667):
  // the result is read to its 15, the precision a typed value may have (value-rules.ts).
  const value = typeof result === 'number' ? Number(result.toPrecision(15)) : result;
  return { value: value as ExcelJS.CellValue, isFromFormula: true };
}

/** One year cell: a number, or why it is not one; null when empty. */
function readCell(cell: ExcelJS.Cell, rule: ValueRule): CellRead {
  const raw = cell.value;
  if (raw === null || raw === undefined) return null;
  const resolved = resolveFormula(raw);
  if ('problem' in resolved) return { error: resolved.problem };
  const { value, isFromFormula } = resolved;
  if (typeof value === 'boolean') return { error: '不是数值（逻辑值）' };
  if (value instanceof Date) return { error: '不是数值（日期），请填写数字' };
  if (typeof value === 'object' && value !== null && 'error' in value) {
    return { error: `不是数值（错误值${String(value.error)}）` };
  }
  if (typeof value === 'number') {
    // A day number under a date format is a date to the user, whatever ExcelJS made of it.
    if (isDateFormat(cell.numFmt)) return { error: '不是数值（日期），请填写数字' };
    let number = value;
    const isPercentFormat = /%/.test(cell.numFmt ?? '');
    if (isPercentFormat) {
      if (rule.symbol !== '%')
        return { error: `单元格格式为百分比，但本指标单位为“${rule.unit ?? '无'}”，请填写数值` };
      number = Number((value * 100).toPrecision(12));
    }
    // The entry grid's rules on the number itself, never on its text read again.
    const checked = checkValue(number, rule);
    if (checked) return { error: checked.message };
    const text = formatValue(number);
    return { value: number, text: isPercentFormat ? `${text}%` : text, isFromFormula };
  }
  const text = plainText(value).trim();
  if (text === '') return null;
  const parsed = parseValue(text, rule);
  if (parsed.kind === 'empty') return null;
  if (parsed.kind === 'error') return { error: parsed.message };
  return { value: parsed.value, text, isFromFormula };
}

/** Whether an Excel number format shows a date or a time (yyyy-mm-dd, m/d, h:mm …). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || /^general$/i.test(format)) return false;
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[ymdhs]/i.test(bare);
}
