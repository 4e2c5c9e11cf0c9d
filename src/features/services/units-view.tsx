import { useState } from 'react';
import { STATUS_CODES, type StatusCode } from '../../domain/assessment/types';
import { IMPLEMENTATION_STATUSES, type UnitScorecard } from '../../domain/implementation';
import { implementationLabel, shareInPlaceText } from '../../domain/wording/implementation';
import { useLocale, useT } from '../../shared/i18n';
import { EmptyState } from '../../shared/page';
import { buildHref } from '../../shared/search';
import { StatusBadge } from '../../shared/status-badge';
import { ProgressText, useWording } from '../../shared/wording';
import { StatusTiles } from './checklist-view';
import { servicesMessages } from './messages';
import { ImplementationBadge, subjectInfo, type SubjectInfo } from './parts';
import { RecordDialog } from './record-form';
import { StandardsTable, type ValueLookup } from './standard-values';
import { recordOf, type ViewProps } from './view-props';

/** Status counts as badges with numbers: "✓已实现 2 ▽进度滞后 1". */
function StatusCounts({ counts }: { counts: Partial<Record<StatusCode, number>> }) {
  const present = STATUS_CODES.filter((s) => (counts[s] ?? 0) > 0);
  if (present.length === 0) return <>—</>;
  return (
    <span className="status-counts">
      {present.map((s) => (
        <span key={s} className="status-count">
          <StatusBadge status={s} /> {counts[s]}
        </span>
      ))}
    </span>
  );
}

/**
 * 按责任单位: one line per unit (its items' implementation, its indicators' and standards'
 * verdicts), and for a chosen unit its scorecard: which of its items are in place, on what
 * evidence, and what is missing for the year.
 */
export function UnitsView(props: ViewProps & { values: ValueLookup; planAreaId?: string }) {
  const { plan, search, tracking, region, year } = props;
  const t = useT(servicesMessages);
  const unitHref = (unitId: string | null) =>
    buildHref('/services', {
      plan: plan.id,
      view: 'units',
      region: region.regionId,
      year: search.year,
      unit: unitId,
    });
  const card = search.unit ? tracking.scorecards.find((c) => c.unit.id === search.unit) : undefined;
  if (search.unit) {
    return (
      <div className="units-view">
        <p>
          <a href={unitHref(null)}>← {t('viewUnits')}</a>
        </p>
        {card ? <UnitDetail {...props} card={card} /> : <EmptyState>{t('noMatch')}</EmptyState>}
      </div>
    );
  }
  return (
    <div className="units-view">
      <h3>{t('unitsTitle', { region: region.name, year })}</h3>
      <p className="muted small">{t('unitsCaption')}</p>
      <div className="table-scroll">
        <table className="data units-table" data-testid="units-table">
          <thead>
            <tr>
              <th>{t('unit')}</th>
              <th className="num">{t('unitSubjects')}</th>
              {IMPLEMENTATION_STATUSES.map((s) => (
                <th key={s} className="num">
                  {implementationLabel(s)}
                </th>
              ))}
              <th className="num">{t('notRecorded')}</th>
              <th className="num">{t('share')}</th>
              <th>{t('unitItems')}</th>
              <th>{t('standards')}</th>
            </tr>
          </thead>
          <tbody>
            {tracking.scorecards.map((c) => (
              <tr key={c.unit.id} data-unit={c.unit.id}>
                <td>
                  <a href={unitHref(c.unit.id)}>{c.unit.name}</a>
                </td>
                <td className="num">{c.states.length}</td>
                {IMPLEMENTATION_STATUSES.map((s) => (
                  <td key={s} className="num">
                    {c.rollup.counts[s]}
                  </td>
                ))}
                <td className="num">{c.rollup.notRecorded}</td>
                <td className="num">
                  {c.rollup.shareInPlace === null
                    ? '—'
                    : `${(c.rollup.shareInPlace * 100).toFixed(1)}%`}
                </td>
                <td className="small">
                  <StatusCounts counts={c.itemStatuses} />
                </td>
                <td className="small">
                  <StatusCounts counts={c.standardStatuses} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function UnitDetail(
  props: ViewProps & { card: UnitScorecard; values: ValueLookup; planAreaId?: string },
) {
  const { plan, card, tracking, results, region, year, search } = props;
  const t = useT(servicesMessages);
  const { locale } = useLocale();
  const wording = useWording();
  const [editing, setEditing] = useState<SubjectInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = results.results.filter((r) => card.itemIds.includes(r.id));
  const standards = tracking.standards.filter((r) => card.standardIds.includes(r.id));
  const itemName = new Map(results.results.map((r) => [r.id, r.name]));
  const standardName = new Map(tracking.standards.map((r) => [r.id, r.name]));
  const itemHref = (id: string) =>
    buildHref('/services', { plan: plan.id, region: region.regionId, year: search.year, item: id });
  return (
    <div className="unit-detail" data-testid="unit-detail">
      <h3>{t('unitHeading', { unit: card.unit.name, region: region.name, year })}</h3>
      {card.unit.printed.length > 1 && (
        <p className="muted small">{t('printed', { forms: card.unit.printed.join('、') })}</p>
      )}
      <StatusTiles
        states={card.states}
        title={t('tilesTitle', { region: card.unit.name, year, total: card.states.length })}
      />
      {notice && (
        <p className="ok-message" role="status" data-testid="services-notice">
          {notice}
        </p>
      )}
      <div className="missing-box" data-testid="unit-missing">
        <h4>{t('missingTitle', { year })}</h4>
        {card.missing.subjects.length +
          card.missing.standardIds.length +
          card.missing.itemIds.length ===
        0 ? (
          <p>{t('missingNone')}</p>
        ) : (
          <ul>
            {card.missing.subjects.length > 0 && (
              <li>
                {t('missingSubjects', { count: card.missing.subjects.length })}：
                {card.missing.subjects
                  .map((s) =>
                    (subjectInfo(plan, s.subject)?.name ?? s.subject.id).replace(/。$/, ''),
                  )
                  .join('、')}
              </li>
            )}
            {card.missing.standardIds.length > 0 && (
              <li>
                {t('missingStandards', { count: card.missing.standardIds.length })}：
                {card.missing.standardIds.map((id) => standardName.get(id) ?? id).join('、')}
              </li>
            )}
            {card.missing.itemIds.length > 0 && (
              <li>
                {t('missingItems', { count: card.missing.itemIds.length })}：
                {card.missing.itemIds.map((id) => itemName.get(id) ?? id).join('、')}
              </li>
            )}
          </ul>
        )}
      </div>

      <h4>{t('unitSubjectsTitle')}</h4>
      <p className="muted small">{shareInPlaceText(card.rollup, locale)}</p>
      <div className="table-scroll">
        <table className="data" data-testid="unit-subjects">
          <thead>
            <tr>
              <th>{t('item')}</th>
              <th>{t('unitRole')}</th>
              <th>{t('status')}</th>
              <th>{t('evidence')}</th>
              <th>{t('recorded')}</th>
              <th aria-label={t('record')} />
            </tr>
          </thead>
          <tbody>
            {card.states.map((s) => {
              const info = subjectInfo(plan, s.subject);
              if (!info) return null;
              return (
                <tr key={s.subject.id} data-subject={s.subject.id}>
                  <td>
                    <a href={itemHref(s.subject.id)}>{info.name}</a>
                    <div className="muted small">
                      {s.subject.kind === 'task' ? t('kindTask') : t('kindService')}
                      {info.number}
                    </div>
                  </td>
                  <td className="small">{t(`role_${s.role}`)}</td>
                  <td>
                    <ImplementationBadge
                      status={s.record?.status ?? null}
                      noneLabel={t('notRecorded')}
                    />
                    {s.earlier && (
                      <div className="muted small">
                        {t('earlier', {
                          year: s.earlier.year,
                          status: implementationLabel(s.earlier.status, locale),
                          current: year,
                        })}
                      </div>
                    )}
                  </td>
                  <td className="small evidence-cell">
                    {s.record && (
                      <>
                        {s.record.evidence && <div>{s.record.evidence}</div>}
                        {s.record.documentRef && (
                          <div className="muted">{s.record.documentRef}</div>
                        )}
                        {s.record.reply && (
                          <div className="muted">
                            {t('replyLabel')}：{s.record.reply}
                          </div>
                        )}
                      </>
                    )}
                  </td>
                  <td className="small muted nowrap">
                    {s.record ? `${s.record.by} ${wording.dateTime(s.record.at).slice(0, 16)}` : ''}
                  </td>
                  <td>
                    <button type="button" className="small-button" onClick={() => setEditing(info)}>
                      {s.record ? t('edit') : t('record')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h4>{t('unitIndicators')}</h4>
      {items.length === 0 ? (
        <p className="muted">{t('noUnitItems')}</p>
      ) : (
        <table className="data" data-testid="unit-indicators">
          <thead>
            <tr>
              <th>{t('item')}</th>
              <th>{t('verdict')}</th>
              <th className="num">{t('share')}</th>
              <th>{t('sentence')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td>{r.name}</td>
                <td>
                  <StatusBadge status={r.effectiveStatus} isProvisional={r.isProvisional} />
                </td>
                <td className="num">
                  <ProgressText figure={r.progress} unit={r.unit} />
                </td>
                <td className="small muted">{wording.sentence(plan, r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {standards.length > 0 && (
        <>
          <h4>{t('unitStandards')}</h4>
          <StandardsTable
            plan={plan}
            results={standards}
            regionId={region.regionId}
            planAreaId={props.planAreaId}
            values={props.values}
            onNotice={setNotice}
          />
        </>
      )}
      {editing && (
        <RecordDialog
          plan={plan}
          info={editing}
          region={region}
          year={year}
          current={recordOf(tracking, editing.subject, region.regionId, year)}
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
