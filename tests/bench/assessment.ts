// npm run bench -- assessment [--scale 100] [--path /work/bench-data/s100]: p50/p95 of the 考核排名 queries on a generated
// store (built once at the path, then reused). "cold" runs bump the data epoch first, so nothing is served from the
// memo of closed periods: they measure the figures read from ClickHouse plus scoring and ranking; "after a publication"
// runs recompute what an ordinary double-publicity receipt can move in a closed period (its publicity figures only).
// Asserts nothing.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { lastCompletedMonth } from '../../server/assessment/periods';
import { ensureDefaultSchemes } from '../../server/assessment/store';
import { recordDataChange } from '../../server/db/dataVersions';
import { closeClickHouse } from '../../server/db/client';
import { queryOne } from '../../server/db/query';
import { entityAssessment } from '../../server/metrics/assessment/entity';
import { assessmentRanking } from '../../server/metrics/assessment/ranking';
import { openBenchStore, timeIt } from './_store';

export async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { scale: { type: 'string', default: '1' }, path: { type: 'string' }, today: { type: 'string', default: '2026-11-23' }, runs: { type: 'string', default: '20' } },
  });
  const scale = Number(values.scale);
  const path = values.path ?? `/work/bench-data/s${scale}`;
  await openBenchStore({ path, scale, seed: 1, today: values.today });
  await ensureDefaultSchemes();
  const size = await queryOne(
    `SELECT sum(rows) AS rows FROM system.parts WHERE database = currentDatabase() AND active AND table IN ('records','licenses','penalties','decisions','sanctions','feedback')`,
    {},
    z.object({ rows: z.number() }),
  );
  console.log(`store ${path}: ${size.rows.toLocaleString('en')} stream rows`);
  const month = lastCompletedMonth(values.today);
  const running = values.today.slice(0, 7);
  const runs = Number(values.runs);
  // A cold run comes after a change that can move closed periods (a backfill) or only double publicity (a licence).
  const after = (change: 'backfill' | 'licenses', run: () => Promise<unknown>) => async () => {
    await recordDataChange([change]);
    return run();
  };
  const cold = (run: () => Promise<unknown>) => after('backfill', run);
  const both = (period: string) => () => Promise.all([assessmentRanking({ period, level: 'district' }), assessmentRanking({ period, level: 'unit' })]);
  const queries: Array<[string, () => Promise<unknown>]> = [
    [`districts + units, ${month} (cold)`, cold(both(month))],
    [`districts, ${month} (cold)`, cold(() => assessmentRanking({ period: month, level: 'district' }))],
    [`units, ${month} (cold)`, cold(() => assessmentRanking({ period: month, level: 'unit' }))],
    [`districts + units, ${month} (memoized)`, both(month)],
    [`districts + units, ${month} (after a publication)`, after('licenses', both(month))],
    [`districts + units, ${running} (running)`, both(running)],
    [`districts + units, quarter (cold)`, cold(both(`${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5)) / 3)}`))],
    [`districts + units, R12 (cold)`, cold(both(`R12-${month}`))],
    [`district page, 12 months (memoized)`, () => entityAssessment({ level: 'district', code: '990102', period: month })],
  ];
  console.log(`\nquery                                        p50 ms   p95 ms   (${runs} runs each, after one untimed)`);
  for (const [name, run] of queries) {
    const t = await timeIt(run, runs);
    console.log(`${name.padEnd(42)} ${t.p50.toFixed(0).padStart(7)}  ${t.p95.toFixed(0).padStart(7)}`);
  }
  await closeClickHouse();
}
