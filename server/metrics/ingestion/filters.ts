import { z } from 'zod';
import { today } from '../../clock';
import { addDays } from '../../domain/calendar';
import { periodObject, periodShape, resolvePeriod } from '../../domain/period';
import { codeParam, districtUnitShape } from '../../domain/queryParams';

const codeFilterShape = { ...districtUnitShape, catalog: codeParam(40).optional() };
export const dashboardFilterShape = { ...periodShape, ...codeFilterShape };
export const dashboardFilterObject = z.object(dashboardFilterShape);
export type DashboardFilterInput = z.input<typeof dashboardFilterObject>;

/** Filters with their defaults applied: '' means "no filter" for the codes. */
export type Filters = {
  from: string;
  to: string;
  asOf: string;
  district: string;
  unit: string;
  catalog: string;
};

/** The period's defaults (server/domain/period.ts): year to date of asOf = today. */
export function resolveFilters(input: DashboardFilterInput, now: () => string = today): Filters {
  return { ...resolvePeriod(input, 'yearStart', now), district: input.district ?? '', unit: input.unit ?? '', catalog: input.catalog ?? '' };
}

/** A zod schema of the filters and `extra`; from after to is a validation error. */
export const withFilters = <T extends z.ZodRawShape>(extra: T) => periodObject({ ...codeFilterShape, ...extra });

/**
 * The last day whose data is complete for "expected per window" figures (missing submissions, anomalies):
 * the day before asOf, and never after `to`.
 */
export function lastCompleteDay(f: Pick<Filters, 'to' | 'asOf'>): string {
  const dayBefore = addDays(f.asOf, -1);
  return dayBefore < f.to ? dayBefore : f.to;
}

/** Bound parameters of the code filters, for SQL written with `filterSql`. */
export const filterParams = (f: Filters) => ({ district: f.district, unit: f.unit, catalog: f.catalog });

/**
 * The optional code filters as SQL over a table's columns (fixed by the calling metric, never from input);
 * the values are the bound parameters of `filterParams`. An empty filter matches everything.
 */
export function filterSql(cols: { district?: string; unit?: string; catalog?: string }): string {
  const parts: string[] = [];
  if (cols.district) parts.push(`({district:String} = '' OR ${cols.district} = {district:String})`);
  if (cols.unit) parts.push(`({unit:String} = '' OR ${cols.unit} = {unit:String})`);
  if (cols.catalog) parts.push(`({catalog:String} = '' OR ${cols.catalog} = {catalog:String})`);
  return parts.length ? parts.join(' AND ') : '1';
}
