import { z } from 'zod';
import { queryOne, queryRows } from '../../db/query';
import { annualTargets, listDistricts, listMeasures, listUnits, type TargetRow } from '../../reference/queries';
import {
  casesCount,
  countsSourcesSql,
  liveCountsSql,
  sanctionCasesState,
  sanctionCubeState,
  scheduleSanctionRefresh,
  type CountsKey,
} from './cube';
import { addCounts, sanctionRates, ZERO_COUNTS, type SanctionCounts } from './rates';
import { filterParams, pushesSql, type SanctionFilters } from './pushes';

export const SANCTION_GROUPS = ['unit', 'district', 'measure', 'month'] as const;
export type SanctionGroup = (typeof SANCTION_GROUPS)[number];

/** The grouping key on the cube's columns and on the live columns. */
const KEYS: Record<SanctionGroup, CountsKey> = {
  unit: { cube: 'unit_code', live: 'respondingUnit' },
  district: { cube: 'district_code', live: 'respondingDistrict' },
  measure: { cube: 'measure_code', live: 'measureCode' },
  month: { cube: "formatDateTime(pushed_date, '%Y-%m')", live: "formatDateTime(pushedDate, '%Y-%m')" },
};

const countsRow = z.object({
  key: z.string(),
  pushes: z.number(),
  answeredOnTime: z.number(),
  answeredLate: z.number(),
  overdue: z.number(),
  pending: z.number(),
  executed: z.number(),
  unknownDates: z.number(),
});

/** Sums per key of the counts of countsSourcesSql (./cube.ts); unknownDates > 0 when a date is not known. */
const COUNTS_SQL = `sum(c_pushes) AS pushes, sum(c_on_time) AS answeredOnTime, sum(c_late) AS answeredLate,
       sum(c_overdue) AS overdue, sum(c_pending) AS pending, sum(c_executed) AS executed, countIf(c_known = 0) AS unknownDates`;

/**
 * The pushes in the filter by status as of asOf, summed by `key`: from the cube for clean units, live for the rest; a
 * case filter (not in the cube) is answered live from the pushes (a case has a handful). Same columns either way.
 */
async function countsSource(filters: SanctionFilters, key: CountsKey): Promise<{ sql: string; params: Record<string, unknown> }> {
  if (filters.caseId) return { sql: `(${liveCountsSql(key.live, pushesSql())})`, params: await filterParams(filters) };
  const state = await sanctionCubeState();
  scheduleSanctionRefresh(state);
  const src = countsSourcesSql(state, filters, key);
  return { sql: src.sql, params: { ...(await filterParams(filters, state.measures)), ...src.params } };
}

export type SanctionKpiRow = SanctionCounts & {
  key: string;
  name: string;
  /** The feedback-rate target of the unit or district for asOf's year (null for other groupings). */
  target: number | null;
  binding: boolean | null;
  feedbackRate: number | null;
  timelyRate: number | null;
  executionRate: number | null;
};

async function namesFor(groupBy: SanctionGroup): Promise<Map<string, string>> {
  if (groupBy === 'unit') return new Map((await listUnits()).map((u) => [u.code, u.name]));
  if (groupBy === 'district') return new Map((await listDistricts()).map((d) => [d.code, d.name]));
  if (groupBy === 'measure') return new Map((await listMeasures()).map((m) => [m.code, m.name]));
  return new Map();
}

/**
 * GET /kpi/sanctions and the 联合奖惩 table: pushes by status as of asOf with feedback, timely and execution rates,
 * grouped by responding unit, responding district, measure or pushed month; `total` over all rows.
 */
export async function sanctionKpi(filters: SanctionFilters, groupBy: SanctionGroup) {
  const src = await countsSource(filters, KEYS[groupBy]);
  const [rows, names, targets] = await Promise.all([
    queryRows(
      `-- sanctions kpi by ${groupBy}
       SELECT key, ${COUNTS_SQL}
       FROM ${src.sql}
       GROUP BY key ORDER BY key`,
      src.params,
      countsRow,
    ),
    namesFor(groupBy),
    groupBy === 'unit' || groupBy === 'district' ? feedbackTargets(groupBy, Number(filters.asOf.slice(0, 4))) : new Map<string, TargetRow>(),
  ]);
  const out: SanctionKpiRow[] = rows.map(({ unknownDates: _u, ...c }) => ({
    ...c,
    name: names.get(c.key) ?? c.key,
    target: targets.get(c.key)?.target ?? null,
    binding: targets.get(c.key)?.binding ?? null,
    ...sanctionRates(c),
  }));
  const totalCounts = rows.reduce<SanctionCounts>((acc, r) => addCounts(acc, r), ZERO_COUNTS);
  return {
    from: filters.from,
    to: filters.to,
    asOf: filters.asOf,
    groupBy,
    rows: out,
    total: { key: 'total', name: '合计', ...totalCounts, target: null, binding: null, ...sanctionRates(totalCounts) },
    calendarWarning: rows.some((r) => r.unknownDates > 0),
  };
}


/** Feedback-rate targets (targets.kpi = 'sanction_feedback_rate') of every unit or district for a year. */
async function feedbackTargets(level: 'unit' | 'district', year: number) {
  const rows = await annualTargets(year, level, 'sanction_feedback_rate');
  return new Map(rows.map((r) => [r.code, r]));
}

const funnelRow = z.object({ cases: z.number(), pushes: z.number(), answered: z.number(), executed: z.number() });

/** Initiated cases → pushes → answered (as of asOf) → executed. */
export async function sanctionFunnel(filters: SanctionFilters) {
  if (filters.caseId) {
    const [row] = await queryRows(
      `-- sanctions funnel of one case
       SELECT uniqExact(caseId) AS cases, count() AS pushes,
              countIf(status IN ('answered_on_time', 'answered_late')) AS answered,
              countIf(status IN ('answered_on_time', 'answered_late') AND result = 'executed') AS executed
       FROM (${pushesSql()})`,
      await filterParams(filters),
      funnelRow,
    );
    return row ?? { cases: 0, pushes: 0, answered: 0, executed: 0 };
  }
  const [src, casesState] = await Promise.all([countsSource(filters, { cube: "''", live: "''" }), sanctionCasesState()]);
  scheduleSanctionRefresh(casesState);
  const [row, cases] = await Promise.all([
    queryOne(
      `-- sanctions funnel
       SELECT toInt64(sum(c_pushes)) AS pushes, toInt64(sum(c_on_time) + sum(c_late)) AS answered, toInt64(sum(c_executed)) AS executed
       FROM ${src.sql}`,
      src.params,
      funnelRow.omit({ cases: true }),
    ),
    casesCount(casesState, filters, src.params),
  ]);
  return { cases, ...row };
}
