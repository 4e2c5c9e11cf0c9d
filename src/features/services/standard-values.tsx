import { Fragment, useState, type ReactNode } from 'react';
import type { ObservationRow } from '../../db/database';
import { ConflictError, ValidationError } from '../../db/errors';
import { planCalendar } from '../../domain/assessment/plan';
import type { Plan } from '../../domain/catalog/schema';
import type { StandardResult } from '../../domain/implementation';
import { formatValue, parseValue, valueRuleFor } from '../../domain/observations/value-rules';
import { standardSentence, standardTargetText } from '../../domain/wording/implementation';
import { useLocale, useT } from '../../shared/i18n';
import { StatusBadge } from '../../shared/status-badge';
import { servicesMessages } from './messages';
import { useSaveStandardValues } from './queries';

/** The stored values of a plan by `item|region|year`, for the standards' cells. */
export type ValueLookup = ReadonlyMap<string, ObservationRow>;
export const valueKey = (itemId: string, regionId: string, year: number) =>
  `${itemId}|${regionId}|${year}`;

/**
 * One year's value of a numeric standard: typed like a cell of the entry grid (the same value
 * rules, parseValue / valueRuleFor), saved on Enter or when leaving the field, refused at the
 * field with the rule's message. A save states the version shown when typing began; a value
 * changed meanwhile by another tab is not overwritten but shown, and a second save overwrites it.
 */
function StandardYearInput({
  plan,
  result,
  regionId,
  planAreaId,
  year,
  stored,
  onNotice,
}: {
  plan: Plan;
  result: StandardResult;
  regionId: string;
  planAreaId: string | undefined;
  year: number;
  stored: ObservationRow | undefined;
  onNotice: (message: string) => void;
}) {
  const t = useT(servicesMessages);
  const save = useSaveStandardValues(plan, planAreaId);
  const rule = valueRuleFor(result.standard);
  // What the user has typed, null while untouched (the cell then shows the stored value as it is
  // now); a save states the version shown when typing began.
  const [draft, setDraft] = useState<string | null>(null);
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const text = draft ?? stored?.text ?? '';
  const isDirty = draft !== null;

  const commit = async () => {
    if (!isDirty) return;
    const parsed = parseValue(text, rule);
    if (parsed.kind === 'error') {
      setMessage(parsed.message);
      return;
    }
    const value = parsed.kind === 'empty' ? null : parsed.value;
    if (value === null && !stored) {
      setDraft(null);
      setMessage(null);
      return;
    }
    try {
      await save.mutateAsync([
        {
          planId: plan.id,
          itemId: result.id,
          regionId,
          year,
          value,
          text: parsed.kind === 'value' ? parsed.text : undefined,
          expectedVersion: baseVersion ?? stored?.version ?? 0,
        },
      ]);
      setDraft(null);
      setBaseVersion(null);
      setMessage(null);
      onNotice(
        value === null
          ? t('valueCleared', { name: result.name, year })
          : t('valueSaved', { name: result.name, year, value: formatValue(value) }),
      );
    } catch (e) {
      if (e instanceof ConflictError) {
        const conflict = e.conflicts[0];
        setBaseVersion(conflict?.currentVersion ?? 0);
        setMessage(
          t('valueConflict', {
            name: result.name,
            year,
            by: conflict?.changedBy ?? '',
            value: conflict?.current ? formatValue(conflict.current.value) : '—',
            mine: text,
          }),
        );
      } else if (e instanceof ValidationError) {
        setMessage(e.message);
      } else {
        setMessage(t('failed', { message: (e as Error).message ?? String(e) }));
      }
    }
  };

  return (
    <td className={`num std-cell${message ? ' is-invalid' : ''}`} data-year={year}>
      <input
        type="text"
        inputMode="decimal"
        className="std-input"
        aria-label={`${result.name} ${year}`}
        value={text}
        aria-invalid={message ? true : undefined}
        title={message ?? stored?.updatedBy ?? undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          if (baseVersion === null) setBaseVersion(stored?.version ?? 0);
          setMessage(null);
        }}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void commit();
          } else if (e.key === 'Escape') {
            setDraft(null);
            setBaseVersion(null);
            setMessage(null);
          }
        }}
      />
      {message && (
        <div className="std-message" role="alert">
          {message}
        </div>
      )}
    </td>
  );
}

/**
 * Numeric standards with a value cell per year of the plan and the engine's verdict for the
 * as-of year, the sentence beneath each (wording layer). `lead` renders the first cell.
 */
export function StandardsTable({
  plan,
  results,
  regionId,
  planAreaId,
  values,
  onNotice,
  lead,
  leadHeader,
}: {
  plan: Plan;
  results: readonly StandardResult[];
  regionId: string;
  planAreaId: string | undefined;
  values: ValueLookup;
  onNotice: (message: string) => void;
  lead?: (result: StandardResult) => ReactNode;
  leadHeader?: string;
}) {
  const t = useT(servicesMessages);
  const { locale } = useLocale();
  const calendar = planCalendar(plan);
  const years: number[] = [];
  for (let y = plan.period.start; y <= plan.period.end; y++) years.push(y);
  const columns = years.length + 3 + (lead ? 1 : 0);
  return (
    <div className="table-scroll">
      <table className="data standards-table" data-testid="standards-table">
        <thead>
          <tr>
            {lead && <th>{leadHeader}</th>}
            <th>{t('standardName')}</th>
            <th>{t('target')}</th>
            {years.map((y) => (
              <th key={y} className="num">
                {y}
              </th>
            ))}
            <th>{t('verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => {
            const item = { ...r.standard, change: null };
            return (
              <Fragment key={r.id}>
                <tr data-standard={r.id} className="standard-row">
                  {lead && <td className="small">{lead(r)}</td>}
                  <td title={r.standard.quote}>
                    {r.name}
                    {r.standard.note && <div className="muted small">{r.standard.note}</div>}
                  </td>
                  <td className="nowrap">
                    {standardTargetText(item, r.targetRule, calendar, locale)}
                  </td>
                  {years.map((y) => {
                    const stored = values.get(valueKey(r.id, regionId, y));
                    // A total over years ending before the plan does (2016—2018年累计) counts no
                    // later year: no cell to fill there (a stored one stays, to be cleared).
                    return r.standard.kind === 'cumulative' &&
                      r.standard.year !== null &&
                      y > r.standard.year &&
                      !stored ? (
                      <td
                        key={y}
                        className="num std-cell muted"
                        data-year={y}
                        title={t('afterTargetYear', { year: r.standard.year })}
                      >
                        —
                      </td>
                    ) : (
                      <StandardYearInput
                        key={y}
                        plan={plan}
                        result={r}
                        regionId={regionId}
                        planAreaId={planAreaId}
                        year={y}
                        stored={stored}
                        onNotice={onNotice}
                      />
                    );
                  })}
                  <td className="verdict-cell">
                    <StatusBadge status={r.status} isProvisional={r.isProvisional} />
                  </td>
                </tr>
                <tr className="sentence-row">
                  <td colSpan={columns} className="muted small" data-testid="standard-sentence">
                    {standardSentence(item, r, calendar, locale)}
                  </td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
