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
