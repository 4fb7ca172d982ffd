import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { shanghaiTimestamp } from '../clock';
import { keptPerVersion, recordDataChange } from '../db/dataVersions';
import { insertRows, queryRows } from '../db/query';
import { hashPassword } from './passwords';
import { ROLES, type Role } from './roles';

export const userRow = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  passwordHash: z.string(),
  role: z.enum(ROLES),
  districtCode: z.string(),
  unitCode: z.string(),
  disabled: z.boolean(),
  source: z.string(),
  createdAt: z.string(),
});
export type UserRecord = z.infer<typeof userRow>;
export type PublicUser = Omit<UserRecord, 'passwordHash'>;

const SELECT_USERS = `
  SELECT id, email, name, password_hash AS passwordHash, role, district_code AS districtCode,
         unit_code AS unitCode, disabled, source, toString(created_at) AS createdAt
  FROM users FINAL`;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(email: string): Promise<UserRecord | null> {
  const rows = await queryRows(`-- user by email\n${SELECT_USERS} WHERE email = {email:String} LIMIT 1`, { email: normaliseEmail(email) }, userRow);
  return rows[0] ?? null;
}

/**
 * Every signed-in request reads its user (role, binding, disabled): the accounts are kept while the users version is
 * unchanged, instead of a ClickHouse query per request. A change here clears them at once; one made on another
 * instance is seen within the versions' reuse time (server/db/dataVersions.ts).
 */
const usersById = () =>
  keptPerVersion(['users'], 'users-by-id', async () => new Map((await queryRows(`-- users by id\n${SELECT_USERS}`, {}, userRow)).map((u) => [u.id, u])));

export async function findUserById(id: string): Promise<UserRecord | null> {
  return (await usersById()).get(id) ?? null;
}

export async function listUsers(): Promise<PublicUser[]> {
  const rows = await queryRows(`-- users\n${SELECT_USERS} ORDER BY role, email`, {}, userRow);
  return rows.map(({ passwordHash: _omit, ...u }) => u);
}

async function writeUser(u: Omit<UserRecord, 'createdAt'> & { createdAt?: string }): Promise<void> {
  const now = shanghaiTimestamp();
  await insertRows('users', [
    {
      id: u.id,
      email: normaliseEmail(u.email),
      name: u.name,
      password_hash: u.passwordHash,
      role: u.role,
      district_code: u.districtCode,
      unit_code: u.unitCode,
      disabled: u.disabled,
      source: u.source,
      created_at: u.createdAt ?? now,
      updated_at: now,
    },
  ]);
  await recordDataChange(['users']);
}

export type NewUser = {
  email: string;
  name: string;
  password: string;
  role: Role;
  districtCode?: string;
  unitCode?: string;
  source: 'demo' | 'init' | 'admin' | 'api';
};

export async function createUser(input: NewUser): Promise<PublicUser> {
  const id = randomUUID();
  const record = {
    id,
    email: normaliseEmail(input.email),
    name: input.name,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    districtCode: input.districtCode ?? '',
    unitCode: input.unitCode ?? '',
    disabled: false,
    source: input.source,
  };
  await writeUser(record);
  const { passwordHash: _omit, ...rest } = record;
  return { ...rest, createdAt: shanghaiTimestamp() };
}

export type UserChange = {
  name?: string;
  role?: Role;
  districtCode?: string;
  unitCode?: string;
  disabled?: boolean;
  password?: string;
};

/** A new version of the user row (ReplacingMergeTree keeps the latest). */
export async function updateUser(id: string, change: UserChange): Promise<PublicUser | null> {
  const current = await findUserById(id);
  if (!current) return null;
  const next: UserRecord = {
    ...current,
    ...(change.name !== undefined && { name: change.name }),
    ...(change.role !== undefined && { role: change.role }),
    ...(change.districtCode !== undefined && { districtCode: change.districtCode }),
    ...(change.unitCode !== undefined && { unitCode: change.unitCode }),
    ...(change.disabled !== undefined && { disabled: change.disabled }),
    ...(change.password !== undefined && { passwordHash: await hashPassword(change.password) }),
  };
  await writeUser(next);
  const { passwordHash: _omit, ...rest } = next;
  return rest;
}
