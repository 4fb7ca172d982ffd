import { createHash } from 'node:crypto';
import { z } from 'zod';
import { shanghaiTimestamp } from '../clock';
import { keptPerVersion, recordDataChange } from '../db/dataVersions';
import { insertRows, queryRows } from '../db/query';

/**
 * The district map the big screen draws (issue 17), kept in ClickHouse: the newest row of district_maps. Served by
 * GET /api/v1/screen/map with an ETag, once per page load; the minute refreshes fetch only the figures.
 */
export type DistrictMap = { type: 'FeatureCollection'; features: Array<{ type: 'Feature'; properties: { code: string; name?: string }; geometry: unknown }> };

const row = z.object({ geojson: z.string() });

/**
 * The map in use as stored (the GeoJSON text, served as is) and its entity tag, kept while no map is uploaded: a page
 * load or a revalidation reads neither ClickHouse nor the JSON again.
 */
export function currentDistrictMap(): Promise<{ geojson: string; tag: string } | null> {
  return keptPerVersion(['maps'], 'district-map', async () => {
    const rows = await queryRows(`-- current district map\nSELECT geojson FROM district_maps ORDER BY uploaded_at DESC LIMIT 1`, {}, row);
    const geojson = rows[0]?.geojson;
    if (geojson === undefined) return null;
    return { geojson, tag: `"map-${createHash('sha256').update(geojson).digest('hex').slice(0, 20)}"` };
  });
}

/** Store a map (already validated) as the one in use. */
export async function saveDistrictMap(map: DistrictMap, source: 'demo' | 'upload', uploadedBy: string): Promise<void> {
  await insertRows('district_maps', [
    { uploaded_at: shanghaiTimestamp(), uploaded_by: uploadedBy, source, features: map.features.length, geojson: JSON.stringify(map) },
  ]);
  await recordDataChange(['maps']);
}

/** Whether any map is stored (the demo's is loaded only into an empty table, never over an uploaded one). */
export async function hasDistrictMap(): Promise<boolean> {
  const rows = await queryRows('-- any district map\nSELECT count() AS n FROM district_maps', {}, z.object({ n: z.coerce.number() }));
  return (rows[0]?.n ?? 0) > 0;
}
