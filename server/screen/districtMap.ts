import { createHash } from 'node:crypto';
import { z } from 'zod';
import { shanghaiTimestamp } from '../clock';
import { insertRows, queryRows } from '../db/query';

/**
 * The district map the big screen draws (issue 17), kept in ClickHouse: the newest row of district_maps. Served by
 * GET /api/v1/screen/map with an ETag, once per page load; the minute refreshes fetch only the figures.
 */
export type DistrictMap = { type: 'FeatureCollection'; features: Array<{ type: 'Feature'; properties: { code: string; name?: string }; geometry: unknown }> };

const row = z.object({ geojson: z.string(), uploadedAt: z.string() });

export async function currentDistrictMap(): Promise<{ map: DistrictMap; tag: string } | null> {
  const rows = await queryRows(
    `-- current district map\nSELECT geojson, toString(uploaded_at) AS uploadedAt FROM district_maps ORDER BY uploaded_at DESC LIMIT 1`,
    {},
    row,
  );
  const current = rows[0];
  if (!current) return null;
  const tag = `"map-${createHash('sha256').update(current.geojson).digest('hex').slice(0, 20)}"`;
  return { map: JSON.parse(current.geojson) as DistrictMap, tag };
}

/** Store a map (already validated) as the one in use. */
export async function saveDistrictMap(map: DistrictMap, source: 'demo' | 'upload', uploadedBy: string): Promise<void> {
  await insertRows('district_maps', [
    { uploaded_at: shanghaiTimestamp(), uploaded_by: uploadedBy, source, features: map.features.length, geojson: JSON.stringify(map) },
  ]);
}

/** Whether any map is stored (the demo's is loaded only into an empty table, never over an uploaded one). */
export async function hasDistrictMap(): Promise<boolean> {
  const rows = await queryRows('-- any district map\nSELECT count() AS n FROM district_maps', {}, z.object({ n: z.coerce.number() }));
  return (rows[0]?.n ?? 0) > 0;
}
