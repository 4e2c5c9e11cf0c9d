import { useId, useState, type ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import type { SurveyRow } from '../../db/database';
import { RecordConflictError, ValidationError, type RecordConflict } from '../../db/errors';
import type { SurveyInput } from '../../db/surveys';
import { surveyShare, surveyTrend } from '../../domain/implementation/surveys';
import { parseValue, valueRuleFor } from '../../domain/observations/value-rules';
import { surveyResultText } from '../../domain/wording/implementation';
import { useDataset } from '../../shared/dataset';
import { useLocale, useT } from '../../shared/i18n';
import { EmptyState } from '../../shared/page';
import { useWording } from '../../shared/wording';
import { servicesMessages } from './messages';
import { useSurveyMutations } from './queries';
import type { ViewProps } from './view-props';

/** A satisfaction rate is a share of those asked: the value rules of a share (0–100%). */
const RATE_RULE = valueRuleFor({ name: '满意率', unit: '%' });
/** Sample sizes and scores are counts and amounts (never negative). */
const COUNT_RULE = valueRuleFor({ name: '样本量', unit: null });

/** A chart with its title, unit, the 示例数据 badge, and 显示数据 opening the figures. */
function ChartFrame({
  title,
  unit,
  caption,
  table,
  children,
}: {
  title: string;
  unit: string;
  caption: string;
  table: ReactNode;
  children: ReactNode;
}) {
  const t = useT(servicesMessages);
  const { dataset } = useDataset();
  const [isOpen, setOpen] = useState(false);
  const id = useId();
  return (
    <figure className="services-chart" data-testid="survey-chart">
      <figcaption className="chart-head">
        <h4>{title}</h4>
        {dataset === 'demo' && <span className="badge badge-warn">{t('demoBadge')}</span>}
        <span className="muted small">{unit}</span>
        <button
          type="button"
          className="small-button"
          aria-expanded={isOpen}
          aria-controls={id}
          onClick={() => setOpen((open) => !open)}
        >
          {isOpen ? t('hideData') : t('showData')}
        </button>
      </figcaption>
      <p className="muted small">{caption}</p>
      {children}
      <div id={id} hidden={!isOpen}>
        {isOpen && table}
      </div>
    </figure>
  );
}

interface Draft {
  id?: string;
  version: number;
  year: string;
  subject: string;
  serviceId: string;
  organiser: string;
  isThirdParty: boolean;
  method: string;
  sampleSize: string;
  kind: 'rate' | 'score';
  value: string;
  scale: string;
  notes: string;
}

const WHOLE = '__whole';

function emptyDraft(year: number): Draft {
  return {
    version: 0,
    year: String(year),
    subject: WHOLE,
    serviceId: '',
    organiser: '',
    // Ticked only when it was: a survey by a unit itself is not third-party evidence.
    isThirdParty: false,
    method: '',
    sampleSize: '',
    kind: 'rate',
    value: '',
    scale: '100',
    notes: '',
  };
}

function draftOf(s: SurveyRow): Draft {
  return {
    id: s.id,
    version: s.version,
    year: String(s.year),
    subject: s.domain ?? WHOLE,
    serviceId: s.serviceId ?? '',
    organiser: s.organiser,
    isThirdParty: s.isThirdParty,
    method: s.method,
    sampleSize: s.sampleSize === null ? '' : String(s.sampleSize),
    kind: s.result.kind,
    value: String(s.result.value),
    scale: s.result.kind === 'score' ? String(s.result.scale) : '100',
    notes: s.notes,
  };
}

/**
 * 满意度调查: record a survey (year, domain or service, organiser with 第三方, method, sample
 * size, a satisfaction rate read with the value rules of a share, or a score on its scale), list
 * them, and show each domain's results over time (one a year: the largest sample).
 */
export function SurveysView({ plan, year, tracking }: ViewProps) {
  const t = useT(servicesMessages);
  const { locale } = useLocale();
  const wording = useWording();
  const { save, remove } = useSurveyMutations(plan);
  const surveys = tracking.surveys;
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(year));
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A correction refused because another tab or laptop changed the survey meanwhile: what is
  // stored now, shown beside the form until the evaluator chooses (never overwritten by a
  // second click on 保存).
  const [conflict, setConflict] = useState<RecordConflict<SurveyRow> | null>(null);
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };
  const years: number[] = [];
  for (let y = plan.baseYear; y <= plan.period.end; y++) years.push(y);
  const subjectName = (s: Pick<SurveyRow, 'domain' | 'serviceId'>) => {
    const domain = plan.domains.find((d) => d.id === s.domain)?.name ?? t('surveyWhole');
    const service = plan.services.find((x) => x.id === s.serviceId)?.name;
    return service ? `${domain} · ${service}` : domain;
  };

  const submit = async (overwriteVersion?: number) => {
    // The figures are read like typed values: the same rules as the entry grid.
    const sample = draft.sampleSize.trim() === '' ? null : parseValue(draft.sampleSize, COUNT_RULE);
    if (
      sample &&
      (sample.kind !== 'value' || !Number.isInteger(sample.value) || sample.value < 1)
    ) {
      setError(sample.kind === 'error' ? sample.message : t('sampleSizeError'));
      return;
    }
    const value = parseValue(draft.value, draft.kind === 'rate' ? RATE_RULE : COUNT_RULE);
    if (value.kind !== 'value') {
      setError(value.kind === 'error' ? value.message : t('resultMissing'));
      return;
    }
    let result: SurveyInput['result'] = { kind: 'rate', value: value.value };
    if (draft.kind === 'score') {
      const scale = parseValue(draft.scale, COUNT_RULE);
      if (scale.kind !== 'value' || scale.value <= 0) {
        setError(scale.kind === 'error' ? scale.message : t('scaleError'));
        return;
      }
      result = { kind: 'score', value: value.value, scale: scale.value };
    }
    const input: SurveyInput = {
      id: draft.id,
      expectedVersion: overwriteVersion ?? draft.version,
      planId: plan.id,
      year: Number(draft.year),
      domain: draft.subject === WHOLE ? null : draft.subject,
      serviceId: draft.serviceId || null,
      organiser: draft.organiser.trim(),
      isThirdParty: draft.isThirdParty,
      method: draft.method.trim(),
      sampleSize: sample && sample.kind === 'value' ? sample.value : null,
      result,
      notes: draft.notes.trim(),
    };
    try {
      const row = await save.mutateAsync(input);
      setNotice(t('surveySaved', { year: row.year }));
      setError(null);
      setConflict(null);
      setDraft(emptyDraft(year));
    } catch (e) {
      if (e instanceof RecordConflictError) {
        setError(e.message);
        setConflict((e.conflicts[0] as RecordConflict<SurveyRow> | undefined) ?? null);
      } else if (e instanceof ValidationError) setError(e.message);
      else setError(t('failed', { message: (e as Error).message ?? String(e) }));
    }
  };

  const subjects = [
    { id: null as string | null, name: t('surveyWhole') },
    ...plan.domains.map((d) => ({ id: d.id as string | null, name: d.name })),
  ]
    .map((s) => ({ ...s, trend: surveyTrend(surveys, s.id) }))
    .filter((s) => s.trend.length > 0);
  const servicesOfDomain = plan.services.filter((s) => s.domain === draft.subject);

  return (
    <div className="surveys-view">
      <h3>{t('surveysTitle')}</h3>
      <p className="muted small">{t('surveysCaption')}</p>
      {notice && (
        <p className="ok-message" role="status" data-testid="services-notice">
          {notice}
        </p>
      )}
      <div className="survey-charts">
        {subjects.map((s) => {
          const data = s.trend.map((p) => ({
            year: p.year,
            share: Math.round(surveyShare(p.survey) * 1000) / 10,
            label: surveyResultText(p.survey, locale),
          }));
          return (
            <ChartFrame
              key={s.id ?? WHOLE}
              title={t('surveyChartTitle', { name: s.name })}
              unit={t('surveyChartUnit')}
              caption={t('surveyChartCaption')}
              table={
                <table className="data">
                  <thead>
                    <tr>
                      <th>{t('surveyYear')}</th>
                      <th>{t('surveyResult')}</th>
                      <th>{t('organiser')}</th>
                      <th className="num">{t('sampleSize')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.trend.map((p) => (
                      <tr key={p.year}>
                        <td>{p.year}</td>
                        <td>
                          {surveyResultText(p.survey, locale)}
                          {p.others.length > 0 && (
                            <div className="muted small">
                              {t('otherSurveys', {
                                list: p.others
                                  .map((o) => `${o.organiser} ${surveyResultText(o, locale)}`)
                                  .join('；'),
                              })}
                            </div>
                          )}
                        </td>
                        <td>
                          {p.survey.organiser}
                          {p.survey.isThirdParty ? `（${t('thirdParty')}）` : ''}
                        </td>
                        <td className="num">{p.survey.sampleSize ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            >
              <ResponsiveContainer width="100%" height={180}>
                <BarChart data={data} margin={{ top: 18, left: 0, right: 12 }}>
                  <CartesianGrid vertical={false} stroke="#e5e9ee" />
                  <XAxis dataKey="year" />
                  <YAxis domain={[0, 100]} width={36} />
                  <Bar dataKey="share" fill="#0072b2" isAnimationActive={false}>
                    <LabelList dataKey="share" position="top" fontSize={11} fill="#1d2733" />
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </ChartFrame>
          );
        })}
      </div>

      {surveys.length === 0 ? (
        <EmptyState>{t('noSurveys')}</EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="surveys-table">
            <thead>
              <tr>
                <th>{t('surveyYear')}</th>
                <th>{t('surveySubject')}</th>
                <th>{t('organiser')}</th>
                <th>{t('method')}</th>
                <th className="num">{t('sampleSize')}</th>
                <th>{t('surveyResult')}</th>
                <th>{t('recorded')}</th>
                <th aria-label={t('editSurvey')} />
              </tr>
            </thead>
            <tbody>
              {surveys.map((s) => (
                <tr key={s.id} data-survey={s.id}>
                  <td>{s.year}</td>
                  <td>{subjectName(s)}</td>
                  <td>
                    {s.organiser}
                    {s.isThirdParty && <span className="badge">{t('thirdParty')}</span>}
                  </td>
                  <td className="small">{s.method}</td>
                  <td className="num">{s.sampleSize ?? '—'}</td>
                  <td>{surveyResultText(s, locale)}</td>
                  <td className="small muted nowrap">
                    {s.by} {wording.dateTime(s.at).slice(0, 16)}
                  </td>
                  <td className="nowrap">
                    <button
                      type="button"
                      className="small-button"
                      onClick={() => setDraft(draftOf(s))}
                    >
                      {t('editSurvey')}
                    </button>{' '}
                    <button
                      type="button"
                      className="small-button"
                      onClick={async () => {
                        if (
                          !window.confirm(
                            t('deleteConfirm', { year: s.year, organiser: s.organiser }),
                          )
                        )
                          return;
                        try {
                          await remove.mutateAsync({ id: s.id, version: s.version });
                          setNotice(t('surveyDeleted', { year: s.year }));
                        } catch (e) {
                          setError((e as Error).message);
                        }
                      }}
                    >
                      {t('deleteSurvey')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <form
        className="survey-form"
        data-testid="survey-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h4>{draft.id ? t('editSurvey') : t('addSurvey')}</h4>
        <div className="form-grid">
          <label className="field">
            <span>{t('surveyYear')}</span>
            <select value={draft.year} onChange={(e) => set({ year: e.target.value })}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('surveySubject')}</span>
            <select
              value={draft.subject}
              onChange={(e) => set({ subject: e.target.value, serviceId: '' })}
            >
              <option value={WHOLE}>{t('surveyWhole')}</option>
              {plan.domains.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          {draft.subject !== WHOLE && servicesOfDomain.length > 0 && (
            <label className="field">
              <span>{t('surveyService')}</span>
              <select value={draft.serviceId} onChange={(e) => set({ serviceId: e.target.value })}>
                <option value="">{t('surveyNoService')}</option>
                {servicesOfDomain.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="field">
            <span>{t('organiser')}</span>
            <input
              type="text"
              maxLength={200}
              value={draft.organiser}
              onChange={(e) => set({ organiser: e.target.value })}
            />
          </label>
          <label className="field checkbox">
            <input
              type="checkbox"
              checked={draft.isThirdParty}
              onChange={(e) => set({ isThirdParty: e.target.checked })}
            />
            <span>{t('thirdParty')}</span>
          </label>
          <label className="field">
            <span>{t('method')}</span>
            <input
              type="text"
              maxLength={500}
              value={draft.method}
              onChange={(e) => set({ method: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('sampleSize')}</span>
            <input
              type="text"
              inputMode="numeric"
              value={draft.sampleSize}
              onChange={(e) => set({ sampleSize: e.target.value })}
            />
          </label>
          <fieldset className="field result-kind">
            <legend>{t('resultKind')}</legend>
            <label>
              <input
                type="radio"
                checked={draft.kind === 'rate'}
                onChange={() => set({ kind: 'rate' })}
              />
              {t('kindRate')}
            </label>
            <label>
              <input
                type="radio"
                checked={draft.kind === 'score'}
                onChange={() => set({ kind: 'score' })}
              />
              {t('kindScore')}
            </label>
          </fieldset>
          <label className="field">
            <span>{draft.kind === 'rate' ? t('rate') : t('score')}</span>
            <input
              type="text"
              inputMode="decimal"
              aria-label={draft.kind === 'rate' ? t('rate') : t('score')}
              value={draft.value}
              onChange={(e) => set({ value: e.target.value })}
            />
          </label>
          {draft.kind === 'score' && (
            <label className="field">
              <span>{t('scale')}</span>
              <input
                type="text"
                inputMode="decimal"
                value={draft.scale}
                onChange={(e) => set({ scale: e.target.value })}
              />
            </label>
          )}
          <label className="field wide">
            <span>{t('notes')}</span>
            <input
              type="text"
              maxLength={2000}
              value={draft.notes}
              onChange={(e) => set({ notes: e.target.value })}
            />
          </label>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {conflict && (
          <div className="conflict-box" role="alert" data-testid="survey-conflict">
            <p>
              {conflict.current
                ? t('surveyStoredNow', {
                    organiser: conflict.current.organiser,
                    result: surveyResultText(conflict.current, locale),
                    by: conflict.changedBy ?? '',
                  })
                : t('surveyWithdrawnNow')}
            </p>
            <div className="dialog-actions">
              <button
                type="button"
                onClick={() => {
                  setDraft(conflict.current ? draftOf(conflict.current) : emptyDraft(year));
                  setConflict(null);
                  setError(null);
                }}
              >
                {t('keepTheirs')}
              </button>
              <button type="button" onClick={() => void submit(conflict.currentVersion)}>
                {t('writeMine')}
              </button>
            </div>
          </div>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={save.isPending}>
            {draft.id ? t('save') : t('addSurvey')}
          </button>
          {draft.id && (
            <button
              type="button"
              onClick={() => {
                setDraft(emptyDraft(year));
                setConflict(null);
                setError(null);
              }}
            >
              {t('cancel')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
