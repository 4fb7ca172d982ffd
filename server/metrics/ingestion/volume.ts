import { z } from 'zod';
import { queryRows } from '../../db/query';
import { filterParams, filterSql, type Filters } from './filters';
import { buckets, type Grain } from './periods';
import { loadReference, provides, unitsInScope, type Reference } from './reference';

const BUCKET_SQL: Record<Grain, string> = {
  day: 'day',
  week: 'toMonday(day)',
  month: 'toStartOfMonth(day)',
};

export type VolumePoint = {
  /** First day of the bucket. */
  key: string;
  /** The part of the bucket inside the period (what a drill-down asks for). */
  from: string;
  to: string;
  partial: boolean;
  records: number;
  licenses: number;
  penalties: number;
  accepted: number;
};

const volumeRow = z.object({
  bucket: z.string(),
  records: z.number(),
  licenses: z.number(),
  penalties: z.number(),
});

/**
 * Accepted volume over time: distinct keys (records, licences, penalties) by the day of their first receipt,
 * per day, ISO week or month of [from, to], every bucket present (zeros included).
 */
export async function volumeSeries(f: Filters, grain: Grain): Promise<{ grain: Grain; points: VolumePoint[] }> {
  const all = buckets(f.from, f.to, grain);
  const rows = await queryRows(
    `-- ingestion: accepted volume by ${grain}
     SELECT toString(${BUCKET_SQL[grain]}) AS bucket,
            sumIf(accepted_new, stream = 'records') AS records,
            sumIf(accepted_new, stream = 'licenses') AS licenses,
            sumIf(accepted_new, stream = 'penalties') AS penalties
     FROM ingest_daily
     WHERE day BETWEEN {from:Date} AND {to:Date}
       AND ${filterSql({ district: 'district_code', unit: 'unit_code', catalog: 'catalog_code' })}
     GROUP BY bucket`,
    { ...filterParams(f), from: f.from, to: f.to },
    volumeRow,
  );
  const by = new Map(rows.map((r) => [r.bucket, r]));
  return {
    grain,
    points: all.map((b) => {
      const r = by.get(b.key);
      const records = r?.records ?? 0;
      const licenses = r?.licenses ?? 0;
      const penalties = r?.penalties ?? 0;
      return { ...b, records, licenses, penalties, accepted: records + licenses + penalties };
    }),
  };
}

export type HeatmapAnswer = {
  units: Array<{ code: string; name: string; districtCode: string; accepted: number }>;
  catalog: Array<{ code: string; name: string; frequency: string; accepted: number }>;
  /** [unit index, catalog index, accepted, expected (1 when the unit's kind must provide the item)] */
  cells: Array<[number, number, number, 0 | 1]>;
};

const cellRow = z.object({ unitCode: z.string(), catalogCode: z.string(), accepted: z.number() });

/**
 * Accepted volume (distinct keys) by unit × catalog item in [from, to]. Cells exist where the unit sent the item or
 * is expected to (its kind is among the item's provider kinds), so an expected item with nothing shows as 0.
 * Units by volume, largest first; catalog items in catalog order.
 */
export async function volumeHeatmap(f: Filters, reference?: Reference): Promise<HeatmapAnswer> {
  const ref = reference ?? (await loadReference());
  const rows = await queryRows(
    `-- ingestion: accepted volume by unit and catalog item
     SELECT unit_code AS unitCode, catalog_code AS catalogCode, sum(accepted_new) AS accepted
     FROM ingest_daily
     WHERE day BETWEEN {from:Date} AND {to:Date}
       AND ${filterSql({ district: 'district_code', unit: 'unit_code', catalog: 'catalog_code' })}
     GROUP BY unit_code, catalog_code
     HAVING accepted > 0`,
    { ...filterParams(f), from: f.from, to: f.to },
    cellRow,
  );
  const cells = new Map<string, { unit: string; catalog: string; accepted: number; expected: boolean }>();
  for (const u of unitsInScope(ref, f)) {
    for (const c of ref.catalog) {
      if ((!f.catalog || c.code === f.catalog) && provides(u, c)) {
        cells.set(`${u.code}\u0001${c.code}`, { unit: u.code, catalog: c.code, accepted: 0, expected: true });
      }
    }
  }
  for (const r of rows) {
    const k = `${r.unitCode}\u0001${r.catalogCode}`;
    const cell = cells.get(k);
    if (cell) cell.accepted = r.accepted;
    else cells.set(k, { unit: r.unitCode, catalog: r.catalogCode, accepted: r.accepted, expected: false });
  }
  const unitTotals = new Map<string, number>();
  const catalogTotals = new Map<string, number>();
  for (const c of cells.values()) {
    unitTotals.set(c.unit, (unitTotals.get(c.unit) ?? 0) + c.accepted);
    catalogTotals.set(c.catalog, (catalogTotals.get(c.catalog) ?? 0) + c.accepted);
  }
  const unitOrder = new Map(ref.units.map((u, i) => [u.code, i]));
  const units = [...unitTotals.keys()]
    .sort((a, b) => unitTotals.get(b)! - unitTotals.get(a)! || (unitOrder.get(a) ?? 1e9) - (unitOrder.get(b) ?? 1e9) || a.localeCompare(b))
    .map((code) => ({
      code,
      name: ref.unitByCode.get(code)?.name ?? code,
      districtCode: ref.unitByCode.get(code)?.districtCode ?? '',
      accepted: unitTotals.get(code)!,
    }));
  const catalogOrder = new Map(ref.catalog.map((c, i) => [c.code, i]));
  const catalog = [...catalogTotals.keys()]
    .sort((a, b) => (catalogOrder.get(a) ?? 1e9) - (catalogOrder.get(b) ?? 1e9) || a.localeCompare(b))
    .map((code) => ({
      code,
      name: ref.catalogByCode.get(code)?.name ?? code,
      frequency: ref.catalogByCode.get(code)?.frequency ?? '',
      accepted: catalogTotals.get(code)!,
    }));
  const ui = new Map(units.map((u, i) => [u.code, i]));
  const ci = new Map(catalog.map((c, i) => [c.code, i]));
  return {
    units,
    catalog,
    cells: [...cells.values()].map((c) => [ui.get(c.unit)!, ci.get(c.catalog)!, c.accepted, c.expected ? 1 : 0]),
  };
}
