import { useState, type ReactNode } from 'react';
import type { SnapshotRow } from '../../db/report-tables';
import { planItems } from '../../domain/assessment/plan';
import type { Plan } from '../../domain/catalog/schema';
import type {
  SnapshotChanges,
  SnapshotJudgement,
  SnapshotValue,
} from '../../domain/report/snapshot';
import { formatDateTime, formatNumber } from '../../domain/wording';
import { useT } from '../../shared/i18n';
import { Section } from '../../shared/page';
import { StatusBadge, useStatusLabel } from '../../shared/status-badge';
import { useWording } from '../../shared/wording';
import { snapshotMessages } from './snapshot-messages';

const SHOWN = 200;

/** 评估快照: freeze the report, list the plan's snapshots with who and when, open or delete one. */
export function SnapshotPanel(props: {
  snapshots: readonly SnapshotRow[];
  openId: string | null;
  /** A freeze is running. */
  isFreezing: boolean;
  /** Freezing is offered only for the live report, not while a snapshot is open. */
  canFreeze: boolean;
  /** Why freezing is not offered now, said beside the button. */
  blocked?: string | null;
  notice: string | null;
  onFreeze: (note: string) => void;
  onOpen: (id: string) => void;
  onDelete: (row: SnapshotRow, reason: string) => void;
}) {
  const t = useT(snapshotMessages);
  const wording = useWording();
  const [note, setNote] = useState('');
  const [deleting, setDeleting] = useState<SnapshotRow | null>(null);
  const [reason, setReason] = useState('');
  return (
    <Section title={t('title')}>
      <p className="muted">{t('intro')}</p>
      <div className="toolbar snapshot-freeze">
        <label>
          {t('note')}
          <input
            value={note}
            placeholder={t('notePlaceholder')}
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
        <button
          type="button"
          className="primary"
          disabled={props.isFreezing || !props.canFreeze}
          onClick={() => {
            props.onFreeze(note);
            setNote('');
          }}
        >
          {props.isFreezing ? t('freezing') : t('freeze')}
        </button>
        {props.blocked && (
          <span className="errors" role="alert">
            {props.blocked}
          </span>
        )}
      </div>
      {props.notice && (
        <p className="entry-notice entry-notice-ok" role="status" data-testid="snapshot-notice">
          {props.notice}
        </p>
      )}
      {props.snapshots.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <table className="data snapshot-list" data-testid="snapshot-list">
          <thead>
            <tr>
              <th>{t('colCreated')}</th>
              <th>{t('colBy')}</th>
              <th>{t('colReport')}</th>
              <th>{t('colNote')}</th>
              <th>{t('colContent')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {props.snapshots.map((s) => (
              <tr key={s.id} className={s.id === props.openId ? 'snapshot-open' : undefined}>
                <td>{formatDateTime(s.createdAt)}</td>
                <td>{s.createdBy}</td>
                <td>
                  {s.regionName} · {s.asOfYear}年{wording.mode(s.mode)}
                </td>
                <td>{s.note}</td>
                <td className="muted">
                  {t('content', {
                    values: s.valueCount,
                    judgements: s.judgementCount,
                    narrative: s.narrativeVersion,
                    method: s.methodVersion,
                  })}
                </td>
                <td className="snapshot-actions">
                  <button type="button" onClick={() => props.onOpen(s.id)}>
                    {t('open')}
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      setReason('');
                      setDeleting(s);
                    }}
                  >
                    {t('delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deleting && (
        <div className="entry-dialog-backdrop">
          <div
            className="entry-dialog"
            role="dialog"
            aria-modal="true"
            aria-label={t('deleteTitle')}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setDeleting(null);
            }}
          >
            <h3>{t('deleteTitle')}</h3>
            <p>
              {t('deleteHelp', {
                at: formatDateTime(deleting.createdAt),
                title: deleting.title,
                region: deleting.regionName,
                year: deleting.asOfYear,
              })}
            </p>
            <label className="dialog-field">
              {t('deleteReason')}
              <input value={reason} onChange={(event) => setReason(event.target.value)} />
            </label>
            <div className="dialog-actions">
              <button
                type="button"
                className="primary"
                onClick={() => {
                  props.onDelete(deleting, reason);
                  setDeleting(null);
                }}
              >
                {t('deleteConfirm')}
              </button>
              <button type="button" autoFocus onClick={() => setDeleting(null)}>
                {t('cancel')}
              </button>
            </div>
          </div>
        </div>
      )}
    </Section>
  );
}

/** What changed since a snapshot was frozen: values, judgements, statuses, the narrative. */
export function SnapshotChangesView({
  plan,
  regionNames,
  changes,
}: {
  plan: Plan;
  regionNames: ReadonlyMap<string, string>;
  changes: SnapshotChanges;
}) {
  const t = useT(snapshotMessages);
  const statusLabel = useStatusLabel();
  const items = new Map(planItems(plan).map((i) => [i.id, i.name]));
  const itemName = (id: string) => items.get(id) ?? id;
  const number = (v: SnapshotValue | null) =>
    v
      ? `${formatNumber(v.value, 4)}${v.dataStatus === 'preliminary' ? `（${t('preliminary')}）` : ''}`
      : t('none2');
  const kindWord = {
    revised: t('kindRevised'),
    added: t('kindAdded'),
    cleared: t('kindCleared'),
    status: t('kindStatus'),
  } as const;
  const judgement = (j: SnapshotJudgement | null) =>
    j ? `${statusLabel(j.status)}（${j.reason}；${j.by}）` : t('judgementNone');
  const more = (count: number) =>
    count > SHOWN ? <p className="muted">{t('more', { count: count - SHOWN })}</p> : null;
  return (
    <div className="snapshot-changes" data-testid="snapshot-changes">
      <h3>{t('changesTitle')}</h3>
      {!changes.hasChanges && <p>{t('changesNone')}</p>}
      {changes.values.length > 0 && (
        <>
          <h4>{t('changesValues', { count: changes.values.length })}</h4>
          <table className="data">
            <thead>
              <tr>
                <th>{t('colRegion')}</th>
                <th>{t('colItem')}</th>
                <th className="num">{t('colYear')}</th>
                <th className="num">{t('colThen')}</th>
                <th className="num">{t('colNow')}</th>
                <th>{t('colChange')}</th>
                <th>{t('colChangedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.values.slice(0, SHOWN).map((c) => (
                <tr key={`${c.regionId}|${c.itemId}|${c.year}`}>
                  <td>{regionNames.get(c.regionId) ?? c.regionId}</td>
                  <td>{itemName(c.itemId)}</td>
                  <td className="num">{c.year}</td>
                  <td className="num">{number(c.before)}</td>
                  <td className="num">
                    <strong>{number(c.after)}</strong>
                  </td>
                  <td>{kindWord[c.kind]}</td>
                  <td className="muted">
                    {c.after?.updatedBy ?? ''}
                    {c.after?.updatedAt ? ` · ${formatDateTime(c.after.updatedAt)}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {more(changes.values.length)}
        </>
      )}
      {changes.statuses.length > 0 && (
        <ThenNowTable
          title={t('changesStatuses', { count: changes.statuses.length })}
          headers={[t('colItem'), t('colThen'), t('colNow')]}
          rows={changes.statuses.map((c) => ({
            key: c.itemId,
            item: itemName(c.itemId),
            then: <StatusBadge status={c.before} />,
            now: <StatusBadge status={c.after} />,
          }))}
        />
      )}
      {changes.judgements.length > 0 && (
        <ThenNowTable
          title={t('changesJudgements', { count: changes.judgements.length })}
          headers={[t('colItem'), t('colThen'), t('colNow')]}
          rows={changes.judgements.map((c) => ({
            key: c.itemId,
            item: itemName(c.itemId),
            then: judgement(c.before),
            now: judgement(c.after),
          }))}
        />
      )}
      {changes.isNarrativeChanged && <p>{t('changesNarrative')}</p>}
    </div>
  );
}

/** An item's state when the report was frozen beside its state now (statuses, judgements). */
function ThenNowTable({
  title,
  headers,
  rows,
}: {
  title: string;
  headers: [item: string, then: string, now: string];
  rows: Array<{ key: string; item: string; then: ReactNode; now: ReactNode }>;
}) {
  return (
    <>
      <h4>{title}</h4>
      <table className="data">
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.item}</td>
              <td>{r.then}</td>
              <td>{r.now}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
