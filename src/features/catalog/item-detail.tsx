import type { DataIssue, Indicator, TextTarget } from '../../domain/catalog/schema';
import { useT } from '../../shared/i18n';
import { usePlans } from '../../shared/plans';
import { useSearchParams } from '../../shared/address';
import { buildHref } from '../../shared/search';
import { Citation, SourceQuote } from '../../shared/source-quote';
import { catalogMessages } from './messages';

export function DataIssues({ issues }: { issues: readonly DataIssue[] }) {
  const t = useT(catalogMessages);
  return (
    <div className="data-issues">
      {issues.map((issue, index) => (
        <div key={index} className="data-issue">
          <p>
            <span className="badge badge-warn">{t('issues')}</span> {issue.summary}
          </p>
          {issue.quotes.map((q, i) => (
            <blockquote key={i} className="source-quote">
              <span className="muted">
                <Citation file={q.file} line={q.line} />：
              </span>
              {q.text}
            </blockquote>
          ))}
        </div>
      ))}
    </div>
  );
}

export function ItemDetail({
  item,
  domainName,
  onClose,
}: {
  item: (Indicator & { year?: undefined; quote?: undefined }) | TextTarget;
  domainName: string;
  onClose: () => void;
}) {
  const t = useT(catalogMessages);
  const plans = usePlans();
  const currentPlanId = useSearchParams('catalog')[0].plan;
  // Other plans with the same measure (the same `concept` key), for comparison across plans.
  const sharedWith = item.concept
    ? (plans.data ?? []).filter(
        (e) =>
          e.plan.id !== currentPlanId &&
          [...e.plan.indicators, ...e.plan.textTargets].some(
            (other) => other.concept === item.concept,
          ),
      )
    : [];
  const isIndicator = !('quote' in item && item.quote !== undefined);
  return (
    <aside className="section item-detail" aria-label={t('detailTitle')} data-testid="item-detail">
      <div className="section-head">
        <h2>{item.name}</h2>
        <div className="section-actions">
          <button type="button" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      </div>
      <dl className="facts">
        <dt>{t('domain')}</dt>
        <dd>{domainName}</dd>
        <dt>{t('unit')}</dt>
        <dd>{item.unit ?? t('none')}</dd>
        <dt>{t('baseline')}</dt>
        <dd>{item.baseline?.raw ?? '—'}</dd>
        <dt>{t('target')}</dt>
        <dd>
          {item.target?.raw ?? '—'}
          {'year' in item && item.year !== undefined ? `（${item.year}年）` : ''}
        </dd>
        {isIndicator && 'change' in item && (
          <>
            <dt>{t('change')}</dt>
            <dd>{item.change?.raw ?? '—'}</dd>
          </>
        )}
        <dt>{t('direction')}</dt>
        <dd>{item.direction === 'up' ? t('up') : t('down')}</dd>
        <dt>{t('kind')}</dt>
        <dd>{item.kind === 'cumulative' ? t('cumulative') : t('level')}</dd>
        {item.responsibleUnit && (
          <>
            <dt>{t('responsibleUnit')}</dt>
            <dd>{item.responsibleUnit}</dd>
          </>
        )}
        {sharedWith.length > 0 && (
          <>
            <dt>{t('concept')}</dt>
            <dd>
              {sharedWith.map((e, i) => (
                <span key={e.plan.id}>
                  {i > 0 && '、'}
                  <a
                    href={buildHref('/overview', {
                      plan: currentPlanId,
                      view: 'plans',
                      concept: item.concept,
                    })}
                  >
                    {e.plan.shortName}
                  </a>
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      {'definition' in item && item.definition && (
        <>
          <h3>{t('definition')}</h3>
          <p>{item.definition.text}</p>
        </>
      )}
      {'quote' in item && item.quote && (
        <>
          <h3>{t('quote')}</h3>
          <p>{item.quote}</p>
        </>
      )}
      {item.note && (
        <>
          <h3>{t('note')}</h3>
          <p className="muted">{item.note}</p>
        </>
      )}
      {item.dataIssues && item.dataIssues.length > 0 && (
        <>
          <h3>{t('issues')}</h3>
          <DataIssues issues={item.dataIssues} />
        </>
      )}
      <h3>{t('source')}</h3>
      <SourceQuote
        file={item.source.file}
        line={item.source.line}
        before={1}
        after={isIndicator ? 3 : 1}
        indicator={isIndicator ? (item as Indicator) : undefined}
      />
    </aside>
  );
}
