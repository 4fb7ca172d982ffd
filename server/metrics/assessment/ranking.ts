/**
 * 考核排名 (design.md §5): scores and ranks of all districts or all member units for a period, under the scheme
 * version in force for the period, with the previous period's rank and the movement. Also the what-if ranking under
 * indicators that are not saved. Reproducible: figures are taken as of the period end (today while it runs), ties are
 * broken in reference order, and scoring is pure (server/assessment/score.ts).
 */
import { today } from '../../clock';
import { parsePeriod, periodAsOf, previousPeriod, type Period } from '../../assessment/periods';
import { schemeInForce, type Indicator, type Level, type Scheme } from '../../../shared/assessmentScheme';
import { listSchemes, manualScores } from '../../assessment/store';
import { EMPTY_FIGURES, rankEntities, scoreEntity, type EntityFigures, type IndicatorResult, type ManualEntry } from '../../assessment/score';
import { monthsBetween } from '../months';
import { listDistricts, listUnits } from '../../reference/queries';
import { periodFigures } from './figures';

export type AssessedEntity = { code: string; name: string; shortName: string; districtCode: string };

export type AssessmentRow = AssessedEntity & {
  total: number;
  rank: number;
  previousRank: number | null;
  movement: number | null;
  indicators: IndicatorResult[];
};

export type SchemeSummary = Pick<Scheme, 'version' | 'name' | 'effectiveFrom'> & {
  indicators: Array<Pick<Indicator, 'code' | 'name' | 'metric' | 'maxPoints' | 'method' | 'description'>>;
};

export type AssessmentRanking = {
  period: Pick<Period, 'key' | 'kind' | 'from' | 'to' | 'label' | 'labelEn'>;
  previousPeriod: string;
  asOf: string;
  level: Level;
  scheme: SchemeSummary;
  previousSchemeVersion: number;
  rows: AssessmentRow[];
};

/** Districts (not the city level itself) or the leadership group's member units, in reference order. */
export async function assessedEntities(level: Level): Promise<AssessedEntity[]> {
  if (level === 'district') {
    return (await listDistricts())
      .filter((d) => d.level === 'district')
      .map((d) => ({ code: d.code, name: d.name, shortName: d.shortName, districtCode: d.code }));
  }
  return (await listUnits())
    .filter((u) => u.member)
    .map((u) => ({ code: u.code, name: u.name, shortName: u.shortName, districtCode: u.districtCode }));
}

/**
 * Manual entries of a period per entity and indicator. A month uses its entry; a longer period the mean over its
 * months, each month without an entry counting at the indicator's default score.
 */
async function periodManual(level: Level, p: Period, indicators: readonly Indicator[]): Promise<Map<string, Map<string, ManualEntry>>> {
  const manualIndicators = indicators.filter((i) => i.method.kind === 'manual');
  const out = new Map<string, Map<string, ManualEntry>>();
  if (manualIndicators.length === 0) return out;
  const months = monthsBetween(p.from, p.to);
  const rows = await manualScores(level, months);
  const grouped = new Map<string, typeof rows>();
  for (const r of rows) {
    const k = `${r.entityCode}|${r.indicatorCode}`;
    grouped.set(k, [...(grouped.get(k) ?? []), r]);
  }
  for (const [k, entries] of grouped) {
    const [entity, indicatorCode] = k.split('|') as [string, string];
    const ind = manualIndicators.find((i) => i.code === indicatorCode);
    if (!ind || ind.method.kind !== 'manual') continue;
    let entry: ManualEntry;
    if (months.length === 1) {
      const e = entries[0]!;
      entry = { score: e.score, reason: e.reason, enteredBy: e.enteredBy, enteredAt: e.enteredAt };
    } else {
      const fallback = ind.method.defaultScore ?? 0;
      const sum = entries.reduce((s, e) => s + e.score, 0) + (months.length - entries.length) * fallback;
      const latest = entries.reduce((a, b) => (a.enteredAt >= b.enteredAt ? a : b));
      entry = {
        score: Math.round((sum / months.length) * 100) / 100,
        reason: `${months.length} 个月的平均：${entries.length} 个月已录入，其余按默认分 ${fallback} 计；最近一次：${latest.reason}`,
        enteredBy: latest.enteredBy,
        enteredAt: latest.enteredAt,
      };
    }
    const byIndicator = out.get(entity) ?? new Map<string, ManualEntry>();
    byIndicator.set(indicatorCode, entry);
    out.set(entity, byIndicator);
  }
  return out;
}

const NO_MANUAL: ReadonlyMap<string, ManualEntry> = new Map();

/** Scores and ranks every entity under `indicators`, ranks compared with `previousRanks`. */
export function rankUnder(
  entities: readonly AssessedEntity[],
  indicators: readonly Indicator[],
  figures: ReadonlyMap<string, EntityFigures>,
  manual: ReadonlyMap<string, ReadonlyMap<string, ManualEntry>>,
  previousRanks: ReadonlyMap<string, number>,
): AssessmentRow[] {
  const order = new Map(entities.map((e, i) => [e.code, i]));
  const scored = entities.map((e) => ({
    ...e,
    ...scoreEntity(e.code, indicators, figures.get(e.code) ?? EMPTY_FIGURES, manual.get(e.code) ?? NO_MANUAL),
  }));
  return rankEntities(scored, order, previousRanks);
}

type PeriodScores = {
  period: Period;
  asOf: string;
  scheme: Scheme;
  figures: Map<string, EntityFigures>;
  manual: Map<string, Map<string, ManualEntry>>;
};

const usesNotices = (indicators: readonly Indicator[]) => indicators.some((i) => i.metric === 'notice_rectification');

/** `extra`: indicators beyond the saved versions that the figures must serve (a what-if). */
async function periodScores(level: Level, p: Period, schemes: Scheme[], now: string, extra: readonly Indicator[] = []): Promise<PeriodScores> {
  const scheme = schemeInForce(schemes, p.schemeMonth);
  if (!scheme) throw new Error(`no ${level} scheme in force for ${p.key}: run the reference loader (npm start) first`);
  const asOf = periodAsOf(p, now);
  const [figures, manual] = await Promise.all([
    periodFigures(level, { from: p.from, to: p.to, asOf }, now, { notices: usesNotices(extra) || schemes.some((s) => usesNotices(s.indicators)) }),
    periodManual(level, p, scheme.indicators),
  ]);
  return { period: p, asOf, scheme, figures, manual };
}

const summary = (s: Scheme, indicators: readonly Indicator[] = s.indicators): SchemeSummary => ({
  version: s.version,
  name: s.name,
  effectiveFrom: s.effectiveFrom,
  indicators: indicators.map(({ code, name, metric, maxPoints, method, description }) => ({ code, name, metric, maxPoints, method, description })),
});

async function currentAndPrevious(level: Level, periodKey: string, extra: readonly Indicator[] = []) {
  const period = parsePeriod(periodKey);
  const previous = previousPeriod(period);
  const now = today();
  const [entities, schemes] = await Promise.all([assessedEntities(level), listSchemes(level)]);
  const [cur, prev] = await Promise.all([periodScores(level, period, schemes, now, extra), periodScores(level, previous, schemes, now)]);
  const previousRows = rankUnder(entities, prev.scheme.indicators, prev.figures, prev.manual, new Map());
  const previousRanks = new Map(previousRows.map((r) => [r.code, r.rank]));
  return { period, previous, entities, cur, prev, previousRanks };
}

const periodInfo = (p: Period) => ({ key: p.key, kind: p.kind, from: p.from, to: p.to, label: p.label, labelEn: p.labelEn });

type Computed = Awaited<ReturnType<typeof currentAndPrevious>>;

function toRanking(level: Level, c: Computed): AssessmentRanking {
  return {
    period: periodInfo(c.period),
    previousPeriod: c.previous.key,
    asOf: c.cur.asOf,
    level,
    scheme: summary(c.cur.scheme),
    previousSchemeVersion: c.prev.scheme.version,
    rows: rankUnder(c.entities, c.cur.scheme.indicators, c.cur.figures, c.cur.manual, c.previousRanks),
  };
}

/** GET /api/v1/assessment and the ranking table. */
export async function assessmentRanking(input: { period: string; level: Level }): Promise<AssessmentRanking> {
  return toRanking(input.level, await currentAndPrevious(input.level, input.period));
}

export type WhatIfAnswer = {
  current: AssessmentRanking;
  whatIf: { scheme: SchemeSummary; maxTotal: number; rows: AssessmentRow[] };
};

/**
 * The ranking that would result from other indicators (weights, thresholds), side by side with the current one, on
 * the same figures. Nothing is saved. The what-if rows' previousRank/movement compare with the current ranking.
 */
export async function assessmentWhatIf(input: { period: string; level: Level; indicators: Indicator[] }): Promise<WhatIfAnswer> {
  const computed = await currentAndPrevious(input.level, input.period, input.indicators);
  const current = toRanking(input.level, computed);
  const currentRanks = new Map(current.rows.map((r) => [r.code, r.rank]));
  return {
    current,
    whatIf: {
      scheme: summary({ ...computed.cur.scheme, name: '模拟方案（未保存）' }, input.indicators),
      maxTotal: Math.round(input.indicators.reduce((s, i) => s + i.maxPoints, 0) * 100) / 100,
      rows: rankUnder(computed.entities, input.indicators, computed.cur.figures, computed.cur.manual, currentRanks),
    },
  };
}

/** One period's ranking without the previous period (for scores and ranks over time). */
export async function rankingWithoutPrevious(level: Level, periodKey: string): Promise<{ period: Period; schemeVersion: number; rows: AssessmentRow[] }> {
  const period = parsePeriod(periodKey);
  const [entities, schemes] = await Promise.all([assessedEntities(level), listSchemes(level)]);
  const s = await periodScores(level, period, schemes, today());
  return { period, schemeVersion: s.scheme.version, rows: rankUnder(entities, s.scheme.indicators, s.figures, s.manual, new Map()) };
}
