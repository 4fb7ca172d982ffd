import { z } from 'zod';
import { queryRows } from '../db/query';
import { env } from '../env';
import type { Role } from './roles';
import { createToken, findTokenByHash, hashToken } from './tokens';
import { createUser, findUserByEmail } from './users';

/** Demo accounts, one per role (README lists them). Created only with the demo data. */
export const DEMO_PASSWORD = 'Demo@2026-csm';
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: Role; districtCode?: string; unitCode?: string }> = [
  { email: 'admin@demo.example', name: '信用办管理员', role: 'admin' },
  { email: 'leader@demo.example', name: '分管领导', role: 'leader' },
  { email: 'inspector@demo.example', name: '督查专员', role: 'inspector' },
  { email: 'district@demo.example', name: '东城区信用办', role: 'district', districtCode: '990102' },
  { email: 'unit@demo.example', name: '市市场监管局信用科', role: 'unit', unitCode: 'C002', districtCode: '990100' },
];

/**
 * Headless start (design.md §6): INIT_ADMIN_EMAIL + INIT_ADMIN_PASSWORD create the first admin and INIT_API_TOKEN
 * registers that exact value as an admin-scope token, each only if absent.
 */
export async function bootstrapAccess(opts: { demo: boolean; log: (line: string) => void }): Promise<void> {
  const e = env();
  if (e.INIT_ADMIN_EMAIL && e.INIT_ADMIN_PASSWORD && !(await findUserByEmail(e.INIT_ADMIN_EMAIL))) {
    await createUser({ email: e.INIT_ADMIN_EMAIL, name: '管理员', password: e.INIT_ADMIN_PASSWORD, role: 'admin', source: 'init' });
    opts.log(`admin user ${e.INIT_ADMIN_EMAIL} created (INIT_ADMIN_EMAIL)`);
  }
  if (e.INIT_API_TOKEN && !(await findTokenByHash(hashToken(e.INIT_API_TOKEN)))) {
    await createToken({ name: 'INIT_API_TOKEN', unitCode: 'C001', scopes: ['admin', 'read'], createdBy: 'init', secret: e.INIT_API_TOKEN });
    opts.log('admin API token registered (INIT_API_TOKEN)');
  }
  if (!opts.demo) return;
  const existing = new Set(
    (await queryRows('SELECT email FROM users FINAL', {}, z.object({ email: z.string() }))).map((r) => r.email),
  );
  for (const account of DEMO_ACCOUNTS) {
    if (existing.has(account.email)) continue;
    await createUser({ ...account, password: DEMO_PASSWORD, source: 'demo' });
    opts.log(`demo account ${account.email} (${account.role}) created`);
  }
}
