import { useState } from 'react';
import type { RegionRow } from '../../db/database';
import { ConflictError, type ValueConflict } from '../../db/errors';
import { listValues, type ValueInput } from '../../db/values';
import { planItems } from '../../domain/assessment/plan';
import type { Plan } from '../../domain/catalog/schema';
import type { ReturnsFileResult } from '../../domain/import/returns-file';
import {
  classifyReturns,
  type PreviewRow,
  type ReturnsPreview,
} from '../../domain/import/returns-preview';
import { useDataset } from '../../shared/dataset';
import { useT } from '../../shared/i18n';
import { formatCellValue, formatTime } from './grid-model';
import { importMessages } from './import-messages';
import { useImportReturns } from './queries';
import { readReturns } from './read-returns';

/** Rows shown per table: a province's return has tens of thousands; the counts say the rest. */
const SHOWN = 300;

type Stage =
  | { kind: 'choose' }
  | { kind: 'reading'; name: string }
  | { kind: 'refused'; name: string; errors: string[] }
  | {
      kind: 'preview';
      name: string;
      read: Extract<ReturnsFileResult, { ok: true }>;
      preview: ReturnsPreview;
    }
  | {
      kind: 'conflict';
      name: string;
      read: Extract<ReturnsFileResult, { ok: true }>;
      conflicts: ValueConflict[];
      preview: ReturnsPreview;
    }
  | { kind: 'done'; text: string };

/**
 * 导入填报表: a department's return read (in a worker), previewed against what is stored, and
 * written as one action only when the evaluator confirms. Rules: docs/data-entry.md (import).
 */
export function ImportDialog(props: {
  plan: Plan;
  regions: readonly RegionRow[];
  planAreaId: string | undefined;
  isReadOnly: boolean;
  onClose: (notice?: string) => void;
}) {
  const t = useT(importMessages);
  const { db } = useDataset();
  const { plan } = props;
  const write = useImportReturns(plan, props.planAreaId);
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [defaultRegionId, setDefaultRegionId] = useState(
    props.planAreaId ?? props.regions[0]?.regionId ?? '',
  );
  const [onlyValid, setOnlyValid] = useState(false);
  const [reason, setReason] = useState('');
  const [isReasonMissing, setReasonMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const itemName = new Map(planItems(plan).map((i) => [i.id, i.name]));
  const regionName = new Map(props.regions.map((r) => [r.regionId, r.name]));
  const nameOfRegion = (id: string) => regionName.get(id) ?? id;
  const nameOfItem = (id: string) => itemName.get(id) ?? id;

  const classify = async (read: Extract<ReturnsFileResult, { ok: true }>) =>
    // Read now, not from the page's cache: the versions seen here are what the write states.
    classifyReturns(read.values, read.problems, await listValues(db, plan.id));

  const choose = async (file: File) => {
    setError(null);
    setOnlyValid(false);
    setStage({ kind: 'reading', name: file.name });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const read = await readReturns(bytes, {
        plan,
        regions: props.regions.map((r) => ({
          regionId: r.regionId,
          name: r.name,
          archived: r.archived === 1,
        })),
        defaultRegionId,
      });
      if (!read.ok) {
        setStage({ kind: 'refused', name: file.name, errors: read.errors });
        return;
      }
      setStage({ kind: 'preview', name: file.name, read, preview: await classify(read) });
    } catch (e) {
      setStage({ kind: 'refused', name: file.name, errors: [String(e)] });
    }
  };

  const isRevision = (r: PreviewRow) => r.year === plan.baseYear && r.regionId === props.planAreaId;

  const commit = async (
    name: string,
    read: Extract<ReturnsFileResult, { ok: true }>,
    preview: ReturnsPreview,
  ) => {
    const rows = [...preview.changed, ...preview.added];
    const revisions = rows.filter(isRevision);
    if (revisions.length > 0 && !reason.trim()) {
      setReasonMissing(true);
      return;
    }
    const inputs: ValueInput[] = rows.map((r) => ({
      planId: plan.id,
      itemId: r.itemId,
      regionId: r.regionId,
      year: r.year,
      value: r.value,
      text: r.text,
      source: name,
      ...(r.dataStatus ? { dataStatus: r.dataStatus } : {}),
      ...(r.note !== undefined ? { note: r.note } : {}),
      ...(isRevision(r) ? { reason: reason.trim() } : {}),
      expectedVersion: r.old?.version ?? 0,
    }));
    setError(null);
    try {
      const result = await write.mutateAsync({ inputs, fileName: name });
      setStage({
        kind: 'done',
        text: t('done', {
          name,
          count: result.written,
          added: preview.added.length,
          changed: preview.changed.length,
        }),
      });
    } catch (e) {
      if (e instanceof ConflictError) {
        setStage({ kind: 'conflict', name, read, conflicts: e.conflicts, preview });
      } else setError(t('failed', { message: (e as Error).message ?? String(e) }));
    }
  };

  const statusWord = (s: 'final' | 'preliminary' | undefined) =>
    s === undefined ? t('keep') : t(s);

  return (
    <div className="entry-dialog-backdrop">
      <div
        className="entry-dialog import-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('title')}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !write.isPending) props.onClose();
        }}
      >
        <h3>{t('title')}</h3>
        {stage.kind === 'choose' && (
          <>
            <p className="muted">{t('intro')}</p>
            <label className="dialog-field">
              {t('defaultRegion')}
              <select
                value={defaultRegionId}
                onChange={(event) => setDefaultRegionId(event.target.value)}
              >
                {props.regions
                  .filter((r) => !r.archived)
                  .map((r) => (
                    <option key={r.key} value={r.regionId}>
                      {r.name}
                    </option>
                  ))}
              </select>
            </label>
            <label className="dialog-field">
              {t('file')}
              <input
                type="file"
                accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                data-testid="import-file"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  if (file) void choose(file);
                }}
              />
            </label>
          </>
        )}
        {stage.kind === 'reading' && (
          <div className="entry-progress" role="status">
            <progress aria-label={t('reading', { name: stage.name })} />
            <span>{t('reading', { name: stage.name })}</span>
          </div>
        )}
        {stage.kind === 'refused' && (
          <div role="alert">
            <p className="errors">{t('refused', { name: stage.name })}</p>
            <ul className="errors import-errors">
              {stage.errors.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          </div>
        )}
        {stage.kind === 'preview' && (
          <PreviewView
            name={stage.name}
            read={stage.read}
            preview={stage.preview}
            nameOfRegion={nameOfRegion}
            nameOfItem={nameOfItem}
            statusWord={statusWord}
          />
        )}
        {stage.kind === 'preview' &&
          (() => {
            const { preview } = stage;
            const count = preview.changed.length + preview.added.length;
            const invalid = preview.invalid.length;
            const revisions = [...preview.changed, ...preview.added].filter(isRevision);
            if (count === 0) return <p className="muted">{t('nothing')}</p>;
            return (
              <>
                {revisions.length > 0 && (
                  <label className="dialog-field">
                    {t('reasonLabel', { year: plan.baseYear, count: revisions.length })}
                    <input
                      value={reason}
                      onChange={(event) => {
                        setReason(event.target.value);
                        setReasonMissing(false);
                      }}
                    />
                  </label>
                )}
                {isReasonMissing && <p className="errors">{t('reasonRequired')}</p>}
                {invalid > 0 && (
                  <label className="import-only-valid">
                    <input
                      type="checkbox"
                      checked={onlyValid}
                      onChange={(event) => setOnlyValid(event.target.checked)}
                    />
                    {t('onlyValid', { invalid, count })}
                  </label>
                )}
              </>
            );
          })()}
        {stage.kind === 'conflict' && (
          <div role="alert">
            <p className="errors">{t('conflictTitle', { count: stage.conflicts.length })}</p>
            <p>{t('conflictHelp')}</p>
            <div className="dialog-scroll">
              <table className="data">
                <thead>
                  <tr>
                    <th>{t('colRegion')}</th>
                    <th>{t('colItem')}</th>
                    <th className="num">{t('colYear')}</th>
                    <th className="num">{t('colAtPreview')}</th>
                    <th className="num">{t('colNow')}</th>
                    <th>{t('colBy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {stage.conflicts.map((c) => {
                    const seen = [...stage.preview.changed, ...stage.preview.added].find(
                      (r) =>
                        r.itemId === c.itemId && r.regionId === c.regionId && r.year === c.year,
                    );
                    return (
                      <tr key={`${c.regionId}|${c.itemId}|${c.year}`}>
                        <td>{nameOfRegion(c.regionId)}</td>
                        <td>{nameOfItem(c.itemId)}</td>
                        <td className="num">{c.year}</td>
                        <td className="num">
                          {seen?.old ? formatCellValue(seen.old.value) : t('empty')}
                        </td>
                        <td className="num">
                          <strong>
                            {c.current ? formatCellValue(c.current.value) : t('empty')}
                          </strong>
                        </td>
                        <td className="muted">
                          {c.changedBy ?? '—'}
                          {c.changedAt ? ` · ${formatTime(c.changedAt)}` : ''}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
        )}
        {stage.kind === 'done' && (
          <p className="entry-notice entry-notice-ok" role="status">
            {stage.text}
          </p>
        )}
        {write.isPending && (
          <div className="entry-progress" data-testid="import-progress">
            <progress max={write.progress?.total ?? 1} value={write.progress?.done} />
            <span>
              {write.progress
                ? t('writing', { done: write.progress.done, total: write.progress.total })
                : t('writingStart')}
            </span>
          </div>
        )}
        {error && (
          <p className="errors" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          {stage.kind === 'preview' &&
            stage.preview.changed.length + stage.preview.added.length > 0 && (
              <button
                type="button"
                className="primary"
                disabled={
                  props.isReadOnly ||
                  write.isPending ||
                  (stage.preview.invalid.length > 0 && !onlyValid)
                }
                onClick={() => void commit(stage.name, stage.read, stage.preview)}
              >
                {stage.preview.invalid.length > 0
                  ? t('importValid', {
                      count: stage.preview.changed.length + stage.preview.added.length,
                    })
                  : t('importAll', {
                      count: stage.preview.changed.length + stage.preview.added.length,
                    })}
              </button>
            )}
          {stage.kind === 'conflict' && (
            <button
              type="button"
              className="primary"
              onClick={() =>
                void classify(stage.read).then((preview) =>
                  setStage({ kind: 'preview', name: stage.name, read: stage.read, preview }),
                )
              }
            >
              {t('again')}
            </button>
          )}
          {(stage.kind === 'refused' || stage.kind === 'preview') && (
            <button
              type="button"
              disabled={write.isPending}
              onClick={() => setStage({ kind: 'choose' })}
            >
              {t('chooseOther')}
            </button>
          )}
          <button
            type="button"
            disabled={write.isPending}
            onClick={() => props.onClose(stage.kind === 'done' ? stage.text : undefined)}
          >
            {stage.kind === 'done' ? t('close') : t('cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}

function PreviewView(props: {
  name: string;
  read: Extract<ReturnsFileResult, { ok: true }>;
  preview: ReturnsPreview;
  nameOfRegion: (id: string) => string;
  nameOfItem: (id: string) => string;
  statusWord: (s: 'final' | 'preliminary' | undefined) => string;
}) {
  const t = useT(importMessages);
  const { preview, read } = props;
  const format =
    read.format === 'template'
      ? t('formatTemplate')
      : read.format === 'xlsx'
        ? t('formatXlsx')
        : t('formatCsv', { encoding: read.encoding === 'gb18030' ? 'GBK' : 'UTF-8' });
  const writes = [...preview.changed, ...preview.added];
  const more = (count: number) =>
    count > SHOWN ? <p className="muted">{t('more', { count: count - SHOWN })}</p> : null;
  return (
    <div data-testid="import-preview">
      <p data-testid="import-summary">
        {t('summary', {
          name: props.name,
          format,
          added: preview.added.length,
          changed: preview.changed.length,
          unchanged: preview.unchanged.length,
          invalid: preview.invalid.length,
        })}
      </p>
      {read.warnings.length > 0 && (
        <div className="import-warnings">
          <p className="paste-warning">{t('warnings')}</p>
          <ul>
            {read.warnings.slice(0, 50).map((w, i) => (
              <li key={i} className="paste-warning">
                {w}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.invalid.length > 0 && (
        <>
          <h4 className="errors">{t('invalidTitle', { count: preview.invalid.length })}</h4>
          <p className="muted">{t('invalidHelp')}</p>
          <div className="dialog-scroll dialog-scroll-short">
            <table
              className="data"
              aria-label={t('invalidTitle', { count: preview.invalid.length })}
            >
              <thead>
                <tr>
                  <th>{t('colPlace')}</th>
                  <th>{t('colText')}</th>
                  <th>{t('colProblem')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.invalid.slice(0, SHOWN).map((p, i) => (
                  <tr key={i} className="invalid">
                    <td>{p.place}</td>
                    <td className="pasted-text">{p.text}</td>
                    <td className="errors">{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more(preview.invalid.length)}
        </>
      )}
      {writes.length > 0 && (
        <>
          <h4>{t('changesTitle', { count: writes.length })}</h4>
          <div className="dialog-scroll">
            <table className="data" aria-label={t('changesTitle', { count: writes.length })}>
              <thead>
                <tr>
                  <th />
                  <th>{t('colPlace')}</th>
                  <th>{t('colRegion')}</th>
                  <th>{t('colItem')}</th>
                  <th className="num">{t('colYear')}</th>
                  <th className="num">{t('colOld')}</th>
                  <th className="num">{t('colNew')}</th>
                  <th>{t('colStatus')}</th>
                  <th>{t('colNote')}</th>
                </tr>
              </thead>
              <tbody>
                {writes.slice(0, SHOWN).map((r) => (
                  <tr
                    key={`${r.regionId}|${r.itemId}|${r.year}`}
                    className={r.old ? 'overwrite' : undefined}
                  >
                    <td>{r.old ? t('kindChanged') : t('kindAdded')}</td>
                    <td className="muted">{r.place}</td>
                    <td>{props.nameOfRegion(r.regionId)}</td>
                    <td>{props.nameOfItem(r.itemId)}</td>
                    <td className="num">{r.year}</td>
                    <td className="num">{r.old ? formatCellValue(r.old.value) : ''}</td>
                    <td className="num">
                      <strong>{formatCellValue(r.value)}</strong>
                    </td>
                    <td>
                      {r.old && r.dataStatus && r.dataStatus !== r.old.dataStatus
                        ? `${props.statusWord(r.old.dataStatus)} → ${props.statusWord(r.dataStatus)}`
                        : // A new value without a status is stored as 初步 (saveValues); only a
                          // changed one keeps its old status ("不变").
                          props.statusWord(r.dataStatus ?? (r.old ? undefined : 'preliminary'))}
                    </td>
                    <td className="muted">{r.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more(writes.length)}
        </>
      )}
      {preview.unchanged.length > 0 && (
        <details>
          <summary>{t('unchangedTitle', { count: preview.unchanged.length })}</summary>
          <ul className="muted import-unchanged">
            {preview.unchanged.slice(0, SHOWN).map((r) => (
              <li key={`${r.regionId}|${r.itemId}|${r.year}`}>
                {r.place} {props.nameOfRegion(r.regionId)} · {props.nameOfItem(r.itemId)} · {r.year}
                ：{formatCellValue(r.value)}
              </li>
            ))}
          </ul>
          {more(preview.unchanged.length)}
        </details>
      )}
    </div>
  );
}
