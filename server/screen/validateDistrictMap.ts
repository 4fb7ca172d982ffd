import { z } from 'zod';
import type { DistrictMap } from './districtMap';

/**
 * A city's district map (GeoJSON) checked against its reference districts (issue 17): a FeatureCollection of
 * Polygon/MultiPolygon features whose `properties.code` holds every district code exactly once. Pure: the
 * districts are handed in.
 */
const position = z.tuple([z.number(), z.number()]).rest(z.number());
const ring = z.array(position).min(4);
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);
export const districtMapSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({ code: z.union([z.string(), z.number()]).transform(String), name: z.string().optional() }).passthrough(),
        geometry,
      }),
    )
    .min(1)
    .max(1000),
});

export type MapCheck =
  | { ok: true; map: DistrictMap }
  | { ok: false; missing: Array<{ code: string; name: string }>; unknown: string[]; duplicated: string[]; message: string };

export function checkDistrictMap(input: unknown, districts: ReadonlyArray<{ code: string; name: string; level: string }>): MapCheck {
  const parsed = districtMapSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const message = `不是有效的区县 GeoJSON：${issue.path.join('.') || '(root)'} ${issue.message} (expected a FeatureCollection of Polygon/MultiPolygon features, each with properties.code)`;
    return { ok: false, missing: [], unknown: [], duplicated: [], message };
  }
  const expected = new Map(districts.filter((d) => d.level === 'district').map((d) => [d.code, d.name]));
  const seen = new Map<string, number>();
  for (const f of parsed.data.features) seen.set(f.properties.code, (seen.get(f.properties.code) ?? 0) + 1);
  const missing = [...expected].filter(([code]) => !seen.has(code)).map(([code, name]) => ({ code, name }));
  const unknown = [...seen.keys()].filter((code) => !expected.has(code)).sort();
  const duplicated = [...seen].filter(([code, n]) => n > 1 && expected.has(code)).map(([code]) => code).sort();
  if (missing.length || unknown.length || duplicated.length) {
    const parts = [
      missing.length ? `缺少 ${missing.map((m) => `${m.code}（${m.name}）`).join('、')}` : '',
      unknown.length ? `未知代码 ${unknown.join('、')}` : '',
      duplicated.length ? `重复 ${duplicated.join('、')}` : '',
    ].filter(Boolean);
    const en = [
      missing.length ? `missing ${missing.map((m) => m.code).join(', ')}` : '',
      unknown.length ? `unknown ${unknown.join(', ')}` : '',
      duplicated.length ? `duplicated ${duplicated.join(', ')}` : '',
    ].filter(Boolean);
    const message = `地图的区县代码与参考数据不符：${parts.join('；')} (every district code must appear exactly once: ${en.join('; ')})`;
    return { ok: false, missing, unknown, duplicated, message };
  }
  const features = parsed.data.features.map((f) => ({ ...f, properties: { ...f.properties, name: f.properties.name ?? expected.get(f.properties.code) } }));
  return { ok: true, map: { type: 'FeatureCollection', features } as DistrictMap };
}
