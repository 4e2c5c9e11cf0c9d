import { STATUS_LABELS_ZH, type StatusCode } from '../domain/assessment/types';
import { useLocale } from './i18n';

export const STATUS_LABELS_EN: Record<StatusCode, string> = {
  achieved: 'Achieved',
  on_track: 'On track',
  lagging: 'Lagging',
  regressing: 'Regressing',
  not_achieved: 'Not achieved',
  no_data: 'No data',
  manual: 'Needs judgement',
  not_assessable: 'Cannot compute',
};

/**
 * Okabe–Ito colours for SVG fills, the same as the --st-* variables in src/app/styles.css
 * (SVG presentation attributes cannot read CSS variables). Change both together.
 */
export const STATUS_COLOURS: Record<StatusCode, string> = {
  achieved: '#009e73',
  on_track: '#56b4e9',
  lagging: '#e69f00',
  regressing: '#d55e00',
  not_achieved: '#cc79a7',
  manual: '#7f7f7f',
  not_assessable: '#b0b0b0',
  no_data: '#e0e0e0',
};

/** A shape for each status, so that status never rests on colour alone. */
export const STATUS_ICONS: Record<StatusCode, string> = {
  achieved: '✓',
  on_track: '●',
  lagging: '▽',
  regressing: '↓',
  not_achieved: '✗',
  no_data: '○',
  manual: '✎',
  not_assessable: '?',
};

export function useStatusLabel(): (status: StatusCode) => string {
  const { locale } = useLocale();
  return (status) => (locale === 'en' ? STATUS_LABELS_EN[status] : STATUS_LABELS_ZH[status]);
}

/** A status shown with an icon and its label, never by colour alone. */
export function StatusBadge({ status, title }: { status: StatusCode; title?: string }) {
  const label = useStatusLabel()(status);
  return (
    <span className={`status status-${status}`} title={title} data-status={status}>
      <span aria-hidden="true">{STATUS_ICONS[status]}</span>
      {label}
    </span>
  );
}
