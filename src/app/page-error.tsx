import { useLocation, useNavigate, type ErrorComponentProps } from '@tanstack/react-router';
import { useT } from '../shared/i18n';
import { buildHref, parseSearch } from '../shared/search';
import { shellMessages } from './messages';

/** The plan of the current address, so that 回到总览 stays on the same plan. */
function usePlanParam(): string | undefined {
  const plan = useLocation({ select: (location) => location.searchStr });
  const value = parseSearch(plan).plan;
  return value && /^[a-z0-9.-]{1,64}$/.test(value) ? value : undefined;
}

/**
 * What a page shows instead of itself when it fails with an unexpected error: what happened in
 * plain words, that the stored data is untouched (drawing a page never writes; every write is
 * one IndexedDB transaction, whole or not at all), a way back to 总览 and a reload; the technical message folded away for the
 * maintainer. The router puts one around every page, so the header and navigation stay, and
 * going to another page (or changing the address) tries the page again.
 */
export function PageError({ error, reset }: ErrorComponentProps) {
  const t = useT(shellMessages);
  const navigate = useNavigate();
  const plan = usePlanParam();
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (
    <section className="section page-error" role="alert" data-testid="page-error">
      <h2>{t('errorTitle')}</h2>
      <p>{t('errorWhat')}</p>
      <p>
        <strong>{t('errorDataSafe')}</strong>
      </p>
      <p>{t('errorWhatToDo')}</p>
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          onClick={() => {
            void navigate({ to: '/overview', search: plan ? { plan } : {} }).then(() => reset());
          }}
        >
          {t('errorBack')}
        </button>
        <button type="button" onClick={() => window.location.reload()}>
          {t('reload')}
        </button>
      </div>
      <details>
        <summary>{t('errorDetails')}</summary>
        <pre className="error-details">{message}</pre>
      </details>
    </section>
  );
}

/** An address whose path is no page: say so, and link back to 总览. */
export function NotFound() {
  const t = useT(shellMessages);
  const pathname = useLocation({ select: (location) => location.pathname });
  const plan = usePlanParam();
  return (
    <section className="section" role="alert" data-testid="not-found">
      <h2>{t('notFoundTitle')}</h2>
      <p>{t('notFound', { path: pathname })}</p>
      <p>
        <a href={buildHref('/overview', { plan })}>{t('errorBack')}</a>
      </p>
    </section>
  );
}
