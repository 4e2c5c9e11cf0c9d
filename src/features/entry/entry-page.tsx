import { useMemo, useState } from 'react';
import type { RegionRow } from '../../db/database';
import { UndoRefusedError } from '../../db/errors';
import { planAreaOf } from '../../db/regions';
import {
  planCalendar,
  planItems,
  type JudgedResult,
  type PlanItem,
} from '../../domain/assessment/plan';
import type { Plan } from '../../domain/catalog/schema';
import { interpretTarget } from '../../domain/assessment/target-rule';
import { valueRuleFor } from '../../domain/observations/value-rules';
import { targetText } from '../../domain/wording/target';
import { useDataset } from '../../shared/dataset';
import { useT } from '../../shared/i18n';
import { useObservations, useValues } from '../../shared/observations';
import { EmptyState, Section, type FeaturePageProps } from '../../shared/page';
import { useRegions } from '../../shared/regions';
import { useSearchParams } from '../../shared/address';
import { defaultYearOf, useRegionResults } from '../../shared/plan-results';
import { StatusBadge } from '../../shared/status-badge';
import { ProgressText, useWording } from '../../shared/wording';
import { useAuthorName } from '../../shared/settings';
import { CellDetail, type DetailCell } from './cell-detail';
import { EntryGrid, type GridRow, type Notice } from './entry-grid';
import './entry.css';
import { cellKey, formatCellValue, formatTime, gridYears, indexObservations } from './grid-model';
import { entryMessages } from './messages';
import { useSaveValues, useUndoAction } from './queries';
import { useIsSlow, useLeaveGuard } from './write-guard';
import { RegionsPanel } from './regions-panel';
import { ImportDialog } from './import-dialog';
import { importMessages } from './import-messages';
import { ItemSelect } from '../../shared/selectors';

type View = 'region' | 'indicator';

/** The row's live status and completion, the judged result every page shows. */
function StatusCells({ plan, result }: { plan: Plan; result: JudgedResult | undefined }) {
  const wording = useWording();
  if (!result) return <td colSpan={2} />;
  return (
    <>
      <td title={wording.sentence(plan, result)}>
        <StatusBadge status={result.effectiveStatus} isProvisional={result.isProvisional} />
      </td>
      <td
        className="num"
        title={result.progress.value === null ? undefined : wording.percent(result.progress.value)}
      >
        {/* Far past the target ">100%"; the exact figure stays in the tooltip. */}
        <ProgressText figure={result.progress} unit={result.unit} />
      </td>
    </>
  );
}

export default function EntryPage({ entry }: FeaturePageProps) {
  const t = useT(entryMessages);
  const ti = useT(importMessages);
  const plan = entry.plan;
  const [isImporting, setImporting] = useState(false);
  const [search, setParams] = useSearchParams('entry');
  const { isBlockedByUpgrade, undoHistory } = useDataset();
  const author = useAuthorName();
  const regionsQuery = useRegions(plan);
  // The plan's values, for the default as-of year every page shares (and the statuses).
  const planValuesQuery = useObservations(plan.id);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [activeCell, setActiveCell] = useState<{
    itemId: string;
    regionId: string;
    year: number;
  } | null>(null);

  const view: View = search.view ?? 'region';
  const showArchived = search.archived === '1';
  // Grouped by domain in the plan's order: the prose targets join their domain's indicators.
  const items = useMemo(() => {
    const order = new Map(plan.domains.map((d, index) => [d.id, index]));
    const rank = (domain: string) => order.get(domain) ?? order.size;
    return planItems(plan)
      .map((item, index) => ({ item, index }))
      .sort((a, b) => rank(a.item.domain) - rank(b.item.domain) || a.index - b.index)
      .map(({ item }) => item);
  }, [plan]);
  const years = useMemo(() => gridYears(plan.baseYear, plan.period.end), [plan]);
  const regions = useMemo(() => regionsQuery.data ?? [], [regionsQuery.data]);
  const visibleRegions = useMemo(
    () => regions.filter((r) => showArchived || !r.archived),
    [regions, showArchived],
  );
  const regionParam = search.region;
  const region: RegionRow | undefined =
    regions.find((r) => r.regionId === regionParam && (showArchived || !r.archived)) ??
    visibleRegions[0];
  const item: PlanItem | undefined = items.find((i) => i.id === search.item) ?? items[0];
  // The plan's own area as stored with its regions (never found by name or position).
  const ownRegion = planAreaOf(regions)?.regionId;
  // The grid reads only what it shows, by key range: one region's values, or one item's across
  // regions, each with the version a write of it states.
  const observationsQuery = useValues(
    plan.id,
    view === 'region' ? { regionId: region?.regionId } : { itemId: item?.id },
  );
  const save = useSaveValues(plan, ownRegion);
  const undo = useUndoAction(plan);
  const isWriting = save.isPending || undo.isPending;
  const isSlowWrite = useIsSlow(isWriting);
  useLeaveGuard(isWriting);
  const observations = useMemo(
    () => indexObservations(observationsQuery.data),
    [observationsQuery.data],
  );
  const domainNames = useMemo(
    () => new Map(plan.domains.map((d) => [d.id, d.name])),
    [plan.domains],
  );

  // The one default of every page: the latest year of the period with any value. The as-of
  // year is `year`, as on every page (an old `asof=` link is read as `year`).
  const autoYear = defaultYearOf(plan, planValuesQuery.data?.latestYear ?? null);
  const asOfYear = search.year ?? autoYear;

  // By indicator, each region's row shows one item: only that item is assessed per region.
  const resultsByRegion = useRegionResults(
    plan,
    view === 'region' ? (region ? [region] : []) : regions,
    asOfYear,
    view === 'region' ? undefined : item?.id,
  );

  // Kept while nothing they show changes: the grid redraws only the rows whose props changed, so
  // moving the active cell (which re-renders this page) leaves the rows alone. Each row object is
  // kept too while what it is built from is the same (its region, item, result): after a save
  // only the row of the region written is a new object.
  const [keptRows] = useState(() => new Map<string, { deps: unknown[]; row: GridRow }>());
  const gridRows: GridRow[] = useMemo(() => {
    const keep = (key: string, deps: unknown[], build: () => GridRow) => {
      const before = keptRows.get(key);
      if (
        before &&
        before.deps.length === deps.length &&
        before.deps.every((d, i) => d === deps[i])
      )
        return before.row;
      const row = build();
      keptRows.set(key, { deps, row });
      return row;
    };
    if (view === 'region') {
      if (!region) return [];
      const results = resultsByRegion.get(region.regionId);
      const isOwn = region.regionId === ownRegion;
      return items.map((i) =>
        keep(
          `${region.key}|${i.id}`,
          [i, region, isOwn, results?.get(i.id), plan, t, domainNames],
          () => ({
            key: i.id,
            itemId: i.id,
            regionId: region.regionId,
            unit: i.unit,
            rule: valueRuleFor(i),
            isCumulative: i.kind === 'cumulative',
            catalogBaseline: isOwn ? (i.baseline?.value ?? null) : null,
            catalogBaselineRaw: isOwn ? (i.baseline?.raw ?? null) : null,
            group: domainNames.get(i.domain) ?? i.domain,
            label: i.name,
            leading: (
              <>
                <th scope="row" className="item-name">
                  {i.name}
                  {i.itemType === 'textTarget' && <span className="badge">{t('textTarget')}</span>}
                  {/* A period total: each year's cell takes that year's amount, never a running total. */}
                  {i.kind === 'cumulative' && (
                    <div className="muted small cumulative-hint">{t('enterYearlyAmounts')}</div>
                  )}
                </th>
                <td className="unit">{i.unit ?? ''}</td>
                <td className="num muted" title={isOwn ? undefined : t('areaBaselineHint')}>
                  {i.baseline?.raw ?? ''}
                </td>
                <td className="num muted target-raw">
                  {targetText(i, interpretTarget(i, i.baseline?.value ?? null), planCalendar(plan))}
                </td>
              </>
            ),
            trailing: <StatusCells plan={plan} result={results?.get(i.id)} />,
          }),
        ),
      );
    }
    if (!item) return [];
    return visibleRegions.map((r) => {
      const isOwn = r.regionId === ownRegion;
      const result = resultsByRegion.get(r.regionId)?.get(item.id);
      return keep(`${r.key}|${item.id}`, [r, item, isOwn, result, plan, t], () => ({
        key: r.key,
        itemId: item.id,
        regionId: r.regionId,
        unit: item.unit,
        rule: valueRuleFor(item),
        isCumulative: item.kind === 'cumulative',
        catalogBaseline: isOwn ? (item.baseline?.value ?? null) : null,
        catalogBaselineRaw: isOwn ? (item.baseline?.raw ?? null) : null,
        group: null,
        label: `${item.name} · ${r.name}`,
        leading: (
          <th scope="row" className="item-name">
            {r.name}
            {r.archived ? <span className="muted">{t('archivedSuffix')}</span> : null}
          </th>
        ),
        trailing: <StatusCells plan={plan} result={result} />,
      }));
    });
  }, [
    view,
    region,
    resultsByRegion,
    ownRegion,
    items,
    domainNames,
    plan,
    t,
    item,
    visibleRegions,
    keptRows,
  ]);

  const describeCell = (c: { itemId: string; regionId: string; year: number }) => {
    const itemName = items.find((i) => i.id === c.itemId)?.name ?? c.itemId;
    const regionName = regions.find((r) => r.regionId === c.regionId)?.name ?? c.regionId;
    return `${itemName} · ${regionName} ${c.year}`;
  };

  const notify = (n: Notice) => setNotice(n);
  // A notice of a save stops saying 已保存 once a saved cell holds another version (another tab
  // wrote it): it says what is stored instead.
  const superseded = notice?.saved?.find((c) => {
    const stored = observations.get(cellKey(c.itemId, c.regionId, c.year));
    return stored !== undefined && stored.version !== c.version;
  });
  const supersededBy = superseded
    ? observations.get(cellKey(superseded.itemId, superseded.regionId, superseded.year))
    : undefined;
  const noticeText =
    superseded && supersededBy
      ? t('savedSuperseded', {
          what: describeCell(superseded),
          value: formatCellValue(supersededBy.value),
          by: supersededBy.updatedBy,
          at: formatTime(supersededBy.updatedAt),
        })
      : (notice?.text ?? '');
  const isReadOnly = isBlockedByUpgrade;

  const detailCell: DetailCell | null = activeCell
    ? {
        planId: plan.id,
        itemId: activeCell.itemId,
        regionId: activeCell.regionId,
        year: activeCell.year,
        itemName: items.find((i) => i.id === activeCell.itemId)?.name ?? activeCell.itemId,
        regionName:
          regions.find((r) => r.regionId === activeCell.regionId)?.name ?? activeCell.regionId,
        unit: items.find((i) => i.id === activeCell.itemId)?.unit ?? null,
        isBaseYear: activeCell.year === plan.baseYear,
      }
    : null;

  /** Undoes this tab's newest action in the view: this region, or this item. */
  const doUndo = () => {
    if (isReadOnly) return;
    const action = undoHistory.latest(
      view === 'region'
        ? { planId: plan.id, regionId: region?.regionId ?? '' }
        : { planId: plan.id, itemId: item?.id ?? '' },
    );
    if (!action) {
      setNotice({ kind: 'info', text: t('undoNothing') });
      return;
    }
    undo.mutate(action.actionId, {
      onSuccess: (result) => {
        const first = result?.cells[0];
        if (!result || !first) {
          setNotice({ kind: 'info', text: t('undoNothing') });
          return;
        }
        setNotice({
          kind: 'ok',
          text:
            result.cells.length > 1
              ? t('undoBatchDone', { count: result.cells.length, what: describeCell(first) })
              : t('undoDone', { what: describeCell(first) }),
        });
      },
      onError: (error) => {
        const first = error instanceof UndoRefusedError ? error.changed[0] : undefined;
        if (!(error instanceof UndoRefusedError) || !first) {
          setNotice({ kind: 'error', text: String(error) });
          return;
        }
        const facts = {
          what: describeCell(first),
          by: first.changedBy ?? '',
          at: first.changedAt ? formatTime(first.changedAt) : '',
        };
        const more = error.changed.length - 1;
        setNotice({
          kind: 'error',
          text: [
            first.current
              ? t('undoRefused', { ...facts, value: formatCellValue(first.current.value) })
              : t('undoRefusedCleared', facts),
            more > 0 ? t('undoRefusedMore', { count: more }) : '',
          ]
            .filter(Boolean)
            .join(' '),
        });
      },
    });
  };

  return (
    <div className="entry-page">
      <Section
        title={t('title')}
        actions={
          <>
            <button
              type="button"
              onClick={() => setImporting(true)}
              disabled={isBlockedByUpgrade}
              data-testid="import-open"
            >
              {ti('open')}
            </button>
            <div className="view-switch" role="group">
              {(['region', 'indicator'] as const).map((v) => (
                <button
                  key={v}
                  type="button"
                  aria-pressed={view === v}
                  className={view === v ? 'primary' : undefined}
                  onClick={() => setParams({ view: v === 'region' ? null : v })}
                >
                  {v === 'region' ? t('viewByRegion') : t('viewByIndicator')}
                </button>
              ))}
            </div>
          </>
        }
      >
        <div className="toolbar">
          {view === 'region' ? (
            <label>
              {t('region')}
              <select
                value={region?.regionId ?? ''}
                onChange={(event) => setParams({ region: event.target.value })}
              >
                {visibleRegions.map((r) => (
                  <option key={r.key} value={r.regionId}>
                    {r.name}
                    {r.archived ? t('archivedSuffix') : ''}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label>
              {t('indicator')}
              <ItemSelect
                plan={plan}
                items={items}
                value={item?.id ?? ''}
                onChange={(id) => setParams({ item: id })}
                label={t('indicator')}
              />
            </label>
          )}
          <label>
            <input
              type="checkbox"
              checked={showArchived}
              onChange={(event) => setParams({ archived: event.target.checked ? '1' : null })}
            />
            {t('showArchived')}
          </label>
          <label>
            {t('asOf')}
            <select
              value={search.year ?? ''}
              onChange={(event) => setParams({ year: event.target.value || null })}
            >
              <option value="">{t('asOfAuto', { year: autoYear })}</option>
              {years
                .filter((y) => y >= plan.period.start)
                .map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
            </select>
          </label>
          <button type="button" onClick={doUndo} disabled={isReadOnly || undo.isPending}>
            {t('undo')}
          </button>
          <span className="muted">{t('author', { name: author })}</span>
        </div>
        {view === 'indicator' && item && (
          <p className="muted item-facts">
            {t('itemUnit', { unit: item.unit ?? '—' })} ·{' '}
            {t('itemBaseline', { value: item.baseline?.raw ?? '—' })} ·{' '}
            {t('itemTarget', { value: item.target?.raw ?? '—' })}
          </p>
        )}
        <p className="muted keyboard-help">{t('keyboardHelp')}</p>
        {isBlockedByUpgrade && (
          <p className="errors" role="alert">
            {t('blocked')}
          </p>
        )}
        <div
          className={`entry-notice ${notice ? `entry-notice-${superseded ? 'info' : notice.kind}` : ''}`}
          role="status"
          aria-live="polite"
          data-testid="entry-notice"
        >
          {save.isPending ? t('saving') : noticeText}
        </div>
        {isSlowWrite && (
          <div className="entry-progress" data-testid="entry-progress">
            <progress
              max={save.progress?.total ?? 1}
              value={save.progress?.done}
              aria-label={t('saving')}
            />
            <span>
              {t('savingProgress', {
                done: save.progress?.done ?? 0,
                total: save.progress?.total ?? '…',
              })}
            </span>
          </div>
        )}
        {gridRows.length === 0 ? (
          <EmptyState>{t('noRegions')}</EmptyState>
        ) : (
          <div className="entry-layout">
            <EntryGrid
              key={`${plan.id}|${view}`}
              planId={plan.id}
              rows={gridRows}
              years={years}
              baseYear={plan.baseYear}
              planAreaId={ownRegion}
              label={
                view === 'region'
                  ? `${t('title')} · ${region?.name ?? ''}`
                  : `${t('title')} · ${item?.name ?? ''}`
              }
              headLeading={
                view === 'region' ? (
                  <>
                    <th scope="col">{t('colItem')}</th>
                    <th scope="col">{t('colUnit')}</th>
                    <th scope="col" className="num">
                      {t('colBaseline')}
                    </th>
                    <th scope="col" className="num">
                      {t('colTarget')}
                    </th>
                  </>
                ) : (
                  <th scope="col">{t('colRegion')}</th>
                )
              }
              headTrailing={
                <>
                  <th scope="col">{t('colStatus')}</th>
                  <th scope="col" className="num">
                    {t('colProgress')}
                  </th>
                </>
              }
              observations={observations}
              isReadOnly={isReadOnly}
              onActiveCell={setActiveCell}
              save={(inputs) => save.mutateAsync(inputs)}
              undo={doUndo}
              notify={notify}
            />
            <aside className="entry-side">
              <h2>{t('detailTitle')}</h2>
              <CellDetail
                cell={detailCell}
                obs={
                  activeCell
                    ? observations.get(
                        cellKey(activeCell.itemId, activeCell.regionId, activeCell.year),
                      )
                    : undefined
                }
                isReadOnly={isReadOnly}
                save={(inputs) => save.mutateAsync(inputs)}
              />
            </aside>
          </div>
        )}
      </Section>
      {/* Below the grid, usually out of view: the browser skips its style and layout until it
          is scrolled to (a province lists 200 regions), so a key in the grid lays out less. */}
      <div className="entry-regions">
        <RegionsPanel planId={plan.id} regions={regions} isReadOnly={isReadOnly} />
      </div>
      {isImporting && (
        <ImportDialog
          key={plan.id}
          plan={plan}
          regions={regions}
          planAreaId={ownRegion}
          isReadOnly={isReadOnly}
          onClose={(text) => {
            setImporting(false);
            if (text) setNotice({ kind: 'ok', text });
          }}
        />
      )}
    </div>
  );
}
