import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...next,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Client components reach the server only through tRPC: they import its types, never its values (those would pull
    // ClickHouse clients and the calendar data into the bundle). Pure code both sides need lives in shared/.
    files: ['app/_components/**/*.{ts,tsx}'],
    // Server components and helpers (each marked server-only) may read the server directly.
    ignores: ['app/_components/overview/initial.ts', 'app/_components/assessment/serverDefaults.ts', 'app/_components/admin/CalendarOutlookBanner.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/server/*', '**/server/*'], allowTypeImports: true, message: 'Import server types only; move pure code both sides need to shared/.' },
            { group: ['@/seeds/*', '**/seeds/*'], message: 'The app reads reference data from ClickHouse, not from the demo seed.' },
          ],
        },
      ],
    },
  },
  {
    // The app never imports the demo seed: the city, districts and units are reference data in ClickHouse.
    files: ['app/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@/seeds/*', '**/seeds/*'], message: 'Read reference data from ClickHouse (server/reference), not the demo seed.' }] }] },
  },
  {
    // The server does not reach into the app: labels both need live in shared/.
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@/app/*', '**/app/*'], message: 'Move what the server needs of the app (labels, pure helpers) to shared/.' }, { group: ['@/seeds/*', '**/seeds/*'], message: 'Read reference data from ClickHouse (server/reference), not the demo seed.' }] }] },
  },
  { ignores: ['.next/**', '.next-bench/**', 'node_modules/**', '.data/**', 'tmp/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
];

export default config;
