import { expect, test } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, signIn, trpcQuery } from './helpers';

test('signed out: pages redirect to sign-in, APIs answer 401, security headers are set', async ({ page, request }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto('/ingestion/rejected?district=990102');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fingestion%2Frejected%3Fdistrict%3D990102/);
  expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  // Scripts run by this response's nonce, not 'unsafe-inline' (13.12); Next.js's own scripts carry it.
  const scriptSrc = /script-src ([^;]*)/.exec(res?.headers()['content-security-policy'] ?? '')?.[1] ?? '';
  expect(scriptSrc).not.toContain('unsafe-inline');
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  expect(nonce).toBeTruthy();
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]); // nothing of the page itself was refused
  expect(res?.headers()['x-content-type-options']).toBe('nosniff');
  expect(res?.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect((await request.get('/api/v1/items/ingestion?status=rejected')).status()).toBe(401);
  expect((await request.get('/api/v1/reference/units')).status()).toBe(401);
  const trpc = await request.get('/api/trpc/ingestion.kpi?input=%7B%22json%22%3A%7B%7D%7D');
  expect(trpc.status()).toBe(401);
});

test('a forged X-Forwarded-Host does not move the sign-in answers to another site (13.11)', async ({ request, baseURL }) => {
  const forged = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
  const providers = await (await request.get('/api/auth/providers', { headers: forged })).json();
  expect(providers.credentials.callbackUrl).toBe(`${baseURL}/api/auth/callback/credentials`);
  const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
  const signIn = await request.post('/api/auth/callback/credentials', {
    headers: forged,
    form: { csrfToken, email: ACCOUNTS.leader, password: DEMO_PASSWORD, callbackUrl: '/', json: 'true' },
  });
  const { url } = await signIn.json();
  expect(url).not.toContain('evil.example');
  expect(new URL(url).origin).toBe(baseURL);
});

test('a wrong password says so, without telling whether the account exists', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('邮箱').fill('nobody@demo.example');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('signin-error')).toHaveText('邮箱或密码不正确。');
});

test('after sign-in the user returns to the page asked for, and can sign out', async ({ page }) => {
  await signIn(page, 'inspector', '/ingestion/rejected');
  await expect(page).toHaveURL(/\/ingestion\/rejected/);
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin/);
});

test('a callbackUrl to another site is not followed after sign-in (13.10)', async ({ browser, baseURL }) => {
  // A browser reads '/\\host' and '/<tab>/host' as '//host': another site, though the text starts with one '/'.
  for (const callbackUrl of ['/%5Cevil.example/pwn', '/%09/evil.example/pwn']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`/signin?callbackUrl=${callbackUrl}`);
    await page.getByLabel('邮箱').fill(ACCOUNTS.leader);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('current-user')).toContainText(ACCOUNTS.leader);
    expect(page.url(), callbackUrl).toBe(`${baseURL}/`);
    await context.close();
  }
});

test('a district user sees only its own district by every route: UI filter, tRPC input, REST query, export', async ({ page, baseURL }) => {
  await signIn(page, 'district', '/ingestion/rejected');
  // No admin in the navigation, and the admin page sends it home.
  await expect(page.getByRole('navigation', { name: 'main' })).not.toContainText('管理');
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/$/);

  // UI: its own rows only.
  await page.goto('/ingestion/rejected');
  const rows = page.getByTestId('rejected-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const districts = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-district')));
  expect(new Set(districts)).toEqual(new Set(['990102']));

  // UI filter set to another district: nothing.
  await page.goto('/ingestion/rejected?district=990103');
  await expect(page.getByText('暂无数据')).toBeVisible();

  // tRPC input asking for another district: nothing.
  const viaTrpc = await trpcQuery(page, 'ingestion.rejectedItems', { district: '990103' });
  expect(viaTrpc.status).toBe(200);
  expect(viaTrpc.body.result.data.json.items).toEqual([]);
  const ownTrpc = await trpcQuery(page, 'ingestion.rejectedItems', {});
  expect(ownTrpc.body.result.data.json.items.every((i: { districtCode: string }) => i.districtCode === '990102')).toBe(true);

  // REST query and export with the session: nothing outside 990102.
  const rest = await page.request.get('/api/v1/items/ingestion?status=rejected&district=990103');
  expect(rest.status()).toBe(200);
  expect((await rest.json()).items).toEqual([]);
  const csv = await (await page.request.get('/api/v1/items/ingestion?status=rejected&format=csv&unit=D990103-01')).text();
  expect(csv.trim().split('\r\n')).toHaveLength(1); // the header only
  const ownCsv = await (await page.request.get('/api/v1/items/ingestion?status=rejected&format=csv')).text();
  const lines = ownCsv.trim().split('\r\n').slice(1);
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.every((l) => l.includes(',990102,'))).toBe(true);

  // Admin procedures are refused on the server, not only hidden (a same-origin request, so it is the role that is refused).
  expect((await trpcQuery(page, 'admin.users', undefined)).status).toBe(403);
  const tokenPost = await page.request.post('/api/v1/admin/tokens', { headers: { origin: baseURL! }, data: { unitCode: 'C002', scopes: ['read'], name: 'x' } });
  expect(tokenPost.status()).toBe(403);
  expect((await tokenPost.json()).error).toContain('admin');

  // Aggregates stay city-wide: the cockpit's 归集 figure is the whole city's year to date, not the district's.
  await page.goto('/');
  const city = await trpcQuery(page, 'ingestion.kpi', { groupBy: 'district' });
  const cityYtd = city.body.result.data.json.total.ytdAccepted as number;
  const own = city.body.result.data.json.rows.find((r: { key: string }) => r.key === '990102').ytdAccepted as number;
  expect(cityYtd).toBeGreaterThan(own);
  await expect(page.getByTestId('cockpit-ingestion-accepted')).toHaveText(cityYtd.toLocaleString('zh-CN'));
});

test('a unit user sees only its unit', async ({ page }) => {
  await signIn(page, 'unit', '/ingestion/rejected');
  const viaTrpc = await trpcQuery(page, 'ingestion.rejectedItems', { limit: 1000 });
  const units = new Set(viaTrpc.body.result.data.json.items.map((i: { unitCode: string }) => i.unitCode));
  expect([...units].every((u) => u === 'C002')).toBe(true);
  const other = await trpcQuery(page, 'ingestion.rejectedItems', { unit: 'D990102-01' });
  expect(other.body.result.data.json.items).toEqual([]);
});

test('an admin manages users and tokens, and sees the audit trail of drill-downs', async ({ page }) => {
  await signIn(page, 'admin', '/admin');
  await expect(page.getByTestId('users-table')).toContainText('district@demo.example');
  // A token is shown once and works for the REST API at once.
  const tokenForm = page.getByRole('form', { name: '生成令牌' });
  await tokenForm.getByLabel('名称').fill('e2e-read');
  await tokenForm.getByLabel('单位').selectOption('D990102-01');
  await tokenForm.getByLabel('read').check();
  await tokenForm.getByRole('button', { name: '生成令牌' }).click();
  const token = (await page.getByTestId('new-token').locator('code').innerText()).trim();
  expect(token).toMatch(/^csm_/);
  const res = await page.request.get('/api/v1/items/ingestion?status=rejected&district=990103', {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status()).toBe(200);
  expect((await res.json()).items).toEqual([]);
  // The district user's drill-downs above are in the audit log with their filters.
  await page.goto('/admin?action=drill_down');
  await expect(page.getByTestId('audit-table')).toContainText('district@demo.example');
  await expect(page.getByTestId('audit-table')).toContainText('990103');
});
