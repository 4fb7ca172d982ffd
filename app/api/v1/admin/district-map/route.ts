import { z } from 'zod';
import { readJson, requireCaller } from '@/server/http/caller';
import { json, restHandler } from '@/server/http/respond';
import { uploadDistrictMap } from '@/server/screen/uploadDistrictMap';

export const dynamic = 'force-dynamic';

/** Upload the city's district map (the GeoJSON as the body); 400 naming the missing, unknown and duplicated codes. */
export const POST = restHandler(async (req: Request) => {
  const caller = await requireCaller(req, 'admin');
  return json(await uploadDistrictMap(caller, await readJson(req, z.unknown())));
});
