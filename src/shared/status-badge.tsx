import type { StatusCode } from '../domain/assessment/types';
import { statusLabel } from '../domain/wording';
import { useLocale } from './i18n';

/**
 * Okabe–Ito colours for SVG fills, the same as the --st-* variables in src/app/styles.css
 * (SVG presentation attributes cannot read CSS variables). Change both together.
 */
export const STATUS_COLOURS: Record<StatusCode, string> = {
  achieved: '#009e73',
  on_track: '#56b4e9',
  likely_achieved: '#0072b2',
  lagging: '#e69f00',
  regressing: '#d55e00',
  likely_not_achieved: '#f0e442',
  not_achieved: '#cc79a7',
  manual: '#7f7f7f',
  not_assessable: '#b0b0b0',
  no_data: '#e0e0e0',
};

/** A shape for each status, so that status never rests on colour alone. */
export const STATUS_ICONS: Record<StatusCode, string> = {
  achieved: '✓',
  on_track: '●',
  likely_achieved: '↗',
  lagging: '▽',
  regressing: '↓',
  likely_not_achieved: '↘',
  not_achieved: '✗',
  no_data: '○',
  manual: '✎',
  not_assessable: '?',
};

/** Status names in the UI language (the wording layer's, the same as in exports and reports). */
export function useStatusLabel(): (status: StatusCode) => string {
  const { locale } = useLocale();
  return (status) => statusLabel(status, locale);
}

/**
 * A status shown with an icon and its label, never by colour alone. A provisional verdict (one
 * that missing data could still change) has a dashed border and says so in its title and to
 * screen readers.
 */
export function StatusBadge({
  status,
  title,
  isProvisional = false,
}: {
  status: StatusCode;
  title?: string;
  isProvisional?: boolean;
}) {
  const { locale } = useLocale();
  const label = statusLabel(status, locale);
  const provisionalNote = locale === 'en' ? 'provisional: data missing' : '待补数据，结论可能变化';
  const marksProvisional =
    isProvisional && status !== 'likely_achieved' && status !== 'likely_not_achieved';
  return (
    <span
      className={`status status-${status}${marksProvisional ? ' is-provisional' : ''}`}
      title={
        [title, marksProvisional ? provisionalNote : null].filter(Boolean).join('；') || undefined
      }
      data-status={status}
      data-provisional={isProvisional ? 'true' : undefined}
    >
      <span aria-hidden="true">{STATUS_ICONS[status]}</span>
      {label}
      {marksProvisional && (
        <>
          <span aria-hidden="true">*</span>
          <span className="visually-hidden">（{provisionalNote}）</span>
        </>
      )}
    </span>
  );
}
