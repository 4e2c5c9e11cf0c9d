import { Fragment, useMemo, useState } from 'react';
import {
  filterStates,
  IMPLEMENTATION_STATUSES,
  rollUpImplementation,
  subjectKey,
  type SubjectState,
} from '../../domain/implementation';
import { implementationLabel, shareInPlaceText } from '../../domain/wording/implementation';
import { useLocale, useT } from '../../shared/i18n';
import { EmptyState } from '../../shared/page';
import { buildHref } from '../../shared/search';
import { DomainSelect } from '../../shared/selectors';
import { useWording } from '../../shared/wording';
import { servicesMessages } from './messages';
import { IMPLEMENTATION_ICONS, ImplementationBadge, subjectInfo, type SubjectInfo } from './parts';
import { RecordDialog } from './record-form';
import { recordOf, type ViewProps } from './view-props';

/**
 * Filters of the checklist, kept in the address: domain, unit, status (or no record). The
 * standards view filters by domain and unit only (`withStatus` false).
 */
export function ChecklistFilters({
  plan,
  search,
  setSearch,
  withStatus = true,
}: Pick<ViewProps, 'plan' | 'search' | 'setSearch'> & { withStatus?: boolean }) {
  const t = useT(servicesMessages);
  const { locale } = useLocale();
  return (
    <div className="toolbar filters">
      <label>
        <span>{t('domain')}</span>
        <DomainSelect
          plan={plan}
          value={search.domain ?? null}
          onChange={(domain) => setSearch({ domain })}
          label={t('domain')}
          allLabel={t('allDomains')}
        />
      </label>
      <label>
        <span>{t('unit')}</span>
        <select
          aria-label={t('unit')}
          value={search.unit ?? ''}
          onChange={(e) => setSearch({ unit: e.target.value || null })}
        >
          <option value="">{t('allUnits')}</option>
          {(plan.units ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      {withStatus && (
        <label>
          <span>{t('status')}</span>
          <select
            aria-label={t('status')}
            value={search.status ?? ''}
            onChange={(e) => setSearch({ status: e.target.value || null })}
          >
            <option value="">{t('allStatuses')}</option>
            {IMPLEMENTATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {implementationLabel(s, locale)}
              </option>
            ))}
            <option value="none">{t('statusNone')}</option>
          </select>
        </label>
      )}
    </div>
  );
}

/** Counts by status of the items shown, and the share in place with its formula. */
export function StatusTiles({ states, title }: { states: readonly SubjectState[]; title: string }) {
  const t = useT(servicesMessages);
  const { locale } = useLocale();
  const rollup = rollUpImplementation(states);
  return (
    <div className="impl-summary" data-testid="impl-tiles">
      <h3>{title}</h3>
      <div className="tiles impl-tiles">
        {IMPLEMENTATION_STATUSES.map((s) => (
          <div
            key={s}
            className={`tile impl-tile impl-tile-${s}${rollup.counts[s] === 0 ? ' is-zero' : ''}`}
            data-testid={`impl-tile-${s}`}
          >
            <div className="tile-label">
              <span aria-hidden="true">{IMPLEMENTATION_ICONS[s]}</span>{' '}
              {implementationLabel(s, locale)}
            </div>
            <div className="tile-value">{rollup.counts[s]}</div>
          </div>
        ))}
        <div
          className={`tile impl-tile impl-tile-none${rollup.notRecorded === 0 ? ' is-zero' : ''}`}
          data-testid="impl-tile-none"
        >
          <div className="tile-label">{t('tileNone')}</div>
          <div className="tile-value">{rollup.notRecorded}</div>
        </div>
        <div className="tile impl-tile impl-tile-share" data-testid="impl-tile-share">
          <div className="tile-label">{t('tileShare')}</div>
          <div className="tile-value">
            {rollup.shareInPlace === null ? '—' : `${(rollup.shareInPlace * 100).toFixed(1)}%`}
          </div>
          <div className="tile-hint muted small" title={t('shareFormula')}>
            {locale === 'zh-CN' ? shareInPlaceText(rollup) : t('shareFormula')}
          </div>
        </div>
      </div>
    </div>
  );
}

/**
 * The checklist of one region and year: every service item and key task grouped by domain, each
 * with its status (or none recorded), evidence and who recorded it, filtered by domain, unit and
 * status; 记录 opens the record form.
 */
export function ChecklistView(props: ViewProps) {
  const { plan, search, tracking, region, year, results } = props;
  const t = useT(servicesMessages);
  const wording = useWording();
  const [editing, setEditing] = useState<SubjectInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The counts and shares are of the items the domain and unit filters select; the status filter
  // only narrows the list (filtered by 已落实, the share would read 100%).
  const counted = useMemo(
    () => filterStates(plan, tracking.states, { domain: search.domain, unitId: search.unit }),
    [plan, tracking.states, search.domain, search.unit],
  );
  const shown = useMemo(
    () =>
      search.status === undefined
        ? counted
        : filterStates(plan, counted, { status: search.status }),
    [plan, counted, search.status],
  );
  const standardsBySubject = useMemo(() => {
    const map = new Map<string, { total: number; met: number; notMet: number }>();
    for (const r of tracking.standards) {
      const a = r.standard.attachment;
      if (a.kind === 'section') continue;
      const key = `${a.kind}:${a.id}`;
      const entry = map.get(key) ?? { total: 0, met: 0, notMet: 0 };
      entry.total++;
      if (r.status === 'achieved' || r.status === 'likely_achieved') entry.met++;
      if (['not_achieved', 'likely_not_achieved', 'lagging', 'regressing'].includes(r.status))
        entry.notMet++;
      map.set(key, entry);
    }
    return map;
  }, [tracking.standards]);
  const groups = [
    ...plan.domains.map((d) => ({ id: d.id as string | null, name: d.name })),
    { id: null, name: t('crossDomain') },
  ]
    .map((g) => {
      const inGroup = (s: { domain: string | null }) =>
        g.id === null ? !plan.domains.some((d) => d.id === s.domain) : s.domain === g.id;
      return { ...g, states: shown.filter(inGroup), counted: counted.filter(inGroup) };
    })
    .filter((g) => g.states.length > 0);
  const itemHref = (id: string) =>
    buildHref('/services', { plan: plan.id, region: region.regionId, year: search.year, item: id });
  const current = editing ? recordOf(tracking, editing.subject, region.regionId, year) : null;

  return (
    <div className="checklist-view">
      <ChecklistFilters {...props} />
      <StatusTiles
        states={counted}
        title={t('tilesTitle', { region: region.name, year, total: counted.length })}
      />
      {notice && (
        <p className="ok-message" role="status" data-testid="services-notice">
          {notice}
        </p>
      )}
      {groups.length === 0 ? (
        <EmptyState>{t('noMatch')}</EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="data checklist-table" data-testid="checklist">
            <thead>
              <tr>
                <th>{t('number')}</th>
                <th>{t('item')}</th>
                <th>{t('lead')}</th>
                <th>{t('standards')}</th>
                <th>{t('status')}</th>
                <th>{t('evidence')}</th>
                <th>{t('recorded')}</th>
                <th aria-label={t('record')} />
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => {
                const rollup = rollUpImplementation(group.counted);
                return (
                  <Fragment key={group.id ?? 'cross'}>
                    <tr className="group-row">
                      <td colSpan={8}>
                        {group.name}
                        <span className="muted small group-share">
                          {' '}
                          {shareInPlaceText(rollup, wording.locale)}
                        </span>
                      </td>
                    </tr>
                    {group.states.map((state) => {
                      const info = subjectInfo(plan, state.subject);
                      if (!info) return null;
                      const record = state.record;
                      const std = standardsBySubject.get(subjectKey(state.subject));
                      return (
                        <tr key={state.subject.id} data-subject={state.subject.id}>
                          <td className="nowrap muted">
                            {state.subject.kind === 'task' ? t('kindTask') : ''}
                            {info.number}
                          </td>
                          <td className="subject-name">
                            <a href={itemHref(state.subject.id)}>{info.name}</a>
                          </td>
                          <td className="small">{info.lead}</td>
                          <td className="small nowrap">
                            {std
                              ? [
                                  t('standardsCount', { count: std.total }),
                                  std.met > 0 ? t('standardsMet', { met: std.met }) : null,
                                  std.notMet > 0
                                    ? t('standardsNotMet', { notMet: std.notMet })
                                    : null,
                                ]
                                  .filter(Boolean)
                                  .join('，')
                              : '—'}
                          </td>
                          <td>
                            <ImplementationBadge
                              status={record?.status ?? null}
                              noneLabel={t('notRecorded')}
                            />
                            {state.earlier && (
                              <div className="muted small">
                                {t('earlier', {
                                  year: state.earlier.year,
                                  status: implementationLabel(state.earlier.status, wording.locale),
                                  current: year,
                                })}
                              </div>
                            )}
                          </td>
                          <td className="small evidence-cell">
                            {record ? (
                              <>
                                {record.evidence && <div>{record.evidence}</div>}
                                {record.documentRef && (
                                  <div className="muted">{record.documentRef}</div>
                                )}
                                {record.reply && (
                                  <div className="muted">
                                    {t('replyLabel')}：{record.reply}
                                  </div>
                                )}
                              </>
                            ) : null}
                          </td>
                          <td className="small muted nowrap">
                            {record
                              ? `${record.by} ${wording.dateTime(record.at).slice(0, 16)}`
                              : ''}
                          </td>
                          <td>
                            <button
                              type="button"
                              className="small-button"
                              onClick={() => {
                                setNotice(null);
                                setEditing(info);
                              }}
                            >
                              {record ? t('edit') : t('record')}
                            </button>
                          </td>
                        </tr>
                      );
                    })}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <RecordDialog
          plan={plan}
          info={editing}
          region={region}
          year={year}
          current={current}
          regionIds={results.regions.map((r) => r.regionId)}
          onSaved={(message) => {
            setNotice(message);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </div>
  );
}
