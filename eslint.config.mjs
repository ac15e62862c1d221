import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';
import tseslint from 'typescript-eslint';

const config = [
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
  ...nextVitals,
  ...nextTs,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { drizzle },
    rules: {
      // An un-awaited async check is always truthy: these catch it.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
  // Imports point down only: app → components → lib → db. A type may cross downwards where a
  // value may not (a component takes a query's row type; a query takes a lib input type).
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/app', '@/app/*', '../../app/*'],
              message: 'components/ may not import app/: pages pass what a component needs.',
            },
            {
              group: ['@/db', '@/db/*', '../../db/*'],
              allowTypeImports: true,
              message: 'components/ may not import db/ (types aside): the page reads the data and passes it down.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/app', '@/app/*', '@/components', '@/components/*', '../../app/*', '../../components/*'],
              message:
                'lib/ may not import app/ or components/: the product logic sits below the routes and the React.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    ignores: ['**/*.test.ts', 'db/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@/app',
                '@/app/*',
                '@/components',
                '@/components/*',
                '../app/*',
                '../../app/*',
                '../components/*',
                '../../components/*',
              ],
              message: 'db/ may not import app/ or components/.',
            },
            {
              regex: '^(@|\\.\\.(/\\.\\.)?)/lib/(?!env$|log/|errors/|time/units$)',
              allowTypeImports: true,
              message:
                'db/ only reads and writes rows: from lib/ it may use configuration (lib/env), the logger, the error module, the time units and types. Put the rule in a lib/ verb that calls the query.',
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
];

export default config;
