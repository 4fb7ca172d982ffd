// npm run bench -- sanctions [--scale 5] [--path /work/bench-data/s5]: p50/p95 of each 联合奖惩 dashboard query, warm,
// on a generated store (built once at the path, then reused). Prints figures; asserts nothing.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { closeClickHouse } from '../../server/db/client';
import { queryOne } from '../../server/db/query';
import { sanctionFunnel, sanctionKpi } from '../../server/metrics/sanctions/kpi';
import { sanctionItems } from '../../server/metrics/sanctions/items';
import { openBenchStore, timeIt } from './_store';

export async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { scale: { type: 'string', default: '5' }, path: { type: 'string' }, today: { type: 'string', default: '2026-11-23' }, runs: { type: 'string', default: '20' } },
  });
  const scale = Number(values.scale);
  const path = values.path ?? `/work/bench-data/s${scale}`;
  await openBenchStore({ path, scale, seed: 1, today: values.today });
  const size = await queryOne(
    `SELECT (SELECT sum(rows) FROM system.parts WHERE database = currentDatabase() AND active AND table IN ('records','licenses','penalties','decisions','sanctions','feedback')) AS rows,
            (SELECT count() FROM sanctions) AS pushes`,
    {},
    z.object({ rows: z.number(), pushes: z.number() }),
  );
  console.log(`store ${path}: ${size.rows.toLocaleString('en')} stream rows, ${size.pushes.toLocaleString('en')} sanction pushes`);
  const asOf = values.today;
  const year = { from: `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`, to: asOf, asOf };
  const runs = Number(values.runs);
  const queries: Array<[string, () => Promise<unknown>]> = [
    ['kpi by responding unit (12 months)', () => sanctionKpi(year, 'unit')],
    ['kpi by district', () => sanctionKpi(year, 'district')],
    ['trend by month', () => sanctionKpi(year, 'month')],
    ['funnel', () => sanctionFunnel(year)],
    ['overdue items, first page', () => sanctionItems({ kind: 'all' }, { ...year, status: 'overdue', limit: 50 })],
    ['items of one district (scoped)', () => sanctionItems({ kind: 'district', districtCode: '990102' }, { ...year, limit: 50 })],
    ['kpi, one district filter', () => sanctionKpi({ ...year, district: '990105' }, 'unit')],
  ];
  console.log(`\nquery                                 p50 ms   p95 ms   (${runs} warm runs each)`);
  for (const [name, run] of queries) {
    const t = await timeIt(run, runs);
    console.log(`${name.padEnd(36)} ${t.p50.toFixed(0).padStart(7)}  ${t.p95.toFixed(0).padStart(7)}`);
  }
  await closeClickHouse();
}
