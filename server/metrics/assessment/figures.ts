/**
 * The figures each assessed entity is scored on, for one period, taken from the dashboards' own KPI functions (one
 * source of truth): 归集 ingestionKpi, 双公示 publicityKpi, 联合奖惩 sanctionKpi, grouped by district or unit, as of
 * the period end. A district's figures cover all units of the district (design.md §5): the KPI functions group by
 * the unit's district.
 */
import { EMPTY_FIGURES, type EntityFigures } from '../../assessment/score';
import type { Level } from '../../assessment/scheme';
import { ingestionKpi } from '../ingestion/kpi';
import { publicityKpi } from '../publicity/kpi';
import { sanctionKpi } from '../sanctions/kpi';
import { memoized } from './memo';

export type PeriodWindow = { from: string; to: string; asOf: string };

/** Figures per entity code; memoized once the period has ended (see ./memo.ts), computed live while it runs. */
export function periodFigures(level: Level, w: PeriodWindow, today: string): Promise<Map<string, EntityFigures>> {
  if (w.asOf >= today) return computeFigures(level, w);
  return memoized(`figures|${level}|${w.from}|${w.to}|${w.asOf}`, () => computeFigures(level, w));
}

async function computeFigures(level: Level, w: PeriodWindow): Promise<Map<string, EntityFigures>> {
  const groupBy = level;
  const [ingestion, publicity, sanctions] = await Promise.all([
    ingestionKpi({ from: w.from, to: w.to, asOf: w.asOf, district: '', unit: '', catalog: '' }, groupBy),
    publicityKpi({ from: w.from, to: w.to, asOf: w.asOf, groupBy }),
    sanctionKpi({ from: w.from, to: w.to, asOf: w.asOf }, groupBy),
  ]);
  const out = new Map<string, EntityFigures>();
  const entry = (code: string) => {
    let e = out.get(code);
    if (!e) {
      e = structuredClone(EMPTY_FIGURES);
      out.set(code, e);
    }
    return e;
  };
  const { workdaysElapsed, workdaysInYear } = ingestion.targetBasis;
  for (const r of ingestion.rows) {
    const e = entry(r.key);
    const proRated =
      r.target === null || workdaysElapsed === null || !workdaysInYear ? null : Math.round((r.target * workdaysElapsed) / workdaysInYear);
    e.ingestion = {
      ytdAccepted: r.ytdAccepted ?? 0,
      proRatedTarget: proRated,
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
  return out;
}
