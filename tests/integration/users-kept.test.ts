/**
 * The request path reads its user from accounts kept per users version (server/auth/users.ts), not from a query per
 * request: every change to an account must be seen by the very next request, a disabled user being out at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createUser, findUserById, updateUser } from '@/server/auth/users';
import { queryRows } from '@/server/db/query';
import { freshDatabase } from './_db';

const reads = async () =>
  (await queryRows(`SELECT count() AS n FROM data_versions WHERE kind = 'users'`, {}, z.object({ n: z.number() })))[0]!.n;

beforeAll(async () => {
  await freshDatabase();
}, 300_000);

describe('accounts kept per version', () => {
  it('a created, changed and disabled user is seen at the next read; an unknown id is nobody', async () => {
    const before = await reads();
    const u = await createUser({ email: 'Kept@Users.Test', name: '甲', password: 'kept-password-123', role: 'unit', unitCode: 'C002', districtCode: '990100', source: 'admin' });
    expect(await reads()).toBe(before + 1); // the change is recorded where every instance reads it
    expect(await findUserById(u.id)).toMatchObject({ email: 'kept@users.test', role: 'unit', unitCode: 'C002', disabled: false });
    await updateUser(u.id, { role: 'district', unitCode: '', districtCode: '990102' });
    expect(await findUserById(u.id)).toMatchObject({ role: 'district', districtCode: '990102', unitCode: '' });
    await updateUser(u.id, { disabled: true });
    expect((await findUserById(u.id))?.disabled).toBe(true);
    expect(await findUserById('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await findUserById('not-a-uuid')).toBeNull();
  });
});
