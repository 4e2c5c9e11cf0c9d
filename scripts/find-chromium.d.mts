/** The Chromium executable for browser tests and the benchmark, or null (find-chromium.mjs). */
export function findChromium(): string | null;
/** The Chromium executable; installs Debian's package when running as root and none is found. */
export function ensureChromium(): string;
