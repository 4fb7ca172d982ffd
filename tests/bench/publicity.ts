// npm run bench -- publicity [--scale 5] [--path /work/bench-data/s5] [--runs 20]: p50/p95 of each 双公示 dashboard
// query, warm, on a generated store (built once at the path, then reused). Prints figures; asserts nothing.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { closeClickHouse } from '../../server/db/client';
import { queryOne } from '../../server/db/query';
import { storeRows, type StoredRow } from '../../server/ingest/store';
import {
  cubeState,
  itemsInput,
  publicityDelayHistogram,
  publicityItems,
  publicityKpi,
  refreshPublicityCube,
  setPublicityAutoRefresh,
} from '../../server/metrics/publicity';
import { startOfMonthsAgo } from '../../server/metrics/months';
import { openBenchStore, timeIt } from './_store';

export async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: '5' },
      path: { type: 'string' },
      today: { type: 'string', default: '2026-11-23' },
      runs: { type: 'string', default: '20' },
    },
  });
  const scale = Number(values.scale);
  const path = values.path ?? `/work/bench-data/s${scale}`;
  const runs = Number(values.runs);
  setPublicityAutoRefresh(false);
  await openBenchStore({ path, scale, seed: 1, today: values.today });

  const size = await queryOne(
    `SELECT (SELECT sum(rows) FROM system.parts WHERE database = currentDatabase() AND active
               AND table IN ('records','licenses','penalties','decisions','sanctions','feedback')) AS rows,
            (SELECT count() FROM publicity_decisions FINAL) AS decisions,
            (SELECT count() FROM system.parts WHERE database = currentDatabase() AND active AND table = 'publicity_decisions') AS parts`,
    {},
    z.object({ rows: z.number(), decisions: z.number(), parts: z.number() }),
  );
  console.log(
    `store ${path}: ${size.rows.toLocaleString('en')} stream rows, ${size.decisions.toLocaleString('en')} decisions in the due set ` +
      `(publicity_decisions: ${size.parts} parts)`,
  );

  const t0 = performance.now();
  const refreshed = await refreshPublicityCube();
  const cube = await queryOne(
    `SELECT count() AS n FROM publicity_cube WHERE build_seq IN {seqs:Array(UInt64)}`,
    { seqs: (await cubeState()).clean.map(([, s]) => s) },
    z.object({ n: z.number() }),
  );
  console.log(
    `cube refresh: ${refreshed.units} units rebuilt in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
      `${cube.n.toLocaleString('en')} current cube rows (unit × kind × decision date)`,
  );

  const asOf = values.today;
  const year = { from: startOfMonthsAgo(asOf, 11), to: asOf, asOf };
  const earlier = { from: startOfMonthsAgo(asOf, 5), to: startOfMonthsAgo(asOf, 3), asOf: startOfMonthsAgo(asOf, 3) };
  const all = { kind: 'all' } as const;
  const items = (q: Record<string, unknown>, scope: Parameters<typeof publicityItems>[0] = all) =>
    publicityItems(scope, itemsInput.parse({ ...year, limit: 10, ...q }));
  const queries: Array<[string, () => Promise<unknown>]> = [
    ['kpi by unit (12 months)', () => publicityKpi({ ...year, groupBy: 'unit' })],
    ['kpi by district', () => publicityKpi({ ...year, groupBy: 'district' })],
    ['kpi by catalog (XK/CF)', () => publicityKpi({ ...year, groupBy: 'catalog' })],
    ['trend by month', () => publicityKpi({ ...year, groupBy: 'month' })],
    ['delay histogram', () => publicityDelayHistogram(year)],
    ['overdue items, first page', () => items({ status: 'overdue' })],
    ['late items, first page', () => items({ status: 'late' })],
    ['early warning items', () => items({ status: 'warning' })],
    ['items of one district (scoped)', () => items({ status: 'late,overdue' }, { kind: 'district', districtCode: '990102' })],
    ['kpi by unit, one district filter', () => publicityKpi({ ...year, district: '990105', groupBy: 'unit' })],
    ['kpi by unit, asOf 3 months back', () => publicityKpi({ ...earlier, groupBy: 'unit' })],
  ];
  console.log(`\nquery                                   p50 ms   p95 ms   (${runs} warm runs each)`);
  const report = async (name: string, run: () => Promise<unknown>) => {
    const t = await timeIt(run, runs);
    console.log(`${name.padEnd(38)} ${t.p50.toFixed(0).padStart(7)}  ${t.p95.toFixed(0).padStart(7)}`);
  };
  for (const [name, run] of queries) await report(name, run);

  // One unit received data since its cube was built: its figures are computed live until the next refresh.
  const big = await queryOne(
    `SELECT unit_code AS u, any(district_code) AS d, any(doc_no) AS doc, any(decision_date) AS dd
     FROM penalties GROUP BY unit_code ORDER BY count() DESC LIMIT 1`,
    {},
    z.object({ u: z.string(), d: z.string(), doc: z.string(), dd: z.string() }),
  );
  await storeRows(
    'decisions',
    [
      {
        district_code: big.d,
        unit_code: big.u,
        kind: 'penalty',
        doc_no: big.doc,
        decision_date: big.dd,
        subject_name: '',
        subject_code: '',
        batch_id: '00000000-0000-4000-8000-0000000000be',
        row_no: 1,
        received_at: `${asOf} 12:00:00.000`,
      } as StoredRow,
    ],
    { firstReceipts: 'lookup' },
  );
  await report(`kpi by unit, ${big.u} dirty (live)`, () => publicityKpi({ ...year, groupBy: 'unit' }));
  await refreshPublicityCube();
  await closeClickHouse();
}
