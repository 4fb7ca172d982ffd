import { z } from 'zod';
import { queryRows } from '../db/query';

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

export const listDistricts = () =>
  queryRows(
    `-- reference: districts
     SELECT code, name, short_name AS shortName, level FROM districts FINAL ORDER BY sort, code`,
    {},
    districtRow,
  );

export const listUnits = () =>
  queryRows(
    `-- reference: units
     SELECT code, name, short_name AS shortName, level, district_code AS districtCode, member, kind
     FROM units FINAL ORDER BY sort, code`,
    {},
    unitRow,
  );

export const listCatalog = () =>
  queryRows(
    `-- reference: catalog
     SELECT code, name, category, subject_types AS subjectTypes, frequency, provider_kinds AS providerKinds
     FROM catalog_items FINAL ORDER BY sort, code`,
    {},
    catalogRow,
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
