import { planCalendar, planItems, type JudgedResult, type PlanItem } from '../assessment/plan';
import { roundTo } from '../assessment/numbers';
import type { AssessmentResult, Figure, ReasonCode, StatusCode } from '../assessment/types';
import type { Plan } from '../catalog/schema';
import { explainResult, reasonText } from './explain';
import { formatDateTime, type Locale } from './format';
import { statusLabel } from './labels';
import { targetText } from './target';

const itemsByPlan = new WeakMap<Plan, Map<string, PlanItem>>();

/** An item of a plan by id (indexed once per plan). */
export function planItem(plan: Plan, itemId: string): PlanItem | undefined {
  let items = itemsByPlan.get(plan);
  if (!items) itemsByPlan.set(plan, (items = new Map(planItems(plan).map((i) => [i.id, i]))));
  return items.get(itemId);
}

/** The target of a result as the plan prints it (see targetText). */
export function resultTarget(
  plan: Plan,
  result: AssessmentResult,
  locale: Locale = 'zh-CN',
): string {
  const item = planItem(plan, result.id);
  return item ? targetText(item, result.targetRule, planCalendar(plan), locale) : '';
}

/** The sentence for a result of a plan, in the locale: the one path for every page and export. */
export function resultSentence(
  plan: Plan,
  result: AssessmentResult,
  locale: Locale = 'zh-CN',
): string {
  return explainResult(result, resultTarget(plan, result, locale), locale);
}

type FigureName =
  | 'baseline'
  | 'progress'
  | 'gap'
  | 'requiredAnnualChange'
  | 'averageAnnualChange'
  | 'projectedValue';
const FIGURES: readonly FigureName[] = [
  'baseline',
  'progress',
  'gap',
  'requiredAnnualChange',
  'averageAnnualChange',
  'projectedValue',
];

/** The per-indicator record the CLI prints (json/csv): the same figures and words the app shows. */
export interface AssessmentRecord {
  id: string;
  name: string;
  unit: string | null;
  status: StatusCode;
  statusLabel: string;
  /** True when missing data could still change the verdict (预计…, or a total with gaps). */
  isProvisional: boolean;
  mode: AssessmentResult['mode'];
  /** The target as printed. */
  target: string;
  targetYear: number;
  baseline: number | null;
  progress: number | null;
  timeProgress: number;
  latestYear: number | null;
  latestValue: number | null;
  cumulativeValue: number | null;
  gap: number | null;
  requiredAnnualChange: number | null;
  averageAnnualChange: number | null;
  projectedValue: number | null;
  /** For each figure that is null: why, in words. */
  notes: Partial<Record<FigureName, string>>;
  reasons: ReasonCode[];
  explanation: string;
}

const r6 = (value: number | null) => (value === null ? null : roundTo(value, 6));

export function toAssessmentRecord(
  plan: Plan,
  result: AssessmentResult,
  locale: Locale = 'zh-CN',
): AssessmentRecord {
  const notes: Partial<Record<FigureName, string>> = {};
  for (const name of FIGURES) {
    const value: Figure = result[name];
    if (value.value === null) notes[name] = reasonText(value.reason, result.unit, locale);
  }
  return {
    id: result.id,
    name: result.name,
    unit: result.unit,
    status: result.status,
    statusLabel: statusLabel(result.status, locale),
    isProvisional: result.isProvisional,
    mode: result.mode,
    target: resultTarget(plan, result, locale),
    targetYear: result.targetYear,
    baseline: result.baseline.value,
    progress: r6(result.progress.value),
    timeProgress: roundTo(result.timeProgress, 6),
    latestYear: result.latestYear,
    latestValue: result.latestValue,
    cumulativeValue: r6(result.cumulativeValue),
    gap: r6(result.gap.value),
    requiredAnnualChange: r6(result.requiredAnnualChange.value),
    averageAnnualChange: r6(result.averageAnnualChange.value),
    projectedValue: r6(result.projectedValue.value),
    notes,
    reasons: result.reasons.map((r) => r.code),
    explanation: resultSentence(plan, result, locale),
  };
}

/** Display width in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000
        ? 2
        : 1;
  }
  return width;
}

/** Pads or cuts `text` to exactly `width` display columns. */
export function fitWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (used + w > width) {
      out = out.slice(0, Math.max(0, out.length - 1)) + '…';
      used = displayWidth(out);
      break;
    }
    out += ch;
    used += w;
  }
  const pad = ' '.repeat(Math.max(0, width - used));
  return align === 'left' ? out + pad : pad + out;
}

/**
 * The assessment table as rows for a CSV a report can use: Chinese headers and labels, the
 * target as printed, the running total for cumulative items, the evaluator's status next to the
 * computed one with who and when, and a first line saying so when the figures are sample data.
 */
export function assessmentExportRows(
  plan: Plan,
  results: readonly JudgedResult[],
  context: { isDemo: boolean },
): Array<Array<string | number | null>> {
  const percent = (value: Figure) => (value.value === null ? null : roundTo(value.value * 100, 1));
  const derived = (value: Figure) => (value.value === null ? null : roundTo(value.value, 4));
  const domainName = new Map(plan.domains.map((d) => [d.id, d.name]));
  const rows: Array<Array<string | number | null>> = [];
  // Sample data says so on the first line, before the table, so that it can never pass for real.
  // The plan, region and year are in the file name; the table starts at its header.
  if (context.isDemo) rows.push(['示例数据：以下数值为演示用虚构数据，不是真实统计数据']);
  rows.push([
    '指标编号',
    '领域',
    '指标',
    '单位',
    '基期值',
    '目标',
    '计算状态',
    '评定状态',
    '评定理由',
    '评定人',
    '评定时间',
    '完成进度(%)',
    '时间进度(%)',
    '数据年份',
    '最新值（累计型为累计值）',
    '差距',
    '需年均变化',
    '已年均变化',
    '预计目标年值',
    '说明',
  ]);
  for (const r of results) {
    rows.push([
      r.id,
      domainName.get(r.domain) ?? r.domain,
      r.name,
      r.unit,
      r.baseline.value,
      resultTarget(plan, r),
      statusLabel(r.status),
      r.judgement ? statusLabel(r.effectiveStatus) : '',
      r.judgement?.reason ?? '',
      r.judgement?.by ?? '',
      r.judgement ? formatDateTime(r.judgement.at) : '',
      percent(r.progress),
      roundTo(r.timeProgress * 100, 1),
      r.latestYear,
      r.cumulativeValue ?? r.latestValue,
      derived(r.gap),
      derived(r.requiredAnnualChange),
      derived(r.averageAnnualChange),
      derived(r.projectedValue),
      resultSentence(plan, r),
    ]);
  }
  return rows;
}
