import { describe, expect, it } from 'vitest';
import {
  annualTargets,
  catalog,
  CITY_CODE,
  districts,
  measures,
  RECORDS_TARGET_BASE_PER_YEAR,
  referenceData,
  units,
} from '../../seeds/reference';

function expectUnique(codes: string[]) {
  const dupes = codes.filter((c, i) => codes.indexOf(c) !== i);
  expect(dupes).toEqual([]);
}

const unitKinds = new Set(units.map((u) => u.kind));

describe('reference data', () => {
  it('has unique codes in every list', () => {
    expectUnique(districts.map((d) => d.code));
    expectUnique(units.map((u) => u.code));
    expectUnique(catalog.map((c) => c.code));
    expectUnique(measures.map((m) => m.code));
  });

  it('has 17 districts: 市本级 and 16 fictional 99xxxx districts', () => {
    expect(districts).toHaveLength(17);
    expect(districts.filter((d) => d.level === 'district')).toHaveLength(16);
    expect(districts.filter((d) => d.level === 'city').map((d) => d.code)).toEqual([CITY_CODE]);
    for (const d of districts) {
      expect(d.code).toMatch(/^99\d{4}$/);
      expect(d.name.startsWith(d.shortName)).toBe(true);
    }
  });

  it('has units attached to known districts, ~40 at city level and 8–12 per district', () => {
    const districtCodes = new Set(districts.map((d) => d.code));
    for (const u of units) {
      expect(districtCodes.has(u.districtCode)).toBe(true);
      expect(u.code).toMatch(/^[\x21-\x7e]{1,20}$/);
      expect(u.level === 'city').toBe(u.districtCode === CITY_CODE);
      expect(u.name.length).toBeGreaterThan(0);
      expect(u.shortName.length).toBeGreaterThan(0);
    }
    const city = units.filter((u) => u.level === 'city');
    expect(city.length).toBeGreaterThanOrEqual(35);
    expect(city.length).toBeLessThanOrEqual(45);
    for (const d of districts.filter((x) => x.level === 'district')) {
      const own = units.filter((u) => u.districtCode === d.code);
      expect(own.length).toBeGreaterThanOrEqual(8);
      expect(own.length).toBeLessThanOrEqual(12);
      for (const u of own) expect(u.name.startsWith(d.name)).toBe(true);
    }
    expect(units.some((u) => !u.member)).toBe(true);
    expect(units.filter((u) => u.member).length).toBeGreaterThan(units.length * 0.9);
  });

  it('has a catalog of 25–35 items with XK and CF, provided by existing unit kinds', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(25);
    expect(catalog.length).toBeLessThanOrEqual(35);
    const codes = catalog.map((c) => c.code);
    expect(codes).toContain('XK');
    expect(codes).toContain('CF');
    for (const c of catalog) {
      expect(c.code).toMatch(/^[A-Z]+$/);
      expect(c.providerKinds.length).toBeGreaterThan(0);
      expect(c.subjectTypes.length).toBeGreaterThan(0);
      for (const k of c.providerKinds) expect(unitKinds.has(k), `${c.code} provider ${k}`).toBe(true);
    }
    for (const f of ['realtime', 'daily', 'weekly', 'monthly', 'quarterly'] as const) {
      expect(catalog.some((c) => c.frequency === f), f).toBe(true);
    }
  });

  it('has measures answered by existing unit kinds within 1..30 working days', () => {
    expect(measures.some((m) => m.kind === 'punishment')).toBe(true);
    expect(measures.some((m) => m.kind === 'reward')).toBe(true);
    for (const m of measures) {
      expect(unitKinds.has(m.respondingKind), `${m.code} responder ${m.respondingKind}`).toBe(true);
      expect(Number.isInteger(m.feedbackDays)).toBe(true);
      expect(m.feedbackDays).toBeGreaterThanOrEqual(1);
      expect(m.feedbackDays).toBeLessThanOrEqual(30);
    }
  });

  it('exposes the reference lists together', () => {
    expect(referenceData).toEqual({ districts, units, catalog, measures });
  });
});

describe('annual targets', () => {
  const years = [2025, 2026];
  const targets = annualTargets(years);

  it('is deterministic', () => {
    expect(annualTargets(years)).toEqual(targets);
  });

  it('has one target per year, entity and KPI, with the right binding', () => {
    expect(targets).toHaveLength(years.length * (units.length + districts.length) * 3);
    expectUnique(targets.map((t) => `${t.year}|${t.level}|${t.code}|${t.kpi}`));
    for (const t of targets) {
      if (t.kpi === 'publicity_on_time_rate') expect([t.target, t.binding]).toEqual([1, true]);
      if (t.kpi === 'sanction_feedback_rate') expect([t.target, t.binding]).toEqual([0.95, false]);
      if (t.kpi === 'ingestion_records') {
        expect(t.binding).toBe(false);
        expect(Number.isInteger(t.target)).toBe(true);
        expect(t.target).toBeGreaterThan(0);
      }
    }
  });

  it('sets district record targets to the sum of their units', () => {
    for (const year of years) {
      const records = targets.filter((t) => t.year === year && t.kpi === 'ingestion_records');
      for (const d of districts) {
        const ownUnits = new Set(units.filter((u) => u.districtCode === d.code).map((u) => u.code));
        const sum = records.filter((t) => t.level === 'unit' && ownUnits.has(t.code)).reduce((s, t) => s + t.target, 0);
        const districtTarget = records.find((t) => t.level === 'district' && t.code === d.code);
        expect(districtTarget?.target).toBe(sum);
      }
    }
  });

  it('scales record targets by unit kind around the base', () => {
    const rec = targets.filter((t) => t.year === 2025 && t.level === 'unit' && t.kpi === 'ingestion_records');
    const byCode = new Map(rec.map((t) => [t.code, t.target]));
    const mean = rec.reduce((s, t) => s + t.target, 0) / rec.length;
    expect(mean).toBeGreaterThan(RECORDS_TARGET_BASE_PER_YEAR * 0.9);
    expect(mean).toBeLessThan(RECORDS_TARGET_BASE_PER_YEAR * 1.15);
    const avgOfKind = (kind: string) => {
      const list = units.filter((u) => u.kind === kind).map((u) => byCode.get(u.code) ?? 0);
      return list.reduce((s, x) => s + x, 0) / list.length;
    };
    expect(avgOfKind('market')).toBeGreaterThan(avgOfKind('emergency'));
    expect(avgOfKind('tax')).toBeGreaterThan(avgOfKind('health'));
    expect(avgOfKind('court')).toBeGreaterThan(avgOfKind('ecology'));
  });
});
