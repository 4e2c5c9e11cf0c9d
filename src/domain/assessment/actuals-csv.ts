import type { Plan } from '../catalog/schema';
import { parseCsv } from '../csv/parse-csv';
import { planItems } from './plan';

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

const REQUIRED = ['indicator', 'year', 'value'] as const;

/** Reads a figure as written in a CSV cell: "96.98", "96.98%", "1,234", full-width digits. */
export function parseCsvNumber(cell: string): number | null {
  const text = cell
    .trim()
    .replace(/[\uff10-\uff19\uff0e\uff0c\uff05\uff0d\uff0b]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/%$/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * Parses an actuals CSV for a plan: header row with `indicator`, `region` (optional), `year`,
 * `value`, `note` (optional). All problems are collected, one line each naming the CSV line;
 * nothing is returned unless the whole file is valid.
 */
export function parseActualsCsv(plan: Plan, text: string): ActualsCsvResult {
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
  const col = (name: string) => columns.indexOf(name);
  const items = planItems(plan);
  const byId = new Map(items.map((i) => [i.id, i.id]));
  const byName = new Map<string, string[]>();
  for (const item of items) byName.set(item.name, [...(byName.get(item.name) ?? []), item.id]);
  const regionByKey = new Map<string, string>();
  for (const r of plan.regions) {
    regionByKey.set(r.id, r.id);
    regionByKey.set(r.name, r.id);
  }
  const defaultRegion = plan.regions[0]?.id ?? plan.id;

  const errors: string[] = [];
  const rows: ActualRow[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const cell = (name: string) => (col(name) >= 0 ? (record.cells[col(name)] ?? '').trim() : '');
    const where = `第${record.line}行`;
    const indicator = cell('indicator');
    let itemId = byId.get(indicator);
    if (!itemId) {
      const named = byName.get(indicator) ?? [];
      if (named.length === 1) itemId = named[0];
      else if (named.length > 1)
        errors.push(
          `${where}：指标名称“${indicator}”在本规划中不唯一，请改用 id（${named.join('、')}）`,
        );
      else errors.push(`${where}：本规划没有指标“${indicator}”（可用指标 id 或规划中的准确名称）`);
    }
    const regionCell = cell('region');
    const regionId = regionCell ? (regionByKey.get(regionCell) ?? regionCell) : defaultRegion;
    const yearText = cell('year');
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!Number.isInteger(year) || year < plan.baseYear || year > plan.period.end) {
      errors.push(`${where}：年份“${yearText}”不在${plan.baseYear}—${plan.period.end}年之间`);
    }
    const valueText = cell('value');
    const value = parseCsvNumber(valueText);
    if (value === null) errors.push(`${where}：数值“${valueText}”不是数字`);
    if (!itemId || value === null || !Number.isInteger(year)) continue;
    const key = `${itemId}|${regionId}|${year}`;
    const previous = seen.get(key);
    if (previous !== undefined) {
      errors.push(`${where}：与第${previous}行重复（同一指标、区域、年份）`);
      continue;
    }
    seen.set(key, record.line);
    rows.push({ line: record.line, itemId, regionId, year, value, note: cell('note') });
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
