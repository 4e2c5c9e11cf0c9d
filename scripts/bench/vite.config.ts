// Builds the benchmark's harness page (scripts/bench/harness.ts) on its own, outside dist/: the
// built app never contains it, so no user can reach it. scripts/bench.ts serves it beside dist/
// on the same loopback origin, so both open the same IndexedDB.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/__bench/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../test/artifacts/bench/harness', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 5000,
  },
});
