/** Roles of design.md §1. */
export const ROLES = ['admin', 'leader', 'inspector', 'district', 'unit'] as const;
export type Role = (typeof ROLES)[number];

/** `display`: the big screen only (issue 17): `/screen` and the figures it draws, nothing else. */
export const TOKEN_SCOPES = ['ingest', 'read', 'backfill', 'admin', 'display'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Who is asking: a signed-in user or an API token. */
export type Principal = {
  kind: 'user' | 'token';
  id: string;
  name: string; // email, or the token's name
  role: Role;
  districtCode: string; // '' unless bound
  unitCode: string; // '' unless bound
  tokenScopes: readonly TokenScope[]; // empty for users
};

/**
 * What item-level data a principal may read. Aggregates, ranks and scores are city-wide for everyone signed in
 * (rankings are for comparing); items are limited to the principal's district or unit.
 */
export type ItemScope =
  | { kind: 'all' }
  | { kind: 'district'; districtCode: string }
  | { kind: 'unit'; unitCode: string; districtCode: string };

export function itemScopeOf(p: Principal): ItemScope {
  switch (p.role) {
    case 'admin':
    case 'leader':
    case 'inspector':
      return { kind: 'all' };
    case 'district':
      return { kind: 'district', districtCode: p.districtCode };
    case 'unit':
      return { kind: 'unit', unitCode: p.unitCode, districtCode: p.districtCode };
  }
}

/**
 * The scope as a SQL condition on a table's district and unit columns, with its values as bound parameters.
 * Column names are fixed by the calling metric; the scope's codes are always parameters.
 */
export function itemScopeSql(
  scope: ItemScope,
  columns: { district: string; unit: string } = { district: 'district_code', unit: 'unit_code' },
): { sql: string; params: Record<string, string> } {
  switch (scope.kind) {
    case 'all':
      return { sql: '1', params: {} };
    case 'district':
      return { sql: `${columns.district} = {scopeDistrict:String}`, params: { scopeDistrict: scope.districtCode } };
    case 'unit':
      return { sql: `${columns.unit} = {scopeUnit:String}`, params: { scopeUnit: scope.unitCode } };
  }
}

/** Roles that must be bound to a district or a unit, and which. */
export function bindingOf(role: Role): 'district' | 'unit' | null {
  return role === 'district' ? 'district' : role === 'unit' ? 'unit' : null;
}

/** What a token's scopes make of it: an admin token acts as admin, otherwise as its unit's user. */
export function roleOfToken(scopes: readonly TokenScope[]): Role {
  return scopes.includes('admin') ? 'admin' : 'unit';
}
