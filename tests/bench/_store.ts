import { existsSync } from 'node:fs';
import { z } from 'zod';
import { ensureCalendar } from '../../server/calendar/rebuild';
import { migrate } from '../../server/db/migrate';
import { queryOne } from '../../server/db/query';
import { resetEnvCache } from '../../server/env';
import { generateDemoData } from '../../seeds/generator/generate';
import { loadReferenceData } from '../../seeds/loadReference';

/** Open (or build once) a generated store at `path` for a scale; benchmarks reuse it across runs. */
export async function openBenchStore(opts: { path: string; scale: number; seed: number; today: string }) {
  const fresh = !existsSync(opts.path);
  process.env.CLICKHOUSE_PATH = opts.path;
  process.env.APP_TODAY = opts.today;
  resetEnvCache();
  await migrate();
  await ensureCalendar();
  const { n } = await queryOne('SELECT count() AS n FROM records', {}, z.object({ n: z.number() }));
  if (fresh || n === 0) {
    await loadReferenceData(opts.today);
    console.log(`generating scale ${opts.scale} into ${opts.path} …`);
    const r = await generateDemoData({ scale: opts.scale, seed: opts.seed, today: opts.today, log: () => {} });
    console.log(`generated ${Object.values(r.rows).reduce((a, b) => a + b, 0).toLocaleString('en')} rows in ${r.seconds.toFixed(0)} s`);
  }
}

/** Time `run` warm: one untimed call, then `times` timed calls; p50/p95 in ms. */
export async function timeIt(run: () => Promise<unknown>, times = 20): Promise<{ p50: number; p95: number; max: number }> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), max: ms[ms.length - 1]! };
}
