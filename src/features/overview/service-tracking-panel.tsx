import { IMPLEMENTATION_STATUSES } from '../../domain/implementation/model';
import { implementationLabel, shareInPlaceText } from '../../domain/wording/implementation';
import { useLocale, useT } from '../../shared/i18n';
import { buildHref } from '../../shared/search';
import { useServiceTracking } from '../../shared/service-tracking';
import { overviewMessages } from './messages';
import type { ViewProps } from './use-overview-data';

/**
 * 服务清单和重点任务落实情况 on 概况: per domain, the share of service items and tasks in place for
 * the region and year (已落实 ÷ (all − 不适用); not recorded counts as not in place) and how many
 * numeric standards are met of those with a value, from the tracking recorded on 服务清单.
 */
export function ServiceTrackingPanel({
  plan,
  assessment,
  region,
  params,
}: Pick<ViewProps, 'plan' | 'assessment' | 'region' | 'params'>) {
  const t = useT(overviewMessages);
  const { locale } = useLocale();
  const tracking = useServiceTracking(plan, assessment);
  const year = assessment.year;
  if (tracking.isLoading || tracking.rollup.total + tracking.standards.length === 0) return null;
  const href = buildHref('/services', {
    plan: plan.id,
    region: region.regionId,
    year: params.year,
  });
  const isRecorded = tracking.rollup.notRecorded < tracking.rollup.total;
  const pct = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
  return (
    <div className="service-panel" data-testid="service-tracking-panel">
      <h3>{t('serviceTitle', { region: region.name, year })}</h3>
      <p className="chart-caption muted">
        {t('serviceCaption')} <a href={href}>{t('serviceGo')}</a>
      </p>
      {!isRecorded && (
        <p className="muted" data-testid="service-none">
          {t('serviceNone', { region: region.name, year })}
        </p>
      )}
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              <th>{t('domainColumn')}</th>
              <th className="num">{t('serviceItems')}</th>
              {IMPLEMENTATION_STATUSES.map((s) => (
                <th key={s} className="num">
                  {implementationLabel(s, locale)}
                </th>
              ))}
              <th className="num">{t('serviceNotRecorded')}</th>
              <th>{t('serviceShare')}</th>
              <th className="num">{t('serviceStandards')}</th>
            </tr>
          </thead>
          <tbody>
            {tracking.byDomain.map((row) => {
              const standards = row.domainId
                ? tracking.standardsByDomain.get(row.domainId)
                : undefined;
              return (
                <tr key={row.domainId ?? 'cross'} data-domain={row.domainId ?? 'cross'}>
                  <td>
                    <a
                      href={buildHref('/services', {
                        plan: plan.id,
                        region: region.regionId,
                        year: params.year,
                        domain: row.domainId,
                      })}
                    >
                      {row.domainName ?? t('serviceCrossDomain')}
                    </a>
                  </td>
                  <td className="num">{row.total}</td>
                  {IMPLEMENTATION_STATUSES.map((s) => (
                    <td key={s} className="num">
                      {row.counts[s]}
                    </td>
                  ))}
                  <td className="num">{row.notRecorded}</td>
                  <td className="share-cell" title={shareInPlaceText(row, locale)}>
                    <span className="share-value">{pct(row.shareInPlace)}</span>
                    <span className="behind-bar share-bar" aria-hidden="true">
                      <span style={{ width: `${(row.shareInPlace ?? 0) * 100}%` }} />
                    </span>
                  </td>
                  <td className="num">
                    {standards && standards.total > 0
                      ? t('serviceStandardsValue', {
                          met: standards.met,
                          withData: standards.withData,
                          total: standards.total,
                        })
                      : '—'}
                  </td>
                </tr>
              );
            })}
            <tr className="total-row">
              <td>{t('totalColumn')}</td>
              <td className="num">{tracking.rollup.total}</td>
              {IMPLEMENTATION_STATUSES.map((s) => (
                <td key={s} className="num">
                  {tracking.rollup.counts[s]}
                </td>
              ))}
              <td className="num">{tracking.rollup.notRecorded}</td>
              <td className="share-cell" data-testid="service-share-total">
                {pct(tracking.rollup.shareInPlace)}
              </td>
              <td className="num">
                {t('serviceStandardsValue', {
                  met: tracking.standardRollup.met,
                  withData: tracking.standardRollup.withData,
                  total: tracking.standardRollup.total,
                })}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
