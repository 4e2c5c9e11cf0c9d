import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { loadUserPlan, removeUserPlan } from '../../db/user-plans';
import { checkPlanFileSize } from '../../domain/catalog/validate';
import { useDataset } from '../../shared/dataset';
import { useT } from '../../shared/i18n';
import { Section } from '../../shared/page';
import { BUILTIN_PLAN_IDS, usePlans } from '../../shared/plans';
import { queryKeys } from '../../shared/query-keys';
import { useSetSearch } from '../../shared/address';
import { useAuthorName } from '../../shared/settings';
import { catalogMessages } from './messages';

/** Loading a plan from a JSON file, and the list of loaded plans with their remove buttons. */
export function PlanFiles() {
  const t = useT(catalogMessages);
  const { db, dataset } = useDataset();
  const by = useAuthorName();
  const queryClient = useQueryClient();
  const setParams = useSetSearch();
  const plans = usePlans();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<
    { file: string; errors: string[] } | { loaded: string } | null
  >(null);

  const load = useMutation({
    mutationFn: async (file: File) => {
      // Checked on the size the browser reports, before the file is read at all.
      const sizeProblem = checkPlanFileSize(file.size);
      if (sizeProblem)
        return { file: file.name, result: { ok: false as const, errors: [sizeProblem] } };
      const result = await loadUserPlan(db, await file.text(), file.name, BUILTIN_PLAN_IDS, by);
      return { file: file.name, result };
    },
    onSuccess: async ({ file, result }) => {
      if (result.ok) {
        setOutcome({ loaded: result.plan.name });
        await queryClient.invalidateQueries({ queryKey: queryKeys.plans(dataset) });
        setParams({ plan: result.plan.id, item: null, q: null });
      } else {
        setOutcome({ file, errors: result.errors });
      }
    },
  });
  const remove = useMutation({
    mutationFn: (planId: string) => removeUserPlan(db, planId, by),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.plans(dataset) }),
  });
  const userPlans = (plans.data ?? []).filter((e) => !e.isBuiltin);

  return (
    <Section title={t('loadTitle')}>
      <p className="muted">{t('loadExplain')}</p>
      <div className="toolbar">
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          aria-label={t('loadButton')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) load.mutate(file);
            event.target.value = '';
          }}
        />
      </div>
      {outcome && 'errors' in outcome && (
        <div className="errors" role="alert" data-testid="plan-load-errors">
          <p>{t('loadFailed', { file: outcome.file, count: outcome.errors.length })}</p>
          <ul>
            {outcome.errors.slice(0, 50).map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {outcome && 'loaded' in outcome && (
        <p className="ok-message" role="status">
          {t('loaded', { name: outcome.loaded })}
        </p>
      )}
      {userPlans.length > 0 && (
        <>
          <h3>{t('userPlans')}</h3>
          <ul>
            {userPlans.map((e) => (
              <li key={e.plan.id}>
                {e.plan.name} <span className="muted">（{e.fileName}）</span>{' '}
                <button
                  type="button"
                  onClick={() => {
                    if (window.confirm(t('confirmRemove', { name: e.plan.name })))
                      remove.mutate(e.plan.id);
                  }}
                >
                  {t('remove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
