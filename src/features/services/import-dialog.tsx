import { useEffect, useRef, useState } from 'react';
import { RecordConflictError } from '../../db/errors';
import {
  previewChecklist,
  type ChecklistPreview,
  type PreviewKind,
} from '../../domain/implementation/import-preview';
import { implementationLabel } from '../../domain/wording/implementation';
import { useLocale, useT } from '../../shared/i18n';
import { useRegions } from '../../shared/regions';
import { servicesMessages } from './messages';
import { useSaveImplementation } from './queries';
import type { ViewProps } from './view-props';

/** Larger files are refused before they are read (the reader's zip limit is the same). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

interface Loaded {
  fileName: string;
  regionId: string;
  regionName: string;
  year: number;
  preview: ChecklistPreview;
  warnings: string[];
}

/**
 * 导入落实情况表: a filled checklist sheet is read (exceljs, loaded here only), previewed row by
 * row (new / changed old → new / unchanged / blank / invalid with the cell and the reason), and
 * imported all at once or not at all: any invalid row stops it. The versions shown as 原值 are
 * stated by the write, so a change made meanwhile refuses the import instead of being overwritten.
 * (#12's spreadsheet import of values had no preview component on main when this was built.)
 */
export function ImportDialog({
  plan,
  results,
  tracking,
  onClose,
  onImported,
}: Pick<ViewProps, 'plan' | 'results' | 'tracking'> & {
  onClose: () => void;
  onImported: (message: string, regionId: string, year: number) => void;
}) {
  const t = useT(servicesMessages);
  const { locale } = useLocale();
  const save = useSaveImplementation(
    plan,
    results.regions.map((r) => r.regionId),
  );
  const storedRegions = useRegions(plan);
  const dialogRef = useRef<HTMLDivElement>(null);
  useEffect(() => dialogRef.current?.focus(), []);
  const [isReading, setReading] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);

  const read = async (file: File) => {
    setErrors([]);
    setLoaded(null);
    setConflict(null);
    if (file.size > MAX_FILE_BYTES) {
      setErrors([t('fileTooLarge', { mb: MAX_FILE_BYTES / 1024 / 1024 })]);
      return;
    }
    setReading(true);
    try {
      const { readChecklistSheet } = await import('../../domain/spreadsheet/checklist-sheet');
      const result = await readChecklistSheet(await file.arrayBuffer(), plan);
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      if (!results.regions.some((r) => r.regionId === result.regionId)) {
        // Archived regions keep their data but leave every page: say so, not "unknown".
        const archived = storedRegions.data?.some(
          (r) => r.regionId === result.regionId && r.archived === 1,
        );
        setErrors([
          t(archived ? 'regionArchived' : 'regionMissing', { region: result.regionName }),
        ]);
        return;
      }
      setLoaded({
        fileName: file.name,
        regionId: result.regionId,
        regionName:
          results.regions.find((r) => r.regionId === result.regionId)?.name ?? result.regionName,
        year: result.year,
        preview: previewChecklist(result.rows, tracking.records, {
          planId: plan.id,
          regionId: result.regionId,
          year: result.year,
        }),
        warnings: result.warnings,
      });
    } catch (e) {
      setErrors([t('failed', { message: (e as Error).message ?? String(e) })]);
    } finally {
      setReading(false);
    }
  };

  const commit = async () => {
    if (!loaded) return;
    try {
      const result = await save.mutateAsync(loaded.preview.inputs);
      onImported(t('imported', { count: result.written.length }), loaded.regionId, loaded.year);
    } catch (e) {
      if (e instanceof RecordConflictError) {
        const names = e.conflicts.map((c) => {
          const subjectId = c.key.split('|')[2] ?? c.key;
          return (
            loaded.preview.rows.find((r) => r.row.subject.id === subjectId)?.row.name ?? subjectId
          );
        });
        setConflict(t('importConflict', { count: names.length, list: names.join('、') }));
      } else {
        setConflict(t('failed', { message: (e as Error).message ?? String(e) }));
      }
    }
  };

  const counts = loaded?.preview.counts;
  const listed: PreviewKind[] = ['invalid', 'new', 'changed'];
  return (
    <div className="services-dialog-backdrop">
      <div
        className="services-dialog services-dialog-wide"
        role="dialog"
        aria-modal="true"
        aria-label={t('importTitle')}
        // Focus moves into the dialog when it opens, so Escape closes it (evaluator trial).
        tabIndex={-1}
        ref={dialogRef}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
        }}
      >
        <h3>{t('importTitle')}</h3>
        <p className="muted small">{t('importHelp')}</p>
        <label className="field">
          <span>{t('chooseFile')}</span>
          <input
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="import-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void read(file);
            }}
          />
        </label>
        {isReading && <p className="muted">{t('reading')}</p>}
        {errors.length > 0 && (
          <ul className="errors" role="alert" data-testid="import-errors">
            {errors.map((error, i) => (
              <li key={i}>{error}</li>
            ))}
          </ul>
        )}
        {loaded && counts && (
          <div data-testid="import-preview">
            <p>
              {t('fileFor', {
                file: loaded.fileName,
                region: loaded.regionName,
                year: loaded.year,
              })}
            </p>
            <p className="preview-counts" data-testid="import-counts">
              {t('previewCounts', counts)}
            </p>
            <div className="dialog-scroll">
              <table className="data preview-table">
                <thead>
                  <tr>
                    <th>{t('previewRow')}</th>
                    <th>{t('item')}</th>
                    <th />
                    <th>{t('previewBefore')}</th>
                    <th>{t('previewAfter')}</th>
                  </tr>
                </thead>
                <tbody>
                  {listed.flatMap((kind) =>
                    loaded.preview.rows
                      .filter((r) => r.kind === kind)
                      .map((r) => (
                        <tr key={r.row.row} className={`preview-${kind}`} data-kind={kind}>
                          <td className="num">{r.row.row}</td>
                          <td>{r.row.name}</td>
                          <td className="nowrap">{t(`kind_${kind}`)}</td>
                          {kind === 'invalid' ? (
                            <td colSpan={2} className="invalid-reason">
                              {r.row.errors.join('；')}
                            </td>
                          ) : (
                            <>
                              <td className="small">
                                {r.before ? implementationLabel(r.before.status, locale) : '—'}
                                {r.changes.map((c) => (
                                  <div key={c.field} className="muted">
                                    {t(`field_${c.field}`)}：{c.before || '—'}
                                  </div>
                                ))}
                              </td>
                              <td className="small" data-testid="preview-after">
                                {r.row.status ? implementationLabel(r.row.status, locale) : '—'}
                                {kind === 'changed'
                                  ? r.changes.map((c) => (
                                      <div
                                        key={c.field}
                                        className={c.after ? 'muted' : 'form-error'}
                                      >
                                        {t(`field_${c.field}`)}：{c.after || t('willClear')}
                                      </div>
                                    ))
                                  : [r.row.evidence, r.row.documentRef]
                                      .filter(Boolean)
                                      .map((text) => (
                                        <div key={text} className="muted">
                                          {text}
                                        </div>
                                      ))}
                              </td>
                            </>
                          )}
                        </tr>
                      )),
                  )}
                </tbody>
              </table>
            </div>
            {loaded.warnings.length > 0 && (
              <ul className="muted small">
                {loaded.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            )}
            {counts.invalid > 0 && (
              <p className="form-error">{t('cannotCommitInvalid', { count: counts.invalid })}</p>
            )}
            {counts.invalid === 0 && !loaded.preview.canCommit && (
              <p className="muted">{t('cannotCommitNothing')}</p>
            )}
          </div>
        )}
        {conflict && (
          <p className="form-error" role="alert">
            {conflict}
          </p>
        )}
        <div className="dialog-actions">
          <button
            type="button"
            className="primary"
            disabled={!loaded?.preview.canCommit || save.isPending || conflict !== null}
            onClick={() => void commit()}
          >
            {t('commitImport', { count: loaded?.preview.inputs.length ?? 0 })}
          </button>
          <button type="button" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      </div>
    </div>
  );
}
