import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { E2E_TODAY } from './tests/e2e/today';

const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = process.env.E2E_DATA_DIR ?? '.data/e2e';
// Debian's Chromium on these machines; elsewhere Playwright's own (npx playwright install chromium).
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    // The real start path on a fresh data directory of its own, with a small demo seed: production build, real ClickHouse.
    command: `rm -rf ${dataDir} && tsx scripts/start.ts`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      CLICKHOUSE_PATH: dataDir,
      SEED_SCALE: '0.05',
      // The server's one clock is pinned (server/clock.ts): the demo data, receipts and default periods stay the same
      // whatever day the suite runs.
      APP_TODAY: E2E_TODAY,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
