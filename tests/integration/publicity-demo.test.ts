/**
 * On the deterministic demo data, every double-publicity figure equals a plain recomputation written independently
 * here: straight from the three stream tables (no rollup, no cube, no dictionary) and the calendar_days table, with
 * joins instead of dictionary lookups. Checked computed live, from the cube, and as of an earlier date (where
 * publications received later must be taken back).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '@/server/db/query';
import { generateDemoData } from '@/seeds/generator/generate';
import { CHRONICALLY_LATE_UNITS, NEVER_PUBLISH_HEAVY } from '@/seeds/generator/scenarios';
import {
  allPublicityItems,
  cubeState,
  publicityDelayHistogram,
  publicityKpi,
  refreshPublicityCube,
  setPublicityAutoRefresh,
  type GroupBy,
  type ItemStatus,
} from '@/server/metrics/publicity';
import { freshDatabase } from './_db';

const TODAY = '2026-11-23';
await freshDatabase({ today: TODAY });
setPublicityAutoRefresh(false);

beforeAll(async () => {
  await generateDemoData({ scale: 0.05, seed: 11, today: TODAY });
}, 300_000);

/**
 * Each decision (unit, kind, doc) of the due set with its decision date (register's first), publication date and
 * status as of asOf, computed without anything from server/metrics/publicity.
 */
const PLAIN = `
  WITH
    raw AS (
      SELECT 'reg' AS src, district_code, unit_code, kind, doc_no, decision_date, received_at, first_received_at FROM decisions
      UNION ALL
      SELECT 'pub', district_code, unit_code, 'license', doc_no, decision_date, received_at, first_received_at FROM licenses
      UNION ALL
      SELECT 'pub', district_code, unit_code, 'penalty', doc_no, decision_date, received_at, first_received_at FROM penalties
    ),
    dec AS (
      SELECT district_code, unit_code, kind, doc_no,
             countIf(src = 'reg') > 0 AS registered,
             countIf(src = 'pub') > 0 AS published,
             if(registered, argMaxIf(decision_date, received_at, src = 'reg'), argMaxIf(decision_date, received_at, src = 'pub')) AS d,
             toDate(minIf(first_received_at, src = 'pub')) AS p
      FROM raw GROUP BY district_code, unit_code, kind, doc_no
    ),
    cal AS (SELECT date, workday_no, is_workday FROM calendar_days FINAL),
    withno AS (
      SELECT dec.*, c1.workday_no AS d_no, c2.workday_no AS p_no
      FROM dec
      LEFT JOIN cal AS c1 ON c1.date = dec.d
      LEFT JOIN cal AS c2 ON c2.date = dec.p
    ),
    plain AS (
      SELECT w.*, c3.date AS deadline, toInt64(w.p_no) - toInt64(w.d_no) AS delay,
             multiIf(w.published AND w.p <= {asOf:Date} AND w.p <= c3.date, 'on_time',
                     w.published AND w.p <= {asOf:Date}, 'late',
                     {asOf:Date} > c3.date, 'overdue', 'pending') AS status
      FROM withno AS w
      LEFT JOIN (SELECT date, workday_no FROM cal WHERE is_workday = 1) AS c3 ON c3.workday_no = w.d_no + 7
      WHERE w.d BETWEEN {from:Date} AND {to:Date}
    )`;

const KEY: Record<GroupBy, string> = {
  unit: 'unit_code',
  district: 'district_code',
  catalog: "if(kind = 'license', 'XK', 'CF')",
  month: "formatDateTime(d, '%Y-%m')",
};

const plainRow = z.object({
  key: z.string(),
  onTime: z.number(),
  late: z.number(),
  overdue: z.number(),
  pending: z.number(),
  delaySum: z.number(),
});

async function plainKpi(p: { from: string; to: string; asOf: string }, groupBy: GroupBy) {
  const rows = await queryRows(
    `${PLAIN}
     SELECT ${KEY[groupBy]} AS key, countIf(status = 'on_time') AS onTime, countIf(status = 'late') AS late,
            countIf(status = 'overdue') AS overdue, countIf(status = 'pending') AS pending,
            sumIf(delay, status IN ('on_time', 'late')) AS delaySum
     FROM plain GROUP BY key ORDER BY key`,
    p,
    plainRow,
  );
  return new Map(
    rows.map((r) => {
      const due = r.onTime + r.late + r.overdue;
      const published = r.onTime + r.late;
      return [
        r.key,
        {
          due,
          onTime: r.onTime,
          late: r.late,
          overdue: r.overdue,
          pending: r.pending,
          onTimeRate: due ? r.onTime / due : null,
          avgDelay: published ? r.delaySum / published : null,
        },
      ];
    }),
  );
}

async function compareAll(p: { from: string; to: string; asOf: string }) {
  for (const groupBy of ['unit', 'district', 'catalog', 'month'] as const) {
    const expected = await plainKpi(p, groupBy);
    const got = await publicityKpi({ ...p, groupBy });
    expect(expected.size, groupBy).toBeGreaterThan(0);
    const nonEmpty = got.rows.filter((r) => r.due + r.pending > 0);
    expect(nonEmpty.map((r) => r.key).sort(), groupBy).toEqual([...expected.keys()].sort());
    for (const r of nonEmpty) {
      const { key, name: _n, districtCode: _d, ...figures } = r;
      const want = expected.get(key)!;
      expect({ key, ...figures, avgDelay: round(figures.avgDelay), onTimeRate: round(figures.onTimeRate) }).toEqual({
        key,
        ...want,
        avgDelay: round(want.avgDelay),
        onTimeRate: round(want.onTimeRate),
      });
    }
  }
  // The delay distribution.
  const hist = await queryRows(
    `${PLAIN} SELECT delay, count() AS count FROM plain WHERE status IN ('on_time', 'late') GROUP BY delay ORDER BY delay`,
    p,
    z.object({ delay: z.number(), count: z.number() }),
  );
  expect(hist.length).toBeGreaterThan(3);
  expect((await publicityDelayHistogram(p)).rows).toEqual(hist);
  // The items behind each status: same decisions.
  for (const status of ['late', 'overdue', 'pending', 'warning'] as ItemStatus[]) {
    const docs: string[] = [];
    for await (const i of allPublicityItems({ kind: 'all' }, { ...p, status: [status] })) docs.push(`${i.unitCode}|${i.kind}|${i.docNo}`);
    const where =
      status === 'warning'
        ? `status = 'pending' AND deadline <= (SELECT min(date) FROM (SELECT date, workday_no FROM calendar_days FINAL WHERE is_workday = 1)
             WHERE workday_no = (SELECT workday_no FROM calendar_days FINAL WHERE date = {asOf:Date}) + 2)`
        : `status = '${status}'`;
    const plainDocs = await queryRows(
      `${PLAIN} SELECT concat(unit_code, '|', kind, '|', doc_no) AS k FROM plain WHERE ${where}`,
      p,
      z.object({ k: z.string() }),
    );
    expect(docs.sort(), status).toEqual(plainDocs.map((r) => r.k).sort());
    if (status === 'late' || status === 'overdue') expect(docs.length, status).toBeGreaterThan(0);
  }
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 1e9) / 1e9);

const NOW = { from: '2025-11-24', to: TODAY, asOf: TODAY };
const EARLIER = { from: '2026-05-01', to: '2026-06-15', asOf: '2026-06-15' };

describe('demo data: figures equal a plain recomputation', () => {
  it('computed live', async () => {
    expect((await cubeState()).clean).toEqual([]);
    await compareAll(NOW);
  }, 120_000);

  it('from the cube, now and as of an earlier date', async () => {
    await refreshPublicityCube();
    expect((await cubeState()).dirty).toEqual([]);
    await compareAll(NOW);
    await compareAll(EARLIER);
  }, 120_000);

  it('the scenarios show: chronically late units far below target, the heavy non-publisher has the most missing', async () => {
    const k = await publicityKpi({ ...NOW, groupBy: 'unit' });
    for (const code of CHRONICALLY_LATE_UNITS) {
      const r = k.rows.find((x) => x.key === code);
      if (r && r.due > 20) expect(r.onTimeRate!).toBeLessThan(0.5);
    }
    const typical = k.rows.filter((r) => !CHRONICALLY_LATE_UNITS.includes(r.key) && r.due > 50);
    expect(typical.length).toBeGreaterThan(10);
    for (const r of typical) expect(r.onTimeRate!).toBeGreaterThan(0.8);
    const heavy = k.rows.find((r) => r.key === NEVER_PUBLISH_HEAVY.unitCode);
    if (heavy && heavy.due > 20) expect(heavy.overdue / heavy.due).toBeGreaterThan(0.08);
    expect(k.total.onTimeRate!).toBeLessThan(1);
    expect(k.calendarWarning).toBe(false);
  });
});
