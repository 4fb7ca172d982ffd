import type { ItemScope } from '../auth/roles';
import type { Filters } from './ingestion/filters';

/**
 * The filters narrowed to the caller's item scope, so the SQL itself only reads what the caller may see; null when
 * the filters ask for another district or unit (the answer is then empty, never an error that confirms anything).
 */
export function narrowToScope(f: Filters, scope: ItemScope): Filters | null {
  if (scope.kind === 'all') return f;
  if (scope.kind === 'district') {
    if (f.district && f.district !== scope.districtCode) return null;
    return { ...f, district: scope.districtCode };
  }
  if (f.unit && f.unit !== scope.unitCode) return null;
  return { ...f, unit: scope.unitCode };
}
