// npm run bench -- inspection [--scale 1] [--path DIR]: the 督查 list (every kind, cold and from its per-version
// cache), each kind on its own, a district's list, issuing a notice, reading notices (with the rectification check)
// and the follow-up figures, on a generated store (built once at the path). Prints figures; asserts nothing.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Principal } from '../../server/auth/roles';
import { closeClickHouse } from '../../server/db/client';
import { queryOne } from '../../server/db/query';
import { issueNotice, listNotices } from '../../server/inspection/notices';
import { refreshRectification } from '../../server/inspection/rectification';
import { followUpFigures } from '../../server/inspection/followUp';
import { PROBLEM_KINDS } from '../../server/inspection/kinds';
import { collectProblems, problemsInput, problemsPage, resolveProblemFilters } from '../../server/inspection/problems';
import { setPublicityAutoRefresh } from '../../server/metrics/publicity';
import { openBenchStore, timeIt } from './_store';

export async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { scale: { type: 'string', default: '1' }, path: { type: 'string' }, today: { type: 'string', default: '2026-11-23' }, runs: { type: 'string', default: '5' } },
  });
  const scale = Number(values.scale);
  const path = values.path ?? `/work/bench-data/inspection-s${scale}`;
  await openBenchStore({ path, scale, seed: 20261123, today: values.today });
  setPublicityAutoRefresh(false);
  const size = await queryOne(
    `SELECT (SELECT sum(rows) FROM system.parts WHERE database = currentDatabase() AND active AND table IN ('records','licenses','penalties','decisions','sanctions','feedback')) AS rows,
            (SELECT count() FROM rejected_rows) AS rejected, (SELECT count() FROM notices) AS notices`,
    {},
    z.object({ rows: z.number(), rejected: z.number(), notices: z.number() }),
  );
  console.log(`store ${path}: ${size.rows.toLocaleString('en')} stream rows, ${size.rejected.toLocaleString('en')} rejected rows, ${size.notices} notices`);
  const runs = Number(values.runs);
  const all = { kind: 'all' } as const;
  const f = resolveProblemFilters({});
  const first = await problemsPage(all, problemsInput.parse({}));
  console.log(`list of the last 12 months: ${first.total.toLocaleString('en')} problems ${JSON.stringify(first.byKind)}`);
  const queries: Array<[string, () => Promise<unknown>]> = [
    ['every kind, computed (cold)', () => collectProblems(all, f)],
    ['every kind, a page from the cache', () => problemsPage(all, problemsInput.parse({ sort: 'deadline', offset: 100, limit: 50 }))],
    ...PROBLEM_KINDS.map((k): [string, () => Promise<unknown>] => [`  ${k}`, () => collectProblems(all, { ...f, kinds: [k] })]),
    ['one district (scoped), computed', () => collectProblems({ kind: 'district', districtCode: '990102' }, f)],
    ['rectification check', () => refreshRectification()],
    ['notices list (inspector)', () => listNotices(all)],
    ['follow-up figures', () => followUpFigures({ from: f.from, to: f.to, asOf: f.asOf })],
  ];
  console.log(`\nquery                                   p50 ms   p95 ms   (${runs} warm runs each)`);
  for (const [name, run] of queries) {
    const t = await timeIt(run, runs);
    console.log(`${name.padEnd(40)}${t.p50.toFixed(0).padStart(6)}   ${t.p95.toFixed(0).padStart(6)}`);
  }
  const inspector: Principal = { kind: 'user', id: 'bench', name: 'bench@inspection', role: 'inspector', districtCode: '', unitCode: '', tokenScopes: [] };
  const unit = first.units.find((u) => u.notifiable > 0 && u.notifiable <= 500);
  if (unit) {
    const t0 = performance.now();
    const n = await issueNotice(inspector, { unit: unit.unitCode, filters: {} });
    console.log(`\nissued ${n.number} to ${unit.unitCode} over ${n.items} items in ${(performance.now() - t0).toFixed(0)} ms`);
  }
  await closeClickHouse();
}
