/**
 * The figures each assessed entity is scored on, for one period, taken from the dashboards' own KPI functions (one
 * source of truth): 归集 ingestionKpi, 双公示 publicityKpi, 联合奖惩 sanctionKpi, 督办 followUpFigures, by unit, as of
 * the period end.
 * A district's figures cover all units of the district (design.md §5): its counts are the sums of its units' counts
 * (every count here is additive over units: distinct keys include the unit), and its ingestion target is the
 * district's own annual target. Reading by unit once serves both levels.
 */
import { EMPTY_FIGURES, type EntityFigures } from '../../assessment/score';
import type { Level } from '../../../shared/assessmentScheme';
import { annualTargets, listUnits } from '../../reference/queries';
import { ingestionKpi } from '../ingestion/kpi';
import { followUpFigures } from '../../inspection/followUp';
import { publicityKpi } from '../publicity/kpi';
import { sanctionKpi } from '../sanctions/kpi';
import { CLOSED_PERIOD_KINDS, keptPerVersion, PUBLICITY_STREAMS, VERSION_KINDS, versionKey, type VersionKind } from '../../db/dataVersions';
import { sharedInFlight } from '../../db/sharedInFlight';

export type PeriodWindow = { from: string; to: string; asOf: string };

type UnitFigures = {
  units: Map<string, EntityFigures>;
  /** Working days of the target year elapsed at the period end, and in the whole year (null outside the calendar). */
  workdays: { elapsed: number | null; inYear: number | null };
  year: number;
};

/**
 * Figures per entity code. Each source is kept once the period has ended, under the versions of the data that can still
 * move it (server/db/dataVersions.ts: a closed period's figures are taken as of its end, so ordinary receipts cannot
 * move them, except double publicity's, whose decisions published today may be dated inside it), and computed live
 * while the period runs (calls in flight at the same time with the same data versions share one computation).
 */
export async function periodFigures(
  level: Level,
  w: PeriodWindow,
  today: string,
  opts: { notices: boolean } = { notices: true },
): Promise<Map<string, EntityFigures>> {
  const u = await unitFigures(w, today, opts.notices);
  return level === 'unit' ? u.units : districtFigures(u);
}

const proRate = (target: number | null, wd: UnitFigures['workdays']) =>
  target === null || wd.elapsed === null || !wd.inYear ? null : Math.round((target * wd.elapsed) / wd.inYear);

const inFlight = sharedInFlight<unknown>();

/** What can still move a source's figures of a closed period. */
const CLOSED: Record<'closed' | 'publicity', readonly VersionKind[]> = {
  closed: CLOSED_PERIOD_KINDS,
  publicity: [...CLOSED_PERIOD_KINDS, ...PUBLICITY_STREAMS],
};

function sourceOf(w: PeriodWindow, today: string) {
  const window = `${w.from}|${w.to}|${w.asOf}`;
  return async <T>(name: string, movedBy: keyof typeof CLOSED, compute: () => Promise<T>): Promise<T> =>
    w.asOf < today
      ? keptPerVersion(CLOSED[movedBy], `assessment-${name}|${window}`, compute)
      : (inFlight(`${name}|${window}|${await versionKey(VERSION_KINDS)}`, compute) as Promise<T>);
}

/** `notices`: whether to read the notices' follow-up figures (only schemes using notice_rectification need them). */
async function unitFigures(w: PeriodWindow, today: string, notices: boolean): Promise<UnitFigures> {
  const source = sourceOf(w, today);
  const [ingestion, publicity, sanctions, followUp] = await Promise.all([
    source('ingestion', 'closed', () => ingestionKpi({ from: w.from, to: w.to, asOf: w.asOf, district: '', unit: '', catalog: '' }, 'unit')),
    source('publicity', 'publicity', () => publicityKpi({ from: w.from, to: w.to, asOf: w.asOf, groupBy: 'unit' })),
    source('sanctions', 'closed', () => sanctionKpi({ from: w.from, to: w.to, asOf: w.asOf }, 'unit')),
    notices ? source('followUp', 'closed', () => followUpFigures(w)) : null,
  ]);
  const units = new Map<string, EntityFigures>();
  const entry = (code: string) => {
    let e = units.get(code);
    if (!e) {
      e = structuredClone(EMPTY_FIGURES);
      units.set(code, e);
    }
    return e;
  };
  const workdays = { elapsed: ingestion.targetBasis.workdaysElapsed, inYear: ingestion.targetBasis.workdaysInYear };
  for (const r of ingestion.rows) {
    entry(r.key).ingestion = {
      ytdAccepted: r.ytdAccepted ?? 0,
      proRatedTarget: proRate(r.target, workdays),
      annualTarget: r.target,
      acceptedRows: r.acceptedRows,
      rejectedRows: r.rejectedRows,
    };
  }
  for (const r of publicity.rows) {
    entry(r.key).publicity = { onTime: r.onTime, late: r.late, overdue: r.overdue, pending: r.pending };
  }
  for (const r of sanctions.rows) {
    entry(r.key).sanctions = { answeredOnTime: r.answeredOnTime, answeredLate: r.answeredLate, overdue: r.overdue, pending: r.pending };
  }
  for (const r of followUp?.units ?? []) {
    if (r.totalItems > 0) entry(r.key).notices = { totalItems: r.totalItems, rectifiedItems: r.rectifiedItems };
  }
  return { units, workdays, year: ingestion.targetBasis.year };
}



async function districtFigures(u: UnitFigures): Promise<Map<string, EntityFigures>> {
  const [units, targets] = await Promise.all([
    listUnits(),
    annualTargets(u.year, 'district', 'ingestion_records'),
  ]);
  const districtOf = new Map(units.map((x) => [x.code, x.districtCode]));
  const out = new Map<string, EntityFigures>();
  for (const [unit, f] of u.units) {
    const district = districtOf.get(unit);
    if (!district) continue;
    const d = out.get(district) ?? structuredClone(EMPTY_FIGURES);
    d.ingestion.ytdAccepted += f.ingestion.ytdAccepted;
    d.ingestion.acceptedRows += f.ingestion.acceptedRows;
    d.ingestion.rejectedRows += f.ingestion.rejectedRows;
    for (const k of ['onTime', 'late', 'overdue', 'pending'] as const) d.publicity[k] += f.publicity[k];
    for (const k of ['answeredOnTime', 'answeredLate', 'overdue', 'pending'] as const) d.sanctions[k] += f.sanctions[k];
    d.notices.totalItems += f.notices.totalItems;
    d.notices.rectifiedItems += f.notices.rectifiedItems;
    out.set(district, d);
  }
  for (const t of targets) {
    const d = out.get(t.code) ?? structuredClone(EMPTY_FIGURES);
    d.ingestion.annualTarget = t.target;
    d.ingestion.proRatedTarget = proRate(t.target, u.workdays);
    out.set(t.code, d);
  }
  return out;
}
