import { useState } from 'react';
import { subjectStandards, type StandardResult } from '../../domain/implementation';
import { implementationLabel } from '../../domain/wording/implementation';
import { useLocale, useT } from '../../shared/i18n';
import { buildHref } from '../../shared/search';
import { SourceQuote } from '../../shared/source-quote';
import { StatusBadge } from '../../shared/status-badge';
import { useWording } from '../../shared/wording';
import { servicesMessages } from './messages';
import { ImplementationBadge, type SubjectInfo } from './parts';
import { useImplementationHistory } from './queries';
import { RecordForm } from './record-form';
import { StandardsTable, type ValueLookup } from './standard-values';
import { recordOf, type ViewProps } from './view-props';

/**
 * One service item or key task: its full text as listed, the source line quoted, its numeric
 * standards (each with value cells and the engine's verdict; one restating an indicator shows
 * that indicator's verdict), its implementation record for the region and year with the form,
 * and its history in the region.
 */
export function ItemView(
  props: ViewProps & { info: SubjectInfo; values: ValueLookup; planAreaId?: string },
) {
  const { plan, info, tracking, results, region, year, search } = props;
  const t = useT(servicesMessages);
  const { locale } = useLocale();
  const wording = useWording();
  const [notice, setNotice] = useState<string | null>(null);
  const standards = subjectStandards(plan, info.subject);
  const own: StandardResult[] = standards
    .filter((s) => s.linkedItemId === null)
    .map((s) => tracking.standards.find((r) => r.id === s.standard.id))
    .filter((r): r is StandardResult => r !== undefined);
  const linked = standards.filter((s) => s.linkedItemId !== null);
  const record = recordOf(tracking, info.subject, region.regionId, year);
  const state = tracking.states.find((s) => s.subject.id === info.subject.id);
  const history = useImplementationHistory(plan.id, region.regionId, info.subject.id);
  const domainName = plan.domains.find((d) => d.id === info.domain)?.name ?? t('crossDomain');
  const back = buildHref('/services', {
    plan: plan.id,
    region: region.regionId,
    year: search.year,
    view: search.view,
    domain: search.domain,
    unit: search.unit,
    status: search.status,
  });
  const item = info.item;
  return (
    <div className="item-view" data-testid="item-view">
      <p>
        <a href={back}>← {t('back')}</a>
      </p>
      <h3>
        {info.subject.kind === 'task'
          ? `${t('kindTask')}${info.number}${locale === 'zh-CN' ? '：' : ': '}`
          : `${info.number}. `}
        {info.name}
      </h3>
      <dl className="facts item-facts">
        <dt>{t('domain')}</dt>
        <dd>{domainName}</dd>
        {'recipients' in item && (
          <>
            <dt>{t('recipients')}</dt>
            <dd>{item.recipients ?? '—'}</dd>
            <dt>{t('standardText')}</dt>
            <dd data-testid="standard-text">{item.standard ?? '—'}</dd>
            <dt>{t('funding')}</dt>
            <dd>{item.funding ?? '—'}</dd>
          </>
        )}
        <dt>{'recipients' in item ? t('lead') : t('responsible')}</dt>
        <dd>{info.lead || '—'}</dd>
        {'deadline' in item && item.deadline && (
          <>
            <dt>{t('deadline')}</dt>
            <dd>{item.deadline}</dd>
          </>
        )}
      </dl>
      <h4>{t('source')}</h4>
      <SourceQuote
        file={item.source.file}
        line={item.source.line}
        before={1}
        after={info.subject.kind === 'service' ? 4 : 1}
      />

      <h4>{t('structured')}</h4>
      {notice && (
        <p className="ok-message" role="status" data-testid="services-notice">
          {notice}
        </p>
      )}
      {own.length === 0 && linked.length === 0 && <p className="muted">{t('noStructured')}</p>}
      {own.length > 0 && (
        <StandardsTable
          plan={plan}
          results={own}
          regionId={region.regionId}
          planAreaId={props.planAreaId}
          values={props.values}
          onNotice={setNotice}
        />
      )}
      {linked.map(({ standard, linkedItemId }) => {
        const result = results.results.find((r) => r.id === linkedItemId);
        return (
          <div key={standard.id} className="linked-standard" data-standard={standard.id}>
            <p>
              {standard.name}：{standard.target.raw}（“{standard.quote}”）
            </p>
            {result && (
              <p className="small">
                {t('linkedTo', {
                  kind: standard.indicatorId ? t('linkedIndicator') : t('linkedTextTarget'),
                  name: result.name,
                })}{' '}
                <StatusBadge status={result.effectiveStatus} isProvisional={result.isProvisional} />{' '}
                <span className="muted">{wording.sentence(plan, result)}</span>{' '}
                <a
                  href={buildHref('/entry', {
                    plan: plan.id,
                    region: region.regionId,
                    year: search.year,
                  })}
                >
                  {t('goEntry')}
                </a>
              </p>
            )}
          </div>
        );
      })}

      <h4>{t('implementation', { year })}</h4>
      <p>
        <ImplementationBadge status={record?.status ?? null} noneLabel={t('notRecorded')} />
        {state?.earlier && (
          <span className="muted small">
            {' '}
            {t('earlier', {
              year: state.earlier.year,
              status: implementationLabel(state.earlier.status, locale),
              current: year,
            })}
          </span>
        )}
      </p>
      <RecordForm
        plan={plan}
        info={info}
        region={region}
        year={year}
        current={record}
        regionIds={results.regions.map((r) => r.regionId)}
        onSaved={setNotice}
      />

      <h4>{t('history')}</h4>
      {(history.data ?? []).length === 0 ? (
        <p className="muted">{t('noHistory')}</p>
      ) : (
        <table className="data" data-testid="item-history">
          <thead>
            <tr>
              <th>{t('historyYear')}</th>
              <th>{t('historyChange')}</th>
              <th>{t('evidence')}</th>
              <th>{t('historyAction')}</th>
              <th>{t('recorded')}</th>
            </tr>
          </thead>
          <tbody>
            {(history.data ?? []).map((h) => (
              <tr key={h.seq}>
                <td>{h.year}</td>
                <td className="nowrap">
                  {h.before?.status
                    ? implementationLabel(h.before.status, locale)
                    : t('notRecorded')}
                  {' → '}
                  {h.after.status ? implementationLabel(h.after.status, locale) : t('notRecorded')}
                </td>
                <td className="small">
                  {[
                    h.after.evidence,
                    h.after.documentRef,
                    h.after.reply && `${t('replyLabel')}：${h.after.reply}`,
                  ]
                    .filter(Boolean)
                    .join('；')}
                </td>
                <td>
                  {h.action === 'undo'
                    ? t('actionUndo')
                    : h.action === 'merge'
                      ? t('actionMerge')
                      : t('actionSave')}
                  {h.isImported && <span className="muted small">{t('fromOtherLaptop')}</span>}
                </td>
                <td className="small muted nowrap">
                  {h.by} {wording.dateTime(h.at).slice(0, 16)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
