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
  { ignores: ['.next/**', '.next-bench/**', 'node_modules/**', '.data/**', 'tmp/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
];

export default config;
