import ExcelJS from 'exceljs';
import { planCalendar, planItems, type RegionRole, type ValueIndex } from '../assessment/plan';
import { interpretTarget } from '../assessment/target-rule';
import type { Plan } from '../catalog/schema';
import { neutralizeFormula } from '../csv/write-csv';
import { formatValue, valueRuleFor, type ValueRuleSubject } from '../observations/value-rules';
import { unitLabel } from '../wording/format';
import { targetText } from '../wording/target';
import { BORDER, toArrayBuffer } from './xlsx-tables';

/**
 * The 填报模板: an Excel workbook departments and counties fill with yearly values, which the
 * app can read back without guessing (read-fill-template.ts).
 *
 * One long sheet, 填报表, one row per region and item, a column per year. A department reports
 * its indicators for every county, so one sheet it can filter by 区域 or 领域 suits it better
 * than a tab per region (seven for 达州) with the same indicator in seven places; the reader
 * then has one layout to check. Names, units, baselines and targets are locked (sheet
 * protection without a password, so that a user who must can lift it; the reader does not
 * trust the visible cells anyway, see below); the year cells, 数据状态 and 备注 are open, the
 * year cells with decimal validation fitted to the unit.
 *
 * A very hidden sheet, _key, says which plan, item, region and year each open cell belongs to,
 * with the template format and version. The reader goes by the key and checks that each row
 * still shows the item and region the key names, so a moved or inserted row is caught, never
 * read into the wrong indicator.
 */
export const FILL_TEMPLATE_FORMAT = 'gongfu-monitor-fill-template';
export const FILL_TEMPLATE_VERSION = 1;
export const DATA_SHEET = '填报表';

/**
 * What a filling department may do on a protected sheet (the 填报模板 and the 落实情况表): select,
 * resize, filter; not sort, insert or delete rows and columns, which would move a value to another
 * item. No password: protection keeps the layout from accidental edits; the key guards the rest.
 */
export const SHEET_PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  autoFilter: true,
  sort: false,
  insertRows: false,
  deleteRows: false,
  insertColumns: false,
  deleteColumns: false,
};
export const GUIDE_SHEET = '填报说明';
export const KEY_SHEET = '_key';

/** The layout the key records (1-based rows and columns of 填报表). */
export const LAYOUT = {
  headerRow: 3,
  firstDataRow: 4,
  columns: { number: 1, region: 2, domain: 3, item: 4, unit: 5, basis: 6, baseline: 7, target: 8 },
  firstYearColumn: 9,
} as const;

/** Rows of _key before the row table: label in column A, value in column B. */
export const KEY_FIELDS = [
  'format',
  'version',
  'planId',
  'sheet',
  'headerRow',
  'firstDataRow',
  'yearColumns',
  'statusColumn',
  'noteColumn',
  'createdAt',
] as const;
/** The row table of _key starts here: 表格行, itemId, regionId, itemName, regionName. */
export const KEY_TABLE_ROW = KEY_FIELDS.length + 2;

export const STATUS_CHOICES = { 正式: 'final', 初步: 'preliminary' } as const;

export interface FillTemplateSpec {
  plan: Plan;
  regions: ReadonlyArray<{ regionId: string; name: string; role: RegionRole }>;
  itemIds: readonly string[];
  years: readonly number[];
  /** Values already stored, written into the year cells so that a department corrects rather than retypes. */
  values?: ValueIndex;
  /** Who to ask; left as a blank to fill when not given. */
  contact?: string;
  createdAt: string;
}

/** The light yellow of the cells a department fills (templates and the 落实情况表). */
export const OPEN_FILL = {
  type: 'pattern' as const,
  pattern: 'solid' as const,
  fgColor: { argb: 'FFFFF2CC' },
};
/** The grey of a template's header row. */
export const HEAD_FILL = {
  type: 'pattern' as const,
  pattern: 'solid' as const,
  fgColor: { argb: 'FFE7E6E6' },
};

/**
 * Excel's own check of a year cell: the item's value rule (valueRuleFor, the same as the entry
 * grid and the reader), as a decimal between its bounds, with a message saying how to write it.
 * The reader checks every value again, so this only saves a round trip.
 */
function validationFor(item: ValueRuleSubject): ExcelJS.DataValidation {
  const rule = valueRuleFor(item);
  const how =
    rule.symbol === '%'
      ? '（百分比，96.98%填96.98）'
      : rule.symbol === '‰'
        ? '（千分比，不带‰）'
        : rule.ratioBase !== null
          ? `（比值，写作“:${rule.ratioBase}”之前的数，如${rule.kind === 'sex-ratio' ? '109.68' : '1.5'}）`
          : `，单位为“${unitLabel(rule.unit)}”`;
  return {
    type: 'decimal',
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '请填写数值',
    operator: 'between',
    formulae: [rule.min, rule.max],
    error: `请填写${formatValue(rule.min)}—${formatValue(rule.max)}之间的数值${how}`,
  };
}

export async function writeFillTemplate(spec: FillTemplateSpec): Promise<ArrayBuffer> {
  const { plan } = spec;
  const calendar = planCalendar(plan);
  const wanted = new Set(spec.itemIds);
  const items = planItems(plan).filter((i) => wanted.has(i.id));
  const domainName = new Map(plan.domains.map((d) => [d.id, d.name]));
  const years = [...spec.years].sort((a, b) => a - b);
  const statusColumn = LAYOUT.firstYearColumn + years.length;
  const noteColumn = statusColumn + 1;

  const workbook = new ExcelJS.Workbook();
  workbook.creator = '基本公共服务均等化规划监测评估';
  const sheet = workbook.addWorksheet(DATA_SHEET, {
    views: [{ state: 'frozen', xSplit: LAYOUT.columns.item, ySplit: LAYOUT.headerRow }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.getCell(1, 1).value = neutralizeFormula(`《${plan.name}》实际值填报表`);
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value =
    '请只在浅黄色单元格中填写；其余单元格已锁定。累计型指标填写当年完成量，不填累计数。详见“填报说明”。';

  const headers = [
    '序号',
    '区域',
    '领域',
    '指标',
    '单位',
    '填报口径',
    `${plan.baseYear}年基期值`,
    `${plan.period.end}年目标值`,
    ...years.map((y) => `${y}年`),
    '数据状态',
    '备注',
  ];
  const widths = [6, 10, 18, 34, 9, 14, 11, 20, ...years.map(() => 11), 10, 24];
  headers.forEach((header, i) => {
    const cell = sheet.getCell(LAYOUT.headerRow, i + 1);
    cell.value = header;
    cell.font = { bold: true };
    cell.fill = HEAD_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    sheet.getColumn(i + 1).width = widths[i] ?? 10;
  });

  const keyRows: Array<[number, string, string, string, string]> = [];
  let row = LAYOUT.firstDataRow;
  let number = 0;
  for (const region of spec.regions) {
    for (const item of items) {
      const isArea = region.role === 'plan-area';
      const rule = interpretTarget(item, item.baseline?.value ?? null);
      // A period total is the whole area's: a county's row shows none (docs/methodology.md §1).
      const target = isArea || item.kind !== 'cumulative' ? targetText(item, rule, calendar) : '—';
      const cells: Array<string | number> = [
        ++number,
        region.name,
        domainName.get(item.domain) ?? item.domain,
        item.name,
        unitLabel(item.unit),
        item.kind === 'cumulative' ? '当年完成量' : '年末数（当年值）',
        isArea && item.baseline?.value !== undefined ? item.baseline.value : '—',
        target,
      ];
      cells.forEach((value, i) => {
        const cell = sheet.getCell(row, i + 1);
        cell.value = typeof value === 'string' ? neutralizeFormula(value) : value;
        cell.border = BORDER;
        cell.alignment = { vertical: 'middle', wrapText: i === 3 || i === 7 };
      });
      const validation = validationFor(item);
      years.forEach((year, i) => {
        const cell = sheet.getCell(row, LAYOUT.firstYearColumn + i);
        const existing = spec.values?.actuals(region.regionId, item.id).get(year);
        cell.value = existing ?? null;
        cell.protection = { locked: false };
        cell.fill = OPEN_FILL;
        cell.border = BORDER;
        cell.dataValidation = validation;
      });
      const status = sheet.getCell(row, statusColumn);
      status.protection = { locked: false };
      status.fill = OPEN_FILL;
      status.border = BORDER;
      status.dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: ['"正式,初步"'],
        showErrorMessage: true,
        errorTitle: '数据状态',
        error: '请选择“正式”或“初步”，不填视为正式',
      };
      const note = sheet.getCell(row, noteColumn);
      note.protection = { locked: false };
      note.fill = OPEN_FILL;
      note.border = BORDER;
      note.alignment = { wrapText: true };
      keyRows.push([row, item.id, region.regionId, item.name, region.name]);
      row++;
    }
  }
  sheet.autoFilter = {
    from: { row: LAYOUT.headerRow, column: 1 },
    to: { row: LAYOUT.headerRow, column: noteColumn },
  };
  await sheet.protect('', SHEET_PROTECTION);

  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 110;
  const lines = guideLines(
    spec,
    years,
    items.some((i) => i.kind === 'cumulative'),
  );
  lines.forEach((line, i) => {
    const cell = guide.getCell(i + 1, 1);
    cell.value = neutralizeFormula(line);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });

  const key = workbook.addWorksheet(KEY_SHEET, { state: 'veryHidden' });
  const fields: Record<(typeof KEY_FIELDS)[number], string | number> = {
    format: FILL_TEMPLATE_FORMAT,
    version: FILL_TEMPLATE_VERSION,
    planId: plan.id,
    sheet: DATA_SHEET,
    headerRow: LAYOUT.headerRow,
    firstDataRow: LAYOUT.firstDataRow,
    yearColumns: years.map((y, i) => `${LAYOUT.firstYearColumn + i}:${y}`).join(','),
    statusColumn,
    noteColumn,
    createdAt: spec.createdAt,
  };
  KEY_FIELDS.forEach((name, i) => {
    key.getCell(i + 1, 1).value = name;
    key.getCell(i + 1, 2).value = fields[name];
  });
  const tableHeader = ['row', 'itemId', 'regionId', 'itemName', 'regionName'];
  tableHeader.forEach((h, i) => (key.getCell(KEY_TABLE_ROW, i + 1).value = h));
  keyRows.forEach((r, i) =>
    r.forEach((v, j) => (key.getCell(KEY_TABLE_ROW + 1 + i, j + 1).value = v)),
  );
  await key.protect('', { selectLockedCells: true });

  return toArrayBuffer(await workbook.xlsx.writeBuffer());
}

function guideLines(
  spec: FillTemplateSpec,
  years: readonly number[],
  hasCumulative: boolean,
): string[] {
  const { plan } = spec;
  const span = years.length > 0 ? `${years[0]}—${years.at(-1)}年` : '';
  return [
    '填报说明',
    `一、本表用于填报《${plan.name}》有关指标${span}的实际值。请在“${DATA_SHEET}”工作表的浅黄色单元格中填写，不要增删行列、不要移动行、不要改动灰色和白色单元格（已锁定）。`,
    '二、数值只填数字，按“单位”列的单位填写，不带单位和符号：百分比填百分数，如96.98%填96.98；千分比填千分数；比值（如出生人口性别比107.7：100）填前项107.7。没有数据的年份留空，不填0。',
    hasCumulative
      ? '三、“填报口径”为“当年完成量”的累计型指标（如新增城镇就业人数、棚户区改造套数），每年填写当年完成的数量，不填自规划期初以来的累计数；例如2016年完成3.5万人、2017年完成3.6万人，2017年一栏填3.6，不填7.1。'
      : '三、“填报口径”为“年末数（当年值）”的指标，填写该年的数值。',
    '四、“数据状态”选“正式”或“初步”（统计快报等尚未最终核定的数据选“初步”），不选视为正式。“备注”填写数据来源、口径变化等需要说明的情况。',
    '五、请直接填写数值，不要使用公式；若单元格含公式，系统读取时按其计算结果，并提示核对。',
    `六、填报联系人：${spec.contact?.trim() || '__________（单位、姓名、电话）'}`,
    `七、本模板由基本公共服务均等化规划监测评估系统生成（规划编号 ${plan.id}，模板格式第${FILL_TEMPLATE_VERSION}版，${spec.createdAt.slice(0, 10)}），请勿更改工作表名称。`,
    ...(spec.values ? ['八、已录入系统的数值已预先填入，请核对；如需更正，直接修改。'] : []),
  ];
}
