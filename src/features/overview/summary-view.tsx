import { derivedDigits } from '../../domain/wording';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { STATUS_CODES } from '../../domain/assessment/types';
import { regionRole } from '../../shared/plan-results';
import { ProgressText } from '../../shared/wording';
import {
  domainStatusRows,
  itemsOnOlderData,
  mostLagging,
  regionStatusRows,
  statusTiles,
} from '../../domain/charts';
import { useT } from '../../shared/i18n';
import { EmptyState } from '../../shared/page';
import { buildHref } from '../../shared/search';
import { BoxSwatch, ChartFrame, Legend } from './chart-frame';
import { DASH, pct, useDifferenceFormat } from './format';
import { overviewMessages } from './messages';
import {
  STATUS_COLOURS,
  STATUS_ICONS,
  StatusBadge,
  useStatusLabel,
} from '../../shared/status-badge';
import { ServiceTrackingPanel } from './service-tracking-panel';
import type { ViewProps } from './use-overview-data';

export function SummaryView({ plan, assessment, region, params }: ViewProps) {
  const t = useT(overviewMessages);
  const { diff, signedDiff } = useDifferenceFormat();
  const label = useStatusLabel();
  const { items, year, values } = assessment;
  const entryHref = buildHref('/entry', { plan: plan.id, region: region.regionId });
  const hasAnyValue = values.regionValues(region.regionId) !== undefined;
  if (!hasAnyValue) {
    return (
      <>
        <EmptyState>
          <span data-testid="overview-empty">{t('noDataAtAll', { region: region.name })}</span>{' '}
          <a href={entryHref}>{t('goToEntry')}</a>
        </EmptyState>
        <ServiceTrackingPanel {...{ plan, assessment, region, params }} />
      </>
    );
  }
  const tiles = statusTiles(items, assessment.mode);
  const olderData = itemsOnOlderData(items, year);
  const provisional = assessment.results.filter((r) => r.isProvisional).length;
  const toConfirm = assessment.results.filter((r) => r.isJudgementCarried).length;
  const domainRows = domainStatusRows(plan.domains, items);
  const lagging = mostLagging(items, 10);
  const presentStatuses = STATUS_CODES.filter((s) => domainRows.some((r) => r[s] > 0));
  const linkTo = (view: string, extra: Record<string, string | null>) =>
    buildHref('/overview', {
      plan: plan.id,
      view,
      region: params.regionId,
      year: params.year,
      ...extra,
    });

  return (
    <div className="summary-view">
      <h3 className="tiles-title">
        {t('tilesTitle', { region: region.name, year, total: items.length })}
      </h3>
      <div className="tiles status-tiles">
        {tiles.map(({ status, count }) => (
          <div
            key={status}
            className={`tile status-tile${count === 0 ? ' is-zero' : ''}`}
            style={{ borderLeftColor: STATUS_COLOURS[status] }}
            data-testid={`tile-${status}`}
          >
            <div className="tile-label">
              <span aria-hidden="true" className="tile-icon">
                {STATUS_ICONS[status]}
              </span>{' '}
              {label(status)}
            </div>
            <div className="tile-value">{count}</div>
          </div>
        ))}
        {olderData.length > 0 && (
          <div className="tile status-tile tile-missing" data-testid="tile-older-data">
            <div className="tile-label">{t('tileOlderData', { year })}</div>
            <div className="tile-value">{olderData.length}</div>
            <div className="tile-hint muted">
              {t('tileOlderDataHint', { count: olderData.length, year })}{' '}
              <a href={entryHref}>{t('goToEntry')}</a>
            </div>
          </div>
        )}
      </div>
      {(provisional > 0 || toConfirm > 0) && (
        <p className="muted" data-testid="provisional-note">
          {[
            provisional > 0 ? t('provisionalCount', { count: provisional }) : null,
            toConfirm > 0 ? t('toConfirmCount', { count: toConfirm }) : null,
          ]
            .filter(Boolean)
            .join('；')}
        </p>
      )}

      <div className="summary-grid">
        <ChartFrame
          testId="domain-chart"
          title={t('domainChartTitle')}
          unit={t('unitCount')}
          caption={t('domainChartCaption')}
          table={
            <table className="data">
              <thead>
                <tr>
                  <th>{t('domainColumn')}</th>
                  {presentStatuses.map((s) => (
                    <th key={s} className="num">
                      {label(s)}
                    </th>
                  ))}
                  <th className="num">{t('totalColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {domainRows.map((row) => (
                  <tr key={row.domainId}>
                    <td className="nowrap">
                      <a href={linkTo('domain', { domain: row.domainId })}>{row.domainName}</a>
                    </td>
                    {presentStatuses.map((s) => (
                      <td key={s} className="num">
                        {row[s]}
                      </td>
                    ))}
                    <td className="num">{row.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <Legend
            entries={presentStatuses.map((s) => ({
              label: `${STATUS_ICONS[s]} ${label(s)}`,
              swatch: <BoxSwatch colour={STATUS_COLOURS[s]} />,
            }))}
          />
          <ResponsiveContainer width="100%" height={Math.max(180, domainRows.length * 38 + 40)}>
            <BarChart data={domainRows} layout="vertical" margin={{ left: 8, right: 24 }}>
              <CartesianGrid horizontal={false} stroke="#e5e9ee" />
              <XAxis type="number" allowDecimals={false} />
              <YAxis
                type="category"
                dataKey="domainName"
                width={170}
                tick={{ fontSize: 12 }}
                interval={0}
              />
              {presentStatuses.map((s) => (
                <Bar
                  key={s}
                  dataKey={s}
                  name={label(s)}
                  stackId="status"
                  fill={STATUS_COLOURS[s]}
                  stroke="#fff"
                  isAnimationActive={false}
                >
                  <LabelList
                    dataKey={s}
                    position="center"
                    fontSize={11}
                    fill="#1d2733"
                    formatter={(v: unknown) => (typeof v === 'number' && v > 0 ? String(v) : '')}
                  />
                </Bar>
              ))}
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
        <div className="behind-panel" data-testid="domains-behind">
          <h3>{t('domainsBehindTitle')}</h3>
          <p className="chart-caption muted">{t('domainsBehindCaption')}</p>
          {domainRows.every((r) => r.behind === 0) && (
            <EmptyState>{t('domainsBehindNone')}</EmptyState>
          )}
          <ul className="domain-behind-list">
            {domainRows
              .filter((r) => r.behind > 0)
              .sort((a, b) => b.behind / b.total - a.behind / a.total || b.behind - a.behind)
              .map((r) => (
                <li key={r.domainId}>
                  <a href={linkTo('domain', { domain: r.domainId, sort: 'status' })}>
                    {r.domainName}
                  </a>
                  ：{t('behindCount', { behind: r.behind, total: r.total })}
                  <span className="behind-bar" aria-hidden="true">
                    <span style={{ width: `${(r.behind / r.total) * 100}%` }} />
                  </span>
                </li>
              ))}
          </ul>
        </div>
      </div>

      <div className="lagging-panel" data-testid="lagging-list">
        <h3>{t('laggingTitle')}</h3>
        <p className="chart-caption muted">{t('laggingCaption')}</p>
        {lagging.length === 0 ? (
          <EmptyState>{t('laggingNone', { year })}</EmptyState>
        ) : (
          <div className="table-scroll">
            <table className="data lagging-table">
              <thead>
                <tr>
                  <th>{t('indicator')}</th>
                  <th>{t('status')}</th>
                  <th className="num">{t('progress')}</th>
                  <th className="num">{t('shortfall')}</th>
                  <th className="num">{t('gap')}</th>
                  <th className="num">{t('required')}</th>
                  <th className="num">{t('average')}</th>
                  <th className="num">{t('acceleration')}</th>
                </tr>
              </thead>
              <tbody>
                {lagging.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <a href={linkTo('indicator', { item: row.id })}>{row.name}</a>
                      <div className="muted small">
                        {plan.domains.find((d) => d.id === row.domain)?.name}
                      </div>
                    </td>
                    <td>
                      <StatusBadge status={row.status} isProvisional={row.isProvisional} />
                    </td>
                    <td className="num">
                      <ProgressText figure={row.progress} unit={row.unit} />
                      <div className="muted small">
                        {t('timeProgress')} {pct(row.timeProgress)}
                      </div>
                    </td>
                    <td className="num">
                      {row.shortfall === null
                        ? DASH
                        : t('pointsUnit', { value: (row.shortfall * 100).toFixed(1) })}
                    </td>
                    <td className="num">{diff(row.gap, row.unit, derivedDigits(row))}</td>
                    <td className="num">
                      {signedDiff(row.requiredAnnualChange, row.unit, derivedDigits(row))}
                    </td>
                    <td className="num">
                      {signedDiff(row.averageAnnualChange, row.unit, derivedDigits(row))}
                    </td>
                    <td className="num">
                      {row.accelerationFactor === null
                        ? DASH
                        : t('accelerationValue', {
                            factor: row.accelerationFactor.toFixed(1),
                          })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <CountyPanel {...{ plan, assessment, params }} />
      <ServiceTrackingPanel {...{ plan, assessment, region, params }} />
    </div>
  );
}

/** Which counties lag: status counts per county, most behind first, each a link to its overview. */
function CountyPanel({
  plan,
  assessment,
  params,
}: Pick<ViewProps, 'plan' | 'assessment' | 'params'>) {
  const t = useT(overviewMessages);
  const rows = regionStatusRows(
    plan,
    assessment.values,
    assessment.regions.map((r) => ({ ...r, role: regionRole(r) })),
    assessment.year,
  );
  if (rows.length === 0) return null;
  const columns = STATUS_CODES.filter((s) => rows.some((r) => r.counts[s] > 0));
  return (
    <div className="county-panel" data-testid="county-panel">
      <h3>{t('countyTitle', { year: assessment.year })}</h3>
      <p className="chart-caption muted">{t('countyCaption')}</p>
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              <th>{t('countyName')}</th>
              {columns.map((s) => (
                <th key={s} className="num">
                  <StatusBadge status={s} />
                </th>
              ))}
              <th className="num">{t('countyBehindShare')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.regionId} data-region={r.regionId}>
                <td>
                  <a
                    href={buildHref('/overview', {
                      plan: plan.id,
                      region: r.regionId,
                      year: params.year,
                    })}
                  >
                    {r.name}
                  </a>
                </td>
                {columns.map((s) => (
                  <td key={s} className="num">
                    {r.counts[s]}
                  </td>
                ))}
                <td className="num">{r.behindShare === null ? DASH : pct(r.behindShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
