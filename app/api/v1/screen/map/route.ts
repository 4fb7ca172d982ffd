import { ifNoneMatch } from '@/server/endpoints/rest';
import { ClientError } from '@/server/errors';
import { requireCaller } from '@/server/http/caller';
import { restHandler } from '@/server/http/respond';
import { currentDistrictMap } from '@/server/screen/districtMap';

export const dynamic = 'force-dynamic';

/** The big screen's district map (GeoJSON): display tokens may read it; cached by the browser, revalidated by ETag. */
export const GET = restHandler(async (req: Request) => {
  await requireCaller(req, 'display');
  const current = await currentDistrictMap();
  if (!current) throw new ClientError(404, '尚未上传区县地图 (no district map: upload one in 管理)');
  const headers = { etag: current.tag, 'cache-control': 'private, max-age=3600, must-revalidate' };
  if (ifNoneMatch(req, current.tag)) return new Response(null, { status: 304, headers });
  return new Response(current.geojson, { headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
});
