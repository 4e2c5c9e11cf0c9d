import { useMemo } from 'react';
import type { AssessmentMode, Figure, StatusCode } from '../domain/assessment';
import type { AssessmentResult } from '../domain/assessment/types';
import type { Plan } from '../domain/catalog/schema';
import {
  DIGITS,
  formatDateTime,
  formatDifference,
  formatPercent,
  formatProgress,
  formatQuantity,
  formatSignedDifference,
  modeLabel,
  reasonText,
  resultSentence,
  resultTarget,
  statusLabel,
  unitLabel,
} from '../domain/wording';
import { useLocale } from './i18n';

/** Where a figure is missing: the reason is always given beside it (title and screen readers). */
export const DASH = '—';

/**
 * The wording layer (src/domain/wording) bound to the UI language: every page writes figures,
 * targets, statuses and sentences through it, so that a screen says what the exports and the
 * report say.
 */
export function useWording() {
  const { locale } = useLocale();
  return useMemo(
    () => ({
      locale,
      quantity: (value: number | null | undefined, unit: string | null, digits?: number) =>
        value === null || value === undefined ? DASH : formatQuantity(value, unit, locale, digits),
      derived: (value: number | null | undefined, unit: string | null, digits?: number) =>
        value === null || value === undefined
          ? DASH
          : formatQuantity(value, unit, locale, digits ?? DIGITS.derived),
      percent: (ratio: number | null | undefined) =>
        ratio === null || ratio === undefined ? DASH : formatPercent(ratio),
      difference: (value: number | null | undefined, unit: string | null, digits?: number) =>
        value === null || value === undefined
          ? DASH
          : formatDifference(value, unit, locale, digits),
      signedDifference: (value: number | null | undefined, unit: string | null, digits?: number) =>
        value === null || value === undefined
          ? DASH
          : formatSignedDifference(value, unit, locale, digits),
      unit: (unit: string | null) => unitLabel(unit, locale),
      /** A moment in local time, as Excel reads a date: "2018-03-01 08:00:00". */
      dateTime: (iso: string) => formatDateTime(iso, locale),
      status: (status: StatusCode) => statusLabel(status, locale),
      mode: (mode: AssessmentMode) => modeLabel(mode, locale),
      sentence: (plan: Plan, result: AssessmentResult) => resultSentence(plan, result, locale),
      target: (plan: Plan, result: AssessmentResult) => resultTarget(plan, result, locale),
      /** Why a figure is missing, in words; null when it has a value. */
      why: (figure: Figure, unit: string | null, kind: 'level' | 'cumulative' = 'level') =>
        figure.value === null ? reasonText(figure.reason, unit, locale, kind) : null,
    }),
    [locale],
  );
}

/**
 * A figure in a table cell: its text, or "—" with the reason it cannot be computed as a tooltip
 * and for screen readers.
 */
export function FigureText({
  figure,
  show,
  unit,
  kind,
}: {
  figure: Figure;
  show: (value: number) => string;
  unit: string | null;
  kind?: 'level' | 'cumulative';
}) {
  const wording = useWording();
  if (figure.value !== null) return <>{show(figure.value)}</>;
  const reason = wording.why(figure, unit, kind) ?? '';
  return (
    <span className="no-figure" title={reason} data-reason={figure.reason.code}>
      {DASH}
      <span className="visually-hidden">（{reason}）</span>
    </span>
  );
}

/** Completion for a table: ">100%" above the target, the reason when there is none. */
export function ProgressText({ figure, unit }: { figure: Figure; unit: string | null }) {
  return <FigureText figure={figure} unit={unit} show={formatProgress} />;
}
