// The one gate: typecheck, lint, format check, unit tests, build, browser tests.
// Ends with one line "N passed, N failed" counting every unit and browser test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { ensureChromium } from './find-chromium.mjs';

const bin = (name) => `node_modules/.bin/${name}`;
let passed = 0;
let failed = 0;
const failures = [];

function step(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `=== ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (result.status !== 0) failures.push(label);
  return result.status === 0;
}

function countVitest(file) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // A file that fails to load has no tests counted: count it as one failure.
    failed += report.testResults.filter(
      (r) => r.status === 'failed' && r.assertionResults.length === 0,
    ).length;
  } catch {
    failed += 1;
  }
}

mkdirSync('test/artifacts', { recursive: true });
step('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('lint', bin('eslint'), ['.', '--max-warnings', '0']);
step('format', bin('prettier'), ['--check', '.']);
step('catalog', bin('tsx'), ['scripts/check-plan.ts']);
step('unit tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=test/artifacts/unit.json',
]);
countVitest('test/artifacts/unit.json');
if (step('build', bin('vite'), ['build'])) {
  const chromium = ensureChromium();
  step(
    'browser tests',
    bin('vitest'),
    [
      'run',
      '--config',
      'test/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile=test/artifacts/browser.json',
    ],
    { CHROMIUM_PATH: chromium },
  );
  countVitest('test/artifacts/browser.json');
}
if (failures.length) console.log(`\nFailed steps: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failures.length || failed ? 1 : 0);
