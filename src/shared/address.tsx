import { useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate, useSearch } from '@tanstack/react-router';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { Plan } from '../domain/catalog/schema';
import { useT } from './i18n';
import { addressMessages } from './messages';
import { useDataset } from './dataset';
import { defaultYearOf } from './default-year';
import { usePlans, type PlanEntry } from './plans';
import { queryKeys } from './query-keys';
import {
  checkAddress,
  choosePlan,
  pageOfPath,
  sameSearch,
  type AddressProblem,
  type PageId,
  type ParamKey,
  type SearchChanges,
  type SearchOf,
} from './search';

/**
 * How pages read and write their address. The router (src/app/routes.tsx) has already checked
 * the form of every value with the page's schema (src/shared/search.ts); the shell's gate
 * (useAddressGate) has checked the rest against the plan before the page renders.
 */

export type SetSearch = (changes: SearchChanges, options?: { replace?: boolean }) => void;

/** Changes some parameters of the current address, keeping the others; null removes one. */
export function useSetSearch(): SetSearch {
  const navigate = useNavigate();
  return useCallback(
    (changes, options) => {
      void navigate({
        to: '.',
        search: (previous: Record<string, unknown>) => {
          const next: Record<string, unknown> = { ...previous };
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === undefined || value === '') delete next[key];
            else next[key] = value;
          }
          return next;
        },
        replace: options?.replace ?? false,
        // A choice within the page (a region, a row) keeps the reader where they are.
        resetScroll: false,
      });
    },
    [navigate],
  );
}

/**
 * The validated parameters of a page and a setter: `const [search, setSearch] =
 * useSearchParams('entry')` gives `search.year` as a number, `search.view` as 'region' |
 * 'indicator', each undefined when the address has none (or had a refused one).
 */
export function useSearchParams<P extends PageId>(page: P): [SearchOf<P>, SetSearch] {
  void page; // Names the schema for the type; the route of this page validated with it.
  const search = useSearch({ strict: false }) as SearchOf<P>;
  return [search, useSetSearch()];
}

// ---------------------------------------------------------------------------------------------
// Notices: what the address asked for that could not be shown, and what is shown instead.

/** The notices of one corrected address: shown while the address is still that one. */
interface NoticeReport {
  pathname: string;
  search: Record<string, string>;
  problems: AddressProblem[];
}

/** The address the app was opened with, as written. */
export interface OpenedAddress {
  pathname: string;
  search: Record<string, string>;
}

interface NoticeState {
  report: NoticeReport | null;
  setReport: (report: NoticeReport | null) => void;
  dismiss: (notice: AddressProblem) => void;
  /** The opened address until its first check against the plan; then null. */
  opened: OpenedAddress | null;
  forgetOpened: () => void;
}

const NoticeContext = createContext<NoticeState | null>(null);

/**
 * Holds the notices. `opened` is the address the app was opened with, read before the router
 * mounts: on mounting, TanStack Router rewrites the address with its validated parameters
 * (Transitioner), which silently drops a refused `year=abc`; the gate checks the address as it
 * was opened, so that the reader learns what was refused.
 */
export function AddressNoticeProvider({
  opened: openedAddress,
  children,
}: {
  opened: OpenedAddress | null;
  children: ReactNode;
}) {
  const [report, setReport] = useState<NoticeReport | null>(null);
  const [opened, setOpened] = useState(openedAddress);
  const forgetOpened = useCallback(() => setOpened(null), []);
  const dismiss = useCallback(
    (notice: AddressProblem) =>
      setReport((current) =>
        current ? { ...current, problems: current.problems.filter((n) => n !== notice) } : null,
      ),
    [],
  );
  const value = useMemo(
    () => ({ report, setReport, dismiss, opened, forgetOpened }),
    [report, dismiss, opened, forgetOpened],
  );
  return <NoticeContext.Provider value={value}>{children}</NoticeContext.Provider>;
}

function useNotices(): NoticeState {
  const state = useContext(NoticeContext);
  if (!state) throw new Error('address notices need <AddressNoticeProvider>');
  return state;
}

const PARAM_LABEL_KEYS: Record<ParamKey, `param_${ParamKey}`> = {
  plan: 'param_plan',
  region: 'param_region',
  year: 'param_year',
  mode: 'param_mode',
  view: 'param_view',
  item: 'param_item',
  domain: 'param_domain',
  sort: 'param_sort',
  concept: 'param_concept',
  q: 'param_q',
  tab: 'param_tab',
  status: 'param_status',
  archived: 'param_archived',
  unit: 'param_unit',
};

/** One sentence per notice: which parameter, what it held, what is shown instead. */
export function useNoticeText(): (notice: AddressProblem) => string {
  const t = useT(addressMessages);
  return useCallback(
    (notice) => {
      const shown = notice.shown;
      const shownText =
        shown.kind === 'year'
          ? t('shownYear', { year: shown.year })
          : shown.kind === 'default'
            ? t(defaultKey(notice))
            : shown.name;
      const vars = {
        param: t(PARAM_LABEL_KEYS[notice.param]),
        raw: notice.raw,
        shown: shownText,
        plan: notice.planName ?? '',
        from: notice.years?.from ?? '',
        to: notice.years?.to ?? '',
      };
      if (notice.reason === 'outOfRange' && notice.years) return t('noticeOutOfRange', vars);
      if (notice.reason === 'unknown' && notice.planName) return t('noticeUnknownInPlan', vars);
      if (notice.reason === 'unknown') return t('noticeUnknown', vars);
      return t('noticeInvalid', vars);
    },
    [t],
  );
}

type DefaultKey = Extract<keyof (typeof addressMessages)['zh-CN'], `default_${string}`>;
function defaultKey(notice: AddressProblem): DefaultKey {
  if (notice.param === 'view')
    return notice.page === 'entry'
      ? 'default_view_entry'
      : notice.page === 'services'
        ? 'default_view_services'
        : 'default_view';
  if (notice.param === 'item' && notice.page === 'catalog') return 'default_item_catalog';
  if (notice.param === 'item' && notice.page === 'services') return 'default_item_services';
  if (notice.param === 'status' && notice.page === 'services') return 'default_status_services';
  return `default_${notice.param}` as DefaultKey;
}

/**
 * The notices about the address on screen, each with a button to dismiss it. They last while
 * the address is the corrected one: the reader's next choice, another page or another address
 * ends them.
 */
export function AddressNotices() {
  const t = useT(addressMessages);
  const text = useNoticeText();
  const { report, dismiss } = useNotices();
  const location = useLocation();
  const isCurrent =
    report !== null &&
    report.pathname === location.pathname &&
    sameSearch(report.search, location.search as Record<string, unknown>);
  if (!isCurrent || report.problems.length === 0) return null;
  return (
    <div className="banner banner-notice" role="status" data-testid="address-notices">
      <ul>
        {report.problems.map((notice) => (
          <li key={notice.param}>
            {text(notice)}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => dismiss(notice)}
              aria-label={t('dismissLabel')}
            >
              {t('dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// The gate: the page renders only once its address is one the chosen plan can show.

/*
 * The plan's regions and stored values, under the same query keys (and so the same cache) as
 * useRegions and useObservations, which the pages use; the database code is loaded when first
 * needed, so that the shell's first screen does not carry it for a page that never asks.
 */
function usePlanRegions(plan: Plan | undefined) {
  const { db, dataset } = useDataset();
  return useQuery({
    queryKey: queryKeys.regions(dataset, plan?.id ?? ''),
    queryFn: async () => (await import('../db/regions')).ensureRegions(db, plan as Plan),
    enabled: plan !== undefined,
  });
}

function usePlanValues(planId: string | undefined) {
  const { db, dataset } = useDataset();
  return useQuery({
    queryKey: queryKeys.observations(dataset, planId ?? ''),
    queryFn: async () => (await import('../db/plan-values')).readPlanValues(db, planId as string),
    enabled: planId !== undefined,
  });
}

export interface AddressGate {
  /** The plan the (corrected) address names; undefined while the plans load. */
  entry: PlanEntry | undefined;
  /** True once the address has been checked against the plan and needs no correction. */
  isReady: boolean;
  error: unknown;
}

/**
 * Checks the address against the chosen plan: the plan exists, the region is one of its
 * regions, the item one of its items, the year one it covers. A refused value is reported as a
 * notice and the address is corrected in place (replace, so Back does not return to it); the
 * page waits for the corrected address, so it never shows a view the plan does not have.
 */
export function useAddressGate(page: PageId): AddressGate {
  // The address as written (not yet validated): the gate reports what it held.
  const location = useLocation();
  const { setReport, opened, forgetOpened } = useNotices();
  // While the router swaps pages, the old page still renders with the new address: it must
  // not check an address meant for another page.
  const isOwnAddress = pageOfPath(location.pathname) === page;
  const raw = useMemo(() => {
    const current = location.search as Record<string, unknown>;
    if (!opened || pageOfPath(opened.pathname) !== page) return current;
    // The router dropped the refused values of the opened address; put them back to check them.
    return { ...opened.search, ...current };
  }, [location.search, opened, page]);
  const plans = usePlans();
  const planList = useMemo(() => (plans.data ?? []).map((e) => e.plan), [plans.data]);
  const plan: Plan | undefined = choosePlan(planList, raw.plan);
  const hasRegion = raw.region !== undefined && raw.region !== '';
  const regions = usePlanRegions(hasRegion ? plan : undefined);
  const regionsLoaded = !hasRegion || regions.data !== undefined || regions.error !== null;

  // Checked once without the default year; only a refused year needs the stored values.
  const firstPass = useMemo(
    () =>
      isOwnAddress && plans.data && regionsLoaded
        ? checkAddress(page, raw, {
            plans: planList,
            regions: hasRegion ? regions.data : undefined,
          })
        : null,
    [isOwnAddress, page, raw, plans.data, planList, regionsLoaded, hasRegion, regions.data],
  );
  const needsYear = firstPass?.problems.some((p) => p.param === 'year') ?? false;
  const values = usePlanValues(needsYear ? plan?.id : undefined);
  const checked = useMemo(() => {
    if (!firstPass || !needsYear || !plan) return firstPass;
    if (values.data === undefined && values.error === null) return null;
    return checkAddress(page, raw, {
      plans: planList,
      regions: hasRegion ? regions.data : undefined,
      // The same default year as every page shows when the address names none.
      defaultYear: defaultYearOf(plan, values.data?.latestYear ?? null),
    });
  }, [
    firstPass,
    needsYear,
    plan,
    values.data,
    values.error,
    page,
    raw,
    planList,
    hasRegion,
    regions.data,
  ]);

  const navigate = useNavigate();
  const pathname = location.pathname;
  // An address that reads differently once checked (a refused value, or an old `asof=`).
  const needsCorrection = checked !== null && !sameSearch(checked.corrected, raw);
  useEffect(() => {
    if (checked && opened) forgetOpened();
    if (!checked || !needsCorrection) return;
    if (checked.problems.length > 0) {
      setReport({ pathname, search: checked.corrected, problems: checked.problems });
    }
    void navigate({ to: '.', search: checked.corrected, replace: true, resetScroll: false });
  }, [checked, needsCorrection, pathname, setReport, navigate, opened, forgetOpened]);

  const corrected = checked ? choosePlan(planList, checked.corrected.plan) : undefined;
  return {
    entry: (plans.data ?? []).find((e) => e.plan === corrected),
    isReady: checked !== null && !needsCorrection,
    error: plans.error,
  };
}
