import { z } from 'zod';
import { queryOne, queryRows } from '../../db/query';
import { keptPerVersion } from '../../db/dataVersions';
import { annualTargets } from '../../reference/queries';
import { monthsBetween } from '../months';
import { filterParams, filterSql, withFilters, type Filters } from './filters';
import { loadReference, provides, unitsInScope, type Reference } from './reference';

export const KPI_GROUP_BY = ['unit', 'district', 'catalog', 'month'] as const;
export type KpiGroupBy = (typeof KPI_GROUP_BY)[number];

/** Query of GET /api/v1/kpi/ingestion. */
export const ingestionKpiRequest = withFilters({ groupBy: z.enum(KPI_GROUP_BY).default('unit') }).strict();

/** Key of a row per grouping: fixed SQL expressions, chosen by the validated groupBy, never built from input. */
const KEY_SQL: Record<KpiGroupBy, string> = {
  unit: 'unit_code',
  district: 'district_code',
  catalog: 'catalog_code',
  month: "formatDateTime(day, '%Y-%m')",
};

/** The row of GET /api/v1/kpi/ingestion (design.md §6), exactly. */
export type KpiApiRow = {
  key: string;
  name: string;
  accepted: number;
  acceptedRows: number;
  rejectedRows: number;
  qualityRate: number | null;
  target: number | null;
  targetCompletion: number | null;
  projection: number | null;
  onTrack: boolean | null;
};

/** The same row with what the dashboard shows beside it. */
export type KpiRow = KpiApiRow & {
  /** District of a unit row ('' for other groupings). */
  districtCode: string;
  /** 约束性 (true) or 预期性 (false); null without a target. */
  binding: boolean | null;
  /** Accepted distinct keys from 1 January of the target year to the reference date: what completion measures. */
  ytdAccepted: number | null;
};

export type TargetBasis = {
  /** Targets are annual: the year of refDate. */
  year: number;
  /** min(to, asOf): the date the year-to-date figures run to. */
  refDate: string;
  workdaysElapsed: number | null;
  workdaysInYear: number | null;
  /** Some day of the year is not in a published holiday schedule (Mon–Fri assumed). */
  calendarEstimated: boolean;
  /** Why rows carry no target: targets exist per unit and per district, for all catalog items together. */
  rowsHaveTargets: boolean;
  totalHasTarget: boolean;
};

export type KpiAnswer = {
  from: string;
  to: string;
  asOf: string;
  groupBy: KpiGroupBy;
  rows: KpiRow[];
  total: KpiRow;
  targetBasis: TargetBasis;
};

const keyValue = z.object({ key: z.string(), accepted: z.number(), acceptedRows: z.number() });
const keyRejected = z.object({ key: z.string(), rejectedRows: z.number() });
const unitYtd = z.object({ districtCode: z.string(), unitCode: z.string(), accepted: z.number() });
const workdaysRow = z.object({ elapsed: z.number(), inYear: z.number(), covered: z.number(), known: z.number() });

const rate = (num: number, den: number) => (den === 0 ? null : num / den);

/** Target completion, projection and on-track of year-to-date accepted against an annual target. */
export function targetFigures(
  ytd: number,
  target: number | null,
  workdays: { elapsed: number | null; inYear: number | null },
): Pick<KpiApiRow, 'targetCompletion' | 'projection' | 'onTrack'> {
  const { elapsed, inYear } = workdays;
  const projectable = elapsed !== null && inYear !== null && elapsed > 0;
  const projection = projectable ? (ytd * inYear) / elapsed : null;
  return {
    targetCompletion: target === null || target === 0 ? null : ytd / target,
    projection,
    // Compared as integers (ytd × inYear ≥ target × elapsed) so a projection exactly on target counts as on track.
    onTrack: target === null || !projectable ? null : ytd * inYear >= target * elapsed,
  };
}

/**
 * 归集 KPIs per unit, district, catalog item or month (design.md §5, §6), from the rollups only:
 * - accepted = distinct keys first received in [from, to] (ingest_daily.accepted_new);
 * - acceptedRows / rejectedRows = rows as received in [from, to]; qualityRate = accepted ÷ (accepted + rejected) rows;
 * - target = the annual `ingestion_records` target of the year of refDate = min(to, asOf);
 *   targetCompletion = accepted distinct keys from 1 January to refDate ÷ target;
 *   projection = that year-to-date volume × working days in the year ÷ working days elapsed (1 January..refDate);
 *   onTrack = projection ≥ target.
 * Rows list every unit/district/catalog item inside the filters (zeros included) plus any other key with data;
 * months list every month of the period. Targets exist per unit and per district for all catalog items, so rows
 * grouped by catalog or month, and everything under a catalog filter, carry none.
 */
export async function ingestionKpi(
  f: Filters,
  groupBy: KpiGroupBy,
  reference?: Reference,
): Promise<KpiAnswer> {
  const ref = reference ?? (await loadReference());
  const refDate = f.to < f.asOf ? f.to : f.asOf;
  const year = Number(refDate.slice(0, 4));
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const params = { ...filterParams(f), from: f.from, to: f.to };
  const keySql = KEY_SQL[groupBy];
  const where = filterSql({ district: 'district_code', unit: 'unit_code', catalog: 'catalog_code' });
  const withTargets = f.catalog === '';
  const targetLevel = groupBy === 'district' ? 'district' : 'unit';

  const [volume, rejected, ytd, targets, districtTargets, workdays] = await Promise.all([
    queryRows(
      `-- ingestion kpi: accepted by ${groupBy}
       SELECT ${keySql} AS key, sum(accepted_new) AS accepted, sum(accepted_rows) AS acceptedRows
       FROM ingest_daily
       WHERE day BETWEEN {from:Date} AND {to:Date} AND stream IN ('records', 'licenses', 'penalties') AND ${where}
       GROUP BY key`,
      params,
      keyValue,
    ),
    queryRows(
      `-- ingestion kpi: rejected rows by ${groupBy}
       SELECT ${keySql} AS key, sum(rejected_rows) AS rejectedRows
       FROM rejected_catalog_daily
       WHERE day BETWEEN {from:Date} AND {to:Date} AND error_code = '' AND stream IN ('records', 'licenses', 'penalties')
         AND ${where}
       GROUP BY key`,
      params,
      keyRejected,
    ),
    withTargets
      ? queryRows(
          `-- ingestion kpi: year-to-date accepted by unit
           SELECT district_code AS districtCode, unit_code AS unitCode, sum(accepted_new) AS accepted
           FROM ingest_daily
           WHERE day BETWEEN {yearStart:Date} AND {refDate:Date} AND stream IN ('records', 'licenses', 'penalties')
             AND ${filterSql({ district: 'district_code', unit: 'unit_code' })}
           GROUP BY district_code, unit_code`,
          { ...params, yearStart, refDate },
          unitYtd,
        )
      : Promise.resolve([]),
    withTargets ? annualTargets(year, targetLevel, 'ingestion_records') : Promise.resolve([]),
    withTargets && targetLevel === 'unit' ? annualTargets(year, 'district', 'ingestion_records') : Promise.resolve(null),
    // Working days depend on the calendar only: kept per calendar version.
    keptPerVersion(['calendar'], `workdays|${refDate}`, () =>
      queryOne(
        `-- ingestion kpi: working days of the target year
         SELECT toInt64(dictGetOrDefault('calendar_by_date', 'workday_no', {refDate:Date}, toUInt32(0)))
                  - toInt64(dictGetOrDefault('calendar_by_date', 'workday_no', subtractDays({yearStart:Date}, 1), toUInt32(0))) AS elapsed,
                toInt64(dictGetOrDefault('calendar_by_date', 'workday_no', {yearEnd:Date}, toUInt32(0)))
                  - toInt64(dictGetOrDefault('calendar_by_date', 'workday_no', subtractDays({yearStart:Date}, 1), toUInt32(0))) AS inYear,
                toUInt8(dictHas('calendar_by_date', subtractDays({yearStart:Date}, 1)) AND dictHas('calendar_by_date', {yearEnd:Date})) AS covered,
                (SELECT toUInt8(ifNull(min(known), 0)) FROM calendar_days FINAL WHERE date BETWEEN {yearStart:Date} AND {yearEnd:Date}) AS known`,
        { refDate, yearStart, yearEnd },
        workdaysRow,
      ),
    ),
  ]);

  const covered = workdays.covered === 1;
  const wd = { elapsed: covered ? workdays.elapsed : null, inYear: covered ? workdays.inYear : null };
  const volumeBy = new Map(volume.map((v) => [v.key, v]));
  const rejectedBy = new Map(rejected.map((r) => [r.key, r.rejectedRows]));
  const targetBy = new Map(targets.map((t) => [t.code, t]));
  const ytdBy = new Map<string, number>();
  for (const r of ytd) {
    const k = groupBy === 'district' ? r.districtCode : r.unitCode;
    ytdBy.set(k, (ytdBy.get(k) ?? 0) + r.accepted);
  }

  // The keys to list, in reference order, then any other key that has data.
  const listed: Array<{ key: string; name: string; districtCode: string }> = [];
  const inScope = unitsInScope(ref, f);
  if (groupBy === 'unit') {
    const item = f.catalog ? ref.catalogByCode.get(f.catalog) : undefined;
    for (const u of inScope) {
      if (!f.catalog || (item && provides(u, item))) listed.push({ key: u.code, name: u.name, districtCode: u.districtCode });
    }
  } else if (groupBy === 'district') {
    const codes = new Set(f.unit ? inScope.map((u) => u.districtCode) : []);
    for (const d of ref.districts) {
      if ((f.district && d.code !== f.district) || (f.unit && !codes.has(d.code))) continue;
      listed.push({ key: d.code, name: d.name, districtCode: d.code });
    }
  } else if (groupBy === 'catalog') {
    for (const c of ref.catalog) {
      if (f.catalog ? c.code === f.catalog : inScope.some((u) => provides(u, c))) {
        listed.push({ key: c.code, name: c.name, districtCode: '' });
      }
    }
  } else {
    for (const m of monthsBetween(f.from, f.to)) listed.push({ key: m, name: m, districtCode: '' });
  }
  const seen = new Set(listed.map((l) => l.key));
  const extra = [...new Set([...volumeBy.keys(), ...rejectedBy.keys()])].filter((k) => !seen.has(k)).sort();
  for (const key of extra) {
    const name =
      groupBy === 'unit'
        ? ref.unitByCode.get(key)?.name
        : groupBy === 'district'
          ? ref.districtByCode.get(key)?.name
          : groupBy === 'catalog'
            ? ref.catalogByCode.get(key)?.name
            : key;
    // '' = a rejected record whose catalog item could not be read (a CSV line, unparsable text).
    listed.push({ key, name: name ?? (key === '' ? '（未识别）' : key), districtCode: groupBy === 'unit' ? (ref.unitByCode.get(key)?.districtCode ?? '') : '' });
  }

  const rowsHaveTargets = withTargets && (groupBy === 'unit' || groupBy === 'district');
  const rows: KpiRow[] = listed.map((l) => {
    const v = volumeBy.get(l.key);
    const accepted = v?.accepted ?? 0;
    const acceptedRows = v?.acceptedRows ?? 0;
    const rejectedRows = rejectedBy.get(l.key) ?? 0;
    const t = rowsHaveTargets ? targetBy.get(l.key) : undefined;
    const ytdAccepted = rowsHaveTargets ? (ytdBy.get(l.key) ?? 0) : null;
    const target = t?.target ?? null;
    return {
      key: l.key,
      name: l.name,
      accepted,
      acceptedRows,
      rejectedRows,
      qualityRate: rate(acceptedRows, acceptedRows + rejectedRows),
      target,
      ...(rowsHaveTargets ? targetFigures(ytdAccepted ?? 0, target, wd) : { targetCompletion: null, projection: null, onTrack: null }),
      districtCode: l.districtCode,
      binding: t ? t.binding : null,
      ytdAccepted,
    };
  });

  // The total covers the filtered scope: its target is that scope's (one unit, one district, or every district).
  const sum = (pick: (r: KpiRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const acceptedRows = sum((r) => r.acceptedRows);
  const rejectedRows = sum((r) => r.rejectedRows);
  let scopeTarget: { target: number; binding: boolean } | null = null;
  if (withTargets) {
    const unitTargets = targetLevel === 'unit' ? targetBy : null;
    const dTargets = new Map((targetLevel === 'district' ? targets : (districtTargets ?? [])).map((t) => [t.code, t]));
    if (f.unit) scopeTarget = (unitTargets ?? new Map()).get(f.unit) ?? null;
    else if (f.district) scopeTarget = dTargets.get(f.district) ?? null;
    else if (dTargets.size > 0) {
      const all = [...dTargets.values()];
      scopeTarget = { target: all.reduce((s, t) => s + t.target, 0), binding: all.every((t) => t.binding) };
    }
    if (f.unit && targetLevel === 'district') {
      // Grouped by district with a unit filter: the unit's own target is not among the district rows.
      scopeTarget = (await annualTargets(year, 'unit', 'ingestion_records')).find((t) => t.code === f.unit) ?? null;
    }
  }
  const ytdTotal = withTargets ? ytd.reduce((s, r) => s + r.accepted, 0) : null;
  const total: KpiRow = {
    key: 'total',
    name: '合计',
    accepted: sum((r) => r.accepted),
    acceptedRows,
    rejectedRows,
    qualityRate: rate(acceptedRows, acceptedRows + rejectedRows),
    target: scopeTarget?.target ?? null,
    ...(withTargets ? targetFigures(ytdTotal ?? 0, scopeTarget?.target ?? null, wd) : { targetCompletion: null, projection: null, onTrack: null }),
    districtCode: f.district,
    binding: scopeTarget ? scopeTarget.binding : null,
    ytdAccepted: ytdTotal,
  };

  return {
    from: f.from,
    to: f.to,
    asOf: f.asOf,
    groupBy,
    rows,
    total,
    targetBasis: {
      year,
      refDate,
      workdaysElapsed: wd.elapsed,
      workdaysInYear: wd.inYear,
      calendarEstimated: workdays.known === 0,
      rowsHaveTargets,
      totalHasTarget: scopeTarget !== null,
    },
  };
}

/** Exactly the fields of design.md §6 (the dashboard's extra columns stay out of the public API). */
export function toApiRow(r: KpiRow): KpiApiRow {
  return {
    key: r.key,
    name: r.name,
    accepted: r.accepted,
    acceptedRows: r.acceptedRows,
    rejectedRows: r.rejectedRows,
    qualityRate: r.qualityRate,
    target: r.target,
    targetCompletion: r.targetCompletion,
    projection: r.projection,
    onTrack: r.onTrack,
  };
}
