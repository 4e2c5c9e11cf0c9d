import { useMemo, useState, type ReactNode } from 'react';
import { RecordUndoRefusedError, UndoRefusedError } from '../../db/errors';
import { planAreaOf } from '../../db/regions';
import { useSearchParams } from '../../shared/address';
import { useDataset } from '../../shared/dataset';
import { useT } from '../../shared/i18n';
import { EmptyState, Section, type FeaturePageProps } from '../../shared/page';
import { periodYears, usePlanResults } from '../../shared/plan-results';
import { buildHref, type ServicesView } from '../../shared/search';
import { RegionSelect, YearSelect } from '../../shared/selectors';
import { useServiceTracking } from '../../shared/service-tracking';
import { useWording } from '../../shared/wording';
import { ChecklistView } from './checklist-view';
import { ImportDialog } from './import-dialog';
import { ItemView } from './item-view';
import { servicesMessages } from './messages';
import { subjectInfo, subjectOf } from './parts';
import { useUndoServices } from './queries';
import { valueKey, type ValueLookup } from './standard-values';
import { StandardsView } from './standards-view';
import { SurveysView } from './surveys-view';
import { UnitsView } from './units-view';
import type { ViewProps } from './view-props';
import './services.css';

const TABS: ReadonlyArray<
  [ServicesView, 'viewChecklist' | 'viewStandards' | 'viewUnits' | 'viewSurveys']
> = [
  ['checklist', 'viewChecklist'],
  ['standards', 'viewStandards'],
  ['units', 'viewUnits'],
  ['surveys', 'viewSurveys'],
];

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function saveBytes(name: string, bytes: ArrayBuffer, type: string) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * 服务清单: the tracking of the plan's service list and key tasks for a region and year. Its
 * views (落实清单, 数值标准, 按责任单位, 满意度调查) and an item's page each have their own address
 * (`#/services?plan=zhoucun&view=units&unit=education-sports&year=2018`).
 */
export default function ServicesPage({ entry }: FeaturePageProps) {
  const t = useT(servicesMessages);
  const wording = useWording();
  const plan = entry.plan;
  const { dataset } = useDataset();
  const [search, setSearch] = useSearchParams('services');
  const results = usePlanResults(
    plan,
    { regionId: search.region, year: search.year },
    { rows: true },
  );
  const tracking = useServiceTracking(plan, results);
  // Every stored value of the plan, numeric standards included (usePlanResults read them once).
  const planValues = results.planValues;
  const values: ValueLookup = useMemo(
    () => new Map((planValues?.rows ?? []).map((o) => [valueKey(o.itemId, o.regionId, o.year), o])),
    [planValues],
  );
  const { region, year, regions } = results;
  const planAreaId = planAreaOf(regions)?.regionId;
  const undo = useUndoServices(plan, region?.regionId);
  const [notice, setNotice] = useState<string | null>(null);
  const [isImporting, setImporting] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const view = search.view ?? 'checklist';

  const subjectName = (id: string) => {
    const subject = subjectOf(plan, id);
    return (subject && subjectInfo(plan, subject)?.name) ?? id;
  };

  const runUndo = async () => {
    setNotice(null);
    try {
      const outcome = await undo.mutateAsync();
      setNotice(
        outcome.kind === 'nothing'
          ? t('undoNothing')
          : t('undone', {
              what:
                outcome.kind === 'implementation'
                  ? outcome.first
                    ? // Named, with its year: the record undone may be of a year not on screen.
                      t(outcome.count > 1 ? 'undoneStatusNamedMore' : 'undoneStatusNamed', {
                        name: subjectName(outcome.first.subjectId),
                        year: outcome.first.year,
                        count: outcome.count,
                      })
                    : t('undoneStatus', { count: outcome.count })
                  : t('undoneValues', { count: outcome.count }),
            }),
      );
    } catch (e) {
      if (e instanceof RecordUndoRefusedError) {
        const changed = e.changed[0];
        const [, , subjectId = '', year = ''] = (changed?.key ?? '').split('|');
        setNotice(
          t('undoRefusedRecord', {
            name: subjectName(subjectId),
            year,
            by: changed?.changedBy ?? '',
            at: changed?.changedAt ? wording.dateTime(changed.changedAt).slice(0, 16) : '',
          }),
        );
      } else if (e instanceof UndoRefusedError) {
        // Its message already says 无法撤销 and why.
        setNotice(e.message);
      } else setNotice(t('failed', { message: (e as Error).message ?? String(e) }));
    }
  };

  const download = async () => {
    if (!region) return;
    setBusy(true);
    try {
      // exceljs loads only here, never with the page.
      const { writeChecklistSheet } = await import('../../domain/spreadsheet/checklist-sheet');
      const bytes = await writeChecklistSheet({
        plan,
        region: { regionId: region.regionId, name: region.name },
        year,
        records: tracking.records,
        createdAt: new Date().toISOString(),
      });
      saveBytes(
        `${dataset === 'demo' ? '示例数据-' : ''}${plan.shortName}-${region.name}-${year}年落实情况表.xlsx`,
        bytes,
        XLSX_TYPE,
      );
    } catch (e) {
      setNotice(t('failed', { message: (e as Error).message ?? String(e) }));
    } finally {
      setBusy(false);
    }
  };

  let body: ReactNode;
  if (results.error || tracking.error) {
    body = (
      <p role="alert">
        {t('loadError', {
          message: String(((results.error ?? tracking.error) as Error)?.message ?? ''),
        })}
      </p>
    );
  } else if (results.isLoading || tracking.isLoading) {
    body = <p className="muted">{t('loading')}</p>;
  } else if (!region) {
    body = <EmptyState>{t('noRegions')}</EmptyState>;
  } else {
    const props: ViewProps = { plan, search, setSearch, results, tracking, region, year };
    const subject = search.item ? subjectOf(plan, search.item) : undefined;
    const info = subject ? subjectInfo(plan, subject) : undefined;
    body = info ? (
      <ItemView {...props} info={info} values={values} planAreaId={planAreaId} />
    ) : view === 'standards' ? (
      <StandardsView {...props} values={values} planAreaId={planAreaId} />
    ) : view === 'units' ? (
      <UnitsView {...props} values={values} planAreaId={planAreaId} />
    ) : view === 'surveys' ? (
      <SurveysView {...props} />
    ) : (
      <ChecklistView {...props} />
    );
  }

  return (
    <div className="services">
      <div className="toolbar services-controls">
        <nav className="view-tabs" aria-label={t('views')}>
          {TABS.map(([tab, key]) => (
            <a
              key={tab}
              href={buildHref('/services', {
                plan: plan.id,
                view: tab === 'checklist' ? null : tab,
                region: search.region,
                year: search.year,
                domain: search.domain,
                unit: search.unit,
              })}
              aria-current={view === tab && !search.item ? 'page' : undefined}
            >
              {t(key)}
            </a>
          ))}
        </nav>
        <label>
          <span>{t('region')}</span>
          <RegionSelect
            regions={regions}
            value={region?.regionId ?? ''}
            onChange={(id) => setSearch({ region: id })}
            label={t('region')}
          />
        </label>
        <label>
          <span>{t('year')}</span>
          <YearSelect
            years={periodYears(plan)}
            value={year}
            onChange={(y) => setSearch({ year: y })}
            label={t('year')}
          />
        </label>
        <span className="mode-label">{wording.mode(results.mode)}</span>
      </div>
      <Section
        title={`${plan.shortName} · ${t('title')}`}
        actions={
          <>
            <button type="button" onClick={() => void runUndo()} disabled={undo.isPending}>
              {t('undo')}
            </button>
            <button type="button" onClick={() => void download()} disabled={isBusy || !region}>
              {isBusy ? t('working') : t('downloadSheet')}
            </button>
            <button type="button" onClick={() => setImporting(true)} disabled={!region}>
              {t('importSheet')}
            </button>
          </>
        }
      >
        {notice && (
          <p className="page-notice" role="status" data-testid="services-page-notice">
            {notice}
          </p>
        )}
        {body}
      </Section>
      {isImporting && (
        <ImportDialog
          plan={plan}
          results={results}
          tracking={tracking}
          onClose={() => setImporting(false)}
          onImported={(message, regionId, importedYear) => {
            setImporting(false);
            setNotice(message);
            setSearch({ region: regionId, year: importedYear, view: null, item: null });
          }}
        />
      )}
    </div>
  );
}
