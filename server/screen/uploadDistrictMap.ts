import { AdminInputError } from '../auth/admin';
import { writeAudit } from '../auth/audit';
import type { Principal } from '../auth/roles';
import { listDistricts } from '../reference/queries';
import { saveDistrictMap } from './districtMap';
import { checkDistrictMap } from './validateDistrictMap';

/** An admin's upload of the city's district map: checked against the districts, stored as the one in use, audited. */
export async function uploadDistrictMap(actor: Principal, geojson: unknown): Promise<{ features: number }> {
  const check = checkDistrictMap(geojson, await listDistricts());
  if (!check.ok) throw new AdminInputError(check.message);
  await saveDistrictMap(check.map, 'upload', actor.name);
  await writeAudit({ action: 'admin_change', actor, target: 'district_map', detail: `upload ${check.map.features.length} districts` });
  return { features: check.map.features.length };
}
