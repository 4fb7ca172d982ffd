import { z } from 'zod';
import { queryRows } from '../../db/query';
import { listDistricts, listMeasures, listUnits } from '../../reference/queries';
import { addCounts, sanctionRates, ZERO_COUNTS, type SanctionCounts } from './rates';
import { filterParams, pushesSql, type SanctionFilters } from './pushes';

export const SANCTION_GROUPS = ['unit', 'district', 'measure', 'month'] as const;
export type SanctionGroup = (typeof SANCTION_GROUPS)[number];

const KEY_SQL: Record<SanctionGroup, string> = {
  unit: 'respondingUnit',
  district: 'respondingDistrict',
  measure: 'measureCode',
  month: "formatDateTime(pushedDate, '%Y-%m')",
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

const COUNTS_SQL = `count() AS pushes,
       countIf(status = 'answered_on_time') AS answeredOnTime,
       countIf(status = 'answered_late') AS answeredLate,
       countIf(status = 'overdue') AS overdue,
       countIf(status = 'pending') AS pending,
       countIf(status IN ('answered_on_time', 'answered_late') AND result = 'executed') AS executed,
       countIf(calendarKnown = 0) AS unknownDates`;

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
  const rows = await queryRows(
    `-- sanctions kpi by ${groupBy}
     SELECT ${KEY_SQL[groupBy]} AS key, ${COUNTS_SQL}
     FROM (${pushesSql()})
     GROUP BY key ORDER BY key`,
    await filterParams(filters),
    countsRow,
  );
  const names = await namesFor(groupBy);
  const targets = groupBy === 'unit' || groupBy === 'district' ? await feedbackTargets(groupBy, Number(filters.asOf.slice(0, 4))) : new Map();
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

const targetRow = z.object({ code: z.string(), target: z.number(), binding: z.boolean() });

/** Feedback-rate targets (targets.kpi = 'sanction_feedback_rate') of every unit or district for a year. */
async function feedbackTargets(level: 'unit' | 'district', year: number) {
  const rows = await queryRows(
    `-- sanction feedback targets
     SELECT code, target, binding FROM targets FINAL
     WHERE year = {year:UInt16} AND level = {level:String} AND kpi = 'sanction_feedback_rate'`,
    { year, level },
    targetRow,
  );
  return new Map(rows.map((r) => [r.code, r]));
}

const funnelRow = z.object({ cases: z.number(), pushes: z.number(), answered: z.number(), executed: z.number() });

/** Initiated cases → pushes → answered (as of asOf) → executed. */
export async function sanctionFunnel(filters: SanctionFilters) {
  const [row] = await queryRows(
    `-- sanctions funnel
     SELECT uniqExact(caseId) AS cases, count() AS pushes,
            countIf(status IN ('answered_on_time', 'answered_late')) AS answered,
            countIf(status IN ('answered_on_time', 'answered_late') AND result = 'executed') AS executed
     FROM (${pushesSql()})`,
    await filterParams(filters),
    funnelRow,
  );
  return row ?? { cases: 0, pushes: 0, answered: 0, executed: 0 };
}
