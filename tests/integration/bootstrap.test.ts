import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bootstrapAccess, DEMO_ACCOUNTS } from '@/server/auth/bootstrap';
import { principalFromToken } from '@/server/auth/tokens';
import { findUserByEmail } from '@/server/auth/users';
import { verifyPassword } from '@/server/auth/passwords';
import { queryRows } from '@/server/db/query';
import { resetEnvCache } from '@/server/env';
import { freshDatabase } from './_db';

const count = async (sql: string) => (await queryRows(sql, {}, z.object({ n: z.number() })))[0]?.n;

beforeAll(async () => {
  await freshDatabase();
  process.env.INIT_ADMIN_EMAIL = 'ops@city.example';
  process.env.INIT_ADMIN_PASSWORD = 'first-admin-password';
  process.env.INIT_API_TOKEN = 'automation-token-0123456789abcdef';
  resetEnvCache();
}, 300_000);

describe('headless start', () => {
  it('creates the first admin and registers the API token (hashed), once, and no demo accounts without demo data', async () => {
    const log: string[] = [];
    await bootstrapAccess({ demo: false, log: (l) => log.push(l) });
    await bootstrapAccess({ demo: false, log: (l) => log.push(l) });
    expect(log).toHaveLength(2); // the second run found both present
    const admin = await findUserByEmail('ops@city.example');
    expect(admin?.role).toBe('admin');
    expect(admin && (await verifyPassword(admin.passwordHash, 'first-admin-password'))).toBe(true);
    expect(await count("SELECT count() AS n FROM users FINAL WHERE source = 'demo'")).toBe(0);
    expect(await count("SELECT count() AS n FROM api_tokens FINAL WHERE token_hash = 'automation-token-0123456789abcdef'")).toBe(0);
    const principal = await principalFromToken('automation-token-0123456789abcdef');
    expect(principal).toMatchObject({ kind: 'token', role: 'admin' });
    expect(principal?.tokenScopes).toContain('admin');
  });

  it('with demo data it adds one account per role, each bound as the README says', async () => {
    await bootstrapAccess({ demo: true, log: () => {} });
    for (const account of DEMO_ACCOUNTS) {
      const user = await findUserByEmail(account.email);
      expect(user?.role).toBe(account.role);
    }
    expect((await findUserByEmail('district@demo.example'))?.districtCode).toBe('990102');
    expect((await findUserByEmail('unit@demo.example'))?.unitCode).toBe('C002');
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.role)).size).toBe(5);
  });
});
