import { formatDateTime } from '../../domain/wording';
import { useState } from 'react';
import type { AuditRow, DataStatus, ObservationRow } from '../../db/database';
import type { ObservationInput } from '../../db/observations';
import { useT } from '../../shared/i18n';
import { formatCellValue } from './grid-model';
import { entryMessages } from './messages';
import { useCellHistory } from './queries';

export interface DetailCell {
  planId: string;
  itemId: string;
  regionId: string;
  year: number;
  itemName: string;
  regionName: string;
  unit: string | null;
  isBaseYear: boolean;
}

interface Props {
  cell: DetailCell | null;
  obs: ObservationRow | undefined;
  isReadOnly: boolean;
  save: (inputs: ObservationInput[]) => Promise<unknown>;
  remove: () => Promise<unknown>;
}

/** The detail of the focused cell: 数据状态, source, note, and its history (old → new, who, when). */
export function CellDetail(props: Props) {
  const t = useT(entryMessages);
  const { cell, obs } = props;
  if (!cell) return <p className="muted">{t('detailNone')}</p>;
  return (
    <div className="cell-detail" data-testid="cell-detail">
      <h3>
        {cell.itemName}
        <span className="muted">
          {' '}
          · {cell.regionName} · {cell.year}
        </span>
      </h3>
      {obs ? (
        // Keyed by the stored row so the form starts from the saved values after every change.
        <DetailForm
          key={`${obs.updatedAt}|${obs.itemId}|${obs.regionId}|${obs.year}`}
          cell={cell}
          obs={obs}
          isReadOnly={props.isReadOnly}
          save={props.save}
          remove={props.remove}
        />
      ) : (
        <p className="muted">{t('detailNoValue')}</p>
      )}
      <History cell={cell} />
    </div>
  );
}

function DetailForm({
  cell,
  obs,
  isReadOnly,
  save,
  remove,
}: {
  cell: DetailCell;
  obs: ObservationRow;
  isReadOnly: boolean;
  save: Props['save'];
  remove: Props['remove'];
}) {
  const t = useT(entryMessages);
  const [dataStatus, setDataStatus] = useState<DataStatus>(obs.dataStatus);
  const [source, setSource] = useState(obs.source);
  const [note, setNote] = useState(obs.note);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const isChanged =
    dataStatus !== obs.dataStatus || source.trim() !== obs.source || note.trim() !== obs.note;
  return (
    <form
      className="detail-form"
      onSubmit={(event) => {
        event.preventDefault();
        save([
          {
            planId: cell.planId,
            itemId: cell.itemId,
            regionId: cell.regionId,
            year: cell.year,
            value: obs.value,
            text: obs.text,
            dataStatus,
            source: source.trim(),
            note: note.trim(),
            // A base-year revision keeps the reason it was made with.
            reason: obs.reason,
          },
        ]).then(
          () => setMessage({ ok: true, text: t('detailSaved') }),
          (error: unknown) =>
            setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) }),
        );
      }}
    >
      <dl className="facts">
        <dt>{t('value')}</dt>
        <dd>
          <strong>{formatCellValue(obs.value)}</strong> {cell.unit ?? ''}
        </dd>
        <dt>{t('typedText')}</dt>
        <dd>{obs.text}</dd>
        {obs.reason && (
          <>
            <dt>{t('reason')}</dt>
            <dd>{obs.reason}</dd>
          </>
        )}
        <dt>{t('updatedBy')}</dt>
        <dd>
          {obs.updatedBy} · {formatTime(obs.updatedAt)}
        </dd>
      </dl>
      <label className="dialog-field">
        {t('dataStatus')}
        <select
          value={dataStatus}
          disabled={isReadOnly}
          onChange={(event) => setDataStatus(event.target.value as DataStatus)}
        >
          <option value="preliminary">{t('preliminary')}</option>
          <option value="final">{t('final')}</option>
        </select>
      </label>
      <label className="dialog-field">
        {t('source')}
        <input value={source} disabled={isReadOnly} onChange={(e) => setSource(e.target.value)} />
      </label>
      <label className="dialog-field">
        {t('note')}
        <textarea
          rows={2}
          value={note}
          disabled={isReadOnly}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={isReadOnly || !isChanged}>
          {t('saveDetail')}
        </button>
        <button type="button" disabled={isReadOnly} onClick={() => void remove()}>
          {t('deleteValue')}
        </button>
      </div>
      {message && (
        <p className={message.ok ? 'ok-message' : 'errors'} role="status">
          {message.text}
        </p>
      )}
    </form>
  );
}

function valueText(row: unknown, empty: string): string {
  if (row && typeof row === 'object' && 'value' in row && typeof row.value === 'number') {
    return formatCellValue(row.value);
  }
  return empty;
}

type DetailField = 'dataStatus' | 'source' | 'note';

/** The detail fields (数据状态, 来源, 备注) that differ between two stored rows. */
function detailChanges(before: unknown, after: unknown): Array<[DetailField, string, string]> {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return [];
  const b = before as Partial<ObservationRow>;
  const a = after as Partial<ObservationRow>;
  return (['dataStatus', 'source', 'note'] as const)
    .filter((field) => (b[field] ?? '') !== (a[field] ?? ''))
    .map((field) => [field, String(b[field] ?? ''), String(a[field] ?? '')]);
}

function fieldText(
  field: DetailField,
  value: string,
  t: (key: 'preliminary' | 'final' | 'empty') => string,
): string {
  if (field === 'dataStatus') return value === 'final' ? t('final') : t('preliminary');
  return value || t('empty');
}

/** What an audit entry changed from and to; an undo stores what it reverted and what it restored. */
export function auditChange(entry: AuditRow): { before: unknown; after: unknown } {
  if (entry.action === 'undo') {
    const after = entry.after as { restored?: unknown } | null;
    return { before: entry.before, after: after?.restored ?? null };
  }
  return { before: entry.before, after: entry.after };
}

function History({ cell }: { cell: DetailCell }) {
  const t = useT(entryMessages);
  const history = useCellHistory([cell.planId, cell.itemId, cell.regionId, cell.year]);
  const rows = history.data ?? [];
  const actionLabel = {
    create: t('historyCreate'),
    update: t('historyUpdate'),
    delete: t('historyDelete'),
    undo: t('historyUndo'),
  } as const;
  return (
    <div className="cell-history">
      <h4>{t('history')}</h4>
      {rows.length === 0 ? (
        <p className="muted">{t('historyEmpty')}</p>
      ) : (
        <ol className="history-list" data-testid="cell-history">
          {rows.map((entry) => {
            const change = auditChange(entry);
            return (
              <li key={entry.seq}>
                <span className="history-change">
                  {valueText(change.before, t('empty'))} → {valueText(change.after, t('empty'))}
                </span>{' '}
                {detailChanges(change.before, change.after).map(([field, from, to]) => (
                  <span key={field} className="history-field">
                    {t(field)}：{fieldText(field, from, t)} → {fieldText(field, to, t)}
                  </span>
                ))}
                <span className="badge">{actionLabel[entry.action]}</span>
                <div className="muted history-meta">
                  {entry.by} · {formatTime(entry.at)}
                  {entry.reason ? ` · ${entry.reason}` : ''}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

function formatTime(iso: string): string {
  return formatDateTime(iso);
}
