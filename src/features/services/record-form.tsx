import { useId, useState } from 'react';
import { RecordConflictError, ValidationError, type RecordConflict } from '../../db/errors';
import type { StoredImplementation } from '../../db/implementation';
import type { Plan } from '../../domain/catalog/schema';
import {
  IMPLEMENTATION_STATUSES,
  MAX_TEXT,
  type ImplementationStatus,
} from '../../domain/implementation/model';
import { implementationLabel } from '../../domain/wording/implementation';
import { useLocale, useT } from '../../shared/i18n';
import { useWording } from '../../shared/wording';
import { servicesMessages } from './messages';
import type { SubjectInfo } from './parts';
import { useSaveImplementation } from './queries';

interface Fields {
  status: ImplementationStatus | null;
  evidence: string;
  documentRef: string;
  reply: string;
}

const fieldsOf = (record: StoredImplementation | null): Fields => ({
  status: record?.status ?? null,
  evidence: record?.evidence ?? '',
  documentRef: record?.documentRef ?? '',
  reply: record?.reply ?? '',
});

/**
 * The implementation status of one item for a region and year, with its evidence, document and
 * the lead unit's reply. A save states the version the form was opened on; when another tab or
 * person saved meanwhile, nothing is written and the stored record is shown beside the user's
 * text, for the user to keep theirs or overwrite.
 */
export function RecordForm({
  plan,
  info,
  region,
  year,
  current,
  regionIds,
  onSaved,
  onCancel,
}: {
  plan: Plan;
  info: SubjectInfo;
  region: { regionId: string; name: string };
  year: number;
  current: StoredImplementation | null;
  regionIds: readonly string[];
  onSaved: (message: string) => void;
  onCancel?: () => void;
}) {
  const t = useT(servicesMessages);
  const { locale } = useLocale();
  const wording = useWording();
  const id = useId();
  const save = useSaveImplementation(plan, regionIds);
  // What the user has typed, null while untouched: the form then shows the stored record as it
  // is now (another tab's save shows at once), and a save states the version the edit began on.
  const [draft, setDraft] = useState<Fields | null>(null);
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const fields = draft ?? fieldsOf(current);
  const expectedVersion = baseVersion ?? current?.version ?? 0;
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<RecordConflict<StoredImplementation> | null>(null);

  const change = (patch: Partial<Fields>) => {
    setDraft({ ...fields, ...patch });
    if (baseVersion === null) setBaseVersion(current?.version ?? 0);
    setError(null);
  };

  const write = async (next: Fields, expectedVersion: number) => {
    setError(null);
    try {
      await save.mutateAsync([
        {
          planId: plan.id,
          regionId: region.regionId,
          subject: info.subject,
          year,
          status: next.status,
          evidence: next.evidence,
          documentRef: next.documentRef,
          reply: next.reply,
          expectedVersion,
        },
      ]);
      setConflict(null);
      setDraft(null);
      setBaseVersion(null);
      onSaved(
        next.status
          ? t('saved', { name: info.name, year, status: implementationLabel(next.status, locale) })
          : t('cleared', { name: info.name, year }),
      );
    } catch (e) {
      if (e instanceof RecordConflictError) {
        setConflict((e.conflicts[0] as RecordConflict<StoredImplementation>) ?? null);
      } else if (e instanceof ValidationError) {
        setError(e.message);
      } else {
        setError(t('failed', { message: (e as Error).message ?? String(e) }));
      }
    }
  };

  const isBusy = save.isPending;
  return (
    <form
      className="record-form"
      data-testid="record-form"
      onSubmit={(event) => {
        event.preventDefault();
        void write(fields, expectedVersion);
      }}
    >
      <p className="muted small">
        {current
          ? t('currentBy', {
              by: current.by,
              at: wording.dateTime(current.at),
              version: current.version,
            })
          : t('noCurrent')}
      </p>
      <fieldset className="status-choice">
        <legend>{t('statusLegend')}</legend>
        {IMPLEMENTATION_STATUSES.map((status) => (
          <label key={status} title={t(`statusHelp_${status}`)}>
            <input
              type="radio"
              name={`${id}-status`}
              value={status}
              checked={fields.status === status}
              onChange={() => change({ status })}
            />
            {implementationLabel(status, locale)}
            <span className="muted small">（{t(`statusHelp_${status}`)}）</span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('evidenceLabel')}</span>
        <textarea
          rows={3}
          maxLength={MAX_TEXT}
          value={fields.evidence}
          onChange={(e) => change({ evidence: e.target.value })}
          aria-describedby={`${id}-hint`}
        />
        <span id={`${id}-hint`} className="muted small">
          {t('evidenceHint')}
        </span>
      </label>
      <label className="field">
        <span>{t('documentLabel')}</span>
        <input
          type="text"
          maxLength={MAX_TEXT}
          value={fields.documentRef}
          onChange={(e) => change({ documentRef: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('replyLabel')}</span>
        <textarea
          rows={2}
          maxLength={MAX_TEXT}
          value={fields.reply}
          onChange={(e) => change({ reply: e.target.value })}
        />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {conflict && (
        <div className="conflict-box" role="alert" data-testid="record-conflict">
          <strong>{t('conflictTitle')}</strong>
          <p>
            {conflict.current
              ? t('conflictHelp', {
                  by: conflict.changedBy ?? '',
                  at: conflict.changedAt ? wording.dateTime(conflict.changedAt) : '',
                })
              : t('conflictCleared', {
                  by: conflict.changedBy ?? '',
                  at: conflict.changedAt ? wording.dateTime(conflict.changedAt) : '',
                })}
          </p>
          {conflict.current && (
            <dl className="facts">
              <dt>{t('statusLegend')}</dt>
              <dd>{implementationLabel(conflict.current.status, locale)}</dd>
              <dt>{t('evidenceLabel')}</dt>
              <dd className="pre-wrap">{conflict.current.evidence || '—'}</dd>
              <dt>{t('documentLabel')}</dt>
              <dd>{conflict.current.documentRef || '—'}</dd>
              <dt>{t('replyLabel')}</dt>
              <dd className="pre-wrap">{conflict.current.reply || '—'}</dd>
            </dl>
          )}
          <div className="dialog-actions">
            <button
              type="button"
              onClick={() => {
                setDraft(null);
                setBaseVersion(null);
                setConflict(null);
              }}
            >
              {t('keepTheirs')}
            </button>
            <button
              type="button"
              disabled={isBusy}
              onClick={() => void write(fields, conflict.currentVersion)}
            >
              {t('writeMine')}
            </button>
          </div>
        </div>
      )}
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={isBusy || fields.status === null}>
          {t('save')}
        </button>
        {current && (
          <button
            type="button"
            disabled={isBusy}
            onClick={() => void write(fieldsOf(null), expectedVersion)}
          >
            {t('clearRecord')}
          </button>
        )}
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** The form in a dialog, for recording from a list. */
export function RecordDialog(props: Parameters<typeof RecordForm>[0] & { onCancel: () => void }) {
  const t = useT(servicesMessages);
  return (
    <div className="services-dialog-backdrop">
      <div
        className="services-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('recordTitle', { name: props.info.name })}
        onKeyDown={(event) => {
          if (event.key === 'Escape') props.onCancel();
        }}
      >
        <h3>{t('recordTitle', { name: props.info.name })}</h3>
        <p className="muted">{t('recordFor', { region: props.region.name, year: props.year })}</p>
        <RecordForm {...props} />
      </div>
    </div>
  );
}
