import { useState } from 'react';
import type { DataStatus, ObservationRow, StoredCell } from '../../db/database';
import { ConflictError } from '../../db/errors';
import type { CellHistoryEntry, SaveResult, ValueInput } from '../../db/values';
import { useT } from '../../shared/i18n';
import { formatCellValue, formatTime } from './grid-model';
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
  save: (inputs: ValueInput[]) => Promise<SaveResult>;
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
      {/* Keyed by the cell only: a refetch after another tab's save must not wipe what is typed. */}
      <DetailForm
        key={`${cell.planId}|${cell.itemId}|${cell.regionId}|${cell.year}`}
        cell={cell}
        obs={obs}
        isReadOnly={props.isReadOnly}
        save={props.save}
      />
      <History cell={cell} />
    </div>
  );
}

type DetailField = 'dataStatus' | 'source' | 'note';
type Edits = Partial<Record<DetailField, string>>;
const FIELDS: DetailField[] = ['dataStatus', 'source', 'note'];

/**
 * 数据状态, source and note of a stored value. Only the fields the user changed are held here;
 * the others always show what is stored. When the stored cell changes under unsaved edits (another
 * tab saved it), the edits stay and the user is told what changed; saving then writes them with
 * the value now stored, stating its version.
 */
function DetailForm({
  cell,
  obs,
  isReadOnly,
  save,
}: {
  cell: DetailCell;
  obs: ObservationRow | undefined;
  isReadOnly: boolean;
  save: Props['save'];
}) {
  const t = useT(entryMessages);
  const [edits, setEdits] = useState<Edits>({});
  /** The stored cell when the first unsaved edit was made: what the user was looking at. */
  const [editBase, setEditBase] = useState<ObservationRow | null>(null);
  const [lastSeen, setLastSeen] = useState<ObservationRow | undefined>(obs);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (obs && obs !== lastSeen) setLastSeen(obs);
  const shown = obs ?? lastSeen;
  const hasEdits = Object.keys(edits).length > 0;
  if (!shown || (!obs && !hasEdits)) return <p className="muted">{t('detailNoValue')}</p>;

  const fieldValue = (field: DetailField) => edits[field] ?? String(shown[field]);
  const edit = (field: DetailField, value: string) => {
    if (!hasEdits) setEditBase(shown);
    setEdits((current) => ({ ...current, [field]: value }));
    setMessage(null);
  };
  const isChanged = FIELDS.some((f) => edits[f] !== undefined && edits[f]?.trim() !== shown[f]);
  const isChangedSince = hasEdits && editBase !== null && obs?.version !== editBase.version;
  const theirFields = isChangedSince
    ? FIELDS.filter((f) => edits[f] !== undefined && obs?.[f] !== editBase?.[f])
    : [];

  const submit = () => {
    if (!obs) return;
    save([
      {
        planId: cell.planId,
        itemId: cell.itemId,
        regionId: cell.regionId,
        year: cell.year,
        value: obs.value,
        text: obs.text,
        dataStatus: fieldValue('dataStatus') as DataStatus,
        source: fieldValue('source').trim(),
        note: fieldValue('note').trim(),
        // A base-year revision keeps the reason it was made with.
        reason: obs.reason,
        expectedVersion: obs.version,
      },
    ]).then(
      () => {
        setEdits({});
        setEditBase(null);
        setMessage({ ok: true, text: t('detailSaved') });
      },
      (error: unknown) =>
        setMessage({
          ok: false,
          text:
            error instanceof ConflictError
              ? t('detailConflict')
              : error instanceof Error
                ? error.message
                : String(error),
        }),
    );
  };
  const clear = () => {
    if (!obs) return;
    void save([
      {
        planId: cell.planId,
        itemId: cell.itemId,
        regionId: cell.regionId,
        year: cell.year,
        value: null,
        expectedVersion: obs.version,
      },
    ]).catch((error: unknown) =>
      setMessage({
        ok: false,
        text: error instanceof ConflictError ? t('detailConflict') : String(error),
      }),
    );
  };

  return (
    <form
      className="detail-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {isChangedSince && (
        <div className="detail-changed" role="alert">
          <p>
            {obs
              ? t('detailChanged', {
                  by: obs.updatedBy,
                  at: formatTime(obs.updatedAt),
                  value: formatCellValue(obs.value),
                })
              : t('detailCleared', { by: shown.updatedBy, at: formatTime(shown.updatedAt) })}
            {theirFields.length > 0 &&
              ` ${t('detailChangedFields', { fields: theirFields.map((f) => t(f)).join('、') })}`}
          </p>
          <button
            type="button"
            onClick={() => {
              setEdits({});
              setEditBase(null);
            }}
          >
            {t('detailDiscard')}
          </button>
        </div>
      )}
      <dl className="facts">
        <dt>{t('value')}</dt>
        <dd>
          <strong>{obs ? formatCellValue(obs.value) : t('emptyValue')}</strong> {cell.unit ?? ''}
        </dd>
        <dt>{t('typedText')}</dt>
        <dd>{shown.text}</dd>
        {shown.reason && (
          <>
            <dt>{t('reason')}</dt>
            <dd>{shown.reason}</dd>
          </>
        )}
        <dt>{t('updatedBy')}</dt>
        <dd>
          {shown.updatedBy} · {formatTime(shown.updatedAt)}
        </dd>
      </dl>
      <label className="dialog-field">
        {t('dataStatus')}
        <select
          value={fieldValue('dataStatus')}
          disabled={isReadOnly}
          onChange={(event) => edit('dataStatus', event.target.value)}
        >
          <option value="preliminary">{t('preliminary')}</option>
          <option value="final">{t('final')}</option>
        </select>
      </label>
      <label className="dialog-field">
        {t('source')}
        <input
          value={fieldValue('source')}
          disabled={isReadOnly}
          onChange={(e) => edit('source', e.target.value)}
        />
      </label>
      <label className="dialog-field">
        {t('note')}
        <textarea
          rows={2}
          value={fieldValue('note')}
          disabled={isReadOnly}
          onChange={(e) => edit('note', e.target.value)}
        />
      </label>
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={isReadOnly || !obs || !isChanged}>
          {t('saveDetail')}
        </button>
        <button type="button" disabled={isReadOnly || !obs} onClick={clear}>
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

const isLive = (cell: StoredCell | null): cell is StoredCell & { value: number } =>
  cell !== null && cell.value !== null;

/** The detail fields (数据状态, 来源, 备注) that differ between two stored cells. */
function detailChanges(
  before: StoredCell | null,
  after: StoredCell | null,
): Array<[DetailField, string, string]> {
  if (!isLive(before) || !isLive(after)) return [];
  return FIELDS.filter((field) => before[field] !== after[field]).map((field) => [
    field,
    before[field],
    after[field],
  ]);
}

function fieldText(
  field: DetailField,
  value: string,
  t: (key: 'preliminary' | 'final' | 'empty') => string,
): string {
  if (field === 'dataStatus') return value === 'final' ? t('final') : t('preliminary');
  return value || t('empty');
}

/** What a history entry did: an undo, or a save that created, changed or cleared the value. */
function entryKind(entry: CellHistoryEntry): 'create' | 'update' | 'delete' | 'undo' {
  if (entry.action === 'undo') return 'undo';
  if (!isLive(entry.after)) return 'delete';
  return isLive(entry.before) ? 'update' : 'create';
}

function History({ cell }: { cell: DetailCell }) {
  const t = useT(entryMessages);
  const history = useCellHistory(cell);
  const rows = history.data ?? [];
  const actionLabel = {
    create: t('historyCreate'),
    update: t('historyUpdate'),
    delete: t('historyDelete'),
    undo: t('historyUndo'),
  } as const;
  const valueText = (c: StoredCell | null) => (isLive(c) ? formatCellValue(c.value) : t('empty'));
  return (
    <div className="cell-history">
      <h4>{t('history')}</h4>
      {rows.length === 0 ? (
        <p className="muted">{t('historyEmpty')}</p>
      ) : (
        <ol className="history-list" data-testid="cell-history">
          {rows.map((entry) => (
            <li key={entry.seq}>
              <span className="history-change">
                {valueText(entry.before)} → {valueText(entry.after)}
              </span>{' '}
              {detailChanges(entry.before, entry.after).map(([field, from, to]) => (
                <span key={field} className="history-field">
                  {t(field)}：{fieldText(field, from, t)} → {fieldText(field, to, t)}
                </span>
              ))}
              <span className="badge">{actionLabel[entryKind(entry)]}</span>
              <div className="muted history-meta">
                {entry.by} · {formatTime(entry.at)}
                {entry.reason ? ` · ${entry.reason}` : ''}
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
