import { Outlet, useLocation } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { AddressNotices, useSearchParams } from '../shared/address';
import { useCountsText } from '../shared/data-counts';
import { useDataset } from '../shared/dataset';
import { useDurability } from '../shared/durability';
import { useLocale, useT } from '../shared/i18n';
import { usePlan, usePlans } from '../shared/plans';
import { buildHref, pageOfPath, switchPlan } from '../shared/search';
import { shellMessages } from './messages';
import { formatDateTime } from '../domain/wording/format';
import { reloadToUpdate, UPDATE_READY_EVENT } from './pwa';

const NAV = [
  ['/overview', 'navOverview'],
  ['/catalog', 'navCatalog'],
  ['/entry', 'navEntry'],
  ['/assessment', 'navAssessment'],
  ['/services', 'navServices'],
  ['/reports', 'navReports'],
  ['/settings', 'navSettings'],
] as const;

/** The shell: header with the plan switcher, navigation, banners, and the page (Outlet). */
export function Layout() {
  const t = useT(shellMessages);
  const countsText = useCountsText();
  const { locale, setLocale } = useLocale();
  const [search, setSearch] = useSearchParams('settings');
  const pathname = useLocation({ select: (location) => location.pathname });
  const page = pageOfPath(pathname);
  const plans = usePlans();
  const { entry } = usePlan(search.plan ?? null);
  const { dataset, setDataset, isBlockedByUpgrade } = useDataset();
  const planId = entry?.plan.id;
  const durability = useDurability();
  const vanished = durability.state?.vanished;
  const interrupted = durability.state?.interrupted;
  const settingsHref = buildHref('/settings', { plan: planId });
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
            onChange={(event) => {
              const next = plans.data?.find((e) => e.plan.id === event.target.value);
              if (next) setSearch(switchPlan(search, next.plan));
            }}
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
            aria-current={page !== null && pageOfPath(path) === page ? 'page' : undefined}
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
      {vanished && (
        <div className="banner banner-error" role="alert" data-testid="vanished-banner">
          {t('dataVanished', {
            what: countsText(vanished.counts),
            time: vanished.lastWriteAt ? formatDateTime(vanished.lastWriteAt, locale) : '—',
          })}{' '}
          <a className="banner-action" href={settingsHref}>
            {t('dataVanishedRestore')}
          </a>{' '}
          <button type="button" onClick={durability.dismissVanished}>
            {t('dataVanishedDismiss')}
          </button>
        </div>
      )}
      {interrupted && (
        <div className="banner banner-notice" role="status" data-testid="interrupted-banner">
          {t(interrupted.committed ? 'importInterruptedDone' : 'importInterruptedNone', {
            file: interrupted.pending.fileName,
            what: t(interrupted.pending.kind === 'restore' ? 'restoring' : 'importing'),
          })}{' '}
          <button type="button" onClick={durability.dismissInterrupted}>
            {t('dismiss')}
          </button>
        </div>
      )}
      {durability.backupDueDays !== null && page !== pageOfPath('/settings') && (
        <div className="banner banner-notice" role="note" data-testid="backup-due-banner">
          {t(durability.state?.marker?.lastBackupAt ? 'backupDue' : 'backupNever', {
            days: durability.backupDueDays,
          })}{' '}
          <a href={settingsHref}>{t('backupGo')}</a>
        </div>
      )}
      <AddressNotices />
      <main className="shell-main">
        <Outlet />
      </main>
    </div>
  );
}
