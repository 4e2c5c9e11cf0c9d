import { bulletRows, type DomainSortKey } from '../../domain/charts';
import { useT } from '../../shared/i18n';
import { EmptyState } from '../../shared/page';
import { buildHref } from '../../shared/search';
import { BoxSwatch, ChartFrame, Legend, LineSwatch } from './chart-frame';
import { num, pct, progressText, useDifferenceFormat } from './format';
import { FigureText, ProgressText, useWording } from '../../shared/wording';
import { overviewMessages } from './messages';
import { STATUS_COLOURS, StatusBadge } from '../../shared/status-badge';
import type { ViewProps } from './use-overview-data';
import { DomainSelect } from '../../shared/selectors';

const SORT_KEYS: readonly DomainSortKey[] = ['plan', 'status', 'shortfall'];
/** The bar scale runs 0–120% so that an over-achieved item still shows how far beyond it is. */
const SCALE_MAX = 1.2;

export function DomainView({ plan, assessment, params, setParams, region }: ViewProps) {
  const t = useT(overviewMessages);
  const { diff } = useDifferenceFormat();
  const wording = useWording();
  const domainId =
    params.domainId && plan.domains.some((d) => d.id === params.domainId) ? params.domainId : null;
  const sortKey = SORT_KEYS.includes(params.sort as DomainSortKey)
    ? (params.sort as DomainSortKey)
    : 'plan';
  const rows = bulletRows(assessment.items, domainId, sortKey);
  const domainName = (id: string) => plan.domains.find((d) => d.id === id)?.name ?? id;
  const itemHref = (id: string) =>
    buildHref('/overview', {
      plan: plan.id,
      view: 'indicator',
      item: id,
      region: params.regionId,
      year: params.year,
    });

  return (
    <div className="domain-view">
      <div className="toolbar">
        <label>
          <span>{t('domainFilter')}</span>
          <DomainSelect
            plan={plan}
            value={domainId}
            onChange={(id) => setParams({ domain: id })}
            label={t('domainFilter')}
            allLabel={t('allDomains')}
          />
        </label>
        <label>
          <span>{t('sortBy')}</span>
          <select
            aria-label={t('sortBy')}
            value={sortKey}
            onChange={(e) => setParams({ sort: e.target.value === 'plan' ? null : e.target.value })}
          >
            <option value="plan">{t('sortPlan')}</option>
            <option value="status">{t('sortStatus')}</option>
            <option value="shortfall">{t('sortShortfall')}</option>
          </select>
        </label>
      </div>
      {rows.length === 0 ? (
        <EmptyState>{t('noItems')}</EmptyState>
      ) : (
        <ChartFrame
          testId="bullet-chart"
          title={`${t('bulletTitle')}（${region.name}，${assessment.year}）`}
          unit={t('unitRatio')}
          caption={t('bulletCaption')}
          table={
            <table className="data">
              <thead>
                <tr>
                  <th>{t('indicator')}</th>
                  <th>{t('domainColumn')}</th>
                  <th>{t('status')}</th>
                  <th className="num">{t('latest')}</th>
                  <th className="num">{t('progress')}</th>
                  <th className="num">{t('timeProgress')}</th>
                  <th className="num">{t('gap')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td>{r.name}</td>
                    <td>{domainName(r.domain)}</td>
                    <td>
                      <StatusBadge status={r.status} isProvisional={r.isProvisional} />
                    </td>
                    <td className="num">
                      {num(r.cumulativeValue ?? r.latestValue, r.unit)}
                      {r.latestYear !== null && <span className="muted"> ({r.latestYear})</span>}
                    </td>
                    <td className="num">
                      <ProgressText figure={r.progress} unit={r.unit} />
                    </td>
                    <td className="num">{pct(r.timeProgress)}</td>
                    <td className="num">
                      <FigureText figure={r.gap} unit={r.unit} show={(v) => diff(v, r.unit)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <Legend
            entries={[
              {
                label: t('bulletLegendProgress'),
                swatch: <BoxSwatch colour={STATUS_COLOURS.lagging} />,
              },
              { label: t('bulletLegendTime'), swatch: <LineSwatch colour="#1d2733" /> },
              { label: '100%', swatch: <LineSwatch colour="#8a96a3" /> },
            ]}
          />
          <ol className="bullet-list">
            {rows.map((r) => (
              <li key={r.id} className="bullet-row" data-testid="bullet-row" data-item={r.id}>
                <div className="bullet-name">
                  <a href={itemHref(r.id)}>{r.name}</a>
                  {domainId === null && (
                    <span className="muted small"> · {domainName(r.domain)}</span>
                  )}
                </div>
                <div className="bullet-status">
                  <StatusBadge status={r.status} isProvisional={r.isProvisional} />
                </div>
                <div
                  className="bullet-track"
                  role="img"
                  aria-label={`${t('progress')} ${progressText(r.progress)}，${t('timeProgress')} ${pct(r.timeProgress)}`}
                >
                  {[0.25, 0.5, 0.75, 1].map((tick) => (
                    <span
                      key={tick}
                      className={`bullet-grid${tick === 1 ? ' is-full' : ''}`}
                      style={{ left: `${(tick / SCALE_MAX) * 100}%` }}
                    />
                  ))}
                  {r.progressForBar !== null && (
                    <span
                      className="bullet-bar"
                      style={{
                        width: `${(r.progressForBar / SCALE_MAX) * 100}%`,
                        background: STATUS_COLOURS[r.status],
                      }}
                    />
                  )}
                  <span
                    className="bullet-time"
                    style={{ left: `${(Math.min(r.timeProgress, SCALE_MAX) / SCALE_MAX) * 100}%` }}
                  />
                </div>
                <div className="bullet-figures num">
                  {r.progress.value === null ? (
                    // Where there is no completion, the reason, and no time progress beside it.
                    <span className="muted">{wording.why(r.progress, r.unit)}</span>
                  ) : (
                    <>
                      {progressText(r.progress)}
                      <span className="muted">
                        {' '}
                        / {pct(r.timeProgress)}
                        {r.gap.value !== null && r.gap.value > 0
                          ? ` · ${t('gap')} ${diff(r.gap, r.unit)}`
                          : ''}
                      </span>
                    </>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </ChartFrame>
      )}
    </div>
  );
}
