import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { precompress } from './scripts/precompress-plugin.ts'

type ModuleInfoOf = (id: string) => { importers: readonly string[]; isEntry: boolean } | null

/** Whether the studio's page (index.html) imports the module, directly or through static imports. */
function onFirstScreen(id: string, getModuleInfo: ModuleInfoOf, seen = new Set<string>()): boolean {
  if (seen.has(id)) return false
  seen.add(id)
  const info = getModuleInfo(id)
  if (!info) return false
  if (info.isEntry) return /[\\/]index\.html$/.test(id)
  return info.importers.some((importer) => onFirstScreen(importer, getModuleInfo, seen))
}

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
    // Two chunks where the splitter would scatter small shared ones that each compress worse: `core`, the libraries
    // first paint needs (not the Spend view's chart, infinite queries or zod, which only later screens use); and
    // `shared`, the catalog and lib modules the composer's first screen does not import (zod and the reply schemas
    // among them), loaded with the gallery, the form's checks or the first API call.
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
                  test: /node_modules[\\/](?!uplot[\\/]|zod[\\/]|@tanstack[\\/].*[\\/](?:useInfiniteQuery|infiniteQueryObserver)\.)/,
                },
                {
                  name: (id, context) =>
                    /node_modules[\\/]zod[\\/]|src[\\/](?:catalog|lib)[\\/]/.test(id) &&
                    !onFirstScreen(id, (other) => context.getModuleInfo(other))
                      ? 'shared'
                      : null,
                  // Its modules' first-screen imports stay where they are rather than follow them in.
                  includeDependenciesRecursively: false,
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
