import { useEffect, useMemo, useState } from 'react';
import type { SnapshotRow } from '../../db/report-tables';
import { planFingerprint } from '../../domain/catalog/fingerprint';
import type { Plan } from '../../domain/catalog/schema';
import { csvText } from '../../domain/csv/write-csv';
import { buildReport } from '../../domain/report/build-report';
import { reportSheets, tableCsvRows } from '../../domain/report/export-tables';
import { reportFacts } from '../../domain/report/facts';
import type { ReportInput } from '../../domain/report/model';
import {
  freezeReport,
  snapshotChanges,
  snapshotFileStem,
  snapshotSheets,
  type ReportSnapshot,
} from '../../domain/report/snapshot';
import { snapshotFileText } from '../../domain/report/snapshot-file';
import { formatDateTime } from '../../domain/wording';
import { useDataset } from '../../shared/dataset';
import { useT } from '../../shared/i18n';
import { EmptyState, Section, type FeaturePageProps } from '../../shared/page';
import {
  indicatorRowsOf,
  periodYears,
  regionRole,
  usePlanResults,
} from '../../shared/plan-results';
import { useSearchParams } from '../../shared/address';
import { RegionSelect, YearSelect } from '../../shared/selectors';
import { useAuthorName } from '../../shared/settings';
import { useServiceTracking, useServiceTrackingBlocks } from '../../shared/service-tracking';
import { useWording } from '../../shared/wording';
import { saveBytes } from './download';
import { reportMessages } from './messages';
import { NarrativeEditor, useDraftMigration, useNarrative, type NarrativeState } from './narrative';
import { useSnapshot, useSnapshotMutations, useSnapshots } from './queries';
import { ReportView } from './report-view';
import { snapshotMessages } from './snapshot-messages';
import { SnapshotChangesView, SnapshotPanel } from './snapshots';
import { TemplatePanel } from './template-panel';
import './report.css';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export default function ReportsPage({ entry }: FeaturePageProps) {
  const t = useT(reportMessages);
  const wording = useWording();
  const plan: Plan = entry.plan;
  const { dataset } = useDataset();
  const [search, setParams] = useSearchParams('reports');
  const assessment = usePlanResults(
    plan,
    { regionId: search.region, year: search.year },
    { rows: true },
  );
  const { regions, region, results, planValues, year, mode } = assessment;
  // Section 五 from the tracking recorded on 服务清单 (or a plain statement that none was).
  const tracking = useServiceTracking(plan, assessment);
  const trackingBlocks = useServiceTrackingBlocks(plan, assessment, tracking);
  const regionId = region?.regionId;
  const ts = useT(snapshotMessages);
  const author = useAuthorName();
  const narrative = useNarrative(dataset, plan.id, regionId ?? '', year);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [snapshotNotice, setSnapshotNotice] = useState<string | null>(null);
  const [migrated, setMigrated] = useState<number>(0);
  useDraftMigration(dataset, plan.id, setMigrated);
  const snapshots = useSnapshots(plan.id);
  const mutations = useSnapshotMutations(plan.id);
  const [openId, setOpenId] = useState<string | null>(null);
  const opened = useSnapshot(plan.id, openId);
  const snapshot: ReportSnapshot | null = opened.data ?? null;
  // The changes since a snapshot compare it with the report of its own region and year: the page
  // follows the snapshot there.
  const isSnapshotView = snapshot !== null && snapshot.planId === plan.id;
  const isAligned = isSnapshotView && snapshot.regionId === regionId && snapshot.asOfYear === year;
  useEffect(() => {
    if (snapshot && (snapshot.regionId !== search.region || snapshot.asOfYear !== year)) {
      setParams({ region: snapshot.regionId, year: String(snapshot.asOfYear) });
    }
    // Only when a snapshot is opened; moving away afterwards is the user's choice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshot?.id]);

  const base = useMemo((): ReportInput | null => {
    if (!regionId) return null;
    const active = new Set(regions.map((r) => r.regionId));
    return {
      plan,
      regions: regions.map((r) => ({
        regionId: r.regionId,
        name: r.name,
        role: regionRole(r),
      })),
      regionId,
      asOfYear: year,
      results,
      // Archived regions keep their data but leave the report, as they leave every page.
      observations: indicatorRowsOf(plan, planValues).filter((r) => active.has(r.regionId)),
      serviceTracking: trackingBlocks ? { blocks: trackingBlocks } : undefined,
      isDemo: dataset === 'demo',
    };
  }, [plan, regions, regionId, year, results, planValues, dataset, trackingBlocks]);
  // The facts do not depend on what the evaluator writes.
  const facts = useMemo(
    () => (base ? reportFacts(base) : { problems: [], suggestions: [] }),
    [base],
  );
  const input = useMemo(
    () => (base ? { ...base, narrative: narrative.value } : null),
    [base, narrative.value],
  );
  const report = useMemo(() => (input ? buildReport(input) : null), [input]);
  const changes = useMemo(
    () =>
      snapshot && isAligned && base
        ? snapshotChanges(snapshot, {
            observations: base.observations,
            results: base.results,
            narrative: narrative.value,
          })
        : null,
    [snapshot, isAligned, base, narrative.value],
  );

  if (assessment.isLoading) return null;
  if (!region || !input || !report) {
    return (
      <Section title={t('title')}>
        <EmptyState>{t('noRegion')}</EmptyState>
      </Section>
    );
  }
  const baseName = `${dataset === 'demo' ? '示例数据-' : ''}${plan.shortName}-${region.name}-${year}年${wording.mode(mode)}`;

  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(t('failed', { message: (e as Error).message ?? String(e) }));
    } finally {
      setBusy(null);
    }
  };
  const completion = report.appendices[0];
  const sheets = () => reportSheets(report, input);

  const freeze = (note: string) =>
    run('freeze', async () => {
      setSnapshotNotice(null);
      // What is typed but not yet saved goes into the database first: the snapshot records the
      // narrative's stored version.
      const saved = await narrative.flush();
      if (!base) return;
      const frozen = freezeReport(
        { ...base, narrative: narrative.value },
        {
          id: crypto.randomUUID(),
          createdAt: new Date().toISOString(),
          createdBy: author,
          note,
          planFingerprint: await planFingerprint(plan),
          narrativeVersion: saved?.version ?? narrative.stored?.version ?? 0,
        },
      );
      const row = await mutations.create.mutateAsync(frozen);
      setSnapshotNotice(ts('frozen', { at: formatDateTime(row.createdAt), by: row.createdBy }));
    });
  const remove = (row: SnapshotRow, reason: string) =>
    run('delete', async () => {
      await mutations.remove.mutateAsync({ id: row.id, by: author, reason });
      if (openId === row.id) setOpenId(null);
      setSnapshotNotice(ts('deleted', { at: formatDateTime(row.createdAt) }));
    });
  const snapshotStem = snapshot ? snapshotFileStem(snapshot, wording.mode(snapshot.mode)) : '';

  return (
    <>
      <Section
        title={t('title')}
        actions={
          isSnapshotView ? (
            <>
              <button
                type="button"
                className="primary"
                disabled={busy !== null}
                onClick={() =>
                  run('word', async () => {
                    const { renderReportDocx } = await import('../../domain/report/docx');
                    saveBytes(
                      `${snapshotStem}报告.docx`,
                      await renderReportDocx(snapshot.report),
                      DOCX_TYPE,
                    );
                  })
                }
              >
                {busy === 'word' ? t('working') : ts('downloadWord')}
              </button>
              <button
                type="button"
                disabled={busy !== null}
                onClick={() =>
                  run('excel', async () => {
                    const { writeTablesXlsx } =
                      await import('../../domain/spreadsheet/xlsx-tables');
                    saveBytes(
                      `${snapshotStem}-附表和实际值.xlsx`,
                      await writeTablesXlsx(snapshotSheets(snapshot)),
                      XLSX_TYPE,
                    );
                  })
                }
              >
                {busy === 'excel' ? t('working') : ts('downloadExcel')}
              </button>
              <button
                type="button"
                title={ts('fileHint')}
                onClick={() =>
                  saveBytes(`${snapshotStem}.json`, snapshotFileText(snapshot), 'application/json')
                }
              >
                {ts('downloadFile')}
              </button>
              <button type="button" onClick={() => setOpenId(null)}>
                {ts('close')}
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                className="primary"
                disabled={busy !== null}
                onClick={() =>
                  run('word', async () => {
                    // docx is loaded only here, never with the first screen.
                    const { renderReportDocx } = await import('../../domain/report/docx');
                    saveBytes(`${baseName}报告.docx`, await renderReportDocx(report), DOCX_TYPE);
                  })
                }
              >
                {busy === 'word' ? t('working') : t('downloadWord')}
              </button>
              <button type="button" onClick={() => window.print()}>
                {t('print')}
              </button>
              <button
                type="button"
                disabled={busy !== null}
                onClick={() =>
                  run('excel', async () => {
                    const { writeTablesXlsx } =
                      await import('../../domain/spreadsheet/xlsx-tables');
                    saveBytes(
                      `${baseName}-附表和实际值.xlsx`,
                      await writeTablesXlsx(sheets()),
                      XLSX_TYPE,
                    );
                  })
                }
              >
                {busy === 'excel' ? t('working') : t('downloadExcel')}
              </button>
              {completion && (
                <button
                  type="button"
                  onClick={() => {
                    const sheet = sheets()[0];
                    if (sheet) {
                      saveBytes(
                        `${baseName}-附表1.csv`,
                        csvText(tableCsvRows(sheet.heading, sheet.table)),
                        'text/csv;charset=utf-8',
                      );
                    }
                  }}
                >
                  {t('downloadCsvCompletion')}
                </button>
              )}
              <button
                type="button"
                onClick={() => {
                  const sheet = sheets().find((s) => s.table.id === 'values');
                  if (sheet) {
                    saveBytes(
                      `${baseName}-实际值.csv`,
                      csvText(tableCsvRows(sheet.heading, sheet.table)),
                      'text/csv;charset=utf-8',
                    );
                  }
                }}
              >
                {t('downloadCsvValues')}
              </button>
            </>
          )
        }
      >
        <div className="toolbar">
          <label>
            {t('region')}
            <RegionSelect
              regions={regions}
              value={region.regionId}
              onChange={(id) => setParams({ region: id })}
              label={t('region')}
            />
          </label>
          <label>
            {t('asOf')}
            <YearSelect
              years={periodYears(plan)}
              value={year}
              onChange={(y) => setParams({ year: y })}
              label={t('asOf')}
            />
          </label>
          <span className="mode-label" data-testid="mode-label" title={t('modeHint')}>
            {wording.mode(mode)}
          </span>
        </div>
        {error && (
          <p className="errors" role="alert">
            {error}
          </p>
        )}
        {openId !== null && opened.isLoading && (
          <p className="muted" role="status">
            {ts('loading')}
          </p>
        )}
        {isSnapshotView ? (
          <>
            <p className="snapshot-banner" role="status" data-testid="snapshot-banner">
              {ts('viewing', {
                title: snapshot.title,
                region: snapshot.regionName,
                year: snapshot.asOfYear,
                by: snapshot.createdBy,
                at: formatDateTime(snapshot.createdAt),
                note: snapshot.note ? `（${snapshot.note}）` : '',
              })}
            </p>
            <p className="muted">{ts('fileHint')}</p>
            {!isAligned && (
              <p className="entry-notice entry-notice-info" role="status">
                {ts('otherView', { region: snapshot.regionName, year: snapshot.asOfYear })}
              </p>
            )}
            {changes && (
              <SnapshotChangesView
                plan={plan}
                regionNames={new Map(regions.map((r) => [r.regionId, r.name]))}
                changes={changes}
              />
            )}
          </>
        ) : (
          <>
            <p className="muted">{t('intro')}</p>
            <p className="muted" data-testid="storage-note">
              {t('storageNote')}
            </p>
            {migrated > 0 && (
              <p className="entry-notice entry-notice-info" role="status">
                {ts('narrativeMigrated', { count: migrated })}
              </p>
            )}
            <NarrativeStatus
              state={narrative.state}
              onKeepMine={narrative.keepMine}
              onTakeTheirs={narrative.takeTheirs}
            />
            <NarrativeEditor
              field="problems"
              label={t('problems')}
              value={narrative.value.problems ?? ''}
              onChange={(text) => narrative.set({ problems: text })}
              onBlur={() => void narrative.flush().catch(() => undefined)}
              facts={facts.problems}
            />
            <NarrativeEditor
              field="suggestions"
              label={t('suggestions')}
              value={narrative.value.suggestions ?? ''}
              onChange={(text) => narrative.set({ suggestions: text })}
              onBlur={() => void narrative.flush().catch(() => undefined)}
              facts={facts.suggestions}
            />
          </>
        )}
      </Section>
      <Section title={isSnapshotView ? ts('title') + ' · ' + t('preview') : t('preview')}>
        <p className="muted">{t('previewHint')}</p>
        <div className="report-desk">
          <ReportView report={isSnapshotView ? snapshot.report : report} />
        </div>
      </Section>
      <SnapshotPanel
        snapshots={snapshots.data ?? []}
        openId={openId}
        isFreezing={busy === 'freeze'}
        canFreeze={!isSnapshotView && narrative.state.kind !== 'conflict'}
        // A text that met another tab's is neither stored nor dropped until the evaluator
        // chooses: freezing then would freeze one of the two without asking.
        blocked={narrative.state.kind === 'conflict' ? ts('freezeConflict') : null}
        notice={snapshotNotice}
        onFreeze={freeze}
        onOpen={(id) => {
          setOpenId(id);
          window.scrollTo({ top: 0 });
        }}
        onDelete={remove}
      />
      <TemplatePanel
        key={plan.id}
        plan={plan}
        regions={regions}
        rows={indicatorRowsOf(plan, planValues)}
      />
    </>
  );
}

/** Whether the evaluator's text is saved, and the choice after another tab saved first. */
function NarrativeStatus({
  state,
  onKeepMine,
  onTakeTheirs,
}: {
  state: NarrativeState;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const ts = useT(snapshotMessages);
  const t = useT(reportMessages);
  if (state.kind === 'conflict') {
    const current = state.current;
    return (
      <div className="narrative-conflict" role="alert" data-testid="narrative-conflict">
        <p>
          {ts('narrativeConflict', {
            by: current?.updatedBy ?? '—',
            at: current ? formatDateTime(current.updatedAt) : '—',
          })}
        </p>
        {current && (
          <details open>
            <summary>{ts('narrativeTheirs')}</summary>
            {(['problems', 'suggestions'] as const).map((field) => (
              <p key={field} className="narrative-theirs">
                <strong>{t(field)}：</strong>
                {current[field] || ts('narrativeBlank')}
              </p>
            ))}
          </details>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onTakeTheirs}>
            {ts('narrativeTakeTheirs')}
          </button>
          <button type="button" onClick={onKeepMine}>
            {ts('narrativeKeepMine')}
          </button>
        </div>
      </div>
    );
  }
  const text =
    state.kind === 'saving'
      ? ts('narrativeSaving')
      : state.kind === 'unsaved'
        ? ts('narrativeUnsaved')
        : state.kind === 'failed'
          ? ts('narrativeFailed', { message: state.message })
          : state.row
            ? ts('narrativeSaved', {
                version: state.row.version,
                by: state.row.updatedBy,
                at: formatDateTime(state.row.updatedAt),
              })
            : ts('narrativeEmpty');
  return (
    <p className="muted narrative-status" data-testid="narrative-status" data-state={state.kind}>
      {text}
    </p>
  );
}
