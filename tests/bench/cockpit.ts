// npm run bench -- cockpit [--scale 1] [--path /work/bench-data/s1] [--runs 20] [--browser]: server time of the 总览
// cockpit on a generated store (built once at the path, then reused), warm: each card's query and the whole cockpit as
// the page asks for it (all four in parallel, one batched request). With --browser, also the time a real Chromium takes
// from navigation to the fully drawn page (every card's chart and the attention list) against the production server
// (npm start's path, on the same store). Prints p50/p95; asserts nothing.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { z } from 'zod';
import { closeClickHouse } from '../../server/db/client';
import { queryOne } from '../../server/db/query';
import { attentionList, ingestionCard, publicityCard, sanctionsCard } from '../../server/metrics/overview/cockpit';
import { refreshPublicityCube, setPublicityAutoRefresh } from '../../server/metrics/publicity';
import { startServer, stopServer } from './_server';
import { openBenchStore, timeIt } from './_store';

export async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: '1' },
      path: { type: 'string' },
      today: { type: 'string', default: '2026-11-23' },
      runs: { type: 'string', default: '20' },
      browser: { type: 'boolean', default: false },
      port: { type: 'string', default: '3190' },
    },
  });
  const scale = Number(values.scale);
  const path = values.path ?? `/work/bench-data/s${scale}`;
  const runs = Number(values.runs);
  const asOf = values.today;
  // A running server refreshes the publicity cube after each answer; here it is refreshed once, up front.
  setPublicityAutoRefresh(false);
  await openBenchStore({ path, scale, seed: 1, today: asOf });
  const size = await queryOne(
    `SELECT (SELECT sum(rows) FROM system.parts WHERE database = currentDatabase() AND active
               AND table IN ('records','licenses','penalties','decisions','sanctions','feedback')) AS rows`,
    {},
    z.object({ rows: z.number() }),
  );
  console.log(`store ${path}: ${size.rows.toLocaleString('en')} stream rows, asOf ${asOf}`);
  const t0 = performance.now();
  const refreshed = await refreshPublicityCube();
  console.log(`publicity cube refresh: ${refreshed.units} units in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const district = { kind: 'district', districtCode: '990102' } as const;
  const queries: Array<[string, () => Promise<unknown>]> = [
    ['归集 card', () => ingestionCard(asOf)],
    ['双公示 card', () => publicityCard(asOf)],
    ['联合奖惩 card', () => sanctionsCard(asOf)],
    ['attention list (city)', () => attentionList({ kind: 'all' }, asOf)],
    ['attention list (one district)', () => attentionList(district, asOf)],
    [
      'whole cockpit (4 in parallel)',
      () => Promise.all([ingestionCard(asOf), publicityCard(asOf), sanctionsCard(asOf), attentionList({ kind: 'all' }, asOf)]),
    ],
  ];
  console.log(`\nquery                                 p50 ms   p95 ms   (${runs} warm runs each)`);
  for (const [name, run] of queries) {
    const t = await timeIt(run, runs);
    console.log(`${name.padEnd(36)} ${t.p50.toFixed(0).padStart(7)}  ${t.p95.toFixed(0).padStart(7)}`);
  }
  // The embedded store belongs to one process: hand it over to the server.
  await closeClickHouse();
  if (values.browser) await browserRuns({ path, port: Number(values.port), today: asOf, runs });
}

/** Navigation → every card's canvas and the attention list drawn, in a real Chromium, signed in as the demo leader. */
async function browserRuns(opts: { path: string; port: number; today: string; runs: number }) {
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
      await page.goto(`${base}/`);
      for (const id of ['card-ingestion', 'card-publicity', 'card-sanctions']) await page.getByTestId(id).locator('canvas').waitFor();
      await page.getByTestId('attention-anomalies').waitFor();
      return performance.now() - t0;
    };
    await drawn(); // the first load compiles nothing (production build) but warms the server's caches
    const ms: number[] = [];
    for (let i = 0; i < opts.runs; i++) ms.push(await drawn());
    ms.sort((a, b) => a - b);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!;
    console.log(`fully drawn in Chromium (1920×1080), ${opts.runs} loads: p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms`);
  } finally {
    await browser.close();
    stopServer(server);
  }
}
