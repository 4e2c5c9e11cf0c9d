import { planItems } from '../assessment/plan';
import { roundTo } from '../assessment/numbers';
import { formatNumber, DIGITS, unitLabel } from '../wording';
import { formatDateTime, formatYearList } from '../wording/format';
import type { Report, ReportCell, ReportInput, ReportTable } from './model';

/**
 * The stored values as tables for Excel and CSV: one row per region and item with a column per
 * year (实际值), and one row per value with everything recorded about it (实际值明细). Numbers
 * stay numbers; the time of the last change is an Excel date on Beijing time.
 */

const text = (value: string): ReportCell => ({ text: value });

function regionOrder(input: ReportInput) {
  const names = new Map(input.regions.map((r) => [r.regionId, r.name]));
  for (const r of input.plan.regions) if (!names.has(r.id)) names.set(r.id, r.name);
  const order = [...names.keys()];
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i === -1 ? order.length : i;
  };
  return { name: (id: string) => names.get(id) ?? id, rank };
}

/** 实际值: region × item, a column per year from the base year to the end year. */
export function valuesTable(input: ReportInput): ReportTable {
  const { plan } = input;
  const years: number[] = [];
  for (let y = plan.baseYear; y <= plan.period.end; y++) years.push(y);
  const items = planItems(plan);
  const domainName = new Map(plan.domains.map((d) => [d.id, d.name]));
  const regions = regionOrder(input);
  const byKey = new Map<string, Map<number, { value: number; isPreliminary: boolean }>>();
  for (const o of input.observations) {
    const key = `${o.regionId}|${o.itemId}`;
    let byYear = byKey.get(key);
    if (!byYear) byKey.set(key, (byYear = new Map()));
    byYear.set(o.year, { value: o.value, isPreliminary: o.dataStatus === 'preliminary' });
  }
  const regionIds = [...new Set(input.observations.map((o) => o.regionId))].sort(
    (a, b) => regions.rank(a) - regions.rank(b),
  );
  const rows: ReportCell[][] = [];
  for (const regionId of regionIds) {
    for (const item of items) {
      const byYear = byKey.get(`${regionId}|${item.id}`);
      if (!byYear) continue;
      const preliminary = years.filter((y) => byYear.get(y)?.isPreliminary);
      rows.push([
        text(regions.name(regionId)),
        text(domainName.get(item.domain) ?? item.domain),
        text(item.id),
        text(item.name),
        text(unitLabel(item.unit)),
        ...years.map((y): ReportCell => {
          const v = byYear.get(y);
          return v === undefined
            ? { text: '', value: null }
            : { text: formatNumber(v.value, DIGITS.printed), value: v.value };
        }),
        text(preliminary.length > 0 ? formatYearList(preliminary) : ''),
      ]);
    }
  }
  return {
    id: 'values',
    caption: '实际值',
    columns: [
      { header: '区域', width: 2, align: 'left' },
      { header: '领域', width: 3, align: 'left' },
      { header: '指标编号', width: 3, align: 'left' },
      { header: '指标', width: 5, align: 'left' },
      { header: '单位', width: 1.2, align: 'center' },
      ...years.map((y) => ({
        header: `${y}年`,
        width: 1.3,
        align: 'right' as const,
      })),
      { header: '初步数年份', width: 2, align: 'left' },
    ],
    rows,
    notes: [`注：${plan.baseYear}年为基期；累计型指标各年数值为当年完成量（非累计数）。`],
  };
}

const STATUS_WORDS = { preliminary: '初步', final: '正式' } as const;

/** 实际值明细: one row per stored value with its status, source, note, reason, who and when. */
export function valuesDetailTable(input: ReportInput): ReportTable {
  const items = new Map(planItems(input.plan).map((i) => [i.id, i]));
  const regions = regionOrder(input);
  const rows = [...input.observations]
    .sort(
      (a, b) =>
        regions.rank(a.regionId) - regions.rank(b.regionId) ||
        a.itemId.localeCompare(b.itemId) ||
        a.year - b.year,
    )
    .map((o): ReportCell[] => {
      const item = items.get(o.itemId);
      const when: ReportCell = o.updatedAt
        ? { text: formatDateTime(o.updatedAt), date: o.updatedAt }
        : { text: '', value: null };
      return [
        text(regions.name(o.regionId)),
        text(o.itemId),
        text(item?.name ?? o.itemId),
        text(unitLabel(item?.unit ?? null)),
        { text: String(o.year), value: o.year },
        { text: formatNumber(o.value, DIGITS.printed), value: o.value },
        text(o.dataStatus ? STATUS_WORDS[o.dataStatus] : ''),
        text(o.source ?? ''),
        text(o.note ?? ''),
        text(o.reason ?? ''),
        text(o.updatedBy ?? ''),
        when,
      ];
    });
  return {
    id: 'values-detail',
    caption: '实际值明细',
    columns: [
      { header: '区域', width: 2, align: 'left' },
      { header: '指标编号', width: 3, align: 'left' },
      { header: '指标', width: 5, align: 'left' },
      { header: '单位', width: 1.2, align: 'center' },
      { header: '年份', width: 1, align: 'center', numberFormat: '0' },
      { header: '数值', width: 1.5, align: 'right' },
      { header: '数据状态', width: 1.2, align: 'center' },
      { header: '来源', width: 2.5, align: 'left' },
      { header: '备注', width: 3, align: 'left' },
      { header: '修改理由', width: 3, align: 'left' },
      { header: '修改人', width: 1.5, align: 'left' },
      { header: '修改时间', width: 2.6, align: 'center', numberFormat: 'yyyy-mm-dd hh:mm' },
    ],
    rows,
    notes: ['注：修改时间为北京时间。'],
  };
}

/** The sheets of the Excel export: the appendices, then the values. */
export function reportSheets(
  report: Report,
  input: ReportInput,
): Array<{ name: string; heading: string[]; table: ReportTable }> {
  const context = `${report.title}｜${report.meta.regionName}｜截至${report.meta.asOfYear}年`;
  const demo = report.demoNotice ? [report.demoNotice] : [];
  // Section 五's tables (服务清单 落实情况, units, standards): the figures a department or an
  // evaluator filters and sorts, as the Word report numbers them.
  const tracking = report.sections
    .filter((section) => section.id === 'services')
    .flatMap((section) => section.blocks)
    .flatMap((block) => (block.type === 'table' ? [block.table] : []));
  return [
    ...report.appendices.map((a) => ({
      name: `${a.label} ${a.table.caption}`,
      heading: [`${a.label} ${a.table.caption}`, context, ...demo],
      table: a.table,
    })),
    ...tracking.map((table) => ({
      name: table.caption,
      heading: [table.caption, context, ...demo],
      table,
    })),
    {
      name: '实际值',
      heading: ['实际值（各区域、各年）', context, ...demo],
      table: valuesTable(input),
    },
    {
      name: '实际值明细',
      heading: ['实际值明细', context, ...demo],
      table: valuesDetailTable(input),
    },
  ];
}

/**
 * A table as CSV rows: the heading lines, the header, then numbers as numbers (blank where the
 * report prints "—") and text as printed; `csvText` neutralises and quotes.
 */
export function tableCsvRows(
  heading: readonly string[],
  table: ReportTable,
): Array<Array<string | number | null>> {
  // A CSV has no number formats: a percentage column is written in % (35.3, header "完成进度(%)"),
  // and every number rounded to the decimals the report prints, so that no 0.9000000000000004
  // or 0.3525 reaches the evaluator's spreadsheet.
  const isPercent = table.columns.map((c) => c.numberFormat?.includes('%') ?? false);
  const decimals = table.columns.map((c) =>
    c.numberFormat === undefined
      ? DIGITS.printed
      : (c.numberFormat.split('.')[1] ?? '').replace(/[^0]/g, '').length,
  );
  return [
    ...heading.map((line) => [line]),
    table.columns.map((c, i) =>
      isPercent[i] && !c.header.includes('%') ? `${c.header}(%)` : c.header,
    ),
    ...table.rows.map((row) =>
      row.map((cell, i) => {
        if (cell.date !== undefined || cell.value === undefined) return cell.text;
        if (cell.value === null) return null;
        const digits = decimals[i] ?? DIGITS.printed;
        return isPercent[i] ? roundTo(cell.value * 100, digits) : roundTo(cell.value, digits);
      }),
    ),
  ];
}
