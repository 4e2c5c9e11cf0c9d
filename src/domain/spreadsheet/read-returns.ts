import type ExcelJS from 'exceljs';
import {
  MAX_TABLE_COLUMNS,
  readReturnsTable,
  type ReturnProblem,
  type ReturnsContext,
  type ReturnValue,
  type TableCell,
  type TableRow,
} from '../import/returns';
import type { ReturnsFileResult } from '../import/returns-file';
import { DATA_SHEET } from './fill-template';
import {
  DEFAULT_FILL_LIMITS,
  decodeAddress,
  hiddenRows,
  isDateFormat,
  isFillTemplate,
  loadWorkbook,
  plainText,
  readFillTemplateBook,
  resolveFormula,
  type FillReadLimits,
} from './read-fill-template';

/**
 * Reads a department's .xlsx return: a filled 填报模板 by its key (read-fill-template.ts), any
 * other workbook by its recognisable columns (import/returns.ts), each visible sheet with a
 * header. The zip is checked before ExcelJS parses anything (zip-guard.ts). File-level problems
 * refuse the file; a cell that holds no valid value is a problem at its cell.
 */
export async function readReturnsWorkbook(
  bytes: Uint8Array,
  ctx: ReturnsContext,
  limits: Partial<FillReadLimits> = {},
): Promise<ReturnsFileResult> {
  const limit = { ...DEFAULT_FILL_LIMITS, ...limits };
  const book = await loadWorkbook(bytes, limit);
  if (typeof book === 'string') return { ok: false, errors: [book] };
  if (isFillTemplate(book)) return readTemplate(book, ctx, limit);

  const values: ReturnValue[] = [];
  const problems: ReturnProblem[] = [];
  const warnings: string[] = [];
  const errors: string[] = [];
  let tables = 0;
  for (const sheet of book.worksheets) {
    if (sheet.state !== 'visible') continue;
    if (sheet.rowCount > limit.maxRows) {
      return {
        ok: false,
        errors: [`工作表“${sheet.name}”有${sheet.rowCount}行，超过上限${limit.maxRows}行，未读取`],
      };
    }
    if (sheet.columnCount > MAX_TABLE_COLUMNS) {
      return {
        ok: false,
        errors: [
          `工作表“${sheet.name}”有${sheet.columnCount}列，超过上限${MAX_TABLE_COLUMNS}列，未读取`,
        ],
      };
    }
    const rows = tableRows(sheet);
    if (rows.length === 0) continue;
    const read = readReturnsTable({ sheet: sheet.name, rows }, ctx);
    if (!read.ok) {
      errors.push(...read.errors);
      continue;
    }
    // Merged cells below the header would give one value to several rows, or hide which row
    // a value belongs to: the department is asked to unmerge rather than the app guessing.
    const merged = (sheet.model.merges ?? []).filter((range) => {
      const [start = '', end = ''] = range.split(':');
      return Math.max(decodeAddress(start)[0], decodeAddress(end || start)[0]) > read.headerRow;
    });
    const hidden = hiddenRows(sheet, read.headerRow + 1);
    if (merged.length > 0 || hidden.length > 0) {
      return {
        ok: false,
        errors: [
          ...merged.map(
            (range) =>
              `工作表“${sheet.name}”：单元格${range}被合并，请取消合并并在每一行填写完整的区域和指标后再导入`,
          ),
          ...hidden.map(
            (row) =>
              `工作表“${sheet.name}”：第${row}行是隐藏行，请取消隐藏并核对（或删除该行）后再导入`,
          ),
        ],
      };
    }
    tables++;
    values.push(...read.values);
    problems.push(...read.problems);
    warnings.push(...read.warnings);
  }
  if (tables === 0) {
    return {
      ok: false,
      errors: errors.length > 0 ? errors : ['工作簿中没有可读取的工作表'],
    };
  }
  // Sheets without a header beside sheets with one (a 说明 sheet) are named, not refused.
  warnings.push(...errors.map((e) => `${e}，未读取该工作表`));
  return { ok: true, format: 'xlsx', values, problems, warnings };
}

function readTemplate(
  book: ExcelJS.Workbook,
  ctx: ReturnsContext,
  limits: FillReadLimits,
): ReturnsFileResult {
  const read = readFillTemplateBook(book, ctx.plan, limits);
  if (!read.ok) return read;
  const regions = new Map(ctx.regions.map((r) => [r.regionId, r]));
  const values: ReturnValue[] = [];
  const problems: ReturnProblem[] = read.problems.map((p) => ({
    place: p.place,
    text: p.text,
    message: p.reason,
    itemId: p.itemId,
    regionId: p.regionId,
    ...(p.year !== undefined ? { year: p.year } : {}),
  }));
  for (const v of read.values) {
    const region = regions.get(v.regionId);
    // The template names the regions as they were when it was made: one archived since is
    // refused at its cell, as typing into it would be.
    if (!region || region.archived) {
      problems.push({
        place: `${DATA_SHEET}!${v.cell}`,
        text: v.text,
        message: region
          ? `区域“${region.name}”已归档，请先在“数据录入”中恢复后再导入`
          : `本规划已没有区域“${v.regionId}”`,
        itemId: v.itemId,
        regionId: v.regionId,
        year: v.year,
      });
      continue;
    }
    values.push({
      place: `${DATA_SHEET}!${v.cell}`,
      itemId: v.itemId,
      regionId: v.regionId,
      year: v.year,
      value: v.value,
      text: v.text,
      dataStatus: v.dataStatus,
      ...(v.note ? { note: v.note } : {}),
      ...(v.isFromFormula ? { isFromFormula: true } : {}),
    });
  }
  return { ok: true, format: 'template', values, problems, warnings: read.warnings };
}

/** A sheet's rows as table cells: numbers as numbers, what cannot be a value as a problem. */
function tableRows(sheet: ExcelJS.Worksheet): TableRow[] {
  const rows: TableRow[] = [];
  sheet.eachRow((row, number) => {
    const cells: TableCell[] = [];
    row.eachCell((cell, column) => {
      cells[column - 1] = tableCell(cell);
    });
    rows.push({ number, cells });
  });
  return rows;
}

function tableCell(cell: ExcelJS.Cell): TableCell {
  const resolved = resolveFormula(cell.value);
  if ('problem' in resolved) return { text: `=${resolved.formula}`, problem: resolved.problem };
  const { value, isFromFormula } = resolved;
  const extra = isFromFormula ? { isFromFormula: true } : {};
  if (typeof value === 'boolean') {
    return { text: String(value), problem: '不是数值（逻辑值）', ...extra };
  }
  if (value instanceof Date) {
    return { text: plainText(value), problem: '不是数值（日期），请填写数字', ...extra };
  }
  if (typeof value === 'object' && value !== null && 'error' in value) {
    return { text: String(value.error), problem: `不是数值（错误值${String(value.error)}）` };
  }
  if (typeof value === 'number') {
    // A day number under a date format is a date to the user, whatever ExcelJS made of it.
    if (isDateFormat(cell.numFmt)) {
      return { text: String(value), problem: '不是数值（日期），请填写数字', ...extra };
    }
    return {
      text: String(value),
      number: value,
      ...(/%/.test(cell.numFmt ?? '') ? { isPercent: true } : {}),
      ...extra,
    };
  }
  return { text: plainText(value), ...extra };
}
