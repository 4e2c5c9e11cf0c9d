/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The Content-Security-Policy of the built app, as a meta tag (a static host may add no headers):
 * only this origin's scripts (no inline script, no eval), no plugins, no <base>, no form posts;
 * images also from data: and blob: URLs (chart and download previews). `style-src` allows inline
 * styles: React and Recharts set style attributes. Headers a server should add on top (they cannot
 * be set by a meta tag) are listed in docs/data-model.md, "Security". Only at build: the dev
 * server's hot reload needs an inline script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export default defineConfig({
  plugins: [
    react(),
    {
      name: 'content-security-policy',
      apply: 'build',
      transformIndexHtml: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
    // A service worker precaches the whole built app, so that it opens with no server and no
    // network; the data itself is in IndexedDB. A new version waits until the user reloads
    // (src/app/pwa.ts), so an update never interrupts data entry.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: '基本公共服务均等化规划监测评估',
        short_name: '规划监测评估',
        lang: 'zh-CN',
        start_url: '.',
        display: 'standalone',
        background_color: '#f5f7fa',
        theme_color: '#1f4e79',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
    }),
  ],
  // Module workers: the returns reader (src/features/entry/returns-worker.ts) loads ExcelJS with
  // a dynamic import, which the default iife worker format cannot split.
  worker: { format: 'es' },
  build: {
    // The catalog JSON and Recharts are split into their own chunks (see src/app/routes.tsx).
    chunkSizeWarningLimit: 700,
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/test-setup.ts'],
  },
});
