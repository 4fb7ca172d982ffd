import { ensureDefaultSchemes } from '../server/assessment/store';
import { bumpDataEpoch } from '../server/db/dataEpoch';
import { insertRows, runCommand } from '../server/db/query';
import { annualTargets, referenceData } from './reference';
import { CITY_NAME } from './reference/districts';

/** Years that have targets: the demo's 24 months reach back into the previous-but-one year. */
export function targetYears(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return [year - 2, year - 1, year, year + 1];
}

/**
 * Load the reference lists (districts, units, catalog, measures, targets, the city's name) and the default assessment schemes. Always run at start: rows are replaced
 * by code (ReplacingMergeTree), so reloading is idempotent and picks up edits to seeds/reference.
 */
export async function loadReferenceData(today: string): Promise<{ rows: number }> {
  const { districts, units, catalog, measures } = referenceData;
  await insertRows(
    'districts',
    districts.map((d) => ({ code: d.code, name: d.name, short_name: d.shortName, level: d.level, sort: d.sort })),
  );
  await insertRows(
    'units',
    units.map((u) => ({
      code: u.code,
      name: u.name,
      short_name: u.shortName,
      level: u.level,
      district_code: u.districtCode,
      member: u.member,
      kind: u.kind,
      sort: u.sort,
    })),
  );
  await insertRows(
    'catalog_items',
    catalog.map((c) => ({
      code: c.code,
      name: c.name,
      category: c.category,
      subject_types: c.subjectTypes,
      frequency: c.frequency,
      provider_kinds: c.providerKinds,
      sort: c.sort,
    })),
  );
  await insertRows(
    'measures',
    measures.map((m) => ({
      code: m.code,
      name: m.name,
      kind: m.kind,
      responding_kind: m.respondingKind,
      feedback_days: m.feedbackDays,
      sort: m.sort,
    })),
  );
  const targets = annualTargets(targetYears(today));
  await insertRows(
    'targets',
    targets.map((t) => ({ year: t.year, level: t.level, code: t.code, kpi: t.kpi, target: t.target, binding: t.binding })),
  );
  await insertRows('site_settings', [{ key: 'city_name', value: CITY_NAME }]);
  for (const table of ['districts', 'units', 'catalog_items', 'measures', 'targets', 'site_settings']) {
    await runCommand(`OPTIMIZE TABLE ${table} FINAL`);
  }
  await ensureDefaultSchemes();
  bumpDataEpoch('reference');
  return { rows: districts.length + units.length + catalog.length + measures.length + targets.length };
}
