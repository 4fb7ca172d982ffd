import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { shanghaiTimestamp } from '../clock';
import { insertRows, queryRows } from '../db/query';
import { roleOfToken, TOKEN_SCOPES, type Principal, type TokenScope } from './roles';

/** Tokens are 256 random bits, so a fast hash is enough to store them (no password-style KDF needed). */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const newTokenSecret = () => `csm_${randomBytes(32).toString('base64url')}`;

export const tokenRow = z.object({
  id: z.string(),
  name: z.string(),
  unitCode: z.string(),
  districtCode: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  tokenPrefix: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  uses: z.number(),
});
export type TokenInfo = z.infer<typeof tokenRow>;

const SELECT_TOKENS = `
  SELECT toString(t.id) AS id, t.name AS name, t.unit_code AS unitCode, ifNull(u.district_code, '') AS districtCode,
         t.scopes AS scopes, t.token_prefix AS tokenPrefix, t.created_by AS createdBy,
         toString(t.created_at) AS createdAt, if(isNull(t.revoked_at), NULL, toString(t.revoked_at)) AS revokedAt,
         if(usage.uses = 0, NULL, toString(usage.last_used_at)) AS lastUsedAt, usage.uses AS uses
  FROM (SELECT * FROM api_tokens FINAL) AS t
  LEFT JOIN (SELECT code, district_code FROM units FINAL) AS u ON u.code = t.unit_code
  LEFT JOIN (SELECT token_id, max(last_used_at) AS last_used_at, sum(uses) AS uses FROM api_token_usage GROUP BY token_id) AS usage
    ON usage.token_id = t.id`;

export async function createToken(input: {
  name: string;
  unitCode: string;
  scopes: TokenScope[];
  createdBy: string;
  secret?: string; // INIT_API_TOKEN registers a given value
}): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  const token = input.secret ?? newTokenSecret();
  const now = shanghaiTimestamp();
  await insertRows('api_tokens', [
    {
      id,
      name: input.name,
      unit_code: input.unitCode,
      scopes: [...new Set(input.scopes)],
      token_hash: hashToken(token),
      token_prefix: token.slice(0, 8),
      created_by: input.createdBy,
      created_at: now,
      revoked_at: null,
      updated_at: now,
    },
  ]);
  return { id, token };
}

export const listTokens = () => queryRows(`-- tokens\n${SELECT_TOKENS} ORDER BY t.created_at DESC`, {}, tokenRow);

export async function findTokenById(id: string): Promise<TokenInfo | null> {
  return (await queryRows(`-- token by id\n${SELECT_TOKENS} WHERE t.id = {id:UUID}`, { id }, tokenRow))[0] ?? null;
}

export async function findTokenByHash(tokenHash: string): Promise<TokenInfo | null> {
  const rows = await queryRows(
    `-- token by hash\n${SELECT_TOKENS} WHERE t.token_hash = {hash:String} LIMIT 1`,
    { hash: tokenHash },
    tokenRow,
  );
  return rows[0] ?? null;
}

/** Revoke: a new version with revoked_at set. Returns false when there is no such token. */
export async function revokeToken(id: string): Promise<boolean> {
  const rows = await queryRows(
    `SELECT id, name, unit_code, scopes, token_hash, token_prefix, created_by, toString(created_at) AS created_at
     FROM api_tokens FINAL WHERE id = {id:UUID}`,
    { id },
    z.record(z.string(), z.unknown()),
  );
  const current = rows[0];
  if (!current) return false;
  const now = shanghaiTimestamp();
  await insertRows('api_tokens', [{ ...current, revoked_at: now, updated_at: now }]);
  return true;
}

/** The principal a bearer token stands for, or null when unknown or revoked. Records the use. */
export async function principalFromToken(token: string): Promise<Principal | null> {
  const info = await findTokenByHash(hashToken(token));
  if (!info || info.revokedAt) return null;
  await insertRows('api_token_usage', [{ token_id: info.id, last_used_at: shanghaiTimestamp(), uses: 1 }]);
  return {
    kind: 'token',
    id: info.id,
    name: info.name,
    role: roleOfToken(info.scopes),
    districtCode: info.districtCode,
    unitCode: info.unitCode,
    tokenScopes: info.scopes,
  };
}
