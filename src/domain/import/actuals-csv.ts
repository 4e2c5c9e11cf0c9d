import { planItems } from '../assessment/plan';
import type { Plan } from '../catalog/schema';
import { parseCsv } from '../csv/parse-csv';
import { normalizeText, parseValue, valueRuleFor } from '../observations/value-rules';
import { checkText, looksLikeFormula, TEXT_RULES } from './text-rules';

export interface ActualRow {
  /** 1-based line in the CSV file. */
  line: number;
  itemId: string;
  regionId: string;
  year: number;
  value: number;
  note: string;
}

export type ActualsCsvResult = { ok: true; rows: ActualRow[] } | { ok: false; errors: string[] };

export interface ActualsCsvOptions {
  /** Regions outside the plan's catalog that the caller declares (the CLI's --allow-region). */
  extraRegions?: readonly string[];
  /** Said after the list of known regions when a region is unknown (how to declare one). */
  unknownRegionHint?: string;
}

const REQUIRED = ['indicator', 'year', 'value'] as const;
const COLUMNS = ['indicator', 'region', 'year', 'value', 'note'] as const;

/**
 * Parses an actuals CSV for a plan: header row with `indicator`, `region` (optional), `year`,
 * `value`, `note` (optional). Every value passes the item's value rule (valueRuleFor, the same
 * as the entry grid); regions must be the plan's (id or name) or declared in `extraRegions`.
 * All problems are collected, one line each naming the CSV line and column; nothing is returned
 * unless the whole file is valid.
 *
 * @example a row 基本养老保险参保率,达州市,2017,150 → 第3行 value 列：百分比应在0—100之间（“150”）
 */
export function parseActualsCsv(
  plan: Plan,
  text: string,
  options: ActualsCsvOptions = {},
): ActualsCsvResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  const [header, ...records] = parsed.records;
  if (!header)
    return { ok: false, errors: ['文件为空：需要表头行 indicator,region,year,value,note'] };
  const columns = header.cells.map((c) => c.trim().toLowerCase());
  const missing = REQUIRED.filter((name) => !columns.includes(name));
  if (missing.length) {
    return {
      ok: false,
      errors: [
        `第${header.line}行：表头缺少列 ${missing.join('、')}（需要 indicator, year, value；可选 region, note）`,
      ],
    };
  }
  const columnIndex = Object.fromEntries(
    COLUMNS.map((name) => [name, columns.indexOf(name)]),
  ) as Record<(typeof COLUMNS)[number], number>;
  const items = planItems(plan);
  const byId = new Map(items.map((i) => [i.id, i]));
  const byName = new Map<string, typeof items>();
  for (const item of items) byName.set(item.name, [...(byName.get(item.name) ?? []), item]);
  const rules = new Map(items.map((i) => [i.id, valueRuleFor(i)]));
  const regionByKey = new Map<string, string>();
  for (const r of plan.regions) {
    regionByKey.set(r.id, r.id);
    regionByKey.set(r.name, r.id);
  }
  for (const name of options.extraRegions ?? []) regionByKey.set(name, name);
  const knownRegions = [...plan.regions.map((r) => r.name), ...(options.extraRegions ?? [])];
  const regionHelp = [`已知区域：${knownRegions.join('、')}`, options.unknownRegionHint]
    .filter(Boolean)
    .join('；');
  const defaultRegion = plan.regions[0]?.id ?? plan.id;

  const errors: string[] = [];
  const rows: ActualRow[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const cell = (name: (typeof COLUMNS)[number]) => {
      const index = columnIndex[name];
      return index >= 0 ? (record.cells[index] ?? '').trim() : '';
    };
    const at = (column: string) => `第${record.line}行 ${column} 列`;
    const indicator = cell('indicator');
    let item = byId.get(indicator);
    if (!item) {
      const named = byName.get(indicator) ?? [];
      if (named.length === 1) item = named[0];
      else if (named.length > 1)
        errors.push(
          `${at('indicator')}：指标名称“${indicator}”在本规划中不唯一，请改用 id（${named.map((i) => i.id).join('、')}）`,
        );
      else
        errors.push(
          `${at('indicator')}：本规划没有指标“${indicator}”（可用指标 id 或规划中的准确名称）`,
        );
    }
    const regionCell = cell('region');
    const regionId = regionCell ? regionByKey.get(regionCell) : defaultRegion;
    if (regionId === undefined) {
      errors.push(`${at('region')}：本规划没有区域“${regionCell}”（${regionHelp}）`);
    }
    const yearText = cell('year');
    const yearDigits = normalizeText(yearText);
    const year = /^\d{4}$/.test(yearDigits) ? Number(yearDigits) : NaN;
    const isYearValid = year >= plan.baseYear && year <= plan.period.end;
    if (!isYearValid) {
      errors.push(`${at('year')}：年份“${yearText}”不在${plan.baseYear}—${plan.period.end}年之间`);
    }
    let value: number | null = null;
    const valueText = cell('value');
    if (item) {
      const parsedValue = parseValue(valueText, rules.get(item.id) ?? valueRuleFor(item));
      if (parsedValue.kind === 'empty') errors.push(`${at('value')}：没有数值`);
      else if (parsedValue.kind === 'error') errors.push(`${at('value')}：${parsedValue.message}`);
      else value = parsedValue.value;
    }
    const note = cell('note');
    // A note is text; one a spreadsheet would run (CSV injection) was not typed as a note.
    const noteProblem = looksLikeFormula(note)
      ? `以“${note.trim()[0]}”开头，电子表格软件会把它当作公式执行；请去掉开头的符号`
      : checkText(note, TEXT_RULES.note);
    if (noteProblem) errors.push(`${at('note')}：${noteProblem}`);
    if (!item || value === null || regionId === undefined || !isYearValid || noteProblem) continue;
    const key = `${item.id}|${regionId}|${year}`;
    const previous = seen.get(key);
    if (previous !== undefined) {
      errors.push(`第${record.line}行：与第${previous}行重复（同一指标、区域、年份）`);
      continue;
    }
    seen.set(key, record.line);
    rows.push({ line: record.line, itemId: item.id, regionId, year, value, note });
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
