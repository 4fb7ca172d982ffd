import { z } from 'zod';
import { keptPerVersion } from '../db/dataVersions';
import { queryRows } from '../db/query';

/**
 * Districts, units and catalog items change only when the reference loader runs (which records a reference change),
 * yet every figure names its keys with them: keep them per reference version rather than reading them each time.
 */

/** Frozen: every caller shares these rows, so a caller that tried to change them would fail loudly. */
const frozen = <T extends object[]>(rows: T): T => {
  for (const r of rows) Object.freeze(r);
  return Object.freeze(rows) as T;
};

function cachedList<T extends object[]>(name: string, read: () => Promise<T>): () => Promise<T> {
  return () => keptPerVersion(['reference'], name, () => read().then(frozen));
}

export const districtRow = z.object({ code: z.string(), name: z.string(), shortName: z.string(), level: z.string() });
export const unitRow = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  level: z.string(),
  districtCode: z.string(),
  member: z.boolean(),
  kind: z.string(),
});
export const catalogRow = z.object({
  code: z.string(),
  name: z.string(),
  category: z.string(),
  subjectTypes: z.array(z.string()),
  frequency: z.string(),
  providerKinds: z.array(z.string()),
});
export const measureRow = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  respondingKind: z.string(),
  feedbackDays: z.number(),
});

export const listDistricts = cachedList('districts', () =>
  queryRows(
    `-- reference: districts
     SELECT code, name, short_name AS shortName, level FROM districts FINAL ORDER BY sort, code`,
    {},
    districtRow,
  ),
);

const listSiteSettings = cachedList('site', () =>
  queryRows(
    `-- reference: the city's name
     SELECT value FROM site_settings FINAL WHERE key = 'city_name'`,
    {},
    z.object({ value: z.string() }),
  ),
);

/** The city's name (示范市 in the demo), as the reference loader stored it; '' before it ran. */
export async function cityName(): Promise<string> {
  const [row] = await listSiteSettings();
  return row?.value ?? '';
}
export const listUnits = cachedList('units', () =>
  queryRows(
    `-- reference: units
     SELECT code, name, short_name AS shortName, level, district_code AS districtCode, member, kind
     FROM units FINAL ORDER BY sort, code`,
    {},
    unitRow,
  ),
);

export const listCatalog = cachedList('catalog', () =>
  queryRows(
    `-- reference: catalog
     SELECT code, name, category, subject_types AS subjectTypes, frequency, provider_kinds AS providerKinds
     FROM catalog_items FINAL ORDER BY sort, code`,
    {},
    catalogRow,
  ),
);

export const listMeasures = () =>
  queryRows(
    `-- reference: measures
     SELECT code, name, kind, responding_kind AS respondingKind, feedback_days AS feedbackDays
     FROM measures FINAL ORDER BY sort, code`,
    {},
    measureRow,
  );

export const REFERENCE_LISTS = {
  districts: listDistricts,
  units: listUnits,
  catalog: listCatalog,
  measures: listMeasures,
} as const;
export type ReferenceList = keyof typeof REFERENCE_LISTS;

export const targetRow = z.object({ code: z.string(), target: z.number(), binding: z.boolean() });
export type TargetRow = z.infer<typeof targetRow>;
export type TargetKpi = 'ingestion_records' | 'publicity_on_time_rate' | 'sanction_feedback_rate';

/**
 * Annual targets of one KPI for every unit or district (targets.kpi). Loaded with the reference data, so kept per
 * reference version like the lists above; frozen because callers share them.
 */
export function annualTargets(year: number, level: 'unit' | 'district', kpi: TargetKpi): Promise<readonly TargetRow[]> {
  return keptPerVersion(['reference'], `targets|${year}|${level}|${kpi}`, () =>
    queryRows(
    `-- reference: annual targets
     SELECT code, target, binding FROM targets FINAL
     WHERE year = {year:UInt16} AND level = {level:String} AND kpi = {kpi:String}`,
    { year, level, kpi },
    targetRow,
    ).then(frozen),
  );
}
