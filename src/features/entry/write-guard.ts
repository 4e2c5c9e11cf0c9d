import { useEffect, useState } from 'react';

/** True a second after `isActive` became true (and while it stays so): a write worth showing. */
export function useIsSlow(isActive: boolean, delayMs = 1000): boolean {
  const [isSlow, setSlow] = useState(false);
  useEffect(() => {
    if (!isActive) return;
    const timer = setTimeout(() => setSlow(true), delayMs);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [isActive, delayMs]);
  return isActive && isSlow;
}

/** While a write runs, leaving or reloading the page asks first: the write would be lost. */
export function useLeaveGuard(isActive: boolean) {
  useEffect(() => {
    if (!isActive) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isActive]);
}
