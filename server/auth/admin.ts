import { z } from 'zod';
import { ClientError } from '../errors';
import { queryRows } from '../db/query';
import { writeAudit } from './audit';
import { passwordProblem } from './passwords';
import { bindingOf, ROLES, TOKEN_SCOPES, type Principal } from './roles';
import { createToken, findTokenById, revokeToken } from './tokens';
import { createUser, findUserByEmail, findUserById, updateUser, type PublicUser, type UserChange } from './users';

/** Admin operations shared by the admin pages (tRPC) and the REST API: one validation, one audit trail. */
export class AdminInputError extends ClientError {
  constructor(message: string, status: 400 | 404 | 409 = 400) {
    super(status, message);
    this.name = 'AdminInputError';
  }
}

export const newUserInput = z.object({
  email: z.email('email 格式不正确 (invalid email)'),
  name: z.string().trim().min(1, 'name 必填 (name is required)').max(100),
  password: z.string(),
  role: z.enum(ROLES),
  districtCode: z.string().optional().default(''),
  unitCode: z.string().optional().default(''),
});

export const userChangeInput = z.object({
  id: z.uuid(),
  name: z.string().trim().min(1).max(100).optional(),
  role: z.enum(ROLES).optional(),
  districtCode: z.string().optional(),
  unitCode: z.string().optional(),
  disabled: z.boolean().optional(),
  password: z.string().optional(),
});

export const newTokenInput = z.object({
  unitCode: z.string().min(1, 'unitCode 必填 (unitCode is required)'),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1, '至少一个权限范围 (at least one scope)'),
  name: z.string().trim().min(1, 'name 必填 (name is required)').max(100),
});

async function unitDistrict(unitCode: string): Promise<string | null> {
  const rows = await queryRows(
    'SELECT district_code AS d FROM units FINAL WHERE code = {code:String}',
    { code: unitCode },
    z.object({ d: z.string() }),
  );
  return rows[0]?.d ?? null;
}

async function districtExists(code: string): Promise<boolean> {
  const rows = await queryRows('SELECT count() AS n FROM districts FINAL WHERE code = {code:String}', { code }, z.object({ n: z.number() }));
  return (rows[0]?.n ?? 0) > 0;
}

/** A role's binding: district users need a district, unit users a unit (their district follows from it). */
async function resolveBinding(role: z.infer<typeof newUserInput>['role'], districtCode: string, unitCode: string) {
  const binding = bindingOf(role);
  if (binding === 'district') {
    if (!districtCode || !(await districtExists(districtCode))) {
      throw new AdminInputError(`角色 district 需要有效的 districtCode (unknown district '${districtCode}')`);
    }
    return { districtCode, unitCode: '' };
  }
  if (binding === 'unit') {
    const district = unitCode ? await unitDistrict(unitCode) : null;
    if (district === null) throw new AdminInputError(`角色 unit 需要有效的 unitCode (unknown unit '${unitCode}')`);
    return { districtCode: district, unitCode };
  }
  return { districtCode: '', unitCode: '' };
}

export async function adminCreateUser(actor: Principal, input: z.infer<typeof newUserInput>, source: 'admin' | 'api') {
  const problem = passwordProblem(input.password);
  if (problem) throw new AdminInputError(problem);
  if (await findUserByEmail(input.email)) throw new AdminInputError(`用户 ${input.email} 已存在 (user exists)`, 409);
  const binding = await resolveBinding(input.role, input.districtCode, input.unitCode);
  const user = await createUser({ ...input, ...binding, source });
  await writeAudit({ action: 'admin_change', actor, target: `user:${user.email}`, detail: `create role=${user.role}` });
  return user;
}

export async function adminUpdateUser(actor: Principal, input: z.infer<typeof userChangeInput>): Promise<PublicUser> {
  const { id, ...change } = input;
  if (change.password !== undefined) {
    const problem = passwordProblem(change.password);
    if (problem) throw new AdminInputError(problem);
  }
  const patch: UserChange = { ...change };
  if (change.role !== undefined || change.districtCode !== undefined || change.unitCode !== undefined) {
    const current = await findUserById(id);
    if (!current) throw new AdminInputError('用户不存在 (no such user)', 404);
    const role = change.role ?? current.role;
    Object.assign(patch, { role }, await resolveBinding(role, change.districtCode ?? current.districtCode, change.unitCode ?? current.unitCode));
  }
  const user = await updateUser(id, patch);
  if (!user) throw new AdminInputError('用户不存在 (no such user)', 404);
  const what = Object.keys(change)
    .map((k) => (k === 'password' ? 'password reset' : `${k}=${String(change[k as keyof typeof change])}`))
    .join(', ');
  await writeAudit({ action: 'admin_change', actor, target: `user:${user.email}`, detail: what });
  return user;
}

export async function adminCreateToken(actor: Principal, input: z.infer<typeof newTokenInput>) {
  if ((await unitDistrict(input.unitCode)) === null) throw new AdminInputError(`未知单位 unitCode '${input.unitCode}' (unknown unit)`);
  const created = await createToken({ ...input, createdBy: actor.name });
  await writeAudit({
    action: 'admin_change',
    actor,
    target: `token:${created.id}`,
    detail: `create unit=${input.unitCode} scopes=${input.scopes.join('+')} name=${input.name}`,
  });
  return created;
}

export async function adminRevokeToken(actor: Principal, id: string): Promise<void> {
  const token = await findTokenById(id);
  if (!token) throw new AdminInputError('令牌不存在 (no such token)', 404);
  await revokeToken(id);
  await writeAudit({ action: 'admin_change', actor, target: `token:${id}`, detail: `revoke ${token.name}` });
}
