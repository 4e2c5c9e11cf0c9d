import { describeTarget } from './explain';
import { roundTo } from './numbers';
import { STATUS_LABELS_ZH, type AssessmentResult, type StatusCode } from './types';

/** The per-indicator record the CLI prints (json/csv) — the same figures the app shows. */
export interface AssessmentRecord {
  id: string;
  name: string;
  status: StatusCode;
  statusLabel: string;
  progress: number | null;
  timeProgress: number;
  latestYear: number | null;
  latestValue: number | null;
  cumulativeValue: number | null;
  gap: number | null;
  requiredAnnualChange: number | null;
  averageAnnualChange: number | null;
  /** Projected value in the target year (2020 for every table indicator). */
  projected2020: number | null;
  targetYear: number;
  explanation: string;
}

const r6 = (value: number | null) => (value === null ? null : roundTo(value, 6));

export function toAssessmentRecord(result: AssessmentResult): AssessmentRecord {
  return {
    id: result.id,
    name: result.name,
    status: result.status,
    statusLabel: STATUS_LABELS_ZH[result.status],
    progress: r6(result.progress),
    timeProgress: roundTo(result.timeProgress, 6),
    latestYear: result.latestYear,
    latestValue: result.latestValue,
    cumulativeValue: r6(result.cumulativeValue),
    gap: r6(result.gap),
    requiredAnnualChange: r6(result.requiredAnnualChange),
    averageAnnualChange: r6(result.averageAnnualChange),
    projected2020: r6(result.projectedValue),
    targetYear: result.targetYear,
    explanation: result.explanation,
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

/** What the exported assessment table needs beyond the computed result. */
export interface ExportableResult extends AssessmentResult {
  domain: string;
  effectiveStatus: StatusCode;
  judgement: { status: StatusCode; reason: string; by: string; at: string } | null;
}

/**
 * The assessment table as rows for a CSV a report can use: Chinese headers and labels, the
 * running total for cumulative items, the evaluator's status next to the computed one with who
 * and when, and a first line saying so when the figures are sample data (示例数据).
 */
export function assessmentExportRows(
  results: readonly ExportableResult[],
  context: { domainName: (id: string) => string; isDemo: boolean },
): Array<Array<string | number | null>> {
  const percent = (ratio: number | null) => (ratio === null ? null : roundTo(ratio * 100, 1));
  const rows: Array<Array<string | number | null>> = [];
  // Sample data says so on the first line, before the table, so that it can never pass for real.
  // The plan, region, year and mode are in the file name; the table starts at its header.
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
    '最新年份',
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
      context.domainName(r.domain),
      r.name,
      r.unit,
      r.baselineValue,
      `${describeTarget(r.targetRule, r.unit)}（${r.targetYear}年）`,
      STATUS_LABELS_ZH[r.status],
      r.judgement ? STATUS_LABELS_ZH[r.effectiveStatus] : '',
      r.judgement?.reason ?? '',
      r.judgement?.by ?? '',
      r.judgement?.at ?? '',
      percent(r.progress),
      percent(r.timeProgress),
      r.latestYear,
      r.cumulativeValue ?? r.latestValue,
      r.gap === null ? null : roundTo(r.gap, 4),
      r.requiredAnnualChange === null ? null : roundTo(r.requiredAnnualChange, 4),
      r.averageAnnualChange === null ? null : roundTo(r.averageAnnualChange, 4),
      r.projectedValue === null ? null : roundTo(r.projectedValue, 4),
      r.explanation,
    ]);
  }
  return rows;
}
