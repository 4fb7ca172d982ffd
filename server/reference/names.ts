import { keptPerVersion } from '../db/dataVersions';
import { listCatalog, listDistricts, listUnits } from './queries';

export type Names = {
  units: Map<string, { name: string; districtCode: string; sort: number }>;
  districts: Array<{ code: string; name: string }>;
  districtNames: Map<string, string>;
  catalog: Map<string, string>;
};

/** Reference names for labelling rows, kept with the reference lists they come from (names only: every figure is computed per request). */
export function names(): Promise<Names> {
  return keptPerVersion(['reference'], 'reference-names', () =>
    Promise.all([listUnits(), listDistricts(), listCatalog()]).then(([u, d, c]) => ({
      units: new Map(u.map((x, i) => [x.code, { name: x.name, districtCode: x.districtCode, sort: i }])),
      districts: d.map((x) => ({ code: x.code, name: x.name })),
      districtNames: new Map(d.map((x) => [x.code, x.name])),
      catalog: new Map(c.map((x) => [x.code, x.name])),
    })),
  );
}
