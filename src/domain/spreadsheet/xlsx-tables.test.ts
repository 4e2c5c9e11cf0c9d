import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvText } from '../csv/write-csv';
import { buildReport } from '../report/build-report';
import { reportSheets, tableCsvRows } from '../report/export-tables';
import type { ReportTable } from '../report/model';
import { BEDS, REGIONS, input } from '../report/test-input';
import { writeTablesXlsx } from './xlsx-tables';

// A county renamed by a user to something Excel would run as a formula (OWASP CSV injection).
const HOSTILE = '=HYPERLINK("http://example.invalid","点我")';
const regions = REGIONS.map((r) => (r.regionId === 'tongchuan' ? { ...r, name: HOSTILE } : r));
const reportInput = input({ regions });
const report = buildReport(reportInput);
const sheets = reportSheets(report, reportInput);

async function workbook() {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await writeTablesXlsx(sheets));
  return book;
}

function rowOf(sheet: ExcelJS.Worksheet, column: number, text: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && row.getCell(column).value === text) found = row;
  });
  if (!found) throw new Error(text);
  return found;
}

describe('the Excel export', () => {
  it('has the appendices and the values, one sheet each', async () => {
    const book = await workbook();
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '附表1 主要指标完成情况表',
      '附表2 各区县指标评估结论统计表',
      '实际值',
      '实际值明细',
    ]);
  });

  it('has a sheet for each table of section 五 (服务清单), after the appendices (hostile test)', () => {
    const withTracking = input({
      serviceTracking: {
        blocks: [
          {
            type: 'table',
            table: {
              id: 'service-tracking-domains',
              caption: '服务清单和重点任务落实情况（2018年）',
              columns: [{ header: '领域', width: 1, align: 'left' }],
              rows: [[{ text: '基本公共教育' }]],
              notes: [],
            },
          },
        ],
      },
    });
    const names = reportSheets(buildReport(withTracking), withTracking).map((s) => s.name);
    expect(names).toEqual([
      '附表1 主要指标完成情况表',
      '附表2 各区县指标评估结论统计表',
      // numbered as in the Word report: after 表1 (domains), 表2 (预警) and 表3 (区县间差距)
      '表4 服务清单和重点任务落实情况（2018年）',
      '实际值',
      '实际值明细',
    ]);
  });

  it('writes numbers as numbers with their formats, and blanks where the report prints —', async () => {
    const sheet = (await workbook()).getWorksheet('附表1 主要指标完成情况表') as ExcelJS.Worksheet;
    expect(sheet.getCell('A3').value).toBe('序号');
    const beds = rowOf(sheet, 3, '每千人口床位数');
    expect(beds.getCell(9).value).toBe(4.8); // 2018年, preliminary: the mark is in the report only
    expect(beds.getCell(9).type).toBe(ExcelJS.ValueType.Number);
    // 完成进度 (4.8 − 4.31) ÷ (5.7 − 4.31) = 0.49 ÷ 1.39, to 12 significant digits: no binary noise
    // (31.000000000005684 in a hostile test's file) reaches the formula bar.
    expect(beds.getCell(10).value).toBe(0.352517985612);
    expect(beds.getCell(10).numFmt).toBe('0.0%');
    expect(beds.getCell(11).value).toBe(0.6);
    expect(beds.getCell(13).value).toBe(0.9); // 差距 5.7 − 4.8, not 0.9000000000000004
    const jobs = rowOf(sheet, 3, '新增城镇就业人数');
    expect(jobs.getCell(8).value).toBeNull(); // no 2017 value: blank, not "—", not 0
    expect(jobs.getCell(6).value).toBe('2016—2020年累计17万人');
    // The header stays in view and can be filtered.
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.autoFilter).toBeTruthy();
  });

  it('writes the time of a change as an Excel date on Beijing wall-clock time', async () => {
    const sheet = (await workbook()).getWorksheet('实际值明细') as ExcelJS.Worksheet;
    let cell: ExcelJS.Cell | undefined;
    sheet.eachRow((row) => {
      if (
        row.getCell(2).value === BEDS &&
        row.getCell(5).value === 2018 &&
        row.getCell(1).value === '达州市'
      )
        cell = row.getCell(12);
    });
    // Stored 2019-02-28T17:30Z: Beijing 2019-03-01 01:30, which is what Excel must show.
    expect(cell?.type).toBe(ExcelJS.ValueType.Date);
    expect((cell?.value as Date).toISOString()).toBe('2019-03-01T01:30:00.000Z');
    expect(cell?.numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('writes a region name that looks like a formula as text, neutralised', async () => {
    const sheet = (await workbook()).getWorksheet('实际值') as ExcelJS.Worksheet;
    const row = rowOf(sheet, 1, `'${HOSTILE}`);
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    let formulas = 0;
    for (const s of (await workbook()).worksheets)
      s.eachRow((r) =>
        r.eachCell((c) => (formulas += c.type === ExcelJS.ValueType.Formula ? 1 : 0)),
      );
    expect(formulas).toBe(0);
  });

  it('writes a CSV number as the report prints it: percentages in %, no float noise', () => {
    const table: ReportTable = {
      id: 't',
      caption: '附表1 主要指标完成情况表',
      notes: [],
      columns: [
        { header: '指标', width: 1, align: 'left' },
        { header: '完成进度', width: 1, align: 'right', numberFormat: '0.0%' },
        { header: '差距', width: 1, align: 'right', numberFormat: '0.00' },
        { header: '实际值', width: 1, align: 'right' },
      ],
      rows: [
        [
          { text: '每千人口床位数' },
          // 0.49 / 1.39 = 0.352517…; 5.7 − 4.8 = 0.9000000000000004 in floating point.
          { text: '35.3%', value: 0.49 / 1.39 },
          { text: '0.9', value: 5.7 - 4.8 },
          { text: '4.8', value: 0.1 * 48 },
        ],
      ],
    };
    expect(tableCsvRows([], table)).toEqual([
      ['指标', '完成进度(%)', '差距', '实际值'],
      ['每千人口床位数', 35.3, 0.9, 4.8],
    ]);
  });

  it('gives the same table as CSV: BOM, numbers as they are, text neutralised', () => {
    const values = sheets.find((s) => s.name === '实际值');
    if (!values) throw new Error('实际值');
    const csv = csvText(tableCsvRows(values.heading, values.table));
    expect(csv.startsWith('\uFEFF实际值（各区域、各年）\r\n')).toBe(true);
    const header = csv.split('\r\n')[2];
    expect(header).toBe(
      '区域,领域,指标编号,指标,单位,2015年,2016年,2017年,2018年,2019年,2020年,初步数年份',
    );
    expect(csv).toContain(
      '达州市,基本医疗和公共卫生服务,health.hospital-beds-per-1000,每千人口床位数,张,,4.4,4.6,4.8,,,2018年\r\n',
    );
    expect(csv).toContain(
      `"'=HYPERLINK(""http://example.invalid"",""点我"")",基本医疗和公共卫生服务`,
    );
  });
});
