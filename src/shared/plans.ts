import { useQuery } from '@tanstack/react-query';
import { parsePlan } from '../domain/catalog/validate';
import type { Plan } from '../domain/catalog/schema';
import { listUserPlans } from '../db/user-plans';
import { useDataset } from './dataset';
import { queryKeys } from './query-keys';

// Built-in plans are bundled from data/plans, each file its own chunk, loaded on first use.
const loaders = import.meta.glob<{ default: unknown }>('../../data/plans/*.json');

/** The order plans appear in menus: the city plans, then the implementation documents. */
const BUILTIN_ORDER = ['dazhou', 'dazhou-2017', 'zhoucun', 'handan', 'dalian'];

export const BUILTIN_PLAN_IDS: ReadonlySet<string> = new Set(
  Object.keys(loaders).map((path) => path.replace(/^.*\/(.+)\.json$/, '$1')),
);

export interface PlanEntry {
  plan: Plan;
  isBuiltin: boolean;
  fileName?: string;
}

async function loadBuiltinPlans(): Promise<Plan[]> {
  const entries = await Promise.all(
    Object.entries(loaders).map(async ([path, load]) => {
      const parsed = parsePlan((await load()).default);
      if (!parsed.ok) throw new Error(`内置规划 ${path} 无效：${parsed.errors.join('；')}`);
      return parsed.plan;
    }),
  );
  const rank = (id: string) =>
    BUILTIN_ORDER.includes(id) ? BUILTIN_ORDER.indexOf(id) : BUILTIN_ORDER.length;
  return entries.sort((a, b) => rank(a.id) - rank(b.id));
}

let builtinPromise: Promise<Plan[]> | null = null;
export function getBuiltinPlans(): Promise<Plan[]> {
  builtinPromise ??= loadBuiltinPlans();
  return builtinPromise;
}

/** Built-in plans followed by the plans the user loaded from files (in this data set). */
export function usePlans() {
  const { db, dataset } = useDataset();
  return useQuery({
    queryKey: queryKeys.plans(dataset),
    queryFn: async (): Promise<PlanEntry[]> => {
      const [builtin, user] = await Promise.all([getBuiltinPlans(), listUserPlans(db)]);
      return [
        ...builtin.map((plan) => ({ plan, isBuiltin: true })),
        ...user.map((row) => ({ plan: row.plan, isBuiltin: false, fileName: row.fileName })),
      ];
    },
    staleTime: Infinity,
    // Keep showing the previous list while another data set's list loads, so pages stay mounted.
    placeholderData: (previous) => previous,
  });
}

/** The plan chosen in the header (`?plan=`), falling back to the first plan. */
export function usePlan(planId: string | null): {
  entry: PlanEntry | undefined;
  isLoading: boolean;
  error: unknown;
} {
  const plans = usePlans();
  const entries = plans.data ?? [];
  const entry = entries.find((e) => e.plan.id === planId) ?? entries[0];
  return { entry, isLoading: plans.isLoading, error: plans.error };
}
