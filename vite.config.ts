import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { precompress } from './scripts/precompress-plugin.ts'

type ModuleInfoOf = (id: string) => { importers: readonly string[] } | null

/**
 * Whether the studio's app (src/app/main.tsx, which index.html's script starts once the page has painted) imports
 * the module, itself or through static imports.
 */
function onFirstScreen(id: string, getModuleInfo: ModuleInfoOf, seen = new Set<string>()): boolean {
  if (APP_ENTRY.test(id)) return true
  if (seen.has(id)) return false
  seen.add(id)
  return (getModuleInfo(id)?.importers ?? []).some((importer) => onFirstScreen(importer, getModuleInfo, seen))
}

const APP_ENTRY = /[\\/]src[\\/]app[\\/]main\.tsx$/
const LIBRARIES_FOR_CORE =
  /node_modules[\\/](?!uplot[\\/]|zod[\\/]|@tanstack[\\/].*[\\/](?:useInfiniteQuery|infiniteQueryObserver)\.)/

// The ledger's reads and their reply schemas (the gallery's pages, reviews, comments, shares): loaded with the
// gallery, not with the first screen's calls.
const LEDGER_READS =
  /src[\\/](?:catalog[\\/](?:review|share|news|gallery|sequence)-contract|lib[\\/](?:ledger|review)-client)\.ts$/

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
    // Three chunks where the splitter would scatter small shared ones that each compress worse: `core`, the
    // libraries (not zod, nor the Spend view's chart or infinite queries); `app`, the app's first render (what
    // src/app/main.tsx imports); and `shared`, zod and the catalog and lib modules the first render does not
    // import (the reply schemas among them), loaded with the gallery, the form's checks or the first API call.
    rolldownOptions: isSsrBuild
      ? {}
      : {
          // The review page behind a share link is a page of its own (review.html): it runs none of the composer, and
          // loads only the chunks it shares with it (core, app, shared), not the gallery or the start script.
          input: { index: 'index.html', review: 'review.html' },
          output: {
            codeSplitting: {
              groups: [
                {
                  name: (id, context) => {
                    // Vite's helper for dynamic imports, used by the start script and the app alike: a chunk of its own, so
                    // that the review page (which needs it) never loads the start script, and with it the studio.
                    if (id.includes('vite/preload-helper')) return 'preload-helper'
                    if (/node_modules[\\/]zod[\\/]/.test(id)) return 'shared'
                    if (LIBRARIES_FOR_CORE.test(id)) return 'core'
                    if (!/[\\/]src[\\/]/.test(id)) return null
                    if (onFirstScreen(id, (other) => context.getModuleInfo(other))) return 'app'
                    if (LEDGER_READS.test(id)) return 'ledger-reads'
                    return /src[\\/](?:catalog|lib)[\\/]/.test(id) ? 'shared' : null
                  },
                  // A module's first-screen imports stay where they are rather than follow it into `shared`.
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
