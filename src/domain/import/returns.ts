import { planItems } from '../assessment/plan';
import type { Plan } from '../catalog/schema';
import {
  checkValue,
  formatValue,
  normalizeText,
  parseValue,
  valueRuleFor,
  type ValueRule,
} from '../observations/value-rules';

/**
 * Departments' returns (部门和区县报送的数据) read from a table: a CSV, or a sheet of any .xlsx
 * whose columns can be recognised. Pure: rows of cells in, values with the place each came from
 * and the problems of the cells that cannot be taken out. The value rules are the entry grid's
 * (parseValue / checkValue), so a return cannot store what typing could not.
 *
 * Two layouts are recognised from a header row among the first 30 rows:
 * - **long**: a column 指标 (or 指标名称, 指标编号, indicator), 年份 (year), 数值 (值, 实际值,
 *   value), and optionally 区域 (地区, 区县, region), 数据状态 (status), 备注 (note);
 * - **wide**: a column 指标 and one column per year, headed 2016, 2016年 or 2016年实际值, with the
 *   same optional columns.
 * A table without a 区域 column takes its region from the sheet's name when that is a region's
 * name, else from `defaultRegionId` (the import asks for it), and says so in a warning.
 */

/** One cell as a reader found it. */
export interface TableCell {
  /** What the cell shows (for messages and the value text). */
  text: string;
  /** A number stored as a number (Excel); CSV cells have none. */
  number?: number;
  /** Shown as a percentage (Excel stores 82.5% as 0.825). */
  isPercent?: boolean;
  /** Why the cell cannot hold a value at all (a date, a logical value, a formula without result). */
  problem?: string;
  isFromFormula?: boolean;
}

export interface TableRow {
  /** 1-based row (xlsx) or line (CSV). */
  number: number;
  cells: readonly (TableCell | undefined)[];
}

export interface ReturnsTable {
  /** The sheet's name (xlsx); undefined for a CSV. */
  sheet?: string;
  rows: readonly TableRow[];
}

/** A value read from a return, with the place it came from. */
export interface ReturnValue {
  /** "填报表!J9", "Sheet1!D5", "第3行". */
  place: string;
  itemId: string;
  regionId: string;
  year: number;
  value: number;
  text: string;
  dataStatus?: 'final' | 'preliminary';
  note?: string;
  isFromFormula?: boolean;
}

/** A cell or row that cannot be taken, with the reason at its row and column. */
export interface ReturnProblem {
  /** "Sheet1!D5（通川区·每千人口床位数·2017年）", "第3行 数值列". */
  place: string;
  text: string;
  message: string;
  itemId?: string;
  regionId?: string;
  year?: number;
}

export interface ReturnRegion {
  regionId: string;
  name: string;
  archived?: boolean | 0 | 1;
}

export interface ReturnsContext {
  plan: Plan;
  /** The plan's regions as stored (names as the user renamed them; archived ones refused). */
  regions: readonly ReturnRegion[];
  /** Where a table without a 区域 column goes (absent: such a table is refused). */
  defaultRegionId?: string;
}

export type ReturnsLayout = 'template' | 'long' | 'wide';

export type TableReadResult =
  | {
      ok: true;
      layout: 'long' | 'wide';
      /** The row the header was found in. */
      headerRow: number;
      values: ReturnValue[];
      problems: ReturnProblem[];
      warnings: string[];
    }
  | { ok: false; errors: string[] };

/** Header names, compared after normalizeText, without spaces and brackets' contents. */
const HEADERS = {
  item: ['指标', '指标名称', '指标编号', '指标id', 'indicator', 'item', 'itemid'],
  region: ['区域', '地区', '区县', '县市区', '县（市、区）', '行政区', '区划', 'region'],
  year: ['年份', '年度', 'year'],
  value: ['数值', '值', '实际值', '指标值', '完成值', 'value'],
  status: ['数据状态', '状态', 'status', 'datastatus'],
  note: ['备注', '说明', 'note'],
} as const;

const HEADER_SCAN_ROWS = 30;
export const MAX_TABLE_COLUMNS = 300;

function key(text: string): string {
  return normalizeText(text)
    .replace(/\s+/g, '')
    .replace(/[()（）]/g, (ch) => (ch === '(' ? '（' : ch === ')' ? '）' : ch))
    .toLowerCase();
}

function headerKind(text: string): keyof typeof HEADERS | null {
  const k = key(text);
  for (const [kind, names] of Object.entries(HEADERS)) {
    if ((names as readonly string[]).some((n) => key(n) === k)) return kind as keyof typeof HEADERS;
  }
  return null;
}

/** "2016", "2016年", "2016年实际值", "2016年数值" → 2016. */
function headerYear(text: string): number | null {
  const match = /^(\d{4})(?:年)?(?:实际值|数值|值|完成值)?$/.exec(key(text));
  return match ? Number(match[1]) : null;
}

interface Layout {
  headerRow: number;
  layout: 'long' | 'wide';
  columns: Partial<Record<keyof typeof HEADERS, number>>;
  /** Column index → year (wide). */
  years: Map<number, number>;
  names: Map<number, string>;
}

function findLayout(table: ReturnsTable, plan: Plan): Layout | null {
  for (const row of table.rows.slice(0, HEADER_SCAN_ROWS)) {
    const columns: Layout['columns'] = {};
    const years = new Map<number, number>();
    const names = new Map<number, string>();
    row.cells.forEach((cell, index) => {
      const text = cell?.text.trim() ?? '';
      if (!text) return;
      names.set(index, text);
      const kind = headerKind(text);
      if (kind && columns[kind] === undefined) {
        columns[kind] = index;
        return;
      }
      const year = cell?.number ?? headerYear(text);
      if (
        year !== null &&
        Number.isInteger(year) &&
        year >= plan.baseYear &&
        year <= plan.period.end
      ) {
        years.set(index, year);
      }
    });
    if (columns.item === undefined) continue;
    if (columns.year !== undefined && columns.value !== undefined) {
      return { headerRow: row.number, layout: 'long', columns, years: new Map(), names };
    }
    if (years.size > 0) return { headerRow: row.number, layout: 'wide', columns, years, names };
  }
  return null;
}

/** How each sheet's problems name a cell. */
function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function placeOf(sheet: string | undefined, row: number, column: number, header: string) {
  return sheet === undefined ? `第${row}行 ${header}列` : `${sheet}!${columnLetter(column)}${row}`;
}

/** A value cell through the entry grid's rules; null when empty. */
export function readValueCell(
  cell: TableCell | undefined,
  rule: ValueRule,
): { value: number; text: string } | { error: string } | null {
  if (!cell) return null;
  if (cell.problem) return { error: cell.problem };
  if (cell.number !== undefined) {
    let number = cell.number;
    if (cell.isPercent) {
      if (rule.symbol !== '%') {
        return { error: `单元格格式为百分比，但本指标单位为“${rule.unit ?? '无'}”，请填写数值` };
      }
      number = Number((number * 100).toPrecision(12));
    }
    const problem = checkValue(number, rule);
    if (problem) return { error: problem.message };
    const text = formatValue(number);
    return { value: number, text: cell.isPercent ? `${text}%` : text };
  }
  const text = cell.text.trim();
  if (text === '') return null;
  const parsed = parseValue(text, rule);
  if (parsed.kind === 'empty') return null;
  if (parsed.kind === 'error') return { error: parsed.message };
  return { value: parsed.value, text };
}

const STATUS_WORDS: Record<string, 'final' | 'preliminary'> = {
  正式: 'final',
  初步: 'preliminary',
  final: 'final',
  preliminary: 'preliminary',
};

/**
 * Reads one table of a return. Refused as a whole (ok: false) only when no header can be found
 * or the table is beyond the limits; every other problem is returned at its row and column
 * beside the values that are valid.
 */
export function readReturnsTable(table: ReturnsTable, ctx: ReturnsContext): TableReadResult {
  const { plan } = ctx;
  const where = table.sheet === undefined ? '文件' : `工作表“${table.sheet}”`;
  const layout = findLayout(table, plan);
  if (!layout) {
    return {
      ok: false,
      errors: [
        `${where}：没有找到可识别的表头（需要“指标”列，以及“年份”“数值”两列，或“${plan.period.start}年”等年份列）`,
      ],
    };
  }
  const items = planItems(plan);
  const byId = new Map(items.map((i) => [key(i.id), i]));
  const byName = new Map<string, typeof items>();
  for (const item of items)
    byName.set(key(item.name), [...(byName.get(key(item.name)) ?? []), item]);
  const rules = new Map(items.map((i) => [i.id, valueRuleFor(i)]));
  const regionByKey = new Map<string, ReturnRegion>();
  for (const r of ctx.regions) {
    regionByKey.set(key(r.regionId), r);
    regionByKey.set(key(r.name), r);
  }
  const known = ctx.regions.filter((r) => !r.archived).map((r) => r.name);

  const warnings: string[] = [];
  let fixedRegion: ReturnRegion | undefined;
  if (layout.columns.region === undefined) {
    const bySheet = table.sheet !== undefined ? regionByKey.get(key(table.sheet)) : undefined;
    const chosen = ctx.regions.find((r) => r.regionId === ctx.defaultRegionId);
    fixedRegion = bySheet ?? chosen;
    if (!fixedRegion) {
      return { ok: false, errors: [`${where}：没有“区域”列，请在导入时选择这些数值所属的区域`] };
    }
    warnings.push(
      bySheet
        ? `${where}没有“区域”列，按工作表名称归入“${fixedRegion.name}”`
        : `${where}没有“区域”列，数值归入所选区域“${fixedRegion.name}”`,
    );
  }

  const values: ReturnValue[] = [];
  const problems: ReturnProblem[] = [];
  const header = (column: number) => layout.names.get(column) ?? columnLetter(column);
  const cellText = (row: TableRow, column: number | undefined) =>
    column === undefined ? '' : (row.cells[column]?.text ?? '').trim();

  for (const row of table.rows) {
    if (row.number <= layout.headerRow) continue;
    const at = (column: number) => placeOf(table.sheet, row.number, column, header(column));
    const itemColumn = layout.columns.item as number;
    const itemText = cellText(row, itemColumn);
    const valueColumns =
      layout.layout === 'long'
        ? [layout.columns.value as number]
        : [...layout.years.keys()].sort((a, b) => a - b);
    const hasValues = valueColumns.some((c) => {
      const cell = row.cells[c];
      return (
        cell !== undefined &&
        (cell.number !== undefined || cell.text.trim() !== '' || !!cell.problem)
      );
    });
    if (!hasValues) continue;
    // The row's item, region, status and note: each wrong one is one problem for the row.
    if (!itemText) {
      problems.push({ place: at(itemColumn), text: '', message: '没有填写指标' });
      continue;
    }
    const named = byName.get(key(itemText)) ?? [];
    const item = byId.get(key(itemText)) ?? (named.length === 1 ? named[0] : undefined);
    if (!item) {
      problems.push({
        place: at(itemColumn),
        text: itemText,
        message:
          named.length > 1
            ? `指标名称“${itemText}”在本规划中不唯一，请改用指标编号（${named.map((i) => i.id).join('、')}）`
            : `本规划没有指标“${itemText}”（请用规划中的准确名称或指标编号）`,
      });
      continue;
    }
    let region = fixedRegion;
    if (layout.columns.region !== undefined) {
      const regionText = cellText(row, layout.columns.region);
      region = regionText ? regionByKey.get(key(regionText)) : undefined;
      const problem = !regionText
        ? '没有填写区域'
        : !region
          ? `本规划没有区域“${regionText}”（已有区域：${known.join('、')}；新的区域请先在“数据录入”中添加）`
          : region.archived
            ? `区域“${region.name}”已归档，请先在“数据录入”中恢复后再导入`
            : null;
      if (problem) {
        problems.push({
          place: at(layout.columns.region),
          text: regionText,
          message: problem,
          itemId: item.id,
        });
        continue;
      }
    }
    const theRegion = region as ReturnRegion;
    const label = `${theRegion.name}·${item.name}`;
    let dataStatus: 'final' | 'preliminary' | undefined;
    if (layout.columns.status !== undefined) {
      const statusText = cellText(row, layout.columns.status);
      if (statusText) {
        dataStatus = STATUS_WORDS[key(statusText)];
        if (!dataStatus) {
          problems.push({
            place: `${at(layout.columns.status)}（${label}）`,
            text: statusText,
            message: `数据状态“${statusText}”应为“正式”或“初步”`,
            itemId: item.id,
            regionId: theRegion.regionId,
          });
          continue;
        }
      }
    }
    const note = cellText(row, layout.columns.note);
    const rule = rules.get(item.id) ?? valueRuleFor(item);
    for (const column of valueColumns) {
      let year: number;
      if (layout.layout === 'long') {
        const yearColumn = layout.columns.year as number;
        const yearCell = row.cells[yearColumn];
        const yearText =
          yearCell?.number !== undefined ? String(yearCell.number) : cellText(row, yearColumn);
        const digits = normalizeText(yearText).replace(/年$/, '');
        year = /^\d{4}$/.test(digits) ? Number(digits) : Number.NaN;
        if (!(year >= plan.baseYear && year <= plan.period.end)) {
          const date = /^(\d{4}-\d{2}-\d{2})(T[\d:.]+Z?)?$/.exec(yearText.trim())?.[1];
          problems.push({
            place: `${at(yearColumn)}（${label}）`,
            text: yearText,
            message: date
              ? `年份是日期“${date}”，请填写四位年份，如${plan.period.start + 1}（可把单元格格式设为“常规”）`
              : /^\d+\.\d+$/.test(digits)
                ? `年份“${yearText}”不是整数年份，请填写四位年份，如${plan.period.start + 1}`
                : `年份“${yearText}”不在${plan.baseYear}—${plan.period.end}年之间`,
            itemId: item.id,
            regionId: theRegion.regionId,
          });
          continue;
        }
      } else {
        year = layout.years.get(column) as number;
      }
      const place = `${at(column)}（${label}·${year}年）`;
      const cell = row.cells[column];
      const read = readValueCell(cell, rule);
      if (read === null) continue;
      if ('error' in read) {
        problems.push({
          place,
          text: cell?.text ?? '',
          message: read.error,
          itemId: item.id,
          regionId: theRegion.regionId,
          year,
        });
        continue;
      }
      if (cell?.isFromFormula) {
        warnings.push(`${place}：单元格为公式，已按其计算结果${read.text}读取，请核对`);
      }
      values.push({
        place: at(column),
        itemId: item.id,
        regionId: theRegion.regionId,
        year,
        value: read.value,
        text: read.text,
        ...(dataStatus ? { dataStatus } : {}),
        ...(note ? { note } : {}),
        ...(cell?.isFromFormula ? { isFromFormula: true } : {}),
      });
    }
  }
  return {
    ok: true,
    layout: layout.layout,
    headerRow: layout.headerRow,
    values,
    problems,
    warnings,
  };
}
