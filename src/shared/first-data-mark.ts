import { useEffect } from 'react';

/**
 * The performance mark set once per page load when a page first shows stored data (总览's
 * figures): `npm run bench` reads it as the cold-start time (docs/performance.md).
 */
export const FIRST_DATA_MARK = 'gongfu:first-data';

/** Sets FIRST_DATA_MARK the first time `isShown` is true after the page loaded. */
export function useFirstDataMark(isShown: boolean): void {
  useEffect(() => {
    if (!isShown || typeof performance === 'undefined' || !performance.mark) return;
    if (performance.getEntriesByName(FIRST_DATA_MARK).length === 0) {
      performance.mark(FIRST_DATA_MARK);
    }
  }, [isShown]);
}
