import { listCatalog, listDistricts, listUnits } from '../../reference/queries';

export type RefUnit = Awaited<ReturnType<typeof listUnits>>[number];
export type RefDistrict = Awaited<ReturnType<typeof listDistricts>>[number];
export type RefCatalogItem = Awaited<ReturnType<typeof listCatalog>>[number];

export type Reference = {
  units: RefUnit[];
  districts: RefDistrict[];
  catalog: RefCatalogItem[];
  unitByCode: Map<string, RefUnit>;
  districtByCode: Map<string, RefDistrict>;
  catalogByCode: Map<string, RefCatalogItem>;
};

/** The small reference lists the 归集 figures name their keys with (a few hundred rows). */
export async function loadReference(): Promise<Reference> {
  const [units, districts, catalog] = await Promise.all([listUnits(), listDistricts(), listCatalog()]);
  return {
    units,
    districts,
    catalog,
    unitByCode: new Map(units.map((u) => [u.code, u])),
    districtByCode: new Map(districts.map((d) => [d.code, d])),
    catalogByCode: new Map(catalog.map((c) => [c.code, c])),
  };
}

/** Whether a unit is expected to provide a catalog item (its kind is among the item's provider kinds). */
export const provides = (unit: Pick<RefUnit, 'kind'>, item: Pick<RefCatalogItem, 'providerKinds'>) =>
  item.providerKinds.includes(unit.kind);

/** Units inside the district/unit filters. */
export function unitsInScope(ref: Reference, f: { district: string; unit: string }): RefUnit[] {
  return ref.units.filter((u) => (!f.district || u.districtCode === f.district) && (!f.unit || u.code === f.unit));
}
