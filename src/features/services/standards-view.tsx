import { useMemo, useState } from 'react';
import { rollUpStandards, subjectUnitIds, type StandardResult } from '../../domain/implementation';
import { useT } from '../../shared/i18n';
import { EmptyState } from '../../shared/page';
import { buildHref } from '../../shared/search';
import { ChecklistFilters } from './checklist-view';
import { servicesMessages } from './messages';
import { subjectInfo } from './parts';
import { StandardsTable, type ValueLookup } from './standard-values';
import type { ViewProps } from './view-props';

/**
 * Every numeric standard judged on its own (those restating an indicator or a prose target are
 * judged as that item), grouped by domain, with a value cell per year and the engine's verdict:
 * the place where the 专栏 and 保障工程 figures, attached to no service item, are judged too.
 */
export function StandardsView(props: ViewProps & { values: ValueLookup; planAreaId?: string }) {
  const { plan, search, tracking, region, year } = props;
  const t = useT(servicesMessages);
  const [notice, setNotice] = useState<string | null>(null);
  const shown = useMemo(
    () =>
      tracking.standards.filter((r) => {
        if (search.domain && r.domain !== search.domain) return false;
        if (search.unit) {
          const a = r.standard.attachment;
          if (a.kind === 'section') return false;
          const { lead, partner } = subjectUnitIds(plan, { kind: a.kind, id: a.id });
          if (!lead.includes(search.unit) && !partner.includes(search.unit)) return false;
        }
        return true;
      }),
    [plan, tracking.standards, search.domain, search.unit],
  );
  const rollup = rollUpStandards(shown);
  const restated = (plan.standards ?? []).length - tracking.standards.length;
  const where = (r: StandardResult) => {
    const a = r.standard.attachment;
    if (a.kind === 'section') return `${t('section')}：${a.title}`;
    const info = subjectInfo(plan, { kind: a.kind, id: a.id });
    return (
      <a
        href={buildHref('/services', {
          plan: plan.id,
          region: region.regionId,
          year: search.year,
          item: a.id,
        })}
      >
        {a.kind === 'task' ? `${t('kindTask')}${info?.number ?? ''}` : (info?.name ?? a.id)}
      </a>
    );
  };
  return (
    <div className="standards-view">
      <ChecklistFilters {...props} withStatus={false} />
      <h3>{t('standardsTitle', { region: region.name, year })}</h3>
      <p className="muted small">{t('standardsCaption', { restated })}</p>
      <p data-testid="standards-rollup">
        {t('rollupStandards', {
          withData: rollup.withData,
          met: rollup.met,
          notMet: rollup.notMet,
          // Every standard with a value is counted somewhere (1 + 0 ≠ 3 before: hostile test).
          other: rollup.withData - rollup.met - rollup.notMet,
          noData: rollup.total - rollup.withData,
        })}
      </p>
      {notice && (
        <p className="ok-message" role="status" data-testid="services-notice">
          {notice}
        </p>
      )}
      {shown.length === 0 ? (
        <EmptyState>{t('noMatch')}</EmptyState>
      ) : (
        plan.domains
          .filter((d) => shown.some((r) => r.domain === d.id))
          .map((d) => (
            <section key={d.id} className="standards-domain">
              <h4>{d.name}</h4>
              <StandardsTable
                plan={plan}
                results={shown.filter((r) => r.domain === d.id)}
                regionId={region.regionId}
                planAreaId={props.planAreaId}
                values={props.values}
                onNotice={setNotice}
                lead={where}
                leadHeader={t('attachedTo')}
              />
            </section>
          ))
      )}
    </div>
  );
}
