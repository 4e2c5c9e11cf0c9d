import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useT } from '../shared/i18n';
import type { FeaturePageProps } from '../shared/page';
import { usePlan } from '../shared/plans';
import { useRoute } from '../shared/router';
import { shellMessages } from './messages';

// Each feature is its own chunk: Recharts loads only with the pages that draw charts.
const pages: Record<string, LazyExoticComponent<ComponentType<FeaturePageProps>>> = {
  '/overview': lazy(() => import('../features/overview/overview-page')),
  '/catalog': lazy(() => import('../features/catalog/catalog-page')),
  '/entry': lazy(() => import('../features/entry/entry-page')),
  '/assessment': lazy(() => import('../features/assessment/assessment-page')),
  '/reports': lazy(() => import('../features/reports/reports-page')),
  '/settings': lazy(() => import('../features/settings/settings-page')),
};

export function Routes() {
  const t = useT(shellMessages);
  const route = useRoute();
  const { entry, isLoading, error } = usePlan(route.params.get('plan'));
  const path = route.path === '/' ? '/overview' : route.path;
  const Page = pages[path];
  if (!Page) return <p>{t('notFound')}</p>;
  if (error)
    return (
      <p role="alert">{t('loadError', { message: String((error as Error).message ?? error) })}</p>
    );
  if (isLoading || !entry) return <p className="muted">{t('loading')}</p>;
  return (
    <Suspense fallback={<p className="muted">{t('loading')}</p>}>
      <Page entry={entry} />
    </Suspense>
  );
}
