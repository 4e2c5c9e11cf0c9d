import { planCalendar, planModeFor } from '../assessment/plan';
import type { Plan } from '../catalog/schema';
import type { ReportBlock, ReportCell, ReportColumn, ReportTable } from '../report/model';
import { formatPercent, formatQuantity } from '../wording/format';
import {
  implementationLabel,
  noSurveySentence,
  nothingRecordedParagraph,
  standardsParagraph,
  standardTargetText,
  surveySentence,
  trackingSummaryParagraph,
} from '../wording/implementation';
import { statusCountText, statusWord } from '../wording/report';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from './model';
import {
  implementationByDomain,
  rollUpImplementation,
  type ImplementationRollup,
  type SubjectState,
  type UnitScorecard,
} from './rollup';
import { rollUpStandards, type StandardResult } from './standards';
import type { Survey } from './surveys';

/** What section 五 of the report states: the tracking of one region for one year. */
export interface ServiceTrackingFacts {
  plan: Plan;
  regionName: string;
  year: number;
  /** subjectStates(plan, records, region, year). */
  states: readonly SubjectState[];
  /** assessStandards(plan, values, region, year). */
  standards: readonly StandardResult[];
  /** The plan's surveys (all years; those after `year` are left out). */
  surveys: readonly Survey[];
  /**
   * For a county's report, the name of the plan's whole area: surveys are the area's (they have
   * no region), and the report says so rather than print them as the county's own.
   */
  areaName?: string | null;
  /** unitScorecards(plan, states, …). */
  scorecards: readonly UnitScorecard[];
}

/** The name of the row for tasks that belong to no single domain. */
export const CROSS_DOMAIN_NAME = '综合（跨领域重点任务）';

const text = (value: string): ReportCell => ({ text: value });
const count = (value: number): ReportCell => ({ text: String(value), value });
const share = (value: number | null): ReportCell =>
  value === null ? { text: '—', value: null } : { text: formatPercent(value), value };

const COUNT_COLUMNS: ReportColumn[] = [
  ...IMPLEMENTATION_STATUSES.map((s): ReportColumn => ({
    header: implementationLabel(s),
    width: 1,
    align: 'right',
  })),
  { header: '未记录', width: 1, align: 'right' },
  { header: '落实比例', width: 1.3, align: 'right', numberFormat: '0.0%' },
];

const countCells = (r: ImplementationRollup): ReportCell[] => [
  ...IMPLEMENTATION_STATUSES.map((s) => count(r.counts[s])),
  count(r.notRecorded),
  share(r.shareInPlace),
];

const ROLLUP_NOTE =
  '注：落实比例＝已落实项数÷（事项总数－不适用项数）；未记录本年度落实情况的事项计为未落实，不视为已落实。';

/** Statuses a report lists as "not yet in place", worst first. */
const NOT_IN_PLACE: readonly ImplementationStatus[] = [
  'below_standard',
  'not_started',
  'in_progress',
];

/**
 * Section 五 of the report (服务清单和重点任务落实情况) from the tracking recorded in the app, or a
 * plain statement that nothing was recorded. Tables carry captions without numbers: the report
 * numbers them in its own sequence. Every sentence comes from the wording layer.
 */
export function serviceTrackingBlocks(f: ServiceTrackingFacts): ReportBlock[] {
  const { plan, year } = f;
  const blocks: ReportBlock[] = [];
  const overall = rollUpImplementation(f.states);
  const isRecorded = overall.notRecorded < overall.total;
  const domainName = new Map(plan.domains.map((d) => [d.id, d.name]));
  const nameOf = (domain: string | null) =>
    (domain !== null ? domainName.get(domain) : undefined) ?? CROSS_DOMAIN_NAME;

  if (overall.total > 0) {
    blocks.push({ type: 'heading', text: '（一）服务清单和重点任务' });
    if (!isRecorded) {
      blocks.push({
        type: 'paragraph',
        text: nothingRecordedParagraph({
          regionName: f.regionName,
          year,
          serviceCount: plan.services.length,
          taskCount: plan.tasks.length,
        }),
      });
    } else {
      blocks.push({
        type: 'paragraph',
        text: trackingSummaryParagraph({
          regionName: f.regionName,
          year,
          serviceCount: plan.services.length,
          taskCount: plan.tasks.length,
          rollup: overall,
        }),
      });
      blocks.push({ type: 'table', table: domainTable(f, nameOf) });
      blocks.push(...notInPlaceBlocks(f, nameOf));
      blocks.push({ type: 'heading', text: '（二）各责任单位落实情况' });
      blocks.push({ type: 'table', table: unitTable(f) });
    }
  }

  blocks.push({
    type: 'heading',
    text: `（${overall.total > 0 ? (isRecorded ? '三' : '二') : '一'}）数值标准`,
  });
  blocks.push(...standardBlocks(f, nameOf));

  const next = overall.total > 0 ? (isRecorded ? '四' : '三') : '二';
  blocks.push({ type: 'heading', text: `（${next}）社会满意度` });
  blocks.push(...surveyBlocks(f));
  return blocks;
}

function domainTable(
  f: ServiceTrackingFacts,
  nameOf: (domain: string | null) => string,
): ReportTable {
  const rows = implementationByDomain(f.plan, f.states).map((r) => [
    text(nameOf(r.domainId)),
    count(r.total),
    ...countCells(r),
  ]);
  const all = rollUpImplementation(f.states);
  rows.push([text('合计'), count(all.total), ...countCells(all)]);
  return {
    id: 'service-tracking-domains',
    caption: `服务清单和重点任务落实情况（${f.year}年）`,
    columns: [
      { header: '领域', width: 3.4, align: 'left' },
      { header: '事项', width: 1, align: 'right' },
      ...COUNT_COLUMNS,
    ],
    rows,
    notes: [ROLLUP_NOTE],
  };
}

function notInPlaceBlocks(
  f: ServiceTrackingFacts,
  nameOf: (domain: string | null) => string,
): ReportBlock[] {
  const byId = new Map(
    [...f.plan.services, ...f.plan.tasks].map((item) => [
      item.id,
      'name' in item
        ? { name: item.name, lead: item.leadUnit }
        : { name: item.text, lead: item.responsibleText ?? item.leadUnit },
    ]),
  );
  const rank = (s: ImplementationStatus) => NOT_IN_PLACE.indexOf(s);
  const rows = f.states
    .filter((s) => s.record !== null && NOT_IN_PLACE.includes(s.record.status))
    .sort((a, b) => rank(a.record!.status) - rank(b.record!.status))
    .map((s) => {
      const record = s.record!;
      const item = byId.get(s.subject.id);
      const evidence = [
        record.evidence.trim(),
        record.documentRef.trim() ? `文件：${record.documentRef.trim()}` : '',
        record.reply.trim() ? `牵头单位反馈：${record.reply.trim()}` : '',
      ]
        .filter(Boolean)
        .join('；');
      return [
        text(nameOf(s.domain)),
        text(item?.name ?? s.subject.id),
        text(item?.lead ?? ''),
        text(implementationLabel(record.status)),
        text(evidence || '—'),
      ];
    });
  // Items without a record count as not in place (the share's rule) but cannot be listed with
  // evidence: said, so that "尚未落实的2项" is not read as the whole of it.
  const notRecorded = f.states.filter((s) => s.record === null).length;
  const unlisted =
    notRecorded > 0
      ? `另有${notRecorded}项未记录${f.year}年落实情况，按未落实计，不逐项列出。`
      : '';
  if (rows.length === 0) {
    return [
      {
        type: 'paragraph',
        text: `已记录${f.year}年落实情况的事项均已落实或不适用${unlisted ? `；${unlisted}` : '。'}`,
      },
    ];
  }
  return [
    {
      type: 'paragraph',
      text: `记录为尚未落实的${rows.length}项（未达标、未启动、推进中）列示如下，依据为各牵头单位报送或评估人员核实的情况${unlisted ? `；${unlisted}` : '。'}`,
    },
    {
      type: 'table',
      table: {
        id: 'service-tracking-open',
        caption: `尚未落实的服务清单事项和重点任务（${f.year}年）`,
        columns: [
          { header: '领域', width: 2.4, align: 'left' },
          { header: '事项', width: 4, align: 'left' },
          { header: '牵头单位', width: 2.6, align: 'left' },
          // Wide enough for 未达标 / 推进中 on one line in Word (they wrapped: evaluator trial).
          { header: '落实情况', width: 1.6, align: 'center' },
          { header: '依据及反馈', width: 4.1, align: 'left' },
        ],
        rows,
        notes: [],
      },
    },
  ];
}

function unitTable(f: ServiceTrackingFacts): ReportTable {
  return {
    id: 'service-tracking-units',
    caption: `各责任单位落实情况（${f.year}年）`,
    columns: [
      { header: '责任单位', width: 3, align: 'left' },
      { header: '事项', width: 1, align: 'right' },
      ...COUNT_COLUMNS,
    ],
    rows: f.scorecards
      .filter((card) => card.states.length > 0)
      .map((card) => [text(card.unit.name), count(card.states.length), ...countCells(card.rollup)]),
    notes: [
      '注：事项为该单位牵头（重点任务含参与）的服务清单事项和重点任务；一项由多个单位共同牵头的，计入每个单位。',
      ROLLUP_NOTE,
    ],
  };
}

function standardBlocks(
  f: ServiceTrackingFacts,
  nameOf: (domain: string | null) => string,
): ReportBlock[] {
  const calendar = planCalendar(f.plan);
  const mode = planModeFor(f.plan, f.year);
  const rollup = rollUpStandards(f.standards);
  const restated = (f.plan.standards ?? []).length - f.standards.length;
  const blocks: ReportBlock[] = [
    {
      type: 'paragraph',
      text: standardsParagraph({
        year: f.year,
        own: f.standards.length,
        restated,
        withData: rollup.withData,
        countsText: statusCountText(
          rollUpStandards(f.standards.filter((r) => r.latestYear !== null)).counts,
          mode,
        ),
      }),
    },
  ];
  const judged = f.standards.filter((r) => r.latestYear !== null);
  if (judged.length === 0) return blocks;
  blocks.push({
    type: 'table',
    table: {
      id: 'service-tracking-standards',
      caption: `数值标准评估结论（${f.year}年）`,
      columns: [
        { header: '领域', width: 2.2, align: 'left' },
        { header: '标准', width: 3.6, align: 'left' },
        { header: '目标', width: 2.4, align: 'left' },
        { header: '实际值', width: 2.6, align: 'right' },
        { header: '结论', width: 1.6, align: 'center' },
      ],
      rows: judged.map((r) => [
        text(nameOf(r.domain)),
        text(r.name),
        text(standardTargetText({ ...r.standard, change: null }, r.targetRule, calendar)),
        // A running total shows its sum to date, as its target counts (累计1.08亿元), not the
        // last year's amount (evaluator trial).
        r.cumulativeValue !== null
          ? {
              text: `累计${formatQuantity(r.cumulativeValue, r.unit)}（截至${r.latestYear}年）`,
              value: r.cumulativeValue,
            }
          : {
              text:
                r.latestValue === null
                  ? '—'
                  : `${formatQuantity(r.latestValue, r.unit)}（${r.latestYear}年）`,
              value: r.latestValue,
            },
        text(`${statusWord(r.status, r.mode)}${r.isProvisional ? '*' : ''}`),
      ]),
      notes: ['注：结论按主要指标的同一方法判断（见第一部分）；*为缺少数据、结论可能变化。'],
    },
  });
  return blocks;
}

function surveyBlocks(f: ServiceTrackingFacts): ReportBlock[] {
  const domainName = new Map(f.plan.domains.map((d) => [d.id, d.name]));
  const serviceName = new Map(f.plan.services.map((s) => [s.id, s.name]));
  const surveys = f.surveys
    .filter((s) => s.year <= f.year)
    .sort((a, b) => a.year - b.year || a.at.localeCompare(b.at));
  if (surveys.length === 0) return [{ type: 'paragraph', text: noSurveySentence(f.year) }];
  const scope: ReportBlock[] = f.areaName
    ? [
        {
          type: 'paragraph',
          text: `以下为${f.areaName}全域的满意度调查，未单独调查${f.regionName}，仅供参考。`,
        },
      ]
    : [];
  return [
    ...scope,
    ...surveys.map((s): ReportBlock => {
      const subject =
        s.serviceId !== null
          ? `“${serviceName.get(s.serviceId) ?? s.serviceId}”服务`
          : s.domain !== null
            ? `${domainName.get(s.domain) ?? s.domain}服务`
            : '基本公共服务总体';
      return { type: 'paragraph', text: surveySentence(s, subject) };
    }),
  ];
}
