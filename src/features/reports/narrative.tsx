import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { NarrativeConflictError } from '../../db/errors';
import { migrateNarrativeDrafts, saveNarrative, type NarrativeDraft } from '../../db/narratives';
import type { NarrativeRow } from '../../db/report-tables';
import { useDataset } from '../../shared/dataset';
import { useT } from '../../shared/i18n';
import { queryKeys } from '../../shared/query-keys';
import { useAuthorName } from '../../shared/settings';
import { reportMessages } from './messages';
import { useStoredNarrative } from './queries';

export interface Narrative {
  problems?: string;
  suggestions?: string;
}

/** Where the v2 app kept drafts: `${PREFIX}.${dataset}.${planId}.${regionId}.${year}`. */
const PREFIX = 'gongfu-monitor.report-narrative';
/** Saved this long after the last keystroke (and at once on leaving the text area). */
const SAVE_DELAY_MS = 600;

function readDraft(text: string | null): Narrative {
  try {
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
 * Moves the plan's drafts that the v2 app kept in this browser's localStorage into the database
 * (`migrateNarrativeDrafts`: only where no narrative is stored), then removes them, so it
 * happens once. Keys are `…${planId}.${regionId}.${year}`; the plan id is known here, so ids
 * with dots still split right.
 */
export function useDraftMigration(
  dataset: string,
  planId: string,
  onMigrated: (n: number) => void,
) {
  const { db } = useDataset();
  const by = useAuthorName();
  const queryClient = useQueryClient();
  useEffect(() => {
    let drafts: Array<NarrativeDraft & { storageKey: string }> = [];
    try {
      const start = `${PREFIX}.${dataset}.${planId}.`;
      for (let i = 0; i < localStorage.length; i++) {
        const storageKey = localStorage.key(i);
        if (!storageKey?.startsWith(start)) continue;
        const rest = storageKey.slice(start.length);
        const dot = rest.lastIndexOf('.');
        const year = Number(rest.slice(dot + 1));
        if (dot <= 0 || !Number.isInteger(year)) continue;
        const text = readDraft(localStorage.getItem(storageKey));
        drafts.push({
          storageKey,
          planId,
          regionId: rest.slice(0, dot),
          asOfYear: year,
          problems: text.problems ?? '',
          suggestions: text.suggestions ?? '',
        });
      }
    } catch {
      drafts = [];
    }
    if (drafts.length === 0) return;
    void migrateNarrativeDrafts(db, drafts, { by }).then(
      (moved) => {
        for (const d of drafts) localStorage.removeItem(d.storageKey);
        void queryClient.invalidateQueries({ queryKey: queryKeys.narratives(dataset, planId) });
        if (moved.length > 0) onMigrated(moved.length);
      },
      // Kept in localStorage: tried again on the next visit.
      () => undefined,
    );
    // Once per data set and plan; `by` and the callback do not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, dataset, planId]);
}

interface Draft {
  problems: string;
  suggestions: string;
  /** The stored version this draft was started from: what its save states. */
  baseVersion: number;
}

export type NarrativeState =
  | { kind: 'saved'; row: NarrativeRow | null }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'conflict'; current: NarrativeRow | null }
  | { kind: 'failed'; message: string };

/**
 * What the evaluator writes for 存在的问题及原因 and 下一步建议, stored in the database per
 * plan, region and year (src/db/narratives.ts) and saved shortly after typing pauses. A save
 * states the version its draft started from; when another tab saved in between, nothing is
 * written and the page shows both texts to choose from (never a silent overwrite). Drafts live
 * in state keyed by report, so switching region or year shows that report's text.
 */
export function useNarrative(dataset: string, planId: string, regionId: string, year: number) {
  const { db } = useDataset();
  const by = useAuthorName();
  const queryClient = useQueryClient();
  const stored = useStoredNarrative(planId, regionId, year);
  const key = `${dataset}|${planId}|${regionId}|${year}`;
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [states, setStates] = useState<Record<string, NarrativeState>>({});
  // The saves run after renders (a timer, a blur): they read the drafts of the latest render.
  const draftsRef = useRef(drafts);
  useEffect(() => {
    draftsRef.current = drafts;
  }, [drafts]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<NarrativeRow | null> | null>(null);
  // Reports whose last save met another tab's: nothing saves them on its own (a timer, leaving
  // the text area) until the evaluator chooses, so the choice on the page stays put.
  const conflicted = useRef(new Set<string>());

  const row = stored.data ?? null;
  const draft = drafts[key];
  const value: Narrative = draft ?? {
    problems: row?.problems ?? '',
    suggestions: row?.suggestions ?? '',
  };
  const kept = states[key];
  // "Saved" names what is stored now: after another tab's save the text shown is its version,
  // and so must the label be (it said 第1版 beside version 2's text: hostile test).
  const state: NarrativeState =
    kept && kept.kind !== 'saved' ? kept : draft ? { kind: 'unsaved' } : { kind: 'saved', row };

  const setState = (k: string, next: NarrativeState) => setStates((all) => ({ ...all, [k]: next }));

  /**
   * Saves the draft of report `k` now; resolves with the stored row (null when nothing to save,
   * or when a conflict waits for the evaluator's choice and `isChosen` is not set).
   */
  const save = useCallback(
    async (k: string, isChosen = false): Promise<NarrativeRow | null> => {
      if (inFlight.current) await inFlight.current.catch(() => null);
      if (conflicted.current.has(k) && !isChosen) return null;
      const current = draftsRef.current[k];
      if (!current) return null;
      const [, p, r, y] = k.split('|') as [string, string, string, string];
      setState(k, { kind: 'saving' });
      const attempt = saveNarrative(
        db,
        {
          planId: p,
          regionId: r,
          asOfYear: Number(y),
          problems: current.problems,
          suggestions: current.suggestions,
          expectedVersion: current.baseVersion,
        },
        { by },
      );
      inFlight.current = attempt;
      try {
        const saved = await attempt;
        conflicted.current.delete(k);
        queryClient.setQueryData(queryKeys.narrative(dataset, p, r, Number(y)), saved);
        setDrafts((all) => {
          const now = all[k];
          if (!now) return all;
          // Typed on while saving: the draft stays, now based on the version just stored.
          if (now.problems !== saved.problems || now.suggestions !== saved.suggestions) {
            return { ...all, [k]: { ...now, baseVersion: saved.version } };
          }
          const rest = { ...all };
          delete rest[k];
          return rest;
        });
        setState(k, { kind: 'saved', row: saved });
        return saved;
      } catch (error) {
        if (error instanceof NarrativeConflictError) {
          conflicted.current.add(k);
          setState(k, { kind: 'conflict', current: error.current });
          void queryClient.invalidateQueries({
            queryKey: queryKeys.narrative(dataset, p, r, Number(y)),
          });
        } else setState(k, { kind: 'failed', message: (error as Error).message ?? String(error) });
        throw error;
      } finally {
        if (inFlight.current === attempt) inFlight.current = null;
      }
    },
    [db, by, dataset, queryClient],
  );

  const set = useCallback(
    (change: Narrative) => {
      setDrafts((all) => {
        const base = all[key] ?? {
          problems: row?.problems ?? '',
          suggestions: row?.suggestions ?? '',
          baseVersion: row?.version ?? 0,
        };
        return { ...all, [key]: { ...base, ...change } as Draft };
      });
      setStates((all) =>
        all[key]?.kind === 'conflict' ? all : { ...all, [key]: { kind: 'unsaved' } },
      );
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(key).catch(() => undefined), SAVE_DELAY_MS);
    },
    [key, row, save],
  );

  /** Saves now whatever is pending (leaving a text area, freezing a snapshot). */
  const flush = useCallback(async (): Promise<NarrativeRow | null> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!draftsRef.current[key]) return row;
    return save(key);
  }, [key, row, save]);

  /** After a conflict: keep this tab's text, stated against the version stored now. */
  const keepMine = useCallback(() => {
    const conflict = states[key];
    const version = conflict?.kind === 'conflict' ? (conflict.current?.version ?? 0) : 0;
    setDrafts((all) => {
      const now = all[key];
      return now ? { ...all, [key]: { ...now, baseVersion: version } } : all;
    });
    draftsRef.current = {
      ...draftsRef.current,
      ...(draftsRef.current[key]
        ? { [key]: { ...draftsRef.current[key], baseVersion: version } }
        : {}),
    };
    void save(key, true).catch(() => undefined);
  }, [key, save, states]);

  /** After a conflict: drop this tab's text and show the stored one. */
  const takeTheirs = useCallback(() => {
    conflicted.current.delete(key);
    setDrafts((all) => {
      const rest = { ...all };
      delete rest[key];
      return rest;
    });
    setStates((all) => {
      const rest = { ...all };
      delete rest[key];
      return rest;
    });
  }, [key]);

  // Closing the tab with text not yet stored: save at once and ask the browser to confirm.
  const isPending =
    state.kind === 'unsaved' || state.kind === 'saving' || state.kind === 'conflict';
  useEffect(() => {
    if (!isPending) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (timer.current) {
        clearTimeout(timer.current);
        timer.current = null;
        void save(key).catch(() => undefined);
      }
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isPending, key, save]);

  // Leaving the page or switching reports saves what is pending.
  useEffect(() => {
    const pending = key;
    return () => {
      if (timer.current && draftsRef.current[pending]) {
        clearTimeout(timer.current);
        timer.current = null;
        void save(pending).catch(() => undefined);
      }
    };
  }, [key, save]);

  return {
    value,
    set,
    flush,
    keepMine,
    takeTheirs,
    state,
    stored: row,
    isLoading: stored.isLoading,
  };
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
  onBlur,
  facts,
}: {
  field: 'problems' | 'suggestions';
  label: string;
  value: string;
  onChange: (text: string) => void;
  onBlur?: () => void;
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
          onBlur={onBlur}
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
