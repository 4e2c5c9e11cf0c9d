import { useEffect, useState, type ReactNode } from 'react';
import { useDataset } from '../shared/dataset';
import { useLocale, useT } from '../shared/i18n';
import { usePlan, usePlans } from '../shared/plans';
import { buildHref, useRoute, useSetParams } from '../shared/router';
import { shellMessages } from './messages';
import { reloadToUpdate, UPDATE_READY_EVENT } from './pwa';

const NAV = [
  ['/overview', 'navOverview'],
  ['/catalog', 'navCatalog'],
  ['/entry', 'navEntry'],
  ['/assessment', 'navAssessment'],
  ['/reports', 'navReports'],
  ['/settings', 'navSettings'],
] as const;

export function Layout({ children }: { children: ReactNode }) {
  const t = useT(shellMessages);
  const { locale, setLocale } = useLocale();
  const route = useRoute();
  const setParams = useSetParams();
  const plans = usePlans();
  const { entry } = usePlan(route.params.get('plan'));
  const { dataset, setDataset, isBlockedByUpgrade } = useDataset();
  const planId = entry?.plan.id;
  const [isUpdateReady, setUpdateReady] = useState(false);
  useEffect(() => {
    const onReady = () => setUpdateReady(true);
    window.addEventListener(UPDATE_READY_EVENT, onReady);
    return () => window.removeEventListener(UPDATE_READY_EVENT, onReady);
  }, []);

  return (
    <div className="shell">
      <header className="shell-header">
        <div className="shell-title">
          <strong>{t('appTitle')}</strong>
          <span className="muted">{t('appSubtitle')}</span>
        </div>
        <label className="plan-switcher">
          <span>{t('plan')}</span>
          <select
            aria-label={t('plan')}
            value={planId ?? ''}
            onChange={(event) => setParams({ plan: event.target.value, region: null })}
          >
            {(plans.data ?? []).map((e) => (
              <option key={e.plan.id} value={e.plan.id}>
                {e.plan.shortName}
                {e.isBuiltin ? '' : `（${t('userLoaded')}）`}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="link-button"
          onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
          lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}
        >
          {t('language')}
        </button>
      </header>
      <nav className="shell-nav" aria-label="主导航">
        {NAV.map(([path, key]) => (
          <a
            key={path}
            href={buildHref(path, { plan: planId })}
            aria-current={
              route.path === path || (route.path === '/' && path === '/overview')
                ? 'page'
                : undefined
            }
          >
            {t(key)}
          </a>
        ))}
      </nav>
      {dataset === 'demo' && (
        <div className="banner banner-demo" role="note" data-testid="demo-banner">
          <strong>示例数据</strong>
          {t('demoBanner')}{' '}
          <button type="button" className="link-button" onClick={() => setDataset('user')}>
            {t('demoBannerAction')}
          </button>
        </div>
      )}
      {isUpdateReady && (
        <div className="banner banner-demo" role="status">
          {t('updateReady')}{' '}
          <button type="button" onClick={reloadToUpdate}>
            {t('reload')}
          </button>
        </div>
      )}
      {isBlockedByUpgrade && (
        <div className="banner banner-error" role="alert">
          {t('upgradeBlocked')}{' '}
          <button type="button" onClick={() => window.location.reload()}>
            {t('reload')}
          </button>
        </div>
      )}
      <main className="shell-main">{children}</main>
    </div>
  );
}
