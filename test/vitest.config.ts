import { defineConfig } from 'vitest/config';

// Browser tests: real headless Chromium (playwright-core) against the built app (vite preview).
export default defineConfig({
  test: {
    root: '.',
    include: ['test/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time: the machine has two cores.
    fileParallelism: false,
  },
});
