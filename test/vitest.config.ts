import { defineConfig } from 'vitest/config';

// Browser tests: real headless Chromium (playwright-core) against the built app (vite preview).
export default defineConfig({
  test: {
    root: '.',
    include: ['test/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    // expect.poll waits up to 1 s by default; a first render of a lazy page on a loaded two-core
    // machine (CI, or several runs at once) can take longer. Failures still fail, only later.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
    // One browser at a time: the machine has two cores.
    fileParallelism: false,
  },
});
