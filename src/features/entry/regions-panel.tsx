import { memo, useState } from 'react';
import type { RegionRow } from '../../db/database';
import { useT } from '../../shared/i18n';
import { Section } from '../../shared/page';
import { entryMessages, type EntryMessageKey } from './messages';
import { useRegionMutations } from './queries';

const LEVELS: Array<[string, EntryMessageKey]> = [
  ['county', 'levelCounty'],
  ['district', 'levelDistrict'],
  ['county-level-city', 'levelCountyCity'],
  ['town', 'levelTown'],
  ['subdistrict', 'levelSubdistrict'],
  ['city', 'levelCity'],
];

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Add, rename and archive a plan's regions; archiving hides a region from entry, never its data.
 * Kept while its props are the same: the entry page re-renders on every move of the active cell,
 * and a province lists 200 regions here.
 */
export const RegionsPanel = memo(function RegionsPanel({
  planId,
  regions,
  isReadOnly,
}: {
  planId: string;
  regions: RegionRow[];
  isReadOnly: boolean;
}) {
  const t = useT(entryMessages);
  const { add, update } = useRegionMutations(planId);
  const [name, setName] = useState('');
  const [level, setLevel] = useState('county');
  const levelLabel = (code: string) => {
    const found = LEVELS.find(([c]) => c === code);
    return found ? t(found[1]) : code;
  };
  return (
    <Section title={t('regionsTitle')}>
      <p className="muted">{t('regionsHelp')}</p>
      <table className="data regions-table" aria-label={t('regionsTitle')}>
        <thead>
          <tr>
            <th>{t('regionName')}</th>
            <th>{t('regionLevel')}</th>
            <th>{t('regionStatus')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {regions.map((region) => (
            <RegionLine
              key={region.key}
              region={region}
              levelLabel={levelLabel(region.level)}
              isReadOnly={isReadOnly}
              onRename={(newName) =>
                update.mutateAsync({ key: region.key, changes: { name: newName } })
              }
              onArchive={(archived) => update.mutate({ key: region.key, changes: { archived } })}
            />
          ))}
        </tbody>
      </table>
      <form
        className="toolbar region-add"
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate({ name, level }, { onSuccess: () => setName('') });
        }}
      >
        <label>
          {t('newRegionName')}
          <input value={name} onChange={(e) => setName(e.target.value)} disabled={isReadOnly} />
        </label>
        <label>
          {t('regionLevel')}
          <select value={level} onChange={(e) => setLevel(e.target.value)} disabled={isReadOnly}>
            {LEVELS.map(([code, key]) => (
              <option key={code} value={code}>
                {t(key)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={isReadOnly}>
          {t('addRegion')}
        </button>
      </form>
      {(add.error || update.error) && (
        <p className="errors" role="alert">
          {errorText(add.error ?? update.error)}
        </p>
      )}
    </Section>
  );
});

function RegionLine({
  region,
  levelLabel,
  isReadOnly,
  onRename,
  onArchive,
}: {
  region: RegionRow;
  levelLabel: string;
  isReadOnly: boolean;
  onRename: (name: string) => Promise<unknown>;
  onArchive: (archived: boolean) => void;
}) {
  const t = useT(entryMessages);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <tr className={region.archived ? 'is-archived' : undefined}>
      <td>
        {editing === null ? (
          region.name
        ) : (
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              void onRename(editing).then(
                () => setEditing(null),
                () => {},
              );
            }}
          >
            <input
              autoFocus
              aria-label={t('regionName')}
              value={editing}
              onChange={(e) => setEditing(e.target.value)}
            />
            <button type="submit">{t('save')}</button>
            <button type="button" onClick={() => setEditing(null)}>
              {t('cancel')}
            </button>
          </form>
        )}
      </td>
      <td>
        {levelLabel}{' '}
        <span className="badge">
          {region.isFromCatalog ? t('regionFromCatalog') : t('regionAdded')}
        </span>
      </td>
      <td>{region.archived ? t('regionArchived') : t('regionActive')}</td>
      <td className="row-actions">
        {editing === null && (
          <button type="button" disabled={isReadOnly} onClick={() => setEditing(region.name)}>
            {t('rename')}
          </button>
        )}
        <button type="button" disabled={isReadOnly} onClick={() => onArchive(!region.archived)}>
          {region.archived ? t('restore') : t('archive')}
        </button>
      </td>
    </tr>
  );
}
