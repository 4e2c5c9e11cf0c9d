// Finds Chromium for the browser tests; installs Debian's package when running as root.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findChromium() {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
  }
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      'No Chromium found for the browser tests. Install it with\n' +
        '  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk\n' +
        'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
    process.exit(1);
  }
  console.log('Chromium not found: installing Debian packages chromium and fonts-noto-cjk …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync(
    'apt-get',
    ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'],
    {
      stdio: 'inherit',
      env,
    },
  );
  const installed = findChromium();
  if (!installed) {
    console.error('apt-get finished but /usr/bin/chromium is still missing.');
    process.exit(1);
  }
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(ensureChromium());
}
