import { parseCsv } from '../csv/parse-csv';
import { decodeText } from './decode-text';
import {
  readReturnsTable,
  type ReturnProblem,
  type ReturnsContext,
  type ReturnValue,
  type TableRow,
} from './returns';

/**
 * A department's return read from a file, before anything is compared or stored: the values
 * with their places, and the cells that cannot be taken with their reasons; or the reasons the
 * whole file is refused (not a table this app can read, an encoding it cannot decode, a hostile
 * file). `format` says how it was read.
 */
export type ReturnsFileResult =
  | {
      ok: true;
      format: 'template' | 'xlsx' | 'csv';
      /** For a CSV: how it was decoded. */
      encoding?: 'utf-8' | 'gb18030';
      values: ReturnValue[];
      problems: ReturnProblem[];
      warnings: string[];
    }
  | { ok: false; errors: string[] };

/** Larger than any return a department sends; the .xlsx limits are in zip-guard.ts. */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;
export const MAX_CSV_ROWS = 20_000;

/**
 * Reads a return of any accepted kind: a filled 填报模板 or another .xlsx (ExcelJS, loaded only
 * for a workbook), or a CSV in UTF-8 (with or without BOM) or GBK/GB18030. UTF-16 text, .xls
 * and unknown bytes are refused with a message saying how to save the file.
 */
export async function readReturnsFile(
  bytes: Uint8Array,
  ctx: ReturnsContext,
): Promise<ReturnsFileResult> {
  if (bytes.length === 0) return { ok: false, errors: ['文件是空的'] };
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip) {
    const { readReturnsWorkbook } = await import('../spreadsheet/read-returns');
    return readReturnsWorkbook(bytes, ctx);
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return {
      ok: false,
      errors: [
        '文件是Excel 97—2003工作簿（.xls），请在Excel或WPS中另存为“Excel工作簿（.xlsx）”后再导入',
      ],
    };
  }
  if (bytes.length > MAX_CSV_BYTES) {
    return { ok: false, errors: [`文件超过${MAX_CSV_BYTES / 1024 / 1024}MB，未读取`] };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, errors: [decoded.error] };
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) return parsed;
  if (parsed.records.length > MAX_CSV_ROWS) {
    return {
      ok: false,
      errors: [`文件有${parsed.records.length}行，超过上限${MAX_CSV_ROWS}行，请分成几个文件导入`],
    };
  }
  const rows: TableRow[] = parsed.records.map((r) => ({
    number: r.line,
    cells: r.cells.map((text) => ({ text })),
  }));
  const read = readReturnsTable({ rows }, ctx);
  if (!read.ok) return read;
  return {
    ok: true,
    format: 'csv',
    encoding: decoded.encoding,
    values: read.values,
    problems: read.problems,
    warnings: read.warnings,
  };
}
