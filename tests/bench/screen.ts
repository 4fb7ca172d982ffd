// npm run bench -- screen [--scale 1] [--path /work/bench-data/s1] [--runs 20] [--browser]: the big screen (issue 17).
// Server time of screen.figures (the one call a refresh makes), warm. With --browser, against the production server
// on the same store: the time a real Chromium takes from navigation to the whole screen drawn (every panel, the map's
// canvas) at 1920×1080, and what each refresh transfers over the wire (an unchanged answer revalidates by ETag: no
// body; Chromium reports the revalidated answer as 200), and map downloads, which must be none after the first. Prints p50/p95; asserts nothing.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium, type Response } from '@playwright/test';
import { z } from 'zod';
import { closeClickHouse } from '../../server/db/client';
import { queryOne } from '../../server/db/query';
import { refreshPublicityCube, setPublicityAutoRefresh } from '../../server/metrics/publicity';
import { screenFigures } from '../../server/metrics/screen/figures';
import { startServer, stopServer } from './_server';
import { openBenchStore, timeIt } from './_store';

const PANELS = ['panel-ingestion', 'panel-publicity', 'panel-sanctions', 'panel-trend', 'panel-district-ranking', 'panel-units', 'panel-overdue'];

export async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: '1' },
      path: { type: 'string' },
      today: { type: 'string', default: '2026-11-23' },
      runs: { type: 'string', default: '20' },
      browser: { type: 'boolean', default: false },
      port: { type: 'string', default: '3417' },
      refresh: { type: 'string', default: '10' }, // the page's least (app/screen/page.tsx)
    },
  });
  const scale = Number(values.scale);
  const path = values.path ?? `/work/bench-data/s${scale}`;
  const runs = Number(values.runs);
  const asOf = values.today;
  setPublicityAutoRefresh(false);
  await openBenchStore({ path, scale, seed: 1, today: asOf });
  const size = await queryOne(
    `SELECT (SELECT sum(rows) FROM system.parts WHERE database = currentDatabase() AND active
               AND table IN ('records','licenses','penalties','decisions','sanctions','feedback')) AS rows`,
    {},
    z.object({ rows: z.number() }),
  );
  console.log(`store ${path}: ${size.rows.toLocaleString('en')} stream rows, asOf ${asOf}`);
  await refreshPublicityCube();
  const t = await timeIt(() => screenFigures(asOf), runs);
  console.log(`screen.figures (computed, not cached): p50 ${t.p50.toFixed(0)} ms, p95 ${t.p95.toFixed(0)} ms (${runs} warm runs)`);
  await closeClickHouse();
  if (values.browser) await browserRuns({ path, port: Number(values.port), today: asOf, runs, refresh: Number(values.refresh) });
}

async function browserRuns(opts: { path: string; port: number; today: string; runs: number; refresh: number }) {
  const busy = await fetch(`http://127.0.0.1:${opts.port}/api/health`).then(() => true, () => false);
  if (busy) throw new Error(`port ${opts.port} already answers (another server): pass --port`);
  console.log(`\nstarting the production server on ${opts.path} (a first run builds the app into .next-bench) …`);
  const server = await startServer({ port: opts.port, dataDir: opts.path, env: { APP_TODAY: opts.today } });
  const base = `http://127.0.0.1:${opts.port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await page.goto(`${base}/signin?callbackUrl=%2F`);
    await page.getByLabel('邮箱').fill('leader@demo.example');
    await page.getByLabel('密码').fill('Demo@2026-csm');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
    const drawn = async () => {
      const t0 = performance.now();
      await page.goto(`${base}/screen?cycle=0&refresh=${opts.refresh}`);
      for (const id of PANELS) await page.getByTestId(id).waitFor();
      await page.getByTestId('district-map').locator('canvas').waitFor();
      await page.getByTestId('panel-trend').locator('canvas').waitFor();
      return performance.now() - t0;
    };
    await drawn(); // warms the server's answer cache, as any screen after the first finds it
    const ms: number[] = [];
    for (let i = 0; i < opts.runs; i++) ms.push(await drawn());
    ms.sort((a, b) => a - b);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!;
    console.log(`whole screen drawn in Chromium (1920×1080), ${opts.runs} loads: p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms`);

    // Three refreshes on an open screen: what goes over the wire.
    const seen: Array<{ path: string; status: number; body: number; headers: number }> = [];
    const listener = async (res: Response) => {
      const path = new URL(res.url()).pathname;
      if (!path.startsWith('/api/v1/screen')) return;
      const size = await res.request().sizes().then((z) => ({ body: z.responseBodySize, headers: z.responseHeadersSize }), () => ({ body: -1, headers: -1 }));
      seen.push({ path, status: res.status(), ...size });
    };
    page.on('response', listener);
    await page.waitForTimeout(opts.refresh * 3000 + 1500);
    page.off('response', listener);
    const figures = seen.filter((s) => s.path === '/api/v1/screen');
    const maps = seen.filter((s) => s.path === '/api/v1/screen/map');
    console.log(
      `each refresh (every ${opts.refresh} s): ${figures.map((f) => `${f.status} body ${f.body.toLocaleString('en')} B + headers ${f.headers} B`).join(', ') || 'none seen'}; map downloads during refreshes: ${maps.length}`,
    );
  } finally {
    await browser.close();
    stopServer(server);
  }
}
