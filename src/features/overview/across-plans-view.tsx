import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { readPlanValues } from '../../db/plan-values';
import { assessPlanCached } from '../../domain/assessment/all-regions';
import { applyJudgements, indexValues, planAreaRegionId } from '../../domain/assessment/plan';
import { compareConcept, sharedConcepts } from '../../domain/charts';
import type { Plan } from '../../domain/catalog/schema';
import { useDataset } from '../../shared/dataset';
import { useT } from '../../shared/i18n';
import { EmptyState } from '../../shared/page';
import { usePlans } from '../../shared/plans';
import { queryKeys } from '../../shared/query-keys';
import { BoxSwatch, ChartFrame, Legend, LineSwatch } from './chart-frame';
import { DASH, num, progressText } from './format';
import { overviewMessages } from './messages';
import {
  STATUS_COLOURS,
  STATUS_ICONS,
  StatusBadge,
  useStatusLabel,
} from '../../shared/status-badge';
import type { ViewProps } from './use-overview-data';
import { roundTo } from '../../domain/assessment/numbers';
import type { ConceptRow } from '../../domain/charts/across-plans';
import { ProgressText } from '../../shared/wording';

const NO_VALUES = indexValues([]);

const progressOf = (row: ConceptRow): number | null => row.progress?.value ?? null;

export function AcrossPlansView({ plan, assessment, params, setParams }: ViewProps) {
  const t = useT(overviewMessages);
  const statusLabel = useStatusLabel();
  const { db, dataset } = useDataset();
  const plansQuery = usePlans();
  const plans = useMemo(() => (plansQuery.data ?? []).map((e) => e.plan), [plansQuery.data]);
  const observations = useQueries({
    queries: plans.map((p) => ({
      queryKey: queryKeys.observations(dataset, p.id),
      queryFn: () => readPlanValues(db, p.id),
    })),
  });
  // Judgements count here as on every page: the same status for the same item everywhere.
  const judgements = useQueries({
    queries: plans.map((p) => ({
      queryKey: [...queryKeys.judgements(dataset, p.id), 'all'],
      queryFn: () => db.judgements.where('planId').equals(p.id).toArray(),
    })),
  });
  const concepts = useMemo(
    () => sharedConcepts(plans).filter((c) => hasConcept(plan, c.concept)),
    [plans, plan],
  );
  const concept =
    concepts.find((c) => c.concept === params.concept)?.concept ?? concepts[0]?.concept ?? null;
  const year = assessment.year;

  // Recomputed each render: five plans of about fifty items assess in well under a millisecond.
  const comparison = concept
    ? compareConcept(
        concept,
        plans.map((p, index) => {
          // Each plan's own area, as of the chosen year clamped to that plan's period.
          const regionId = planAreaRegionId(p);
          const asOf = Math.min(Math.max(year, p.period.start), p.period.end);
          const computed = assessPlanCached(
            p,
            observations[index]?.data?.index ?? NO_VALUES,
            { regionId, role: 'plan-area' },
            asOf,
          );
          const own = (judgements[index]?.data ?? []).filter((j) => j.regionId === regionId);
          const results = applyJudgements(computed, own, asOf).map((r) => ({
            ...r,
            status: r.effectiveStatus,
          }));
          return { plan: p, resultOf: (id: string) => results.find((r) => r.id === id) };
        }),
      )
    : null;

  if (concepts.length === 0 || !comparison) return <EmptyState>{t('noConcepts')}</EmptyState>;
  const name = concepts.find((c) => c.concept === concept)?.names[0] ?? concept ?? '';
  const chartRows = comparison.rows.map((r) => ({
    key: `${r.planId}/${r.itemId}`,
    // Two rows of one plan (达州2017 states 新增就业 twice, 3.4万 and 3.35万) are told apart
    // by their targets.
    label:
      comparison.rows.filter((o) => o.planId === r.planId).length > 1
        ? `${r.planName}（${r.target}）`
        : `${r.planName}（${r.targetYear}）`,
    progressPercent: progressOf(r) === null ? null : roundTo((progressOf(r) as number) * 100, 1),
    status: r.status,
    barLabel: `${progressText(r.progress)} ${
      r.status ? `${STATUS_ICONS[r.status]} ${statusLabel(r.status)}` : ''
    }`,
  }));

  return (
    <div className="plans-view">
      <div className="toolbar">
        <label>
          <span>{t('conceptSelect')}</span>
          <select
            aria-label={t('conceptSelect')}
            value={concept ?? ''}
            onChange={(e) => setParams({ concept: e.target.value })}
          >
            {concepts.map((c) => (
              <option key={c.concept} value={c.concept}>
                {c.names.join(' / ')}（{c.planCount}）
              </option>
            ))}
          </select>
        </label>
      </div>
      {comparison.hasDifferentUnits && (
        <p className="notice" data-testid="units-differ">
          {t('plansUnitsDiffer', {
            units: comparison.units.map((u) => u ?? t('noUnit')).join('、'),
          })}
        </p>
      )}
      {comparison.hasDifferentKinds && <p className="notice">{t('plansKindsDiffer')}</p>}
      {comparison.hasDifferentNames && <p className="muted">{t('plansNamesDiffer')}</p>}
      <div className="plans-grid">
        <div className="chart-frame" data-testid="plans-table">
          <div className="chart-head">
            <h3>{t('plansTitle', { name, year })}</h3>
            {dataset === 'demo' && (
              <span className="badge badge-warn demo-badge">{t('demoBadge')}</span>
            )}
          </div>
          <p className="chart-caption muted">{t('plansCaption')}</p>
          <div className="table-scroll">
            <table className="data">
              <thead>
                <tr>
                  <th>{t('planColumn')}</th>
                  <th>{t('indicator')}</th>
                  <th>{t('baseline')}</th>
                  <th>{t('target')}</th>
                  <th className="num">{t('latest')}</th>
                  <th className="num">{t('progress')}</th>
                  <th>{t('status')}</th>
                </tr>
              </thead>
              <tbody>
                {comparison.rows.map((r) => (
                  <tr
                    key={`${r.planId}/${r.itemId}`}
                    className={r.planId === plan.id ? 'is-current' : ''}
                  >
                    <td>{r.planName}</td>
                    <td>
                      {r.itemName}
                      <div className="muted small">{r.unit ?? t('noUnit')}</div>
                    </td>
                    <td>{r.baselineRaw ?? DASH}</td>
                    <td>{r.target}</td>
                    <td className="num">
                      {num(r.latestValue, r.unit)}
                      {r.latestYear !== null && <span className="muted"> ({r.latestYear})</span>}
                    </td>
                    <td className="num">
                      {r.progress ? <ProgressText figure={r.progress} unit={r.unit} /> : DASH}
                    </td>
                    <td>{r.status ? <StatusBadge status={r.status} /> : DASH}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <ChartFrame
          testId="plans-chart"
          title={t('plansChartTitle', { name })}
          unit={t('unit', { unit: '%' })}
          table={
            <table className="data">
              <thead>
                <tr>
                  <th>{t('planColumn')}</th>
                  <th className="num">{t('progress')}</th>
                </tr>
              </thead>
              <tbody>
                {chartRows.map((r) => (
                  <tr key={r.key}>
                    <td>{r.label}</td>
                    <td className="num">
                      {r.progressPercent === null ? DASH : `${r.progressPercent}%`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <Legend
            entries={[
              ...[...new Set(chartRows.map((r) => r.status))].map((s) => ({
                label: s
                  ? `${t('progress')}：${STATUS_ICONS[s]} ${statusLabel(s)}`
                  : `${t('progress')}：${DASH}`,
                swatch: <BoxSwatch colour={s ? STATUS_COLOURS[s] : '#b0b0b0'} />,
              })),
              { label: `100% = ${t('target')}`, swatch: <LineSwatch colour="#009e73" dashed /> },
            ]}
          />
          <ResponsiveContainer width="100%" height={Math.max(160, chartRows.length * 40 + 40)}>
            <BarChart data={chartRows} layout="vertical" margin={{ left: 8, right: 120 }}>
              <CartesianGrid horizontal={false} stroke="#e5e9ee" />
              <XAxis
                type="number"
                domain={[0, (max: number) => Math.max(100, Math.ceil(max))]}
                unit="%"
              />
              <YAxis
                type="category"
                dataKey="label"
                // Wide enough for the longest label (about 14 px a CJK character), within reason.
                width={Math.min(
                  300,
                  Math.max(120, ...chartRows.map((r) => r.label.length * 14 + 12)),
                )}
                interval={0}
              />
              <Bar dataKey="progressPercent" isAnimationActive={false} barSize={20}>
                {chartRows.map((r) => (
                  <Cell key={r.key} fill={r.status ? STATUS_COLOURS[r.status] : '#b0b0b0'} />
                ))}
                <LabelList dataKey="barLabel" position="right" fontSize={12} fill="#1d2733" />
              </Bar>
              <ReferenceLine x={100} stroke="#009e73" strokeDasharray="6 3" />
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
      </div>
    </div>
  );
}

function hasConcept(plan: Plan, concept: string): boolean {
  return [...plan.indicators, ...plan.textTargets].some((i) => i.concept === concept);
}
