import { registerSW } from 'virtual:pwa-register';

/** Fired on window when a new version of the app is installed and waits for a reload. */
export const UPDATE_READY_EVENT = 'gongfu-monitor:update-ready';

let applyUpdate: ((reload?: boolean) => Promise<void>) | null = null;

/** Registers the service worker (production builds only) that keeps the app usable offline. */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  applyUpdate = registerSW({
    onNeedRefresh: () => window.dispatchEvent(new Event(UPDATE_READY_EVENT)),
  });
}

/** Activates the waiting version and reloads the page. */
export function reloadToUpdate(): void {
  if (applyUpdate) void applyUpdate(true);
  else window.location.reload();
}
