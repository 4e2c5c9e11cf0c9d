import type { Plan, Service, Task } from '../../domain/catalog/schema';
import type { ImplementationStatus, Subject } from '../../domain/implementation/model';
import { implementationLabel } from '../../domain/wording/implementation';
import { useLocale } from '../../shared/i18n';

/** A shape for each status, so that it never rests on colour alone. */
export const IMPLEMENTATION_ICONS: Record<ImplementationStatus | 'none', string> = {
  done: '✓',
  in_progress: '●',
  not_started: '○',
  below_standard: '✗',
  not_applicable: '—',
  none: '?',
};

/** An implementation status with its shape and label; `none`: no record for the year. */
export function ImplementationBadge({
  status,
  noneLabel,
}: {
  status: ImplementationStatus | null;
  noneLabel: string;
}) {
  const { locale } = useLocale();
  const key = status ?? 'none';
  return (
    <span className={`impl impl-${key}`} data-impl={key}>
      <span aria-hidden="true">{IMPLEMENTATION_ICONS[key]}</span>
      {status ? implementationLabel(status, locale) : noneLabel}
    </span>
  );
}

/** What a row shows of a service item or task. */
export interface SubjectInfo {
  subject: Subject;
  item: Service | Task;
  /** The service's name, or the task's text. */
  name: string;
  number: string;
  /** The lead unit cell as printed (a task: its whole 责任单位 cell where it has one). */
  lead: string;
  domain: string | null;
}

export function subjectInfo(plan: Plan, subject: Subject): SubjectInfo | undefined {
  if (subject.kind === 'service') {
    const item = plan.services.find((s) => s.id === subject.id);
    return item
      ? {
          subject,
          item,
          name: item.name,
          number: item.number ?? '',
          lead: item.leadUnit ?? '',
          domain: item.domain,
        }
      : undefined;
  }
  const item = plan.tasks.find((t) => t.id === subject.id);
  return item
    ? {
        subject,
        item,
        name: item.text,
        number: item.number ?? '',
        lead: item.responsibleText ?? item.leadUnit ?? '',
        domain: item.domain,
      }
    : undefined;
}

/** The subject of an id of the plan (service ids and task ids never collide within a plan). */
export function subjectOf(plan: Plan, id: string): Subject | undefined {
  if (plan.services.some((s) => s.id === id)) return { kind: 'service', id };
  if (plan.tasks.some((t) => t.id === id)) return { kind: 'task', id };
  return undefined;
}

/** "2019-01-10 16:00" from an ISO time, on the wording layer's clock. */
export function shortTime(formatted: string): string {
  return formatted.slice(0, 16);
}
