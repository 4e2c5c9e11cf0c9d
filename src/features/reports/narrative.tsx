import { useCallback, useState } from 'react';
import { useT } from '../../shared/i18n';
import { reportMessages } from './messages';

export interface Narrative {
  problems?: string;
  suggestions?: string;
}

const PREFIX = 'gongfu-monitor.report-narrative';

function load(key: string): Narrative {
  try {
    const text = localStorage.getItem(key);
    if (!text) return {};
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const { problems, suggestions } = parsed as Record<string, unknown>;
    return {
      ...(typeof problems === 'string' ? { problems } : {}),
      ...(typeof suggestions === 'string' ? { suggestions } : {}),
    };
  } catch {
    return {};
  }
}

/**
 * What the evaluator writes for 存在的问题及原因 and 下一步建议, kept in this browser's
 * localStorage per data set, plan, region and year until phase 2 stores reports with snapshots.
 * Drafts live in state keyed the same way, so that switching region or year shows that
 * report's text without an effect.
 */
export function useNarrative(dataset: string, planId: string, regionId: string, year: number) {
  const key = `${PREFIX}.${dataset}.${planId}.${regionId}.${year}`;
  const [drafts, setDrafts] = useState<Record<string, Narrative>>({});
  const value = drafts[key] ?? load(key);
  const set = useCallback(
    (change: Narrative) => {
      setDrafts((all) => {
        const next = { ...(all[key] ?? load(key)), ...change };
        try {
          localStorage.setItem(key, JSON.stringify(next));
        } catch {
          // Private mode or a full disk: the text stays on the page until it is closed.
        }
        return { ...all, [key]: next };
      });
    },
    [key],
  );
  return { value, set };
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A text area for the evaluator beside the facts they can copy or insert. */
export function NarrativeEditor({
  field,
  label,
  value,
  onChange,
  facts,
}: {
  field: 'problems' | 'suggestions';
  label: string;
  value: string;
  onChange: (text: string) => void;
  facts: readonly string[];
}) {
  const t = useT(reportMessages);
  const [copied, setCopied] = useState<number | null>(null);
  const insert = (fact: string) =>
    onChange(value.trim() ? `${value.replace(/\s+$/, '')}\n${fact}` : fact);
  return (
    <div className="narrative" data-testid={`narrative-${field}`}>
      <label className="narrative-text">
        <span className="narrative-label">{label}</span>
        <textarea
          rows={8}
          value={value}
          placeholder={t('placeholder')}
          onChange={(event) => onChange(event.target.value)}
        />
      </label>
      <div className="narrative-facts">
        <p className="narrative-label">{t('facts')}</p>
        {facts.length === 0 ? (
          <p className="muted">{t('noFacts')}</p>
        ) : (
          <ul>
            {facts.map((fact, i) => (
              <li key={i} data-testid="fact">
                <span>{fact}</span>
                <span className="fact-actions">
                  <button
                    type="button"
                    onClick={() => {
                      void copyText(fact).then((ok) => setCopied(ok ? i : null));
                    }}
                  >
                    {copied === i ? t('copied') : t('copy')}
                  </button>
                  <button type="button" onClick={() => insert(fact)}>
                    {t('insert')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
