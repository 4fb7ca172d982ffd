import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  // 'server-only' throws outside React's server condition (its guard against client bundles); tests run server code as
  // plain Node, as Next's own server compilers do with the same empty module.
  resolve: { alias: { '@': root, 'server-only': `${root}node_modules/server-only/empty.js` } },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // chdb binds one data directory per process: each test file gets its own fork and its own temp dir.
          pool: 'forks',
          isolate: true,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
