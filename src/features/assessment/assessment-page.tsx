import { Fragment, useState } from 'react';
import {
  rollUpStatuses,
  STATUS_CODES,
  type JudgedResult,
  type StatusCode,
} from '../../domain/assessment/index';
import { JudgementConflictError } from '../../db/errors';
import type { Plan } from '../../domain/catalog/schema';
import { toCsvCell } from '../../domain/csv/parse-csv';
import { assessmentExportRows, derivedDigits } from '../../domain/wording';
import { useDataset } from '../../shared/dataset';
import { useT } from '../../shared/i18n';
import { JudgementNote } from '../../shared/judgement-note';
import { EmptyState, Section, type FeaturePageProps } from '../../shared/page';
import { periodYears, usePlanJudgements, usePlanResults } from '../../shared/plan-results';
import { useSearchParams } from '../../shared/address';
import { buildHref } from '../../shared/search';
import { useAuthorName } from '../../shared/settings';
import { StatusBadge, useStatusLabel } from '../../shared/status-badge';
import { FigureText, ProgressText, useWording } from '../../shared/wording';
import './assessment.css';
import { assessmentMessages } from './messages';
import { useJudgementHistory, useSetJudgement } from './queries';
import { DomainSelect, RegionSelect, YearSelect } from '../../shared/selectors';

// What an evaluator can set: the mid-term statuses, or at the final assessment met / not met
// (and, where data is still missing, the provisional verdicts).
const JUDGEABLE: Record<'midterm' | 'final', StatusCode[]> = {
  midterm: ['achieved', 'on_track', 'lagging', 'regressing'],
  final: ['achieved', 'not_achieved', 'likely_achieved', 'likely_not_achieved'],
};

function JudgementForm({
  plan,
  result,
  regionId,
  asOfYear,
  onDone,
}: {
  plan: Plan;
  result: JudgedResult;
  regionId: string;
  asOfYear: number;
  onDone: () => void;
}) {
  const t = useT(assessmentMessages);
  const label = useStatusLabel();
  const wording = useWording();
  const by = useAuthorName();
  const save = useSetJudgement();
  const history = useJudgementHistory({ planId: plan.id, itemId: result.id, regionId, asOfYear });
  const stored = usePlanJudgements(plan.id).data?.find(
    (j) => j.itemId === result.id && j.regionId === regionId && j.asOfYear === asOfYear,
  );
  // The judgement as the form opened on it: a save replaces exactly that one, or is refused
  // (another evaluator changed it meanwhile); after a refusal the form states the new one.
  const [baseVersion, setBaseVersion] = useState(stored?.version ?? 0);
  const onError = (e: unknown) => {
    if (e instanceof JudgementConflictError) setBaseVersion(e.current?.version ?? 0);
    setError(e instanceof Error ? e.message : String(e));
  };
  // The item's own mode: a 2017 target is judged finally in a mid-term year.
  const choices = JUDGEABLE[result.mode];
  const [status, setStatus] = useState<StatusCode>(
    (result.judgement && choices.includes(result.judgement.status)
      ? result.judgement.status
      : null) ?? (choices.includes(result.status) ? result.status : (choices[0] as StatusCode)),
  );
  const [reason, setReason] = useState(result.judgement?.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  const key = {
    planId: plan.id,
    itemId: result.id,
    regionId,
    asOfYear,
    by,
    expectedVersion: baseVersion,
  };
  return (
    <div className="judgement-form" data-testid="judgement-form">
      <h3>{t('judgementTitle', { name: result.name })}</h3>
      <p className="muted">{t('computed', { status: label(result.status) })}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!reason.trim()) {
            setError(t('reasonRequired'));
            return;
          }
          save.mutate({ ...key, status, reason }, { onSuccess: onDone, onError });
        }}
      >
        <div className="toolbar">
          <label>
            {t('judgementStatus')}
            <select
              value={status}
              onChange={(event) => setStatus(event.target.value as StatusCode)}
            >
              {choices.map((code) => (
                <option key={code} value={code}>
                  {label(code)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="block-label">
          {t('judgementReason')}
          <textarea
            rows={3}
            value={reason}
            aria-invalid={error !== null}
            onChange={(event) => {
              setReason(event.target.value);
              setError(null);
            }}
          />
        </label>
        {error && (
          <p className="errors" role="alert">
            {error}
          </p>
        )}
        <div className="toolbar">
          <button type="submit" className="primary" disabled={save.isPending}>
            {t('save')}
          </button>
          <button type="button" onClick={onDone}>
            {t('cancel')}
          </button>
          {result.judgement && (
            <button
              type="button"
              onClick={() =>
                save.mutate(
                  { ...key, status: null, reason: t('clearReason') },
                  { onSuccess: onDone, onError },
                )
              }
            >
              {t('clear')}
            </button>
          )}
        </div>
      </form>
      <h4>{t('history')}</h4>
      {history.data && history.data.length > 0 ? (
        <ul className="history">
          {history.data.map((h) => {
            const after = h.after as { status?: StatusCode } | null;
            const before = h.before as { status?: StatusCode } | null;
            return (
              <li key={h.seq}>
                {wording.dateTime(h.at)} · {h.by}：{before?.status ? label(before.status) : '—'} →{' '}
                {after?.status ? label(after.status) : '—'}（{h.reason}）
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t('noHistory')}</p>
      )}
    </div>
  );
}

/** Saves rows as a UTF-8 CSV with BOM, which Excel opens with the Chinese intact. */
function downloadCsv(fileName: string, rows: Array<Array<string | number | null>>) {
  const text = rows.map((row) => row.map(toCsvCell).join(',')).join('\r\n');
  const blob = new Blob([`\uFEFF${text}\r\n`], { type: 'text/csv;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}

export default function AssessmentPage({ entry }: FeaturePageProps) {
  const t = useT(assessmentMessages);
  const label = useStatusLabel();
  const wording = useWording();
  const by = useAuthorName();
  const plan = entry.plan;
  const { dataset } = useDataset();
  const [search, setParams] = useSearchParams('assessment');
  const assessment = usePlanResults(plan, { regionId: search.region, year: search.year });
  const { regions, region, results, year: asOfYear, mode } = assessment;
  const regionId = region?.regionId;
  const statusFilter = search.status;
  const domainFilter = search.domain ?? null;
  const [judging, setJudging] = useState<string | null>(null);
  const save = useSetJudgement();

  const rollup = rollUpStatuses(
    results.map((r) => ({ domain: r.domain, status: r.effectiveStatus })),
    plan.domains.map((d) => d.id),
  );
  const shown = results.filter(
    (r) =>
      (!statusFilter || r.effectiveStatus === statusFilter) &&
      (!domainFilter || r.domain === domainFilter),
  );
  const domainName = new Map(plan.domains.map((d) => [d.id, d.name]));
  const hasAnyData =
    regionId !== undefined && assessment.values.regionValues(regionId) !== undefined;
  const regionName = region?.name ?? '';

  return (
    <Section
      title={t('title')}
      actions={
        <button
          type="button"
          disabled={results.length === 0}
          onClick={() =>
            downloadCsv(
              `${dataset === 'demo' ? '示例数据-' : ''}${plan.shortName}-${regionName}-${asOfYear}-${wording.mode(mode)}.csv`,
              assessmentExportRows(plan, results, { isDemo: dataset === 'demo' }),
            )
          }
        >
          {t('exportCsv')}
        </button>
      }
    >
      <div className="toolbar">
        <label>
          {t('region')}
          <RegionSelect
            regions={regions}
            value={regionId ?? ''}
            onChange={(id) => setParams({ region: id })}
            label={t('region')}
          />
        </label>
        <label>
          {t('asOf')}
          <YearSelect
            years={periodYears(plan)}
            value={asOfYear}
            onChange={(y) => setParams({ year: y })}
            label={t('asOf')}
          />
        </label>
        <span className="mode-label" data-testid="mode-label" title={t('modeHint')}>
          {wording.mode(mode)}
        </span>
        <label>
          {t('status')}
          <select
            value={statusFilter ?? ''}
            onChange={(event) => setParams({ status: event.target.value || null })}
          >
            <option value="">{t('allStatuses')}</option>
            {STATUS_CODES.map((code) => (
              <option key={code} value={code}>
                {label(code)}（{rollup.plan.counts[code]}）
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('domain')}
          <DomainSelect
            plan={plan}
            value={domainFilter}
            onChange={(id) => setParams({ domain: id })}
            label={t('domain')}
            allLabel={t('allDomains')}
          />
        </label>
      </div>
      <details className="method-note">
        <summary>{t('methodTitle')}</summary>
        <ul>
          <li>{t('method1')}</li>
          <li>{t('method2')}</li>
          <li>{t('method3')}</li>
          <li>{t('method4')}</li>
          <li>{t('method5')}</li>
        </ul>
      </details>
      <p className="rollup" data-testid="rollup">
        {t('summary', { total: rollup.plan.total })}{' '}
        {STATUS_CODES.filter((code) => rollup.plan.counts[code] > 0).map((code) => (
          <span key={code} className="rollup-item">
            <StatusBadge status={code} /> {rollup.plan.counts[code]}
          </span>
        ))}
      </p>
      {!assessment.isLoading && !hasAnyData && (
        <EmptyState>
          {t('noData')}{' '}
          <a href={buildHref('/entry', { plan: plan.id, region: regionId })}>{t('goEntry')}</a>
        </EmptyState>
      )}
      {shown.length === 0 ? (
        <EmptyState>{t('noResults')}</EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="data assessment-table" data-testid="assessment-table">
            <thead>
              <tr>
                <th>{t('indicator')}</th>
                <th>{t('status')}</th>
                <th className="num">{t('progress')}</th>
                <th className="num">{t('timeProgress')}</th>
                <th className="num">{t('latest')}</th>
                <th className="num">{t('gap')}</th>
                <th className="num">{t('required')}</th>
                <th className="num">{t('average')}</th>
                <th className="num">{t('projected')}</th>
                <th>{t('explanation')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <Fragment key={r.id}>
                  <tr data-item={r.id}>
                    <td>
                      {r.name}
                      <div className="muted small">
                        {t('targetLine', { target: wording.target(plan, r) })}
                      </div>
                      <div className="muted small">
                        {domainName.get(r.domain)}
                        {r.itemType === 'textTarget' && ` · ${t('textTarget')}`}
                      </div>
                    </td>
                    <td>
                      <StatusBadge status={r.effectiveStatus} isProvisional={r.isProvisional} />
                      <JudgementNote result={r} />
                      <div>
                        <button
                          type="button"
                          className="link-button small"
                          onClick={() => setJudging(judging === r.id ? null : r.id)}
                        >
                          {r.status === 'manual' ? t('judge') : t('adjust')}
                        </button>
                        {r.isJudgementCarried && r.judgement && regionId && (
                          <button
                            type="button"
                            className="link-button small"
                            disabled={save.isPending}
                            onClick={() =>
                              save.mutate({
                                planId: plan.id,
                                itemId: r.id,
                                regionId,
                                asOfYear,
                                by,
                                status: r.judgement?.status ?? r.status,
                                // A carried judgement is an earlier year's: none is stored for
                                // this year yet (if another tab stored one, this is refused).
                                expectedVersion: 0,
                                reason: t('confirmReason', {
                                  year: r.judgement?.asOfYear ?? '',
                                  reason: r.judgement?.reason ?? '',
                                }),
                              })
                            }
                          >
                            {t('confirm')}
                          </button>
                        )}
                      </div>
                    </td>
                    <td className="num">
                      <ProgressText figure={r.progress} unit={r.unit} />
                    </td>
                    <td className="num">{wording.percent(r.timeProgress)}</td>
                    <td className="num">
                      {wording.quantity(r.cumulativeValue ?? r.latestValue, r.unit)}
                      {r.latestYear !== null && <div className="muted small">{r.latestYear}</div>}
                    </td>
                    {(['gap', 'requiredAnnualChange', 'averageAnnualChange'] as const).map(
                      (name) => (
                        <td key={name} className="num">
                          <FigureText
                            figure={r[name]}
                            unit={r.unit}
                            kind={r.kind}
                            // A total's amounts are quantities; a level's changes are differences,
                            // signed where they are a pace (需年均 / 已年均).
                            show={(v) =>
                              r.kind === 'cumulative'
                                ? wording.derived(v, r.unit, derivedDigits(r))
                                : name === 'gap'
                                  ? wording.difference(v, r.unit, derivedDigits(r))
                                  : wording.signedDifference(v, r.unit, derivedDigits(r))
                            }
                          />
                        </td>
                      ),
                    )}
                    <td className="num">
                      <FigureText
                        figure={r.projectedValue}
                        unit={r.unit}
                        kind={r.kind}
                        show={(v) => wording.derived(v, r.unit, derivedDigits(r))}
                      />
                    </td>
                    <td className="explanation">{wording.sentence(plan, r)}</td>
                  </tr>
                  {judging === r.id && regionId && (
                    <tr className="judgement-row" data-judging={r.id}>
                      <td colSpan={10}>
                        <JudgementForm
                          plan={plan}
                          result={r}
                          regionId={regionId}
                          asOfYear={asOfYear}
                          onDone={() => setJudging(null)}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
