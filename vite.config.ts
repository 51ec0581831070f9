import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { precompress } from './scripts/precompress-plugin.ts'

// OUT_DIR lets parallel checkouts build side by side; `npm start` and the e2e tests use `dist`.
const outDir = process.env.OUT_DIR ?? 'dist'

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), tailwindcss(), precompress()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: `${outDir}/${isSsrBuild ? 'server' : 'client'}`,
    emptyOutDir: true,
    target: 'es2022',
    // Every browser that runs es2022 supports <link rel=modulepreload>: the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    // One chunk for what first paint needs from libraries, the catalog and lib (not what only the gallery uses: infinite
    // queries, the ledger's client and schemas, the Spend view's chart; nor the media slots' upload client, nor the
    // demo clip list, which only the lazy media slots use): left to itself the splitter scatters these over small
    // shared chunks that each compress worse.
    rolldownOptions: isSsrBuild
      ? {}
      : {
          // The review page behind a share link is a page of its own (review.html), loading none of the composer.
          input: { index: 'index.html', review: 'review.html' },
          output: {
            codeSplitting: {
              groups: [
                {
                  name: 'core',
                  test: /node_modules[\\/](?!uplot[\\/]|@tanstack[\\/].*[\\/](?:useInfiniteQuery|infiniteQueryObserver)\.)|src[\\/](?:catalog[\\/](?!render-contract|demo-clips|share-contract|news-contract|review-contract|sequence-contract)|lib[\\/](?!ledger-client|media-))/,
                },
              ],
            },
          },
        },
  },
  test: {
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts'],
          exclude: ['src/ledger/**', 'src/**/*.ledger.test.ts'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        // The ledger's tests run on PGlite and on a real Postgres that their globalSetup starts (once per run,
        // and only when a ledger test is part of the run).
        extends: true,
        test: {
          name: 'ledger',
          environment: 'node',
          include: ['src/ledger/**/*.test.ts', 'src/**/*.ledger.test.ts'],
          setupFiles: ['src/test/setup.ts'],
          globalSetup: ['src/ledger/test-global-setup.ts'],
          // Files share one ledger per engine per worker (see src/ledger/test-ledger.ts).
          isolate: false,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          // Whole-studio tests (composer → BFF → gallery in jsdom) take seconds on a busy 2-core machine.
          testTimeout: 15_000,
          include: ['src/**/*.test.tsx'],
          setupFiles: ['src/test/setup.ts', 'src/test/dom-setup.ts'],
        },
      },
    ],
  },
}))
