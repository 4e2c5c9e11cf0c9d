// Runs only the browser tests against a fresh build: npm run test:browser [-- test/file.e2e.ts]
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './find-chromium.mjs';

const chromium = ensureChromium();
const build = spawnSync('node_modules/.bin/vite', ['build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(
  'node_modules/.bin/vitest',
  ['run', '--config', 'test/vitest.config.ts', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: chromium },
  },
);
process.exit(run.status ?? 1);
