import { districts } from './districts';
import type { Target, Unit, UnitKind } from './types';
import { units } from './units';

/**
 * Average annual accepted-record target of one unit (before the per-unit ambition factor and yearly growth).
 * The default demo generates about 1 million rows over 24 months across ~200 units, i.e. ≈ 2,500 rows per unit
 * per year: the demo generator should derive its volumes from this constant and `unitRecordsWeight`, so the
 * two stay tuned together.
 */
export const RECORDS_TARGET_BASE_PER_YEAR = 2500;

/** Year in which the growth factor is 1. */
export const RECORDS_TARGET_BASE_YEAR = 2025;

/** Yearly growth of record targets (targets are raised 5% a year). */
export const RECORDS_TARGET_GROWTH_PER_YEAR = 0.05;

/** Binding (约束性) double-publicity on-time target: 100% within 7 working days. */
export const PUBLICITY_ON_TIME_TARGET = 1;

/** Expected (预期性) joint reward/sanction feedback-rate target. */
export const SANCTION_FEEDBACK_TARGET = 0.95;

/** Relative volume of credit records a unit of each kind produces; unlisted kinds use DEFAULT_KIND_WEIGHT. */
export const KIND_RECORDS_WEIGHT: Readonly<Record<UnitKind, number>> = {
  market: 3.0,
  tax: 2.5,
  court: 1.8,
  public_security: 1.4,
  development_reform: 1.2,
  housing: 1.0,
  transport: 1.0,
  hr: 1.0,
  government_data: 1.0,
  ecology: 0.8,
  health: 0.8,
  natural_resources: 0.8,
  urban_management: 0.8,
  customs: 0.8,
  medical_insurance: 0.7,
  emergency: 0.6,
  agriculture: 0.6,
  culture_tourism: 0.6,
  drug: 0.6,
  civil_affairs: 0.6,
  fire: 0.6,
  education: 0.5,
  commerce: 0.5,
  finance: 0.5,
  water: 0.5,
  justice: 0.4,
  industry: 0.4,
  financial_regulation: 0.4,
};

export const DEFAULT_KIND_WEIGHT = 0.3;

function kindWeight(kind: UnitKind): number {
  return KIND_RECORDS_WEIGHT[kind] ?? DEFAULT_KIND_WEIGHT;
}

const meanKindWeight = units.reduce((s, u) => s + kindWeight(u.kind), 0) / units.length;

/**
 * A unit's share of record volume relative to the average unit (the mean over all reference units is 1).
 * Multiply by RECORDS_TARGET_BASE_PER_YEAR for its expected annual volume.
 */
export function unitRecordsWeight(unit: Pick<Unit, 'kind'>): number {
  return kindWeight(unit.kind) / meanKindWeight;
}

/** FNV-1a 32-bit hash, for deterministic per-unit variation. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * Deterministic ambition factor of a unit's target in [0.85, 1.20): the office sets some targets above and
 * some below a unit's typical volume, so with a generator producing base × weight some units reach their
 * targets and some do not.
 */
export function unitTargetAmbition(unitCode: string): number {
  return 0.85 + (fnv1a(unitCode) % 3500) / 10000;
}

function growth(year: number): number {
  return Math.pow(1 + RECORDS_TARGET_GROWTH_PER_YEAR, year - RECORDS_TARGET_BASE_YEAR);
}

/** Annual accepted-record target of one unit, rounded to 10, at least 50. */
export function unitRecordsTarget(unit: Pick<Unit, 'code' | 'kind'>, year: number): number {
  const raw = RECORDS_TARGET_BASE_PER_YEAR * unitRecordsWeight(unit) * unitTargetAmbition(unit.code) * growth(year);
  return Math.max(50, Math.round(raw / 10) * 10);
}

/**
 * Annual targets for the given years, deterministic:
 * - per unit: `ingestion_records` (预期性), `publicity_on_time_rate` = 1 (约束性), `sanction_feedback_rate` = 0.95 (预期性);
 * - per district (every entry of `districts`, including 市本级 990100 whose units are the city-level units):
 *   the same three KPIs, with `ingestion_records` = the sum of its units' record targets.
 */
export function annualTargets(years: number[]): Target[] {
  const out: Target[] = [];
  for (const year of years) {
    const recordsByDistrict = new Map<string, number>();
    for (const u of units) {
      const records = unitRecordsTarget(u, year);
      recordsByDistrict.set(u.districtCode, (recordsByDistrict.get(u.districtCode) ?? 0) + records);
      out.push(
        { year, level: 'unit', code: u.code, kpi: 'ingestion_records', target: records, binding: false },
        { year, level: 'unit', code: u.code, kpi: 'publicity_on_time_rate', target: PUBLICITY_ON_TIME_TARGET, binding: true },
        { year, level: 'unit', code: u.code, kpi: 'sanction_feedback_rate', target: SANCTION_FEEDBACK_TARGET, binding: false },
      );
    }
    for (const d of districts) {
      const records = recordsByDistrict.get(d.code) ?? 0;
      out.push(
        { year, level: 'district', code: d.code, kpi: 'ingestion_records', target: records, binding: false },
        { year, level: 'district', code: d.code, kpi: 'publicity_on_time_rate', target: PUBLICITY_ON_TIME_TARGET, binding: true },
        { year, level: 'district', code: d.code, kpi: 'sanction_feedback_rate', target: SANCTION_FEEDBACK_TARGET, binding: false },
      );
    }
  }
  return out;
}
