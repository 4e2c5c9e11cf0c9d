import type { Quantity } from '../catalog/schema';
import type { AssessableItem, PlanCalendar, TargetRule } from '../assessment/types';
import { formatQuantity, formatYears, unitAfterNumber, type Locale } from './format';
import { ratioBase } from '../observations/parse';

const COMPARATOR_SYMBOLS = { '>': '>', '>=': '≥', '<': '<', '<=': '≤', '=': '=' } as const;

/**
 * A cell as printed, with the unit when the cell is a bare number: a table cell "97" of a "%"
 * column reads "97%", "5.70" of "张" reads "5.70张", ">99" reads ">99%"; prose targets carry
 * their own words and unit ("95%以上", "1-2所", "不少于800场") and stay exactly as printed, except
 * that a unit the figure only begins is completed ("2.85万" of 万人 reads "2.85万人").
 */
export function printedWithUnit(quantity: Quantity, unit: string | null): string {
  const raw = quantity.raw.trim();
  if (ratioBase(unit) !== null) return raw;
  if (/[0-9０-９]$/.test(raw)) return `${raw}${unitAfterNumber(unit)}`;
  // A figure followed by the start of its unit only ("2.85万" of 万人, "3名" of 名/万人, "5个" of
  // 个/年): the unit is completed, so that a table's target column says what is counted.
  const partial = /^([0-9.]+)(\D+)$/.exec(raw);
  const suffix = partial?.[2];
  if (partial && suffix && unit && unit !== suffix && unit.startsWith(suffix)) {
    return `${partial[1]}${unitAfterNumber(unit)}`;
  }
  return raw;
}

/** The cell holding a cumulative item's period total (see interpretTarget). */
function totalCell(item: AssessableItem): Quantity | null {
  const target = item.target?.value !== undefined ? item.target : null;
  const change = item.change?.value !== undefined ? item.change : null;
  if (target && change) return item.totalFrom === 'change' ? change : target;
  return change ?? target;
}

/**
 * The target as the plan prints it, everywhere (tables, sentences, exports, the CLI):
 * "97%", ">99%", "107：100", "95%以上", "1-2所"; a period total with its span,
 * "2016—2020年累计17万人"; a one-year plan's total "2017年19件"; words as printed, "实现应改尽改".
 * English renders the interpreted rule ("≥95%", "2016–2020 total 17 ×10,000 persons").
 */
export function targetText(
  item: AssessableItem,
  rule: TargetRule,
  calendar: PlanCalendar,
  locale: Locale = 'zh-CN',
): string {
  const targetYear = item.year ?? calendar.endYear;
  if (rule.type === 'words') return rule.text;
  if (rule.type === 'none') return locale === 'en' ? 'no numeric target' : '无数值目标';
  if (locale === 'en') {
    const symbol = rule.type === 'compare' ? COMPARATOR_SYMBOLS[rule.comparator] : '';
    const quantity = `${symbol}${formatQuantity(rule.value, item.unit, 'en')}`;
    if (item.kind !== 'cumulative') return quantity;
    return calendar.startYear < targetYear
      ? `${formatYears(calendar.startYear, targetYear, 'en')} total ${quantity}`
      : `${targetYear} total ${quantity}`;
  }
  if (item.kind === 'cumulative') {
    const cell = totalCell(item);
    const printed = cell ? printedWithUnit(cell, item.unit) : formatQuantity(rule.value, item.unit);
    return calendar.startYear < targetYear
      ? `${formatYears(calendar.startYear, targetYear)}累计${printed}`
      : `${targetYear}年${printed}`;
  }
  if (rule.derived || !item.target) {
    // The target cell is empty; the figure is the baseline plus the printed five-year change.
    return `${formatQuantity(rule.value, item.unit)}（由基期值加累计增加值推算）`;
  }
  return printedWithUnit(item.target, item.unit);
}
