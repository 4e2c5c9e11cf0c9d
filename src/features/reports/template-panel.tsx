import { useState } from 'react';
import { indexValues, planItems } from '../../domain/assessment/plan';
import type { Plan } from '../../domain/catalog/schema';
import type { ObservationRow, RegionRow } from '../../db/database';
import { useDataset } from '../../shared/dataset';
import { useT } from '../../shared/i18n';
import { Section } from '../../shared/page';
import { regionRole } from '../../shared/plan-results';
import { saveBytes } from './download';
import { reportMessages } from './messages';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function toggle<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

function Choices<T extends string | number>({
  legend,
  options,
  chosen,
  onChange,
}: {
  legend: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  chosen: ReadonlySet<T>;
  onChange: (next: Set<T>) => void;
}) {
  const t = useT(reportMessages);
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      <button
        type="button"
        className="link-button"
        onClick={() => onChange(new Set(options.map((o) => o.value)))}
      >
        {t('all')}
      </button>
      <button type="button" className="link-button" onClick={() => onChange(new Set())}>
        {t('none')}
      </button>
      {options.map((o) => (
        <label key={o.value}>
          <input
            type="checkbox"
            checked={chosen.has(o.value)}
            onChange={() => onChange(toggle(chosen, o.value))}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Chooses regions, years and domains for a 填报模板 and downloads it (exceljs, loaded on click). */
export function TemplatePanel({
  plan,
  regions,
  rows,
}: {
  plan: Plan;
  regions: readonly RegionRow[];
  rows: readonly ObservationRow[];
}) {
  const t = useT(reportMessages);
  const { dataset } = useDataset();
  const years: number[] = [];
  for (let y = plan.baseYear; y <= plan.period.end; y++) years.push(y);
  const [regionIds, setRegionIds] = useState<Set<string>>(
    () => new Set(regions.map((r) => r.regionId)),
  );
  const [chosenYears, setYears] = useState<Set<number>>(
    () => new Set(years.filter((y) => y >= plan.period.start)),
  );
  const [domains, setDomains] = useState<Set<string>>(() => new Set(plan.domains.map((d) => d.id)));
  const [prefill, setPrefill] = useState(true);
  const [contact, setContact] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isEmpty = regionIds.size === 0 || chosenYears.size === 0 || domains.size === 0;

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const { writeFillTemplate } = await import('../../domain/spreadsheet/fill-template');
      const picked = [...chosenYears].sort((a, b) => a - b);
      const bytes = await writeFillTemplate({
        plan,
        regions: regions
          .filter((r) => regionIds.has(r.regionId))
          .map((r) => ({ regionId: r.regionId, name: r.name, role: regionRole(r) })),
        itemIds: planItems(plan)
          .filter((i) => domains.has(i.domain))
          .map((i) => i.id),
        years: picked,
        ...(prefill ? { values: indexValues(rows) } : {}),
        contact,
        createdAt: new Date().toISOString(),
      });
      const span = picked.length > 1 ? `${picked[0]}—${picked.at(-1)}年` : `${picked[0]}年`;
      saveBytes(
        `${dataset === 'demo' ? '示例数据-' : ''}${plan.shortName}-填报模板-${span}.xlsx`,
        bytes,
        XLSX_TYPE,
      );
    } catch (e) {
      setError(t('failed', { message: (e as Error).message ?? String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('templateTitle')}>
      <p className="muted">{t('templateIntro')}</p>
      <div className="template-choices" data-testid="template-panel">
        <Choices
          legend={t('templateRegions')}
          options={regions.map((r) => ({ value: r.regionId, label: r.name }))}
          chosen={regionIds}
          onChange={setRegionIds}
        />
        <Choices
          legend={t('templateYears')}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          chosen={chosenYears}
          onChange={setYears}
        />
        <Choices
          legend={t('templateDomains')}
          options={plan.domains.map((d) => ({ value: d.id, label: d.name }))}
          chosen={domains}
          onChange={setDomains}
        />
      </div>
      <div className="toolbar">
        <label>
          <input
            type="checkbox"
            checked={prefill}
            onChange={(event) => setPrefill(event.target.checked)}
          />
          {t('templatePrefill')}
        </label>
        <label>
          {t('templateContact')}
          <input
            value={contact}
            placeholder={t('templateContactPlaceholder')}
            onChange={(event) => setContact(event.target.value)}
          />
        </label>
        <button
          type="button"
          className="primary"
          disabled={isEmpty || busy}
          onClick={() => void download()}
        >
          {busy ? t('working') : t('templateDownload')}
        </button>
      </div>
      {isEmpty && <p className="muted">{t('templateEmpty')}</p>}
      {error && (
        <p className="errors" role="alert">
          {error}
        </p>
      )}
    </Section>
  );
}
