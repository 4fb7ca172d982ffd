// npm run bench -- sanctions [--scale 5] [--path /work/bench-data/s5] [--runs 20]: p50/p95 of each 联合奖惩 dashboard
// query, warm, on a generated store (built once at the path, then reused), after a full rebuild of the cube and the
// case index (timed). Prints figures; asserts nothing.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { closeClickHouse } from '../../server/db/client';
import { queryOne, runCommand } from '../../server/db/query';
import { storeRows, type StoredRow } from '../../server/ingest/store';
import { startOfMonthsAgo } from '../../server/metrics/months';
import {
  cleanupSanctionCube,
  refreshSanctionCube,
  sanctionCasesState,
  sanctionCubeState,
  setSanctionAutoRefresh,
} from '../../server/metrics/sanctions/cube';
import { sanctionItems } from '../../server/metrics/sanctions/items';
import { sanctionFunnel, sanctionKpi } from '../../server/metrics/sanctions/kpi';
import { openBenchStore, timeIt } from './_store';

export async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { scale: { type: 'string', default: '5' }, path: { type: 'string' }, today: { type: 'string', default: '2026-11-23' }, runs: { type: 'string', default: '20' } },
  });
  const scale = Number(values.scale);
  const path = values.path ?? `/work/bench-data/s${scale}`;
  setSanctionAutoRefresh(false);
  await openBenchStore({ path, scale, seed: 1, today: values.today });
  const size = await queryOne(
    `SELECT (SELECT sum(rows) FROM system.parts WHERE database = currentDatabase() AND active AND table IN ('records','licenses','penalties','decisions','sanctions','feedback')) AS rows,
            (SELECT count() FROM sanctions) AS pushes`,
    {},
    z.object({ rows: z.number(), pushes: z.number() }),
  );
  console.log(`store ${path}: ${size.rows.toLocaleString('en')} stream rows, ${size.pushes.toLocaleString('en')} sanction pushes`);

  const built = await refreshSanctionCube({ force: true });
  await cleanupSanctionCube({ graceMs: 0 });
  // Apply the deletes so that the sizes below are those of the current builds.
  for (const t of ['sanction_items', 'sanction_cube', 'sanction_cases']) await runCommand(`OPTIMIZE TABLE ${t} FINAL`);
  const [cube, cases] = await Promise.all([sanctionCubeState(), sanctionCasesState()]);
  const cubeSize = await queryOne(
    `SELECT (SELECT count() FROM sanction_cube WHERE build_seq IN {seqs:Array(UInt64)}) AS cubeRows,
            (SELECT count() FROM sanction_cases WHERE build_seq IN {caseSeqs:Array(UInt64)}) AS caseRows,
            (SELECT count() FROM sanction_items WHERE build_seq IN {seqs:Array(UInt64)}) AS itemRows,
            (SELECT sum(bytes_on_disk) FROM system.parts WHERE database = currentDatabase() AND active AND table = 'sanction_items') AS itemBytes,
            (SELECT sum(bytes_on_disk) FROM system.parts WHERE database = currentDatabase() AND active AND table = 'sanction_cube') AS cubeBytes,
            (SELECT sum(bytes_on_disk) FROM system.parts WHERE database = currentDatabase() AND active AND table = 'sanction_cases') AS caseBytes`,
    { seqs: cube.clean.map(([, s]) => s), caseSeqs: [...new Set(cases.clean.map(([, s]) => s))] },
    z.object({ cubeRows: z.number(), caseRows: z.number(), itemRows: z.number(), cubeBytes: z.number(), caseBytes: z.number(), itemBytes: z.number() }),
  );
  const mb = (b: number) => (b / 1e6).toFixed(1);
  console.log(
    `full rebuild: ${built.units} units + case index in ${built.seconds.toFixed(1)} s; ` +
      `sanction_items ${cubeSize.itemRows.toLocaleString('en')} rows (${mb(cubeSize.itemBytes)} MB), ` +
      `sanction_cube ${cubeSize.cubeRows.toLocaleString('en')} rows (${mb(cubeSize.cubeBytes)} MB), ` +
      `sanction_cases ${cubeSize.caseRows.toLocaleString('en')} rows (${mb(cubeSize.caseBytes)} MB)`,
  );

  const asOf = values.today;
  const year = { from: `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`, to: asOf, asOf };
  const earlier = { from: startOfMonthsAgo(asOf, 5), to: startOfMonthsAgo(asOf, 3), asOf: startOfMonthsAgo(asOf, 3) };
  const runs = Number(values.runs);
  const { oneCase } = await queryOne(`SELECT any(case_id) AS oneCase FROM sanctions`, {}, z.object({ oneCase: z.string() }));
  const queries: Array<[string, () => Promise<unknown>]> = [
    ['kpi by responding unit (12 months)', () => sanctionKpi(year, 'unit')],
    ['kpi by district', () => sanctionKpi(year, 'district')],
    ['kpi by measure', () => sanctionKpi(year, 'measure')],
    ['trend by month', () => sanctionKpi(year, 'month')],
    ['funnel', () => sanctionFunnel(year)],
    ['overdue items, first page', () => sanctionItems({ kind: 'all' }, { ...year, status: 'overdue', limit: 50 })],
    ['items of one district (scoped)', () => sanctionItems({ kind: 'district', districtCode: '990102' }, { ...year, limit: 50 })],
    ['case page (one case, all dates)', () => sanctionItems({ kind: 'all' }, { from: '2000-01-01', to: asOf, asOf, caseId: oneCase, limit: 1000 })],
    ['kpi, one district filter', () => sanctionKpi({ ...year, district: '990105' }, 'unit')],
    ['funnel, one district filter', () => sanctionFunnel({ ...year, district: '990105' })],
    ['kpi, reward pushes', () => sanctionKpi({ ...year, kind: 'reward' }, 'unit')],
    ['kpi by unit, asOf 3 months back', () => sanctionKpi(earlier, 'unit')],
    ['funnel, asOf 3 months back', () => sanctionFunnel(earlier)],
  ];
  console.log(`\nquery                                   p50 ms   p95 ms   (${runs} warm runs each)`);
  const report = async (name: string, run: () => Promise<unknown>) => {
    const t = await timeIt(run, runs);
    console.log(`${name.padEnd(38)} ${t.p50.toFixed(0).padStart(7)}  ${t.p95.toFixed(0).padStart(7)}`);
  };
  for (const [name, run] of queries) await report(name, run);

  // The busiest responding unit receives an answer again (a resend): its figures are computed live until the next
  // refresh. Then a push to it is resent: its pushes in the case index are live too.
  const top = `(SELECT responding_unit FROM sanctions GROUP BY responding_unit ORDER BY count() DESC LIMIT 1)`;
  const answer = await queryOne(
    `SELECT district_code, unit_code, case_id, measure_code, result, note FROM feedback WHERE unit_code = ${top} LIMIT 1`,
    {},
    z.record(z.string(), z.string()),
  );
  const stamp = { row_no: 1, received_at: `${asOf} 12:00:00.000` };
  await storeRows('feedback', [{ ...answer, ...stamp, batch_id: '00000000-0000-4000-8000-0000000000bf' } as StoredRow], { firstReceipts: 'lookup' });
  await report(`kpi by unit, ${answer.unit_code} dirty (live)`, () => sanctionKpi(year, 'unit'));
  await report(`funnel, ${answer.unit_code} dirty (live)`, () => sanctionFunnel(year));
  const push = await queryOne(
    `SELECT * EXCEPT (batch_id, row_no, received_at, first_received_at) FROM sanctions WHERE responding_unit = ${top} LIMIT 1`,
    {},
    z.record(z.string(), z.string()),
  );
  await storeRows('sanctions', [{ ...push, ...stamp, batch_id: '00000000-0000-4000-8000-0000000000be' } as StoredRow], { firstReceipts: 'lookup' });
  await report(`funnel, ${answer.unit_code} cases live too`, () => sanctionFunnel(year));
  const t0 = performance.now();
  const r = await refreshSanctionCube();
  console.log(`refresh of ${r.units} dirty unit(s) and the case index: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await closeClickHouse();
}
