import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { planCalendar, planItems } from '../../domain/assessment/plan';
import { interpretTarget } from '../../domain/assessment/target-rule';
import { isSizeIndependent } from '../../domain/assessment/scale';
import { displayUnitOf, formatNumber, targetText as printedTarget } from '../../domain/wording';
import { indicatorRowsOf, regionRole } from '../../shared/plan-results';
import { useWording } from '../../shared/wording';
import { compareRegions } from '../../domain/charts';
import { niceScale } from '../../domain/charts/scale';
import { useT } from '../../shared/i18n';
import { EmptyState } from '../../shared/page';
import { buildHref } from '../../shared/search';
import { BoxSwatch, ChartFrame, Legend, LineSwatch } from './chart-frame';
import { DASH, num } from './format';
import { overviewMessages } from './messages';
import type { ViewProps } from './use-overview-data';
import { ItemSelect } from '../../shared/selectors';

const COLOUR = {
  ok: '#0072b2',
  below: '#d55e00',
  none: '#b0b0b0',
  target: '#009e73',
  cv: '#0072b2',
  maxMin: '#e69f00',
};

export function RegionsView({ plan, assessment, params, setParams }: ViewProps) {
  const t = useT(overviewMessages);
  const wording = useWording();
  const items = planItems(plan);
  const item = items.find((i) => i.id === params.itemId) ?? items[0];
  if (!item) return <EmptyState>{t('noItems')}</EmptyState>;
  // Figures are written as the engine's results write them (女=100 for a sex ratio).
  const itemUnit = displayUnitOf(item);
  // The plan's own area (the whole city or district) is a total, not a peer of its counties: told
  // by the role stored on its region record, never by its name (a renamed 达州市 stays the area).
  const area = assessment.regions.find((r) => regionRole(r) === 'plan-area');
  const regions = assessment.regions
    .filter((r) => r !== area)
    .map((r) => ({ regionId: r.regionId, name: r.name }));
  const year = assessment.year;
  const rule = interpretTarget(item, item.baseline?.value ?? null);
  // A total (a period total, or a level that grows with the area) is the whole area's target:
  // counties are compared with each other, not with it (the engine's rule for counties).
  const isAreaTotal = !isSizeIndependent(item);
  const target =
    !isAreaTotal && (rule.type === 'reach' || rule.type === 'hold' || rule.type === 'compare')
      ? { value: rule.value, comparator: rule.comparator }
      : null;
  const comparison = compareRegions({
    kind: item.kind,
    itemId: item.id,
    regions,
    rows: indicatorRowsOf(plan, assessment.planValues),
    startYear: plan.period.start,
    year,
    target,
    schedule: { item, calendar: planCalendar(plan) },
  });
  const unit = wording.unit(itemUnit);
  const targetText = printedTarget(item, rule, planCalendar(plan), wording.locale);
  // With no county figure for the year there is nothing to say but that (no "all meet the target").
  const hasAnyValue = comparison.bars.some((b) => b.value !== null);
  const entryHref = buildHref('/entry', { plan: plan.id });
  const bars = comparison.bars.map((b) => ({
    ...b,
    label:
      b.value === null
        ? t('none')
        : `${formatNumber(b.value)}${b.isBelowTarget ? ` ${t('belowTarget')}` : ''}`,
  }));
  const fmt = (v: number | null) => (v === null ? DASH : formatNumber(v, 3));
  // CV reads best as a percentage; small CVs keep three decimals so "0%" never hides a gap.
  const fmtCv = (v: number | null) =>
    v === null ? DASH : `${formatNumber(v * 100, v * 100 < 1 ? 3 : 1)}%`;
  const cvPoints = comparison.dispersion.map((d) => ({
    ...d,
    cvPercent: d.coefficientOfVariation === null ? null : d.coefficientOfVariation * 100,
  }));
  // Round ticks written exactly: a CV axis of 0–0.01% reads 0.0025%, never "0.003%".
  const cvAxis = niceScale(0, Math.max(0, ...cvPoints.flatMap((p) => p.cvPercent ?? [])));
  const ratioAxis = niceScale(
    0,
    Math.max(1, ...cvPoints.flatMap((p) => (p.maxMinRatio === null ? [] : [p.maxMinRatio]))),
  );
  // Bars of rates near 100 would all look equal from 0: start the axis near the data, and say so.
  const figures = [
    ...comparison.bars.flatMap((b) => (b.value === null ? [] : [b.value])),
    ...(comparison.target ? [comparison.target.value] : []),
  ];
  const low = figures.length ? Math.min(...figures) : 0;
  const high = figures.length ? Math.max(...figures) : 1;
  const isAxisCut = low > 0 && high > 0 && low > high * 0.6;
  // Round ticks on a round step: labels never crowd, and a cut axis starts at a round number.
  const axis = niceScale(
    isAxisCut ? low - (high - low) * 0.5 - high * 0.001 : Math.min(0, low),
    high,
  );
  const first = comparison.dispersion[0];
  const last = comparison.dispersion.at(-1);
  const trendText =
    comparison.trend === 'unknown' || !first || !last
      ? t('trendUnknown')
      : t(
          comparison.trend === 'narrowed'
            ? 'trendNarrowed'
            : comparison.trend === 'widened'
              ? 'trendWidened'
              : 'trendStable',
          {
            from: first.year,
            to: last.year,
            a: fmtCv(first.coefficientOfVariation),
            b: fmtCv(last.coefficientOfVariation),
          },
        );

  return (
    <div className="regions-view">
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
        <a
          href={buildHref('/overview', {
            plan: plan.id,
            view: 'indicator',
            item: item.id,
            region: params.regionId,
            year: params.year,
          })}
        >
          {t('openIndicator')}
        </a>
      </div>
      {regions.length < 2 ? (
        <EmptyState>{t('regionsTooFew', { count: regions.length })}</EmptyState>
      ) : (
        <div className="regions-grid">
          <ChartFrame
            testId="region-chart"
            title={t('regionsChartTitle', { name: item.name, year })}
            unit={t('unit', { unit })}
            caption={
              <>
                {t('regionsCaption', { area: area?.name ?? plan.region })}
                {isAreaTotal && ` ${t('regionsCumulativeNote')}`}
                {isAxisCut && ` ${t('axisNotFromZero')}`}
              </>
            }
            table={
              <table className="data">
                <thead>
                  <tr>
                    <th>{t('region')}</th>
                    <th className="num">{t('valueColumn')}</th>
                    <th>{t('target')}</th>
                    {comparison.hasSchedule && <th>{t('scheduleColumn')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {comparison.bars.map((b) => (
                    <tr key={b.regionId}>
                      <td>{b.name}</td>
                      <td className="num">{num(b.value, itemUnit)}</td>
                      <td>
                        {b.isBelowTarget === null
                          ? t('noTargetCompare')
                          : b.isBelowTarget
                            ? t('belowTarget')
                            : t('meetsTarget')}
                      </td>
                      {comparison.hasSchedule && (
                        <td>
                          {b.isBehindSchedule === null
                            ? DASH
                            : b.isBehindSchedule
                              ? t('behindSchedule')
                              : t('onSchedule')}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          >
            {!hasAnyValue ? (
              <EmptyState>
                <span data-testid="regions-no-values">
                  {t('regionsNoValues', { year, name: item.name })}
                </span>{' '}
                <a href={entryHref}>{t('goToEntry')}</a>
              </EmptyState>
            ) : (
              <>
                <Legend
                  entries={[
                    { label: t('meetsTarget'), swatch: <BoxSwatch colour={COLOUR.ok} /> },
                    ...(comparison.target
                      ? [
                          { label: t('belowTarget'), swatch: <BoxSwatch colour={COLOUR.below} /> },
                          {
                            label: `${t('seriesTarget')} ${targetText}`,
                            swatch: <LineSwatch colour={COLOUR.target} dashed />,
                          },
                        ]
                      : []),
                  ]}
                />
                <ResponsiveContainer width="100%" height={Math.max(200, bars.length * 44 + 40)}>
                  <BarChart data={bars} layout="vertical" margin={{ left: 8, right: 140, top: 18 }}>
                    <CartesianGrid horizontal={false} stroke="#e5e9ee" />
                    <XAxis
                      type="number"
                      domain={[axis.domain[0], axis.domain[1]]}
                      ticks={axis.ticks}
                      interval={0}
                      allowDataOverflow={isAxisCut}
                      tickFormatter={(v: number) => formatNumber(v, axis.decimals)}
                    />
                    <YAxis type="category" dataKey="name" width={110} interval={0} />
                    <Tooltip
                      formatter={(v: unknown) => (typeof v === 'number' ? num(v, itemUnit) : DASH)}
                    />
                    <Bar dataKey="value" name={item.name} isAnimationActive={false} barSize={22}>
                      {bars.map((b) => (
                        <Cell
                          key={b.regionId}
                          data-region={b.regionId}
                          data-below-target={b.isBelowTarget === true ? 'true' : 'false'}
                          fill={
                            b.isBelowTarget === true
                              ? COLOUR.below
                              : b.value === null
                                ? COLOUR.none
                                : COLOUR.ok
                          }
                        />
                      ))}
                      <LabelList dataKey="label" position="right" fontSize={12} fill="#1d2733" />
                    </Bar>
                    {comparison.target && (
                      <ReferenceLine
                        x={comparison.target.value}
                        stroke={COLOUR.target}
                        strokeWidth={2}
                        strokeDasharray="6 3"
                        className="target-line"
                        label={{
                          value: `${t('seriesTarget')} ${targetText}`,
                          position: 'top',
                          fill: '#00704f',
                          fontSize: 12,
                        }}
                      />
                    )}
                  </BarChart>
                </ResponsiveContainer>
                <p data-testid="below-target-list">
                  {comparison.target === null
                    ? null
                    : comparison.belowTarget.length > 0
                      ? t('belowTargetList', {
                          year,
                          names: comparison.belowTarget.map((b) => b.name).join('、'),
                        })
                      : t('belowTargetNone', { year })}
                </p>
                {comparison.hasSchedule && (
                  <p data-testid="behind-schedule-list">
                    {comparison.behindSchedule.length > 0
                      ? t('behindScheduleList', {
                          year,
                          names: comparison.behindSchedule.map((b) => b.name).join('、'),
                        })
                      : t('behindScheduleNone', { year })}
                  </p>
                )}
                {comparison.missing.length > 0 && (
                  <p className="muted">
                    {t('regionsMissing', {
                      year,
                      names: comparison.missing.map((r) => r.name).join('、'),
                    })}{' '}
                    <a href={entryHref}>{t('goToEntry')}</a>
                  </p>
                )}
              </>
            )}
          </ChartFrame>

          <ChartFrame
            testId="dispersion-chart"
            title={t('dispersionTitle', { name: item.name })}
            unit={t('dispersionUnit')}
            caption={t('dispersionCaption')}
            table={
              <table className="data">
                <thead>
                  <tr>
                    <th>{t('yearColumn')}</th>
                    <th className="num">{t('count')}</th>
                    <th className="num">{t('cv')}</th>
                    <th className="num">{t('maxMin')}</th>
                    <th>{t('minRegion')}</th>
                    <th>{t('maxRegion')}</th>
                    <th className="num">{t('mean')}</th>
                  </tr>
                </thead>
                <tbody>
                  {comparison.dispersion.map((d) => {
                    const nameOf = (id: string) =>
                      regions.find((r) => r.regionId === id)?.name ?? id;
                    return (
                      <tr key={d.year}>
                        <td>{d.year}</td>
                        <td className="num">{d.count}</td>
                        <td className="num">{fmtCv(d.coefficientOfVariation)}</td>
                        <td className="num">{fmt(d.maxMinRatio)}</td>
                        <td>
                          {nameOf(d.min.region)} {num(d.min.value, itemUnit)}
                        </td>
                        <td>
                          {nameOf(d.max.region)} {num(d.max.value, itemUnit)}
                        </td>
                        <td className="num">{num(d.mean, itemUnit)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            }
          >
            {comparison.dispersion.length === 0 ? (
              <EmptyState>
                {t('dispersionNone')} <a href={entryHref}>{t('goToEntry')}</a>
              </EmptyState>
            ) : (
              <>
                <p className={`trend trend-${comparison.trend}`} data-testid="dispersion-trend">
                  {trendText}
                </p>
                <Legend
                  entries={[
                    { label: t('cvLegend'), swatch: <LineSwatch colour={COLOUR.cv} /> },
                    {
                      label: t('maxMinLegend'),
                      swatch: <LineSwatch colour={COLOUR.maxMin} dashed />,
                    },
                  ]}
                />
                <ResponsiveContainer width="100%" height={240}>
                  <LineChart data={cvPoints} margin={{ top: 8, right: 8, left: 8, bottom: 4 }}>
                    <CartesianGrid stroke="#e5e9ee" />
                    <XAxis
                      dataKey="year"
                      type="number"
                      domain={[plan.period.start, plan.period.end]}
                      ticks={Array.from(
                        { length: plan.period.end - plan.period.start + 1 },
                        (_, i) => plan.period.start + i,
                      )}
                      padding={{ left: 16, right: 16 }}
                    />
                    <YAxis
                      yAxisId="cv"
                      width={60}
                      domain={[cvAxis.domain[0], cvAxis.domain[1]]}
                      ticks={cvAxis.ticks}
                      interval={0}
                      tickFormatter={(v: number) => `${formatNumber(v, cvAxis.decimals)}%`}
                    />
                    <YAxis
                      yAxisId="ratio"
                      orientation="right"
                      width={52}
                      domain={[ratioAxis.domain[0], ratioAxis.domain[1]]}
                      ticks={ratioAxis.ticks}
                      interval={0}
                      tickFormatter={(v: number) => `${formatNumber(v, ratioAxis.decimals)}×`}
                    />
                    <Tooltip
                      formatter={(v: unknown) =>
                        typeof v === 'number' ? formatNumber(v, 3) : DASH
                      }
                    />
                    <Line
                      yAxisId="cv"
                      dataKey="cvPercent"
                      name={t('cv')}
                      stroke={COLOUR.cv}
                      strokeWidth={2.5}
                      isAnimationActive={false}
                      connectNulls
                    />
                    <Line
                      yAxisId="ratio"
                      dataKey="maxMinRatio"
                      name={t('maxMin')}
                      stroke={COLOUR.maxMin}
                      strokeWidth={2}
                      strokeDasharray="6 3"
                      isAnimationActive={false}
                      connectNulls
                    />
                  </LineChart>
                </ResponsiveContainer>
              </>
            )}
          </ChartFrame>
        </div>
      )}
    </div>
  );
}

/** Rounds down to a tidy axis start (two significant figures). */
