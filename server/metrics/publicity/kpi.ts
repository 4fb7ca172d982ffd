import { z } from 'zod';
import { queryRows } from '../../db/query';
import { monthsBetween } from '../months';
import { cubeState, delaySourcesSql, scheduleRefresh, statusCountsSql, type CubeState } from './cube';
import { names } from '../../reference/names';
import { KIND_CATALOG, KINDS, resolveFilter, type GroupBy, type PublicityFilterInput, type ResolvedFilter } from './inputs';

/** design.md §6 KPI row (plus districtCode for unit rows). Rates are fractions, null when the denominator is 0. */
export type PublicityKpiRow = {
  key: string;
  name: string;
  districtCode?: string;
  due: number;
  onTime: number;
  late: number;
  overdue: number;
  pending: number;
  onTimeRate: number | null;
  avgDelay: number | null;
};

export type PublicityKpi = {
  from: string;
  to: string;
  asOf: string;
  groupBy: GroupBy;
  /** The binding target of the city plans: every decision published within 7 working days. */
  target: 1;
  rows: PublicityKpiRow[];
  total: Omit<PublicityKpiRow, 'key' | 'name' | 'districtCode'>;
  /** True when from, to, asOf or any date behind a figure lies outside the years the calendar knows. */
  calendarWarning: boolean;
};

const aggRow = z.object({
  key: z.string(),
  onTime: z.number(),
  late: z.number(),
  overdue: z.number(),
  pending: z.number(),
  delaySum: z.number(),
  unknown: z.number(),
});
type Agg = z.infer<typeof aggRow>;

const KEY_EXPR: Record<GroupBy, string> = {
  unit: 'unit_code',
  district: 'district_code',
  catalog: "if(kind = 'license', 'XK', 'CF')",
  month: "formatDateTime(decision_date, '%Y-%m')",
};

async function aggregate(state: CubeState, f: ResolvedFilter, groupBy: GroupBy): Promise<Agg[]> {
  const src = statusCountsSql(state, f, KEY_EXPR[groupBy]);
  return queryRows(
    `-- publicity: kpi by ${groupBy}
     SELECT key, sum(on_time) AS onTime, sum(late) AS late, sum(overdue) AS overdue, sum(pending) AS pending,
            sum(delay_sum) AS delaySum, max(known = 0) AS unknown
     FROM ${src.sql}
     GROUP BY key`,
    src.params,
    aggRow,
  );
}

const ZERO: Agg = { key: '', onTime: 0, late: 0, overdue: 0, pending: 0, delaySum: 0, unknown: 0 };

function finish(a: Agg): Omit<PublicityKpiRow, 'key' | 'name'> {
  const due = a.onTime + a.late + a.overdue;
  const published = a.onTime + a.late;
  return {
    due,
    onTime: a.onTime,
    late: a.late,
    overdue: a.overdue,
    pending: a.pending,
    onTimeRate: due === 0 ? null : a.onTime / due,
    avgDelay: published === 0 ? null : a.delaySum / published,
  };
}

/**
 * On-time figures of double publicity by unit, district, catalog item (XK/CF) or month of the decision date.
 * Units: those with any decision in the period; districts: all; catalog: XK and CF; months: every month of [from, to].
 */
export async function publicityKpi(input: PublicityFilterInput & { groupBy: GroupBy }): Promise<PublicityKpi> {
  const f = resolveFilter(input);
  const state = await cubeState(f);
  const known = state.datesKnown;
  const [aggs, n] = await Promise.all([aggregate(state, f, input.groupBy), names()]);
  scheduleRefresh(state);
  const byKey = new Map(aggs.map((a) => [a.key, a]));
  const get = (key: string) => byKey.get(key) ?? { ...ZERO, key };
  let rows: PublicityKpiRow[];
  switch (input.groupBy) {
    case 'unit':
      rows = aggs
        .map((a) => {
          const u = n.units.get(a.key);
          return { key: a.key, name: u?.name ?? a.key, districtCode: u?.districtCode ?? '', ...finish(a), sort: u?.sort ?? 1e9 };
        })
        .sort((a, b) => a.sort - b.sort || a.key.localeCompare(b.key))
        .map(({ sort: _s, ...r }) => r);
      break;
    case 'district':
      rows = n.districts.map((d) => ({ key: d.code, name: d.name, ...finish(get(d.code)) }));
      // A district code in the data but not in the reference list still counts.
      for (const a of aggs) if (!n.districts.some((d) => d.code === a.key)) rows.push({ key: a.key, name: a.key, ...finish(a) });
      break;
    case 'catalog':
      rows = KINDS.filter((k) => !f.kind || k === f.kind).map((k) => {
        const code = KIND_CATALOG[k];
        return { key: code, name: n.catalog.get(code) ?? code, ...finish(get(code)) };
      });
      break;
    case 'month':
      rows = monthsBetween(f.from, f.to).map((m) => ({ key: m, name: m, ...finish(get(m)) }));
      break;
  }
  const sum = aggs.reduce(
    (s, a) => ({
      ...s,
      onTime: s.onTime + a.onTime,
      late: s.late + a.late,
      overdue: s.overdue + a.overdue,
      pending: s.pending + a.pending,
      delaySum: s.delaySum + a.delaySum,
      unknown: Math.max(s.unknown, a.unknown),
    }),
    ZERO,
  );
  return {
    from: f.from,
    to: f.to,
    asOf: f.asOf,
    groupBy: input.groupBy,
    target: 1,
    rows,
    total: finish(sum),
    calendarWarning: !known || sum.unknown > 0,
  };
}

export type DelayHistogram = {
  from: string;
  to: string;
  asOf: string;
  /** Published decisions (as of asOf) by delay in working days from decision to publication. */
  rows: Array<{ delay: number; count: number }>;
  total: number;
  calendarWarning: boolean;
};

/** Distribution of the publication delay (working days) of decisions published by asOf. */
export async function publicityDelayHistogram(input: PublicityFilterInput): Promise<DelayHistogram> {
  const f = resolveFilter(input);
  const state = await cubeState(f);
  const known = state.datesKnown;
  const src = delaySourcesSql(state, f);
  const [hist] = await queryRows(
    `-- publicity: delay histogram
     SELECT sumMap(delays, counts) AS m, max(known = 0) AS unknown FROM ${src.sql}`,
    src.params,
    z.object({ m: z.tuple([z.array(z.number()), z.array(z.number())]), unknown: z.number() }),
  );
  const [delays, counts] = hist?.m ?? [[], []];
  const rows = delays.map((delay, i) => ({ delay, count: counts[i] ?? 0 })).filter((r) => r.count > 0);
  scheduleRefresh(state);
  return {
    from: f.from,
    to: f.to,
    asOf: f.asOf,
    rows,
    total: rows.reduce((s, r) => s + r.count, 0),
    calendarWarning: !known || (hist?.unknown ?? 0) > 0,
  };
}
