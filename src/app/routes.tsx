import {
  createHashHistory,
  createRootRoute,
  createRoute,
  createRouter,
  notFound,
  redirect,
  type RouterHistory,
} from '@tanstack/react-router';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useAddressGate } from '../shared/address';
import { useT } from '../shared/i18n';
import type { FeaturePageProps } from '../shared/page';
import {
  PAGE_PATHS,
  parseSearch,
  searchValidator,
  stringifySearch,
  type PageId,
} from '../shared/search';
import { Layout } from './layout';
import { shellMessages } from './messages';
import { NotFound, PageError } from './page-error';

type PageModule = { default: ComponentType<FeaturePageProps> };
type LazyPage = LazyExoticComponent<ComponentType<FeaturePageProps>> & {
  preload: () => Promise<PageModule>;
};

/**
 * A page loaded on first use, with `preload` to start fetching its chunk as soon as the address
 * names it: the chunk then loads while the plans do, not after them.
 */
function lazyPage(load: () => Promise<PageModule>): LazyPage {
  let loading: Promise<PageModule> | undefined;
  const preload = () => (loading ??= load());
  return Object.assign(lazy(preload), { preload });
}

// Each feature is its own chunk: Recharts loads only with the pages that draw charts.
const pages: Record<PageId, LazyPage> = {
  overview: lazyPage(() => import('../features/overview/overview-page')),
  catalog: lazyPage(() => import('../features/catalog/catalog-page')),
  entry: lazyPage(() => import('../features/entry/entry-page')),
  assessment: lazyPage(() => import('../features/assessment/assessment-page')),
  services: lazyPage(() => import('../features/services/services-page')),
  reports: lazyPage(() => import('../features/reports/reports-page')),
  settings: lazyPage(() => import('../features/settings/settings-page')),
};

/**
 * A page with the plan its address names. It waits until the address has been checked against
 * that plan (useAddressGate), so a page never sees a region, item or year the plan lacks.
 */
export function PlanPage({ page, Page }: { page: PageId; Page: ComponentType<FeaturePageProps> }) {
  const t = useT(shellMessages);
  const { entry, isReady, error } = useAddressGate(page);
  if (error)
    return (
      <p role="alert">{t('loadError', { message: String((error as Error).message ?? error) })}</p>
    );
  if (!isReady || !entry) return <p className="muted">{t('loading')}</p>;
  return (
    <Suspense fallback={<p className="muted">{t('loading')}</p>}>
      <Page entry={entry} />
    </Suspense>
  );
}

/**
 * The route tree. The shell (header, navigation, notices) is the root; each page is a child
 * with its own search schema, and an error in a page is caught by that page's boundary
 * (PageError), so the header and navigation stay.
 */
export function createRouteTree(
  pageComponents: Record<PageId, ComponentType<FeaturePageProps> & { preload?: () => unknown }>,
) {
  const rootRoute = createRootRoute({
    component: Layout,
    notFoundComponent: NotFound,
    validateSearch: searchValidator('settings'),
  });
  const indexRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/',
    // `#/` (and the bare address) is the overview; the address then says so.
    beforeLoad: ({ location }) => {
      // `#constructor` (no leading slash) arrives here too: it is no page.
      if (location.pathname !== '/') throw notFound();
      throw redirect({ to: '/overview', search: location.search, replace: true });
    },
  });
  const pageRoutes = (Object.keys(PAGE_PATHS) as PageId[]).map((page) => {
    const Page = pageComponents[page];
    return createRoute({
      getParentRoute: () => rootRoute,
      path: PAGE_PATHS[page],
      validateSearch: searchValidator(page),
      // Not awaited: the shell renders at once and the page's chunk arrives meanwhile.
      beforeLoad: () => {
        void Page.preload?.();
      },
      component: () => <PlanPage page={page} Page={Page} />,
    });
  });
  return rootRoute.addChildren([indexRoute, ...pageRoutes]);
}

/**
 * The app's router. Hash addresses (`#/entry?plan=dazhou`) work from any static server and
 * offline from the service worker's cache; values stay plain text in the address
 * (src/shared/search.ts). Tests pass a memory history and their own pages.
 */
export function createAppRouter({
  history = createHashHistory(),
  pageComponents = pages,
}: {
  history?: RouterHistory;
  pageComponents?: Parameters<typeof createRouteTree>[0];
} = {}) {
  return createRouter({
    routeTree: createRouteTree(pageComponents),
    history,
    parseSearch,
    stringifySearch,
    defaultErrorComponent: PageError,
    // Pages load their data from IndexedDB through React Query, not through route loaders.
    defaultPreload: false,
  });
}
