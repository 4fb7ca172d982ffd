import { listCatalog, listDistricts, listUnits } from '../../reference/queries';

export type Names = {
  units: Map<string, { name: string; districtCode: string; sort: number }>;
  districts: Array<{ code: string; name: string }>;
  districtNames: Map<string, string>;
  catalog: Map<string, string>;
};

let cache: { at: number; value: Promise<Names> } | null = null;

/** Reference names for labelling rows, cached for 30 s (names only: every figure is computed per request). */
export function names(): Promise<Names> {
  if (!cache || Date.now() - cache.at > 30_000) {
    const value = Promise.all([listUnits(), listDistricts(), listCatalog()]).then(([u, d, c]) => ({
      units: new Map(u.map((x, i) => [x.code, { name: x.name, districtCode: x.districtCode, sort: i }])),
      districts: d.map((x) => ({ code: x.code, name: x.name })),
      districtNames: new Map(d.map((x) => [x.code, x.name])),
      catalog: new Map(c.map((x) => [x.code, x.name])),
    }));
    value.catch(() => (cache = null));
    cache = { at: Date.now(), value };
  }
  return cache.value;
}
