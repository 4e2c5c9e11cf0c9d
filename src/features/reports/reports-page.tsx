import { useMemo, useState } from 'react';
import type { Plan } from '../../domain/catalog/schema';
import { csvText } from '../../domain/csv/write-csv';
import { buildReport } from '../../domain/report/build-report';
import { reportSheets, tableCsvRows } from '../../domain/report/export-tables';
import { reportFacts } from '../../domain/report/facts';
import type { ReportInput } from '../../domain/report/model';
import { useDataset } from '../../shared/dataset';
import { useT } from '../../shared/i18n';
import { EmptyState, Section, type FeaturePageProps } from '../../shared/page';
import { periodYears, regionRole, usePlanResults } from '../../shared/plan-results';
import { useSearchParams } from '../../shared/address';
import { RegionSelect } from '../../shared/selectors';
import { useServiceTracking, useServiceTrackingBlocks } from '../../shared/service-tracking';
import { useWording } from '../../shared/wording';
import { saveBytes } from './download';
import { reportMessages } from './messages';
import { NarrativeEditor, useNarrative } from './narrative';
import { ReportView } from './report-view';
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
  const assessment = usePlanResults(plan, { regionId: search.region, year: search.year });
  const { regions, region, results, rows, year, mode } = assessment;
  // Section 五 from the tracking recorded on 服务清单 (or a plain statement that none was).
  const tracking = useServiceTracking(plan, assessment);
  const trackingBlocks = useServiceTrackingBlocks(plan, assessment, tracking);
  const regionId = region?.regionId;
  const narrative = useNarrative(dataset, plan.id, regionId ?? '', year);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

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
      observations: rows.filter((r) => active.has(r.regionId)),
      serviceTracking: trackingBlocks ? { blocks: trackingBlocks } : undefined,
      isDemo: dataset === 'demo',
    };
  }, [plan, regions, regionId, year, results, rows, dataset, trackingBlocks]);
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

  return (
    <>
      <Section
        title={t('title')}
        actions={
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
                  const { writeTablesXlsx } = await import('../../domain/spreadsheet/xlsx-tables');
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
            <select
              aria-label={t('asOf')}
              value={year}
              onChange={(event) => setParams({ year: event.target.value })}
            >
              {periodYears(plan).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
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
        <p className="muted">{t('intro')}</p>
        <p className="muted" data-testid="storage-note">
          {t('storageNote')}
        </p>
        <NarrativeEditor
          field="problems"
          label={t('problems')}
          value={narrative.value.problems ?? ''}
          onChange={(text) => narrative.set({ problems: text })}
          facts={facts.problems}
        />
        <NarrativeEditor
          field="suggestions"
          label={t('suggestions')}
          value={narrative.value.suggestions ?? ''}
          onChange={(text) => narrative.set({ suggestions: text })}
          facts={facts.suggestions}
        />
      </Section>
      <Section title={t('preview')}>
        <p className="muted">{t('previewHint')}</p>
        <div className="report-desk">
          <ReportView report={report} />
        </div>
      </Section>
      <TemplatePanel key={plan.id} plan={plan} regions={regions} rows={rows} />
    </>
  );
}
