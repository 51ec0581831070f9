import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** ledger/ and media/ are server parts with one job each: they import only catalog/, and no HTTP framework. */
function serverPartRules(part) {
  const others = ['server', 'features', 'app', 'lib', 'components', 'simulator', 'mocks', 'ledger', 'media']
  return {
    files: [`src/${part}/**/*.ts`],
    ignores: [`src/${part}/**/*.test.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'hono',
                'hono/*',
                '@hono/*',
                'react',
                'react-dom',
                'react-dom/*',
                ...others.filter((o) => o !== part).map((o) => `@/${o}/*`),
              ],
              message: `${part}/ imports only catalog/ and no HTTP framework`,
            },
          ],
        },
      ],
    },
  }
}

export default tseslint.config(
  { ignores: ['dist', '.out*', 'node_modules', 'test-results', 'playwright-report', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: [
      'src/server/**',
      'src/mocks/**',
      'src/simulator/**',
      'src/ledger/**',
      'src/media/**',
      'src/**/*.test.{ts,tsx}',
      'src/test/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/server/*', '@/mocks/*', '@/ledger/*', '@/media/*', 'node:*'],
              message: 'Browser code never imports server code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/catalog/**/*.ts'],
    ignores: ['src/catalog/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/*', 'react', 'node:*'], message: 'catalog/ imports nothing of ours, no React, no Node.' },
          ],
        },
      ],
    },
  },
  ...['ledger', 'media'].map((part) => serverPartRules(part)),
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
)
