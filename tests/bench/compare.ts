// npm run bench -- compare [--scale 1] [--path /work/bench-data/s1] [--today 2026-11-23] [--runs 10]: each headline
// figure computed twice on the same store in one run (issue 20.4), through the product and as the plain SQL over the
// raw stream tables that a BI tool (Superset, Metabase) would run on the same ClickHouse: the answers are compared row by
// row (counts exactly, rates to 1e-9) and both warm p50s are printed with their ratio. Asserts nothing on time.
//
// Product side: the metric functions the endpoints call (below the in-process answer cache of
// server/endpoints/answerCache.ts, above everything else: cubes refreshed once up front as a running server keeps them,
// the figures a closed assessment period keeps per data version, reference lists). The ranking is also timed cold (data
// epoch bumped first, as in the assessment bench), i.e. recomputed from the cubes and rollups.
//
// Plain-SQL side: only the raw tables the ingestion API writes (records, licenses, penalties, decisions, sanctions,
// feedback, rejected_rows, and the batch log ingest_batches), the reference tables (units, districts, measures,
// targets) and the calendar dictionaries; never a product cube, rollup or derived table (ingest_daily, rejected_*_daily,
// publicity_*, sanction_*). Distinct keys through FINAL; the earliest receipt of a key is first_received_at, which
// every stored version carries (design.md §4: the earliest accepted receipt counts for timeliness); working-day deadlines
// as addWorkdays(d, n) = dictGet('workday_by_number', 'date', dictGet('calendar_by_date', 'workday_no', d) + n).
// "Rows as received" (the quality rate) cannot be counted from the stream tables themselves: a ReplacingMergeTree drops
// a replaced version when its parts merge, so count() over them drifts with merges. The batch log's accepted counts are
// the rows as received, dated by the batch's receipt (every row of a batch carries the batch's receipt time).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { lastCompletedMonth, parsePeriod, periodAsOf } from '../../server/assessment/periods';
import { ensureDefaultSchemes } from '../../server/assessment/store';
import { closeClickHouse } from '../../server/db/client';
import { recordDataChange } from '../../server/db/dataVersions';
import { queryOne, queryRows } from '../../server/db/query';
import { assessmentRanking } from '../../server/metrics/assessment/ranking';
import { rankingRequest } from '../../server/metrics/assessment/request';
import { resolveFilters } from '../../server/metrics/ingestion/filters';
import { ingestionKpi, ingestionKpiRequest } from '../../server/metrics/ingestion/kpi';
import { kpiInput, publicityKpi, refreshPublicityCube, resolveFilter, setPublicityAutoRefresh } from '../../server/metrics/publicity';
import { refreshSanctionCube, setSanctionAutoRefresh } from '../../server/metrics/sanctions/cube';
import { sanctionKpi } from '../../server/metrics/sanctions/kpi';
import { sanctionKpiRequest } from '../../server/metrics/sanctions/request';
import { openBenchStore, timeIt } from './_store';

// ---------------------------------------------------------------------------------------------------------
// Answers as comparable tables: key → named cells (counts compared exactly, rates to 1e-9)

type Cell = number | null;
type Table = Map<string, Record<string, Cell>>;

const EPSILON = 1e-9;
const cellsEqual = (a: Cell, b: Cell) => (a === null || b === null ? a === b : Number.isInteger(a) && Number.isInteger(b) ? a === b : Math.abs(a - b) <= EPSILON);
/** A row one side lists and the other leaves out is the same answer only when it holds nothing (zeros, no rates). */
const isEmptyRow = (r: Record<string, Cell>) => Object.values(r).every((v) => v === null || v === 0);
const show = (r: Record<string, Cell> | undefined) =>
  r ? Object.entries(r).map(([k, v]) => `${k}=${v === null ? 'null' : Number.isInteger(v) ? v : v.toFixed(12)}`).join(' ') : '(no row)';

type Verdict = { equal: boolean; rows: number; onlyEmpty: number; firstDiff?: string };

function compareTables(product: Table, sql: Table): Verdict {
  const keys = [...new Set([...product.keys(), ...sql.keys()])].sort();
  let onlyEmpty = 0;
  for (const key of keys) {
    const p = product.get(key);
    const s = sql.get(key);
    if (!p || !s) {
      if (isEmptyRow((p ?? s)!)) {
        onlyEmpty++;
        continue;
      }
      return { equal: false, rows: keys.length, onlyEmpty, firstDiff: `${key}: product ${show(p)} | SQL ${show(s)}` };
    }
    const fields = [...new Set([...Object.keys(p), ...Object.keys(s)])];
    if (fields.some((f) => !(f in p) || !(f in s) || !cellsEqual(p[f]!, s[f]!))) {
      return { equal: false, rows: keys.length, onlyEmpty, firstDiff: `${key}: product ${show(p)} | SQL ${show(s)}` };
    }
  }
  return { equal: true, rows: keys.length, onlyEmpty };
}

const rate = (num: number, den: number): Cell => (den === 0 ? null : num / den);

// ---------------------------------------------------------------------------------------------------------
// The plain SQL, one query per figure, grouped by unit or district (the same SQL serves the ranking's inputs)

type Level = 'unit' | 'district';
const n = z.coerce.number();
const nullableN = z.coerce.number().nullable();

/**
 * 归集: accepted distinct keys first received in [from, to] (volume); rows as received and rejected rows received in
 * [from, to] (quality); accepted distinct keys first received from 1 January to `ytdTo` (target completion).
 */
function ingestionSql(level: Level) {
  const key = level === 'unit' ? 'unit_code' : 'district_code';
  return `-- compare: plain SQL, ingestion volume and quality by ${level}
    SELECT key, sum(accepted) AS accepted, sum(ytd) AS ytd, sum(accepted_rows) AS acceptedRows, sum(rejected_rows) AS rejectedRows,
           if(acceptedRows + rejectedRows = 0, NULL, acceptedRows / (acceptedRows + rejectedRows)) AS qualityRate
    FROM (
      SELECT ${key} AS key,
             toInt64(countIf(toDate(first_received_at) BETWEEN {from:Date} AND {to:Date})) AS accepted,
             toInt64(countIf(toDate(first_received_at) BETWEEN {yearStart:Date} AND {ytdTo:Date})) AS ytd,
             toInt64(0) AS accepted_rows, toInt64(0) AS rejected_rows
      FROM (SELECT district_code, unit_code, first_received_at FROM records FINAL
            UNION ALL SELECT district_code, unit_code, first_received_at FROM licenses FINAL
            UNION ALL SELECT district_code, unit_code, first_received_at FROM penalties FINAL)
      WHERE toDate(first_received_at) BETWEEN least({from:Date}, {yearStart:Date}) AND greatest({to:Date}, {ytdTo:Date})
      GROUP BY key
      UNION ALL
      SELECT ${key}, 0, 0, toInt64(sum(accepted)), 0
      FROM ingest_batches FINAL
      WHERE status = 'stored' AND stream IN ('records', 'licenses', 'penalties') AND toDate(received_at) BETWEEN {from:Date} AND {to:Date}
      GROUP BY ${key}
      UNION ALL
      SELECT ${key}, 0, 0, 0, toInt64(count())
      FROM rejected_rows
      WHERE stream IN ('records', 'licenses', 'penalties') AND toDate(received_at) BETWEEN {from:Date} AND {to:Date}
      GROUP BY ${key}
    )
    GROUP BY key`;
}
const ingestionRow = z.object({ key: z.string(), accepted: n, ytd: n, acceptedRows: n, rejectedRows: n, qualityRate: nullableN });

/**
 * 双公示: the due set = the register ∪ the publications, one decision per (unit, kind, docNo); its decision date is the
 * register's when registered, else the publication's; published on the Asia/Shanghai date of its earliest receipt;
 * deadline = addWorkdays(decision date, 7); status as of asOf; delay = working days in (decision date, publication].
 */
function publicitySql(level: Level) {
  const key = level === 'unit' ? 'unit_code' : 'district_code';
  return `-- compare: plain SQL, double publicity by ${level}
    SELECT ${key} AS key,
           toInt64(countIf(published_as_of AND publication_date <= deadline)) AS onTime,
           toInt64(countIf(published_as_of AND publication_date > deadline)) AS late,
           toInt64(countIf(NOT published_as_of AND {asOf:Date} > deadline)) AS overdue,
           toInt64(countIf(NOT published_as_of AND {asOf:Date} <= deadline)) AS pending,
           toInt64(sumIf(toInt64(dictGet('calendar_by_date', 'workday_no', publication_date))
                           - toInt64(dictGet('calendar_by_date', 'workday_no', decision_date)), published_as_of)) AS delaySum
    FROM (
      SELECT district_code, unit_code, decision_date, publication_date,
             is_published = 1 AND publication_date <= {asOf:Date} AS published_as_of,
             dictGet('workday_by_number', 'date', toUInt64(dictGet('calendar_by_date', 'workday_no', decision_date)) + 7) AS deadline
      FROM (
        SELECT district_code, unit_code, kind, doc_no,
               max(reg) AS is_registered, max(pub) AS is_published,
               if(is_registered = 1, anyIf(decided_on, reg = 1), anyIf(decided_on, pub = 1)) AS decision_date,
               toDate(minIf(first_received_at, pub = 1)) AS publication_date
        FROM (
          SELECT district_code, unit_code, kind, doc_no, decision_date AS decided_on, first_received_at, 1 AS reg, 0 AS pub FROM decisions FINAL
          UNION ALL
          SELECT district_code, unit_code, 'license', doc_no, decision_date, first_received_at, 0, 1 FROM licenses FINAL
          UNION ALL
          SELECT district_code, unit_code, 'penalty', doc_no, decision_date, first_received_at, 0, 1 FROM penalties FINAL
        )
        GROUP BY district_code, unit_code, kind, doc_no
      )
      WHERE decision_date BETWEEN {from:Date} AND {to:Date}
    )
    GROUP BY key`;
}
const publicityRow = z.object({ key: z.string(), onTime: n, late: n, overdue: n, pending: n, delaySum: n });

/**
 * 联合奖惩: one push per (responding unit, case, measure), pushed on the date of its earliest receipt, answered on the
 * date of the earliest receipt of the responding unit's feedback (latest result); due = addWorkdays(pushed date, the
 * measure's feedback days); status as of asOf; executed = answered by asOf with result executed.
 */
function sanctionsSql(level: Level) {
  const key = level === 'unit' ? 'responding_unit' : 'responding_district_code';
  return `-- compare: plain SQL, joint sanctions by ${level}
    SELECT ${key} AS key, toInt64(count()) AS pushes,
           toInt64(countIf(answered_as_of AND answered_date <= due_date)) AS answeredOnTime,
           toInt64(countIf(answered_as_of AND answered_date > due_date)) AS answeredLate,
           toInt64(countIf(NOT answered_as_of AND {asOf:Date} > due_date)) AS overdue,
           toInt64(countIf(NOT answered_as_of AND {asOf:Date} <= due_date)) AS pending,
           toInt64(countIf(answered_as_of AND result = 'executed')) AS executed
    FROM (
      SELECT s.responding_district_code, s.responding_unit, toDate(s.first_received_at) AS pushed_date,
             f.answered = 1 AND toDate(f.first_received_at) <= {asOf:Date} AS answered_as_of,
             toDate(f.first_received_at) AS answered_date, f.result,
             dictGet('workday_by_number', 'date', toUInt64(dictGet('calendar_by_date', 'workday_no', pushed_date)) + m.feedback_days) AS due_date
      FROM sanctions AS s FINAL
      LEFT JOIN (SELECT district_code, unit_code, case_id, measure_code, result, first_received_at, toUInt8(1) AS answered FROM feedback FINAL) AS f
        ON f.district_code = s.responding_district_code AND f.unit_code = s.responding_unit
       AND f.case_id = s.case_id AND f.measure_code = s.measure_code
      LEFT JOIN (SELECT code, feedback_days FROM measures FINAL) AS m ON m.code = s.measure_code
      WHERE toDate(s.first_received_at) BETWEEN {from:Date} AND {to:Date}
    )
    GROUP BY key`;
}
const sanctionsRow = z.object({
  key: z.string(),
  pushes: n,
  answeredOnTime: n,
  answeredLate: n,
  overdue: n,
  pending: n,
  executed: n,
});

/** The annual targets of districts and the working days of the year elapsed at refDate (reference + calendar). */
const DISTRICT_TARGETS_SQL = `-- compare: plain SQL, assessed districts with their pro-rated ingestion target
    SELECT d.code AS key, t.target AS target,
           toInt64(dictGet('calendar_by_date', 'workday_no', {ytdTo:Date})) - toInt64(dictGet('calendar_by_date', 'workday_no', {yearStart:Date} - 1)) AS elapsed,
           toInt64(dictGet('calendar_by_date', 'workday_no', {yearEnd:Date})) - toInt64(dictGet('calendar_by_date', 'workday_no', {yearStart:Date} - 1)) AS inYear
    FROM (SELECT code FROM districts FINAL WHERE level = 'district') AS d
    LEFT JOIN (SELECT code, target FROM targets FINAL
               WHERE year = toYear({ytdTo:Date}) AND level = 'district' AND kpi = 'ingestion_records') AS t ON t.code = d.code
    SETTINGS join_use_nulls = 1`;
const districtTargetRow = z.object({ key: z.string(), target: nullableN, elapsed: n, inYear: n });

type Window = { from: string; to: string; asOf: string };
const ytdParams = (w: Window) => {
  const ytdTo = w.to < w.asOf ? w.to : w.asOf;
  const year = ytdTo.slice(0, 4);
  return { ytdTo, yearStart: `${year}-01-01`, yearEnd: `${year}-12-31` };
};

const byKey = <R extends { key: string }>(rows: R[]) => new Map(rows.map((r) => [r.key, r]));

// ---------------------------------------------------------------------------------------------------------
// The figures

type Figure = { name: string; product: () => Promise<Table>; sql: () => Promise<Table> };

const ingestionCells = (r: { accepted: number; acceptedRows: number; rejectedRows: number; qualityRate: Cell }) => ({
  accepted: r.accepted,
  acceptedRows: r.acceptedRows,
  rejectedRows: r.rejectedRows,
  qualityRate: r.qualityRate,
});

const publicityCells = (r: { onTime: number; late: number; overdue: number; pending: number }, delaySum: number | null, avgDelay?: Cell) => {
  const due = r.onTime + r.late + r.overdue;
  const published = r.onTime + r.late;
  return {
    due,
    onTime: r.onTime,
    late: r.late,
    overdue: r.overdue,
    pending: r.pending,
    onTimeRate: rate(r.onTime, due),
    avgDelay: avgDelay !== undefined ? avgDelay : published === 0 ? null : delaySum! / published,
  };
};

const sanctionCells = (r: { pushes: number; answeredOnTime: number; answeredLate: number; overdue: number; pending: number; executed: number }) => {
  const answered = r.answeredOnTime + r.answeredLate;
  return {
    pushes: r.pushes,
    answeredOnTime: r.answeredOnTime,
    answeredLate: r.answeredLate,
    overdue: r.overdue,
    pending: r.pending,
    executed: r.executed,
    feedbackRate: rate(answered, answered + r.overdue),
    timelyRate: rate(r.answeredOnTime, answered + r.overdue),
    executionRate: rate(r.executed, answered),
  };
};

function figures(rankingPeriod: string): { list: Figure[]; windows: Record<string, Window> } {
  // Every product figure as its endpoint asks for it: the request parsed by the endpoint's schema (default period).
  const ingestionInput = ingestionKpiRequest.parse({ groupBy: 'unit' });
  const ingestionFilters = resolveFilters(ingestionInput);
  const publicityInput = kpiInput.parse({ groupBy: 'unit' });
  const publicityWindow = resolveFilter(publicityInput);
  const { groupBy: sanctionGroup, ...sanctionFilters } = sanctionKpiRequest.parse({ groupBy: 'unit' });
  const rankingInput = rankingRequest.parse({ period: rankingPeriod, level: 'district' });
  const period = parsePeriod(rankingInput.period);
  const rankingWindow: Window = { from: period.from, to: period.to, asOf: periodAsOf(period, ingestionFilters.asOf) };

  const ingestionWindow: Window = { from: ingestionFilters.from, to: ingestionFilters.to, asOf: ingestionFilters.asOf };
  const sanctionWindow: Window = { from: sanctionFilters.from, to: sanctionFilters.to, asOf: sanctionFilters.asOf };

  const rankingProduct = async () => {
    const r = await assessmentRanking(rankingInput);
    const t: Table = new Map();
    for (const row of r.rows) {
      for (const ind of row.indicators) {
        if (ind.metric === 'manual') continue; // entered by the office, not a figure of the data
        const { manual: _m, ...inputs } = ind.inputs;
        t.set(`${row.code} ${ind.metric}`, Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v ?? null])));
      }
    }
    return t;
  };
  const metricsOf = async () => {
    const r = await assessmentRanking(rankingInput);
    return new Set(r.scheme.indicators.map((i) => i.metric).filter((m) => m !== 'manual'));
  };

  const rankingSql = async () => {
    const params = { ...rankingWindow, ...ytdParams(rankingWindow) };
    const [ingestion, publicity, sanctions, districts, metrics] = await Promise.all([
      queryRows(ingestionSql('district'), params, ingestionRow),
      queryRows(publicitySql('district'), params, publicityRow),
      queryRows(sanctionsSql('district'), params, sanctionsRow),
      queryRows(DISTRICT_TARGETS_SQL, params, districtTargetRow),
      metricsOf(), // which indicators the scheme in force has (reference, not a figure)
    ]);
    const ing = byKey(ingestion);
    const pub = byKey(publicity);
    const san = byKey(sanctions);
    const t: Table = new Map();
    for (const d of districts) {
      const i = ing.get(d.key);
      const p = pub.get(d.key) ?? { onTime: 0, late: 0, overdue: 0 };
      const s = san.get(d.key) ?? { answeredOnTime: 0, answeredLate: 0, overdue: 0 };
      const acceptedRows = i?.acceptedRows ?? 0;
      const quality = acceptedRows + (i?.rejectedRows ?? 0);
      const pubDue = p.onTime + p.late + p.overdue;
      const answered = s.answeredOnTime + s.answeredLate;
      const sanDue = answered + s.overdue;
      const cells: Record<string, Record<string, Cell>> = {
        ingestion_target: {
          actual: i?.ytd ?? 0,
          target: d.target === null || d.inYear === 0 ? null : Math.floor((d.target * d.elapsed) / d.inYear + 0.5),
        },
        ingestion_quality: { numerator: acceptedRows, denominator: quality, rate: rate(acceptedRows, quality) },
        publicity_on_time: { numerator: p.onTime, denominator: pubDue, rate: rate(p.onTime, pubDue) },
        publicity_overdue: { count: p.overdue },
        sanction_feedback: { numerator: answered, denominator: sanDue, rate: rate(answered, sanDue) },
        sanction_timely: { numerator: s.answeredOnTime, denominator: sanDue, rate: rate(s.answeredOnTime, sanDue) },
      };
      for (const [metric, c] of Object.entries(cells)) if (metrics.has(metric as never)) t.set(`${d.key} ${metric}`, c);
    }
    return t;
  };

  const list: Figure[] = [
    {
      name: 'ingestion volume + quality by unit',
      product: async () => {
        const a = await ingestionKpi(ingestionFilters, ingestionInput.groupBy);
        return new Map(a.rows.map((r) => [r.key, ingestionCells(r)]));
      },
      sql: async () => {
        const rows = await queryRows(ingestionSql('unit'), { ...ingestionWindow, ...ytdParams(ingestionWindow) }, ingestionRow);
        return new Map(rows.map((r) => [r.key, ingestionCells(r)]));
      },
    },
    {
      name: 'publicity on-time rate by unit',
      product: async () => {
        const a = await publicityKpi(publicityInput);
        return new Map(a.rows.map((r) => [r.key, publicityCells(r, null, r.avgDelay)]));
      },
      sql: async () => {
        const rows = await queryRows(publicitySql('unit'), publicityWindow, publicityRow);
        return new Map(rows.map((r) => [r.key, publicityCells(r, r.delaySum)]));
      },
    },
    {
      name: 'sanctions feedback rate by unit',
      product: async () => {
        const a = await sanctionKpi(sanctionFilters, sanctionGroup);
        return new Map(a.rows.map((r) => [r.key, sanctionCells(r)]));
      },
      sql: async () => {
        const rows = await queryRows(sanctionsSql('unit'), sanctionWindow, sanctionsRow);
        return new Map(rows.map((r) => [r.key, sanctionCells(r)]));
      },
    },
    { name: `district ranking inputs ${rankingPeriod}`, product: rankingProduct, sql: rankingSql },
    {
      name: `  same, product cold (epoch bumped)`,
      product: async () => {
        await recordDataChange(['backfill']);
        return rankingProduct();
      },
      sql: rankingSql,
    },
  ];
  return {
    list,
    windows: { ingestion: ingestionWindow, publicity: publicityWindow, sanctions: sanctionWindow, ranking: rankingWindow },
  };
}

// ---------------------------------------------------------------------------------------------------------

export async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: '1' },
      path: { type: 'string' },
      today: { type: 'string', default: '2026-11-23' },
      runs: { type: 'string', default: '10' },
    },
  });
  const scale = Number(values.scale);
  const path = values.path ?? `/work/bench-data/s${scale}`;
  const runs = Number(values.runs);
  // A running server refreshes the cubes after answers; here they are refreshed once, up front, and left alone.
  setPublicityAutoRefresh(false);
  setSanctionAutoRefresh(false);
  await openBenchStore({ path, scale, seed: 1, today: values.today });
  await ensureDefaultSchemes();
  const size = await queryOne(
    `SELECT sum(rows) AS rows FROM system.parts WHERE database = currentDatabase() AND active
       AND table IN ('records','licenses','penalties','decisions','sanctions','feedback')`,
    {},
    z.object({ rows: n }),
  );
  console.log(`store ${path} (scale ${scale}): ${size.rows.toLocaleString('en')} stream rows, today ${values.today}`);
  const t0 = performance.now();
  const pub = await refreshPublicityCube();
  const san = await refreshSanctionCube();
  console.log(`cubes refreshed up front: publicity ${pub.units} units, sanctions ${san.units} units, ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const { list, windows } = figures(lastCompletedMonth(values.today));
  for (const [name, w] of Object.entries(windows)) console.log(`  ${name.padEnd(10)} from ${w.from} to ${w.to}, as of ${w.asOf}`);
  console.log(
    `\nproduct = the metric function the endpoint calls (below the answer cache; cubes, rollups and per-version memos warm)` +
      `\nSQL     = plain SQL over the raw stream tables (FINAL, calendar dictionaries), what a BI tool would run` +
      `\n${runs} warm runs each after one untimed\n`,
  );
  console.log(`${'figure'.padEnd(40)} ${'rows'.padStart(5)}  ${'product p50'.padStart(11)}  ${'SQL p50'.padStart(9)}  ${'SQL/product'.padStart(11)}  equal`);
  let mismatches = 0;
  for (const f of list) {
    const [product, sql] = await Promise.all([f.product(), f.sql()]);
    const v = compareTables(product, sql);
    const tp = await timeIt(f.product, runs);
    const ts = await timeIt(f.sql, runs);
    if (!v.equal) mismatches++;
    const verdict = v.equal ? `✓${v.onlyEmpty ? ` (${v.onlyEmpty} empty rows on one side only)` : ''}` : `✗ first difference: ${v.firstDiff}`;
    console.log(
      `${f.name.padEnd(40)} ${String(v.rows).padStart(5)}  ${tp.p50.toFixed(1).padStart(8)} ms  ${ts.p50.toFixed(1).padStart(6)} ms  ${(ts.p50 / tp.p50).toFixed(1).padStart(10)}×  ${verdict}`,
    );
  }
  console.log(mismatches === 0 ? '\nevery figure equal' : `\n${mismatches} figure(s) differ`);
  await closeClickHouse();
}
