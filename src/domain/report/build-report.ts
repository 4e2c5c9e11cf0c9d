import { planCalendar, type JudgedResult } from '../assessment/plan';
import { rollUpStatuses } from '../assessment/rollup';
import { THRESHOLDS } from '../assessment/thresholds';
import type { StatusCode } from '../assessment/types';
import {
  DIGITS,
  formatNumber,
  formatPercent,
  formatProgress,
  formatQuantity,
  resultSentence,
  resultTarget,
  unitLabel,
} from '../wording';
import { planItem } from '../wording/records';
import {
  DEMO_NOTICE,
  EVALUATOR_PLACEHOLDER,
  REPORT_STATUS_ORDER,
  TREND_WORDS,
  accelerationText,
  allPreliminarySentence,
  averagePaceText,
  chineseNumeral,
  completionNote,
  completionTableNotes,
  completeDataSentence,
  conclusionCell,
  dataParagraph,
  domainSummarySentence,
  equalizationIntro,
  equalizationNotApplicable,
  equalizationTableNote,
  gapText,
  judgementLine,
  judgementSentence,
  manualGroupSentence,
  methodParagraph,
  missingYearsLine,
  noDataGroupSentence,
  preliminaryLine,
  preliminarySentence,
  reportSubtitle,
  reportTitle,
  requiredPaceText,
  revisedBaselineLine,
  scopeParagraph,
  serviceListPlaceholder,
  statusSummaryParagraph,
  statusWord,
  targetNoteLine,
  titleLines,
  variationText,
  warningIntro,
} from '../wording/report';
import { analyseReport, type ReportAnalysis } from './analysis';
import type {
  Report,
  ReportAppendix,
  ReportBlock,
  ReportCell,
  ReportColumn,
  ReportInput,
  ReportSection,
  ReportTable,
} from './model';

const DASH: ReportCell = { text: '—', value: null };

const text = (value: string): ReportCell => ({ text: value });
const numberCell = (value: number | null, shown?: string): ReportCell =>
  value === null ? DASH : { text: shown ?? formatNumber(value, DIGITS.printed), value };

/**
 * The assessment report for a plan, a region and an as-of year (the mode follows the year):
 * 一 总体情况, 二 主要指标完成情况, 三 预警, 四 区域均衡, 五 服务清单和重点任务, 六 存在的问题及原因,
 * 七 下一步建议, 八 数据说明, 附表1 主要指标完成情况表, 附表2 各区县评估结论统计表. Every figure
 * and sentence comes from the engine and the wording layer; 六 and 七 are the evaluator's text.
 */
export function buildReport(input: ReportInput): Report {
  const a = analyseReport(input);
  const tables = { count: 0 };
  const sections: ReportSection[] = [
    overviewSection(a, tables),
    indicatorsSection(a),
    warningsSection(a, tables),
    equalizationSection(a, tables),
    servicesSection(a, input, tables),
    writtenSection('problems', '存在的问题及原因', input.narrative?.problems),
    writtenSection('suggestions', '下一步建议', input.narrative?.suggestions),
    dataNotesSection(a, input),
  ].map((s, i) => ({ ...s, heading: `${chineseNumeral(i + 1)}、${s.heading}` }));

  const appendices: ReportAppendix[] = [{ label: '附表1', table: completionTable(a) }];
  if (a.countyRows.length > 0) appendices.push({ label: '附表2', table: countyStatusTable(a) });

  const title = reportTitle(a.plan.name, a.mode);
  return {
    title,
    titleLines: titleLines(title),
    subtitle: reportSubtitle(a.region.name, a.asOfYear),
    demoNotice: input.isDemo ? DEMO_NOTICE : null,
    sections,
    appendices,
    meta: {
      planId: a.plan.id,
      planShortName: a.plan.shortName,
      regionId: a.region.regionId,
      regionName: a.region.name,
      asOfYear: a.asOfYear,
      mode: a.mode,
      isPlanArea: a.isPlanArea,
    },
  };
}

// ——— 一、总体情况 ———

function overviewSection(a: ReportAnalysis, tables: { count: number }): ReportSection {
  const { plan } = a;
  const itemsByYear = new Map<number, number>();
  for (const r of a.results) {
    if (r.latestYear !== null)
      itemsByYear.set(r.latestYear, (itemsByYear.get(r.latestYear) ?? 0) + 1);
  }
  const sources = [
    ...new Set(a.ownObservations.map((o) => o.source?.trim() ?? '').filter((s) => s !== '')),
  ];
  const updated = a.ownObservations
    .map((o) => o.updatedAt ?? '')
    .filter((s) => s !== '')
    .sort()
    .at(-1);
  const preliminaryCount = a.ownObservations.filter(
    (o) => o.dataStatus === 'preliminary' && o.year >= plan.period.start,
  ).length;

  const blocks: ReportBlock[] = [
    {
      type: 'paragraph',
      text: scopeParagraph({
        planName: plan.name,
        docNumber: plan.docNumber,
        indicatorCount: plan.indicators.length,
        textTargetCount: plan.textTargets.length,
        asOfYear: a.asOfYear,
        mode: a.mode,
        regionName: a.region.name,
        isPlanArea: a.isPlanArea,
        countyNames: a.countiesWithData.length >= 2 ? a.countiesWithData.map((c) => c.name) : [],
      }),
    },
    {
      type: 'paragraph',
      text: dataParagraph({
        firstYear: plan.period.start,
        asOfYear: Math.min(a.asOfYear, plan.period.end),
        itemsByDataYear: [...itemsByYear]
          .sort((x, y) => y[0] - x[0])
          .map(([year, count]) => ({ year, count })),
        noDataCount: a.results.filter((r) => r.latestYear === null).length,
        sources,
        lastUpdated: updated ?? null,
        preliminaryCount,
      }),
    },
    { type: 'paragraph', text: methodParagraph(a.mode, planCalendar(plan), a.asOfYear) },
    {
      type: 'paragraph',
      text: statusSummaryParagraph({
        total: a.results.length,
        counts: a.counts,
        mode: a.mode,
        assessed: a.assessed,
        onTrack: a.onTrack,
        judgedCount: a.judgedCount,
      }),
    },
    { type: 'table', table: domainStatusTable(a, ++tables.count) },
  ];
  return { id: 'overview', heading: '总体情况', blocks };
}

function usedStatuses(counts: Record<StatusCode, number>): StatusCode[] {
  return REPORT_STATUS_ORDER.filter((s) => counts[s] > 0);
}

function domainStatusTable(a: ReportAnalysis, n: number): ReportTable {
  const rollup = rollUpStatuses(
    a.results.map((r) => ({ domain: r.domain, status: r.effectiveStatus })),
    a.plan.domains.map((d) => d.id),
  );
  const statuses = usedStatuses(a.counts);
  const columns: ReportColumn[] = [
    { header: '领域', width: 5, align: 'left' },
    { header: '指标数', width: 1.6, align: 'center' },
    ...statuses.map((s): ReportColumn => ({
      header: statusWord(s, a.mode),
      group: '评估结论（项）',
      width: 1.8,
      align: 'center',
    })),
  ];
  const rows: ReportCell[][] = rollup.domains
    .map((d, i) => ({ d, name: a.plan.domains[i]?.name ?? '' }))
    .filter(({ d }) => d.total > 0)
    .map(({ d, name }) => [
      text(name),
      numberCell(d.total, String(d.total)),
      ...statuses.map((s) => numberCell(d.counts[s], String(d.counts[s]))),
    ]);
  rows.push([
    text('合计'),
    numberCell(rollup.plan.total, String(rollup.plan.total)),
    ...statuses.map((s) => numberCell(rollup.plan.counts[s], String(rollup.plan.counts[s]))),
  ]);
  return {
    id: 'domain-status',
    caption: `表${n} 各领域指标评估结论`,
    columns,
    rows,
    notes: a.judgedCount > 0 ? ['注：评估结论含评估人员评定。'] : [],
  };
}

// ——— 二、主要指标完成情况 ———

function indicatorsSection(a: ReportAnalysis): ReportSection {
  const { plan } = a;
  const blocks: ReportBlock[] = [
    { type: 'paragraph', text: '各项指标的基期值、目标值、各年实际值和评估结论见附表1。' },
  ];
  let domainNo = 0;
  for (const domain of plan.domains) {
    const items = a.results.filter((r) => r.domain === domain.id);
    if (items.length === 0) continue;
    blocks.push({ type: 'heading', text: `（${chineseNumeral(++domainNo)}）${domain.name}` });
    const counts = rollUpStatuses(
      items.map((r) => ({ domain: r.domain, status: r.effectiveStatus })),
      [],
    ).plan.counts;
    blocks.push({ type: 'paragraph', text: domainSummarySentence(items.length, counts, a.mode) });
    const noData = items.filter((r) => r.effectiveStatus === 'no_data');
    const manual = items.filter((r) => r.effectiveStatus === 'manual' && !r.judgement);
    let itemNo = 0;
    for (const r of items) {
      if (noData.includes(r) || manual.includes(r)) continue;
      const preliminary = a.preliminaryYears.get(r.id) ?? [];
      blocks.push({
        type: 'paragraph',
        lead: `${++itemNo}.${r.name}。`,
        text: [
          resultSentence(plan, r),
          judgementSentence(r),
          preliminary.length > 0 ? preliminarySentence(preliminary) : null,
        ]
          .filter((x): x is string => x !== null)
          .join(''),
      });
    }
    if (manual.length > 0) {
      blocks.push({
        type: 'paragraph',
        text: manualGroupSentence(
          manual.map((r) => ({ name: r.name, target: resultTarget(plan, r) })),
        ),
      });
    }
    if (noData.length > 0) {
      blocks.push({
        type: 'paragraph',
        text: noDataGroupSentence(
          noData.map((r) => r.name),
          plan.period.start,
          Math.min(a.asOfYear, plan.period.end),
        ),
      });
    }
  }
  return { id: 'indicators', heading: '主要指标完成情况', blocks };
}

// ——— 三、预警 ———

function warningsSection(a: ReportAnalysis, tables: { count: number }): ReportSection {
  const counts: Partial<Record<StatusCode, number>> = {};
  for (const row of a.behind) counts[row.status] = (counts[row.status] ?? 0) + 1;
  const blocks: ReportBlock[] = [
    {
      type: 'paragraph',
      text: warningIntro(
        counts,
        a.mode,
        a.asOfYear,
        a.counts.no_data + a.counts.not_assessable + a.counts.manual,
      ),
    },
  ];
  if (a.behind.length > 0) {
    const byId = new Map(a.results.map((r) => [r.id, r]));
    // At the final assessment the period is over: no time progress, no pace still needed; the
    // year of the data a verdict rests on instead.
    const isFinal = a.mode === 'final';
    const rows = a.behind.map((row, i): ReportCell[] => {
      const r = byId.get(row.id) as JudgedResult;
      const progress: ReportCell =
        r.progress.value === null
          ? DASH
          : { text: formatProgress(r.progress.value), value: r.progress.value };
      if (isFinal) {
        return [
          numberCell(i + 1, String(i + 1)),
          text(r.name),
          text(conclusionCell(r)),
          progress,
          gapCell(r),
          text(r.latestYear === null ? '—' : `${r.latestYear}年`),
        ];
      }
      return [
        numberCell(i + 1, String(i + 1)),
        text(r.name),
        text(conclusionCell(r)),
        progress,
        { text: formatPercent(r.timeProgress), value: r.timeProgress },
        gapCell(r),
        r.gap.value !== null && r.gap.value > 0
          ? figureCell(requiredPaceText(r), r.requiredAnnualChange.value)
          : DASH,
        figureCell(averagePaceText(r), r.averageAnnualChange.value),
        figureCell(accelerationText(row.accelerationFactor), row.accelerationFactor),
      ];
    });
    blocks.push({
      type: 'table',
      table: {
        id: 'warnings',
        caption: `表${++tables.count} 预警指标`,
        columns: isFinal
          ? [
              { header: '序号', width: 1, align: 'center' },
              { header: '指标', width: 6, align: 'left' },
              { header: '评估结论', width: 3, align: 'center' },
              { header: '完成进度', width: 2.4, align: 'right', numberFormat: '0.0%' },
              { header: '差距', width: 2.6, align: 'right', numberFormat: '0.00' },
              { header: '数据年份', width: 2.2, align: 'center' },
            ]
          : [
              { header: '序号', width: 1, align: 'center' },
              { header: '指标', width: 4.6, align: 'left' },
              { header: '评估结论', width: 2.4, align: 'center' },
              { header: '完成进度', width: 2, align: 'right', numberFormat: '0.0%' },
              { header: '时间进度', width: 2, align: 'right', numberFormat: '0.0%' },
              { header: '差距', width: 2.2, align: 'right', numberFormat: '0.00' },
              { header: '需年均变化', width: 2.8, align: 'right', numberFormat: '0.00' },
              { header: '此前年均变化', width: 2.8, align: 'right', numberFormat: '0.00' },
              { header: '所需为此前的倍数', width: 2, align: 'right', numberFormat: '0.0' },
            ],
        rows,
        notes: isFinal
          ? [
              `注：差距为最新数据距目标值的差额；数据年份为评估结论所依据的最新数据年份，早于${a.plan.period.end}年的结论为预计。`,
            ]
          : [
              '注：差距为距目标值的差额；需年均变化为剩余年份每年需要的变化（累计型指标为每年需完成量）；倍数为需年均变化与此前年均变化之比，此前为反向变化或没有变化的不计算。',
            ],
      },
    });
  }
  return { id: 'warnings', heading: '预警', blocks };
}

/** A met target has no gap to print ("0个百分点" reads oddly): "—" in the report, 0 in spreadsheets. */
function gapCell(r: JudgedResult): ReportCell {
  if (r.gap.value === 0) return { text: '—', value: 0 };
  return figureCell(gapText(r), r.gap.value);
}

/** "全部6个", "2个：通川区、渠县" (three names at most), "无"; "—" without a comparable target. */
function belowTargetText(names: readonly string[], count: number, hasTarget: boolean): string {
  if (!hasTarget) return '—';
  if (names.length === 0) return '无';
  if (names.length === count) return `全部${count}个`;
  return names.length <= 3 ? `${names.length}个：${names.join('、')}` : `${names.length}个`;
}

function figureCell(shown: string | null, value: number | null): ReportCell {
  return shown === null || value === null ? DASH : { text: shown, value };
}

// ——— 四、区域均衡 ———

function equalizationSection(a: ReportAnalysis, tables: { count: number }): ReportSection {
  const heading = '区域均衡';
  if (!a.isPlanArea || a.countiesWithData.length < 2) {
    return {
      id: 'equalization',
      heading,
      blocks: [
        {
          type: 'paragraph',
          text: equalizationNotApplicable(a.region.name, a.plan.region, a.isPlanArea),
        },
      ],
    };
  }
  const trends = { narrowed: 0, widened: 0, stable: 0, unknown: 0 };
  for (const row of a.equalization) trends[row.trend]++;
  const names = new Map(a.countiesWithData.map((c) => [c.regionId, c.name]));
  const blocks: ReportBlock[] = [
    { type: 'paragraph', text: equalizationIntro(trends, a.equalization.length) },
  ];
  if (a.equalization.length > 0) {
    // One year for every row (the usual case) goes into the caption and the headers, so that
    // the table fits a portrait page.
    const firsts = new Set(a.equalization.map((row) => row.comparison.dispersion[0]?.year));
    const lasts = new Set(a.equalization.map((row) => row.comparison.dispersion.at(-1)?.year));
    const commonLast = lasts.size === 1 ? [...lasts][0] : undefined;
    const commonFirst = firsts.size === 1 ? [...firsts][0] : undefined;
    const rows = a.equalization.map((row, i): ReportCell[] => {
      const r = row.result;
      const points = row.comparison.dispersion;
      const first = points[0];
      const last = points.at(-1);
      const q = (v: number) => formatQuantity(v, r.unit);
      const below = row.comparison.belowTarget.map((b) => b.name);
      const cv = (point: typeof first, showYear: boolean): ReportCell =>
        point && point.coefficientOfVariation !== null
          ? {
              text: `${variationText(point.coefficientOfVariation)}${showYear ? `（${point.year}年）` : ''}`,
              value: point.coefficientOfVariation,
            }
          : DASH;
      return [
        numberCell(i + 1, String(i + 1)),
        text(r.name),
        ...(commonLast === undefined ? [text(last ? `${last.year}年` : '—')] : []),
        last ? numberCell(last.count, String(last.count)) : DASH,
        last
          ? {
              text: `${q(last.min.value)}（${names.get(last.min.region) ?? last.min.region}）`,
              value: last.min.value,
            }
          : DASH,
        last
          ? {
              text: `${q(last.max.value)}（${names.get(last.max.region) ?? last.max.region}）`,
              value: last.max.value,
            }
          : DASH,
        last && last.maxMinRatio !== null
          ? { text: formatNumber(last.maxMinRatio, 2), value: last.maxMinRatio }
          : DASH,
        first && first !== last ? cv(first, commonFirst === undefined) : DASH,
        cv(last, commonLast === undefined),
        text(TREND_WORDS[row.trend]),
        text(belowTargetText(below, last?.count ?? 0, row.comparison.target !== null)),
      ];
    });
    blocks.push({
      type: 'table',
      table: {
        id: 'equalization',
        caption: `表${++tables.count} 区县间差距${commonLast !== undefined ? `（${commonLast}年）` : ''}`,
        columns: [
          { header: '序号', width: 0.9, align: 'center' },
          { header: '指标', width: 4.4, align: 'left' },
          ...(commonLast === undefined
            ? [{ header: '年份', width: 1.4, align: 'center' as const }]
            : []),
          { header: '区县数', width: 1.2, align: 'center' },
          { header: '最低', width: 2.8, align: 'left' },
          { header: '最高', width: 2.8, align: 'left' },
          { header: '最高/最低', width: 1.5, align: 'right', numberFormat: '0.00' },
          {
            header: commonFirst !== undefined ? `${commonFirst}年` : '首年',
            group: '变异系数',
            width: 1.5,
            align: 'right',
            numberFormat: '0.0%',
          },
          {
            header: commonLast !== undefined ? `${commonLast}年` : '当年',
            group: '变异系数',
            width: 1.5,
            align: 'right',
            numberFormat: '0.0%',
          },
          { header: '差距变化', width: 1.4, align: 'center' },
          { header: '未达到目标的区县', width: 2.4, align: 'left' },
        ],
        rows,
        notes: [equalizationTableNote(THRESHOLDS.dispersionChangeTolerance)],
        isWide: true,
      },
    });
  }
  blocks.push({ type: 'paragraph', text: '各区县指标评估结论统计见附表2。' });
  return { id: 'equalization', heading, blocks };
}

// ——— 五、服务清单和重点任务 ———

function servicesSection(
  a: ReportAnalysis,
  input: ReportInput,
  tables: { count: number },
): ReportSection {
  // The tracking's tables come without numbers and join the report's one sequence of 表N.
  const blocks: ReportBlock[] = input.serviceTracking?.blocks.length
    ? input.serviceTracking.blocks.map((b) =>
        b.type === 'table'
          ? { ...b, table: { ...b.table, caption: `表${++tables.count} ${b.table.caption}` } }
          : b,
      )
    : [
        {
          type: 'placeholder',
          text: serviceListPlaceholder(a.plan.services.length, a.plan.tasks.length),
        },
      ];
  return { id: 'services', heading: '服务清单和重点任务落实情况', blocks };
}

// ——— 六、七：the evaluator's text ———

function writtenSection(
  id: 'problems' | 'suggestions',
  heading: string,
  written: string | undefined,
): ReportSection {
  const paragraphs = (written ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const blocks: ReportBlock[] =
    paragraphs.length > 0
      ? paragraphs.map((line) => ({ type: 'paragraph', text: line }))
      : [{ type: 'placeholder', text: EVALUATOR_PLACEHOLDER }];
  return { id, heading, blocks };
}

// ——— 八、数据说明 ———

function dataNotesSection(a: ReportAnalysis, input: ReportInput): ReportSection {
  const { plan } = a;
  const parts: Array<{ title: string; lines: string[] }> = [];

  const missing = a.results
    .filter((r) => r.latestYear !== null && r.missingYears.length > 0)
    .map((r) => `${missingYearsLine(r.name, r.missingYears)}。`);
  const none = a.results.filter((r) => r.latestYear === null).map((r) => r.name);
  if (none.length > 0) {
    missing.push(
      noDataGroupSentence(none, plan.period.start, Math.min(a.asOfYear, plan.period.end), true),
    );
  }
  parts.push({
    title: '缺失数据',
    lines:
      missing.length > 0
        ? missing
        : [completeDataSentence(plan.period.start, Math.min(a.asOfYear, plan.period.end))],
  });

  const preliminary = a.results
    .filter((r) => a.preliminaryYears.has(r.id))
    .map((r) => preliminaryLine(r.name, a.preliminaryYears.get(r.id) ?? []));
  const used = a.ownObservations.filter((o) => o.year >= plan.period.start);
  if (used.length > 0 && used.every((o) => o.dataStatus === 'preliminary')) {
    parts.push({
      title: '初步数据',
      lines: [allPreliminarySentence(plan.period.start, Math.min(a.asOfYear, plan.period.end))],
    });
  } else if (preliminary.length > 0) {
    parts.push({
      title: '初步数据',
      lines: [`下列数值为初步数，正式数据发布后需更新：${preliminary.join('、')}。`],
    });
  }

  const revised: string[] = [];
  if (a.isPlanArea) {
    for (const r of a.results) {
      if (!r.isBaselineRevised || r.baseline.value === null) continue;
      const item = planItem(plan, r.id);
      const row = a.ownObservations.find((o) => o.itemId === r.id && o.year === plan.baseYear);
      revised.push(
        revisedBaselineLine(
          r.name,
          r.unit,
          plan.baseYear,
          item?.baseline?.value ?? null,
          r.baseline.value,
          row?.reason ?? '',
        ),
      );
    }
  } else {
    revised.push(
      `${a.region.name}各指标以本地${plan.baseYear}年实际值为基期值；没有本地${plan.baseYear}年数值的，不计算完成进度，只判断是否已达到目标。`,
    );
  }
  if (revised.length > 0) parts.push({ title: '基期值', lines: revised });

  const targets = a.results
    .map((r) => targetNoteLine(r.name, r))
    .filter((x): x is string => x !== null);
  if (targets.length > 0) parts.push({ title: '目标值', lines: targets });

  // The plan's own inconsistencies (a five-year change that does not add up, a target printed
  // twice with two figures) bear on the figures; the cataloguer's notes on the source file (no
  // title page, lines lost in conversion) do not, and stay in the catalog.
  const issues: string[] = [];
  for (const r of a.results) {
    for (const d of planItem(plan, r.id)?.dataIssues ?? []) {
      if (isAboutFigures(d.summary)) issues.push(`${r.name}：${d.summary}`);
    }
  }
  if (issues.length > 0) parts.push({ title: '规划文本中的不一致', lines: issues });

  const judgements = a.results.map(judgementLine).filter((x): x is string => x !== null);
  if (judgements.length > 0) parts.push({ title: '人工评定', lines: judgements });

  if (input.isDemo) parts.push({ title: '示例数据', lines: [DEMO_NOTICE] });

  const blocks: ReportBlock[] = [];
  parts
    .filter((p) => p.lines.length > 0)
    .forEach((p, i) => {
      blocks.push({ type: 'heading', text: `（${chineseNumeral(i + 1)}）${p.title}` });
      for (const line of p.lines) blocks.push({ type: 'paragraph', text: line });
    });
  return { id: 'data-notes', heading: '数据说明', blocks };
}

/** A data issue about the plan's figures, not about the conversion or layout of its file. */
function isAboutFigures(summary: string): boolean {
  return !/转换|乱码|空行|第\d+行|表头|种子/.test(summary);
}

// ——— 附表 ———

/** 附表1 主要指标完成情况表: one row per item, every year's value, the verdict and why. */
export function completionTable(a: ReportAnalysis): ReportTable {
  const { plan } = a;
  const domainName = new Map(plan.domains.map((d) => [d.id, d.name]));
  const rows = a.results.map((r, i): ReportCell[] => {
    const actuals = a.values.actuals(a.region.regionId, r.id);
    const preliminary = a.preliminaryYears.get(r.id) ?? [];
    return [
      numberCell(i + 1, String(i + 1)),
      text(domainName.get(r.domain) ?? r.domain),
      text(r.name),
      text(unitLabel(r.unit)),
      numberCell(r.baseline.value),
      text(resultTarget(plan, r)),
      ...a.years.map((y) => {
        const v = actuals.get(y);
        if (v === undefined) return DASH;
        return {
          text: `${formatNumber(v, DIGITS.printed)}${preliminary.includes(y) ? '*' : ''}`,
          value: v,
        };
      }),
      r.progress.value === null
        ? DASH
        : { text: formatProgress(r.progress.value), value: r.progress.value },
      { text: formatPercent(r.timeProgress), value: r.timeProgress },
      text(conclusionCell(r)),
      gapCell(r),
      r.gap.value !== null && r.gap.value > 0
        ? figureCell(requiredPaceText(r), r.requiredAnnualChange.value)
        : DASH,
      text(completionNote(r, { preliminaryYears: preliminary })),
    ];
  });
  const columns: ReportColumn[] = [
    { header: '序号', width: 0.9, align: 'center' },
    { header: '领域', width: 2, align: 'center', mergeRuns: true },
    { header: '指标', width: 4, align: 'left' },
    { header: '单位', width: 1.2, align: 'center' },
    { header: `${plan.baseYear}年基期值`, width: 1.6, align: 'right' },
    { header: `${plan.period.end}年目标值`, width: 2.4, align: 'center' },
    ...a.years.map((y): ReportColumn => ({
      header: `${y}年`,
      group: '各年实际值',
      width: 1.8,
      align: 'right',
    })),
    { header: '完成进度', width: 1.7, align: 'right', numberFormat: '0.0%' },
    { header: '时间进度', width: 1.7, align: 'right', numberFormat: '0.0%' },
    { header: '评估结论', width: 2.3, align: 'center' },
    { header: '差距', width: 1.8, align: 'right', numberFormat: '0.00' },
    { header: '需年均变化', width: 2.2, align: 'right', numberFormat: '0.00' },
    { header: '说明', width: 4.3, align: 'left' },
  ];
  return {
    id: 'completion',
    caption: '主要指标完成情况表',
    columns,
    rows,
    notes: completionTableNotes({
      hasPreliminary: a.preliminaryYears.size > 0,
      hasCumulative: a.results.some((r) => r.kind === 'cumulative'),
      mode: a.mode,
    }),
    isWide: true,
  };
}

/** 附表2: status counts per county, most behind first (regionStatusRows, as on 总览). */
export function countyStatusTable(a: ReportAnalysis): ReportTable {
  const totals = Object.fromEntries(
    REPORT_STATUS_ORDER.map((s) => [s, a.countyRows.reduce((sum, row) => sum + row.counts[s], 0)]),
  ) as Record<StatusCode, number>;
  const statuses = usedStatuses(totals);
  const rows = a.countyRows.map((row, i): ReportCell[] => [
    numberCell(i + 1, String(i + 1)),
    text(row.name),
    ...statuses.map((s) => numberCell(row.counts[s], String(row.counts[s]))),
    numberCell(row.assessed, String(row.assessed)),
    row.behindShare === null
      ? DASH
      : { text: formatPercent(row.behindShare), value: row.behindShare },
  ]);
  return {
    id: 'county-status',
    caption: '各区县指标评估结论统计表',
    columns: [
      { header: '序号', width: 1, align: 'center' },
      { header: '区县', width: 2.6, align: 'left' },
      ...statuses.map((s): ReportColumn => ({
        header: statusWord(s, a.mode),
        group: '评估结论（项）',
        width: 1.7,
        align: 'center',
      })),
      { header: '可判断', width: 1.5, align: 'center' },
      { header: '滞后比例', width: 1.7, align: 'right', numberFormat: '0.0%' },
    ],
    rows,
    notes: [
      '注：1.各区县以本区县2015年数值为基期，按计算结果统计，未计入评估人员对区县的评定。2.滞后比例为进度滞后、逆向变化、未实现和预计难以实现的指标占可判断指标的比例，按滞后比例由高到低排列。3.总量目标（期末累计和全域总量）为全域的、未分解到区县，区县的总量指标不作判断。',
    ],
  };
}
