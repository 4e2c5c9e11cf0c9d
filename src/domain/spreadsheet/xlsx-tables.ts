import ExcelJS from 'exceljs';
import { neutralizeFormula } from '../csv/write-csv';
import type { ReportCell, ReportColumn, ReportTable } from '../report/model';
import { wallClockDate } from './excel-date';

/**
 * Report tables as an .xlsx workbook (ExcelJS, loaded only when a user exports): one sheet per
 * table, its caption (and the 示例数据 warning) above the header, the header frozen and
 * filterable, numbers typed as numbers with the column's format, times as Excel dates on
 * Beijing wall-clock time, text that Excel would run as a formula neutralised.
 */
export interface SheetSpec {
  /** At most 31 characters, none of []:*?/\ (Excel's rule). */
  name: string;
  /** Lines above the table: the caption, the region and year, a 示例数据 warning. */
  heading: string[];
  table: ReportTable;
}

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
/** The thin grey border of every table cell the app writes (exports and templates). */
export const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A sheet name Excel accepts: forbidden characters dropped, 31 characters at most. */
export function sheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, '').slice(0, 31);
  return clean || 'Sheet';
}

function writeCell(cell: ExcelJS.Cell, value: ReportCell, column: ReportColumn) {
  if (value.date !== undefined) {
    cell.value = wallClockDate(value.date);
    cell.numFmt = column.numberFormat ?? 'yyyy-mm-dd hh:mm';
  } else if (value.value === null) {
    cell.value = null;
  } else if (value.value !== undefined) {
    // Twelve significant digits: what a figure of the report means, without the binary noise of
    // its arithmetic (5.7 − 4.8 is 0.9000000000000004) in Excel's formula bar. The column's
    // format still decides what the cell shows.
    cell.value = Number(value.value.toPrecision(12));
    if (column.numberFormat) cell.numFmt = column.numberFormat;
  } else {
    cell.value = neutralizeFormula(value.text);
  }
}

export async function writeTablesXlsx(sheets: readonly SheetSpec[]): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '基本公共服务均等化规划监测评估';
  for (const spec of sheets) {
    const { table } = spec;
    const headerRow = spec.heading.length + 1;
    const sheet = workbook.addWorksheet(sheetName(spec.name), {
      views: [{ state: 'frozen', ySplit: headerRow }],
      pageSetup: {
        paperSize: 9,
        orientation: table.columns.length > 8 ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `${headerRow}:${headerRow}`,
      },
    });
    spec.heading.forEach((line, i) => {
      const cell = sheet.getCell(i + 1, 1);
      cell.value = neutralizeFormula(line);
      cell.font = { bold: i === 0, size: i === 0 ? 14 : 11 };
    });
    table.columns.forEach((column, i) => {
      sheet.getColumn(i + 1).width = Math.max(6, Math.round(column.width * 5));
      const cell = sheet.getCell(headerRow, i + 1);
      // The group (各年实际值) is implied by the header (2016年): one header row keeps the
      // sheet easy to filter and to read back.
      cell.value = column.header;
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
      cell.border = BORDER;
    });
    table.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        const column = table.columns[c] as ReportColumn;
        const cell = sheet.getCell(headerRow + 1 + r, c + 1);
        writeCell(cell, value, column);
        cell.border = BORDER;
        cell.alignment = {
          horizontal: column.align,
          vertical: 'middle',
          wrapText: column.align === 'left',
        };
      });
    });
    sheet.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow, column: table.columns.length },
    };
    table.notes.forEach((note, i) => {
      sheet.getCell(headerRow + table.rows.length + 2 + i, 1).value = neutralizeFormula(note);
    });
  }
  return toArrayBuffer(await workbook.xlsx.writeBuffer());
}

/** ExcelJS gives a Node Buffer in Node and an ArrayBuffer-like in the browser. */
export function toArrayBuffer(data: ArrayBuffer | ArrayBufferView | ExcelJS.Buffer): ArrayBuffer {
  if (data instanceof ArrayBuffer) return data;
  const view = data as ArrayBufferView;
  return view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer;
}
