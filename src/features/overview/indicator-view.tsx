import { derivedDigits, formatNumber } from '../../domain/wording';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { planCalendar, planItems } from '../../domain/assessment/plan';
import { indicatorSeries, mostLagging } from '../../domain/charts';
import { useT } from '../../shared/i18n';
import { EmptyState } from '../../shared/page';
import { buildHref } from '../../shared/search';
import { Citation, SourceQuote } from '../../shared/source-quote';
import { BoxSwatch, ChartFrame, DotSwatch, Legend, LineSwatch } from './chart-frame';
import { DASH, num, pct, useDifferenceFormat } from './format';
import { FigureText, ProgressText, useWording } from '../../shared/wording';
import { JudgementNote } from '../../shared/judgement-note';
import { overviewMessages } from './messages';
import { StatusBadge } from '../../shared/status-badge';
import type { ViewProps } from './use-overview-data';
import { ItemSelect } from '../../shared/selectors';

const COLOUR = {
  actual: '#0072b2',
  expected: '#7f7f7f',
  projection: '#d55e00',
  target: '#009e73',
  bar: '#56b4e9',
};

interface DotProps {
  cx?: number | null;
  cy?: number | null;
  index?: number;
  value?: unknown;
  payload?: { year: number };
}

export function IndicatorView({ plan, assessment, params, setParams, region }: ViewProps) {
  const t = useT(overviewMessages);
  const { diff, signedDiff } = useDifferenceFormat();
  const wording = useWording();
  const items = planItems(plan);
  const fallback = mostLagging(assessment.items, 1)[0]?.id ?? items[0]?.id;
  const item = items.find((i) => i.id === params.itemId) ?? items.find((i) => i.id === fallback);
  if (!item) return <EmptyState>{t('noItems')}</EmptyState>;
  const result = assessment.results.find((r) => r.id === item.id);
  if (!result) return <EmptyState>{t('noItems')}</EmptyState>;
  // Figures are written with the result's unit (女=100 for a sex ratio printed with none).
  const itemUnit = result.unit;

  const calendar = planCalendar(plan);
  const regionRows = assessment.planValues?.seriesRows(region.regionId, item.id) ?? [];
  const actuals = assessment.values.actuals(region.regionId, item.id);
  const chart = indicatorSeries(result, item.kind, calendar, actuals, assessment.year);
  const isCumulative = chart.kind === 'cumulative';
  const unit = wording.unit(itemUnit);
  const entryHref = buildHref('/entry', { plan: plan.id, region: region.regionId });
  const regionsHref = buildHref('/overview', {
    plan: plan.id,
    view: 'regions',
    item: item.id,
    year: params.year,
  });
  const years = chart.points.map((p) => p.year);
  const targetText = wording.target(plan, result);

  const renderDot = (props: DotProps) => {
    const { cx, cy, payload, index } = props;
    const key = `dot-${index ?? 0}`;
    if (cx == null || cy == null || props.value == null) return <g key={key} />;
    if (!isCumulative && payload?.year === calendar.baseYear) {
      return (
        <rect
          key={key}
          data-series="baseline"
          x={cx - 5}
          y={cy - 5}
          width={10}
          height={10}
          fill="#fff"
          stroke={COLOUR.actual}
          strokeWidth={2}
        />
      );
    }
    return (
      <circle
        key={key}
        data-series="actual"
        cx={cx}
        cy={cy}
        r={4.5}
        fill={COLOUR.actual}
        stroke="#fff"
        strokeWidth={1}
      />
    );
  };

  const legend = [
    isCumulative
      ? { label: t('seriesCumulative'), swatch: <BoxSwatch colour={COLOUR.bar} /> }
      : { label: t('seriesActual'), swatch: <DotSwatch colour={COLOUR.actual} /> },
    ...(!isCumulative && result.baseline.value !== null
      ? [{ label: t('seriesBaseline'), swatch: <DotSwatch colour={COLOUR.actual} square /> }]
      : []),
    ...(chart.points.some((p) => p.expected !== null)
      ? [
          {
            label: isCumulative ? t('seriesExpectedCumulative') : t('seriesExpected'),
            swatch: <LineSwatch colour={COLOUR.expected} dashed />,
          },
        ]
      : []),
    ...(chart.points.some((p) => p.projection !== null)
      ? [{ label: t('seriesProjection'), swatch: <LineSwatch colour={COLOUR.projection} dashed /> }]
      : []),
    ...(chart.target
      ? [
          {
            label: `${t('seriesTarget')} ${targetText}`,
            swatch: <LineSwatch colour={COLOUR.target} />,
          },
        ]
      : []),
    ...(chart.target?.band
      ? [
          {
            label: t('seriesTargetZone'),
            swatch: <BoxSwatch colour={COLOUR.target} opacity={0.15} />,
          },
        ]
      : []),
  ];

  return (
    <div className="indicator-view">
      <div className="toolbar">
        <label>
          <span>{t('itemSelect')}</span>
          <ItemSelect
            plan={plan}
            items={items}
            value={item.id}
            onChange={(id) => setParams({ item: id })}
            label={t('itemSelect')}
          />
        </label>
        <a href={regionsHref}>{t('openRegions')}</a>
      </div>

      <div className="indicator-finding" data-testid="indicator-finding">
        <StatusBadge status={result.effectiveStatus} isProvisional={result.isProvisional} />
        <p>
          <strong>{t('explanation')}：</strong>
          {wording.sentence(plan, result)}
        </p>
        <JudgementNote result={result} />
      </div>

      <div className="indicator-grid">
        <ChartFrame
          testId="indicator-chart"
          title={t('indicatorChartTitle', { name: item.name, region: region.name })}
          unit={t('unit', { unit })}
          caption={
            <>
              {isCumulative
                ? t('kindCumulative', { start: result.startYear, end: result.targetYear })
                : t('kindLevel')}
              {!chart.target && ` · ${t('noNumericTarget')}`}
            </>
          }
          table={
            <table className="data">
              <thead>
                <tr>
                  <th>{t('yearColumn')}</th>
                  <th className="num">{isCumulative ? t('seriesAnnual') : t('seriesActual')}</th>
                  {isCumulative && <th className="num">{t('seriesCumulative')}</th>}
                  <th className="num">
                    {isCumulative ? t('seriesExpectedCumulative') : t('seriesExpected')}
                  </th>
                  <th className="num">{t('seriesProjection')}</th>
                </tr>
              </thead>
              <tbody>
                {chart.points.map((p) => (
                  <tr key={p.year}>
                    <td>
                      {p.year}
                      {!isCumulative && p.year === calendar.baseYear && ` (${t('baseline')})`}
                    </td>
                    <td className="num">{num(p.actual)}</td>
                    {isCumulative && <td className="num">{num(p.cumulative)}</td>}
                    <td className="num">{num(p.expected)}</td>
                    <td className="num">{num(p.projection)}</td>
                  </tr>
                ))}
                <tr>
                  <td>{t('target')}</td>
                  <td colSpan={isCumulative ? 4 : 3}>{targetText}</td>
                </tr>
              </tbody>
            </table>
          }
        >
          <Legend entries={legend} />
          <ResponsiveContainer width="100%" height={320}>
            <ComposedChart data={chart.points} margin={{ top: 16, right: 24, left: 8, bottom: 4 }}>
              <CartesianGrid stroke="#e5e9ee" />
              <XAxis
                dataKey="year"
                type="number"
                domain={[years[0] ?? 0, years.at(-1) ?? 0]}
                ticks={years}
                allowDecimals={false}
                padding={{ left: 20, right: 20 }}
              />
              <YAxis
                domain={[chart.yDomain[0], chart.yDomain[1]]}
                ticks={chart.yTicks}
                interval={0}
                allowDataOverflow
                width={64}
                tickFormatter={(v: number) => formatNumber(v, chart.yDecimals)}
              />
              <Tooltip
                formatter={(v: unknown) => (typeof v === 'number' ? num(v, itemUnit) : DASH)}
              />
              {chart.target?.band && (
                <ReferenceArea
                  y1={chart.target.band[0]}
                  y2={chart.target.band[1]}
                  fill={COLOUR.target}
                  fillOpacity={0.12}
                  ifOverflow="hidden"
                />
              )}
              {isCumulative && (
                <Bar
                  dataKey="cumulative"
                  name={t('seriesCumulative')}
                  fill={COLOUR.bar}
                  barSize={28}
                  isAnimationActive={false}
                />
              )}
              <Line
                dataKey="expected"
                name={isCumulative ? t('seriesExpectedCumulative') : t('seriesExpected')}
                stroke={COLOUR.expected}
                strokeDasharray="2 4"
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
                connectNulls
              />
              <Line
                dataKey="projection"
                name={t('seriesProjection')}
                stroke={COLOUR.projection}
                strokeDasharray="7 5"
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
                connectNulls
              />
              {!isCumulative && (
                <Line
                  dataKey="actual"
                  name={t('seriesActual')}
                  stroke={COLOUR.actual}
                  strokeWidth={2.5}
                  dot={renderDot}
                  activeDot={false}
                  isAnimationActive={false}
                  connectNulls
                />
              )}
              {chart.target && (
                <ReferenceLine
                  y={chart.target.value}
                  stroke={COLOUR.target}
                  strokeWidth={2}
                  className="target-line"
                  ifOverflow="extendDomain"
                  label={{
                    value: `${t('seriesTarget')} ${targetText}`,
                    position: 'insideTopLeft',
                    fill: '#00704f',
                    fontSize: 12,
                  }}
                />
              )}
            </ComposedChart>
          </ResponsiveContainer>
          <dl className="facts indicator-facts">
            <dt>{t('status')}</dt>
            <dd>
              <StatusBadge status={result.effectiveStatus} isProvisional={result.isProvisional} />
            </dd>
            <dt>{t('progress')}</dt>
            <dd>
              <ProgressText figure={result.progress} unit={itemUnit} />（{t('timeProgress')}{' '}
              {pct(result.timeProgress)}）
            </dd>
            <dt>{t('gap')}</dt>
            <dd>
              <FigureText
                figure={result.gap}
                unit={itemUnit}
                show={(v) => diff(v, itemUnit, derivedDigits(result))}
              />
            </dd>
            <dt>{t('required')}</dt>
            <dd>
              <FigureText
                figure={result.requiredAnnualChange}
                unit={itemUnit}
                show={(v) => signedDiff(v, itemUnit, derivedDigits(result))}
              />
            </dd>
            <dt>{t('average')}</dt>
            <dd>
              <FigureText
                figure={result.averageAnnualChange}
                unit={itemUnit}
                show={(v) => signedDiff(v, itemUnit, derivedDigits(result))}
              />
            </dd>
          </dl>
        </ChartFrame>

        <div className="indicator-side">
          <h3>{t('valuesTitle', { region: region.name })}</h3>
          {regionRows.length === 0 ? (
            <EmptyState>
              {t('noValues', { region: region.name })} <a href={entryHref}>{t('goToEntry')}</a>
            </EmptyState>
          ) : (
            <table className="data values-table">
              <thead>
                <tr>
                  <th>{t('yearColumn')}</th>
                  <th className="num">{t('valueColumn')}</th>
                  <th>{t('dataStatusColumn')}</th>
                  <th>{t('sourceColumn')}</th>
                  <th>{t('noteColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {regionRows.map((r) => (
                  <tr key={r.year}>
                    <td>{r.year}</td>
                    <td className="num">{num(r.value, itemUnit)}</td>
                    <td>
                      {r.dataStatus === 'final' ? t('dataStatusFinal') : t('dataStatusPreliminary')}
                    </td>
                    <td>{r.source || DASH}</td>
                    <td>{[r.note, r.reason].filter(Boolean).join('；') || DASH}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h3 className="catalog-title">{t('catalogTitle')}</h3>
          <dl className="facts">
            <dt>{t('baseline')}</dt>
            <dd>{item.baseline?.raw ?? DASH}</dd>
            <dt>{t('target')}</dt>
            <dd>{targetText}</dd>
            {'definition' in item && item.definition && (
              <>
                <dt>{t('definition')}</dt>
                <dd>{item.definition.text}</dd>
              </>
            )}
            {item.responsibleUnit && (
              <>
                <dt>{t('responsibleUnit')}</dt>
                <dd>{item.responsibleUnit}</dd>
              </>
            )}
            {item.note && (
              <>
                <dt>{t('note')}</dt>
                <dd>{item.note}</dd>
              </>
            )}
          </dl>
          <h4>{t('sourceLine')}</h4>
          <SourceQuote
            file={item.source.file}
            line={item.source.line}
            indicator={item.itemType === 'indicator' ? item : undefined}
          />
          {item.dataIssues && item.dataIssues.length > 0 && (
            <>
              <h4>{t('dataIssues')}</h4>
              <ul className="data-issues">
                {item.dataIssues.map((issue) => (
                  <li key={issue.summary}>
                    {issue.summary}
                    {issue.quotes.map((q) => (
                      <blockquote key={`${q.file}:${q.line}`} className="source-quote">
                        {q.text}
                        <span className="muted small">
                          {' '}
                          — <Citation file={q.file} line={q.line} />
                        </span>
                      </blockquote>
                    ))}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
