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

const ICONS: Record<StatusCode, string> = {
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
      <span aria-hidden="true">{ICONS[status]}</span>
      {label}
    </span>
  );
}
