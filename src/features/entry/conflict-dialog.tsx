import type { ValueConflict } from '../../db/errors';
import type { ValueInput } from '../../db/values';
import { useT } from '../../shared/i18n';
import { formatCellValue, formatTime } from './grid-model';
import { entryMessages } from './messages';

const cellId = (c: { itemId: string; regionId: string; year: number }) =>
  `${c.itemId}|${c.regionId}|${c.year}`;

/**
 * Shown when a save would replace values changed since they were read (another tab, an import):
 * each such cell with the value stored now, who wrote it and when, next to the user's own. The
 * user chooses; until then nothing of the save is stored.
 */
export function ConflictDialog(props: {
  conflicts: readonly ValueConflict[];
  inputs: readonly ValueInput[];
  labelOf: (cell: { itemId: string; regionId: string }) => string;
  onKeepTheirs: () => void;
  onWriteMine: () => void;
}) {
  const t = useT(entryMessages);
  const mine = new Map(props.inputs.map((i) => [cellId(i), i]));
  const rest = props.inputs.length - props.conflicts.length;
  const valueText = (value: number | null | undefined) =>
    value === null || value === undefined ? t('emptyValue') : formatCellValue(value);
  return (
    <div className="entry-dialog-backdrop">
      <div
        className="entry-dialog entry-dialog-wide"
        role="dialog"
        aria-modal="true"
        aria-label={t('conflictTitle')}
        onKeyDown={(event) => {
          if (event.key === 'Escape') props.onKeepTheirs();
        }}
      >
        <h3>{t('conflictTitle')}</h3>
        <p>{t('conflictHelp')}</p>
        <div className="dialog-scroll">
          <table className="data conflict-table">
            <thead>
              <tr>
                <th>{t('colItem')}</th>
                <th className="num">{t('pasteColYear')}</th>
                <th className="num">{t('conflictColStored')}</th>
                <th>{t('conflictColBy')}</th>
                <th className="num">{t('conflictColMine')}</th>
              </tr>
            </thead>
            <tbody>
              {props.conflicts.map((c) => (
                <tr key={cellId(c)}>
                  <td>{props.labelOf(c)}</td>
                  <td className="num">{c.year}</td>
                  <td className="num">
                    <strong>{valueText(c.current?.value)}</strong>
                  </td>
                  <td className="muted">
                    {c.changedBy ?? '—'}
                    {c.changedAt ? ` · ${formatTime(c.changedAt)}` : ''}
                  </td>
                  <td className="num">{valueText(mine.get(cellId(c))?.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {rest > 0 && <p className="muted">{t('conflictRest', { count: rest })}</p>}
        <div className="dialog-actions">
          <button type="button" className="primary" autoFocus onClick={props.onKeepTheirs}>
            {t('keepTheirs')}
          </button>
          <button type="button" onClick={props.onWriteMine}>
            {t('writeMine')}
          </button>
        </div>
      </div>
    </div>
  );
}
