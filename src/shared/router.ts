import { useCallback, useSyncExternalStore } from 'react';

/**
 * A small hash router: `#/catalog?plan=dazhou&q=床位`. Hash URLs work from any static server and
 * offline, and the query keeps the user's choices (plan, region, year) in the address so a
 * reload or a shared link shows the same view.
 */
export interface Route {
  path: string;
  params: URLSearchParams;
}

function parseHash(hash: string): Route {
  const body = hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = body.split('?');
  return { path: path || '/', params: new URLSearchParams(query) };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}

export function buildHref(
  path: string,
  params: Record<string, string | number | undefined | null>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return `#${path}${query ? `?${query}` : ''}`;
}

/** Changes some query parameters of the current route, keeping the others. */
export function useSetParams(): (
  changes: Record<string, string | number | undefined | null>,
) => void {
  return useCallback((changes) => {
    const current = parseHash(window.location.hash);
    const merged: Record<string, string | number | undefined | null> = Object.fromEntries(
      current.params,
    );
    Object.assign(merged, changes);
    window.location.hash = buildHref(current.path, merged).slice(1);
    // The browser announces the change asynchronously; announcing it now lets controlled inputs
    // (a checkbox bound to the address) show their new state at once. The later real event
    // finds the same address and changes nothing.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }, []);
}
