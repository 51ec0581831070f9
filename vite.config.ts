import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// OUT_DIR lets parallel checkouts build side by side; `npm start` and the e2e tests use `dist`.
const outDir = process.env.OUT_DIR ?? 'dist'

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), tailwindcss()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: { outDir: `${outDir}/${isSsrBuild ? 'server' : 'client'}`, emptyOutDir: true, target: 'es2022' },
  test: {
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['src/**/*.test.ts'], setupFiles: ['src/test/setup.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['src/test/setup.ts', 'src/test/dom-setup.ts'],
        },
      },
    ],
  },
}))
