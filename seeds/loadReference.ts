import { ensureDefaultSchemes } from '../server/assessment/store';
import { recordDataChange } from '../server/db/dataVersions';
import { insertRows, runCommand } from '../server/db/query';
import { hasDistrictMap, saveDistrictMap, type DistrictMap } from '../server/screen/districtMap';
import { annualTargets, referenceData } from './reference';
import demoMap from './reference/districts.geo.json';
import { CITY_NAME } from './reference/districts';

/** { shortName: 'x' } → { short_name: 'x' }: a seed row as the row of its table. */
const snakeCaseKeys = (row: object) =>
  Object.fromEntries(Object.entries(row).map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]));

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
  const targets = annualTargets(targetYears(today));
  // The seed types name their fields as the columns, in camelCase.
  const lists: Array<[string, object[]]> = [
    ['districts', districts],
    ['units', units],
    ['catalog_items', catalog],
    ['measures', measures],
    ['targets', targets],
  ];
  for (const [table, rows] of lists) await insertRows(table, rows.map(snakeCaseKeys));
  await insertRows('site_settings', [{ key: 'city_name', value: CITY_NAME }]);
  for (const table of ['districts', 'units', 'catalog_items', 'measures', 'targets', 'site_settings']) {
    await runCommand(`OPTIMIZE TABLE ${table} FINAL`);
  }
  await ensureDefaultSchemes();
  // The big screen's map: the demo city's fictional one, unless a map is stored already (a city's upload stays).
  if (!(await hasDistrictMap())) await saveDistrictMap(demoMap as unknown as DistrictMap, 'demo', 'seed');
  await recordDataChange(['reference']);
  return { rows: districts.length + units.length + catalog.length + measures.length + targets.length };
}
