import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

/** 大屏 (issue 17): drawn whole at 1920×1080 and on a 3840×2160 wall, the API's figures, and the display link. */
const PANELS = ['panel-ingestion', 'panel-publicity', 'panel-sanctions', 'panel-map', 'panel-trend', 'panel-district-ranking', 'panel-units', 'panel-overdue'];

type Figures = {
  asOf: string;
  ingestion: { accepted: number };
  publicity: { month: { value: number | null }; ytd: { value: number | null } };
  sanctions: { feedbackRate: number | null; timelyRate: number | null };
  districtRanking: Array<{ code: string }>;
  overdueToday: { publicity: number; sanctions: number };
};

async function expectWholeScreen(page: Page, width: number, height: number) {
  for (const id of PANELS) await expect(page.getByTestId(id)).toBeVisible();
  await expect(page.getByTestId('district-map').locator('canvas').first()).toBeVisible();
  const fit = await page.evaluate(() => {
    const s = document.scrollingElement!;
    const box = document.querySelector('[data-testid="screen-canvas"]')!.getBoundingClientRect();
    return { sw: s.scrollWidth, sh: s.scrollHeight, w: innerWidth, h: innerHeight, box: { l: box.left, t: box.top, r: box.right, b: box.bottom, w: box.width } };
  });
  expect(fit.sw).toBeLessThanOrEqual(fit.w);
  expect(fit.sh).toBeLessThanOrEqual(fit.h);
  expect(fit.box.l).toBeGreaterThanOrEqual(-0.5);
  expect(fit.box.t).toBeGreaterThanOrEqual(-0.5);
  expect(fit.box.r).toBeLessThanOrEqual(width + 0.5);
  expect(fit.box.b).toBeLessThanOrEqual(height + 0.5);
  expect(fit.box.w).toBeCloseTo(1920 * Math.min(width / 1920, height / 1080), 0);
}

async function expectApiFigures(page: Page, headers: Record<string, string> = {}) {
  const api = (await page.evaluate(async (h) => (await fetch('/api/v1/screen', { headers: h })).json(), headers)) as Figures;
  const value = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-value'));
  expect(await value('ingestion-accepted')).toBe(api.ingestion.accepted);
  expect(await value('publicity-month')).toBeCloseTo(api.publicity.month.value ?? NaN, 12);
  expect(await value('publicity-ytd')).toBeCloseTo(api.publicity.ytd.value ?? NaN, 12);
  expect(await value('sanctions-feedback')).toBeCloseTo(api.sanctions.feedbackRate ?? NaN, 12);
  expect(await value('sanctions-timely')).toBeCloseTo(api.sanctions.timelyRate ?? NaN, 12);
  await expect(page.getByTestId('overdue-publicity')).toHaveText(String(api.overdueToday.publicity));
  await expect(page.getByTestId('overdue-sanctions')).toHaveText(String(api.overdueToday.sanctions));
  await expect(page.getByTestId('screen-cutoff')).toContainText(api.asOf);
  const codes = await page.getByTestId('panel-district-ranking').getByTestId('rank-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
  expect(codes).toEqual(api.districtRanking.map((r) => r.code));
}

for (const [width, height] of [
  [1920, 1080],
  [3840, 2160],
] as const) {
  test(`at ${width}×${height} every panel is drawn, without scrollbars, with the API's figures and 16 coloured districts`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await signIn(page, 'leader');
    await page.goto('/screen?cycle=0');
    await expectWholeScreen(page, width, height);
    await expectApiFigures(page);
    await page.waitForTimeout(1500); // the charts' entry animation
    await page.screenshot({ path: `test-results/screen-${width}x${height}.png` });
    const map = page.getByTestId('district-map');
    await expect(map).toHaveAttribute('data-districts', '16');
    await expect(map).toHaveAttribute('data-coloured', '16');
    for (const figure of ['onTimeRate', 'feedbackRate', 'targetCompletion']) {
      await page.getByRole('tab').nth(['assessmentTotal', 'onTimeRate', 'feedbackRate', 'targetCompletion'].indexOf(figure)).click();
      await expect(map).toHaveAttribute('data-figure', figure);
    }
  });
}

test('a display link opens /screen only: other pages send it to sign-in, other APIs answer 403; the map is fetched once', async ({ page, browser }) => {
  await signIn(page, 'admin');
  const created = await page.evaluate(async () => {
    const res = await fetch('/api/v1/admin/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ unitCode: 'C001', scopes: ['display'], name: 'e2e 大屏' }),
    });
    return { status: res.status, body: (await res.json()) as { token: string } };
  });
  expect(created.status).toBe(201);
  const key = created.body.token;

  const wall = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const screen = await wall.newPage();
  const calls = { figures: 0, map: 0 };
  screen.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path === '/api/v1/screen') calls.figures += 1;
    if (path === '/api/v1/screen/map') calls.map += 1;
  });
  await screen.goto(`/screen?key=${key}&refresh=10`);
  await expectWholeScreen(screen, 1920, 1080);
  await expect(screen.getByTestId('district-map')).toHaveAttribute('data-coloured', '16');
  await expectApiFigures(screen, { authorization: `Bearer ${key}` });
  await expect.poll(() => calls.figures, { timeout: 25_000 }).toBeGreaterThanOrEqual(3);
  expect(calls.map).toBe(1);

  // The server goes away: the last figures stay up, with a warning.
  await screen.route('**/api/v1/screen', (route) => route.abort());
  await expect(screen.getByTestId('screen-stale')).toBeVisible({ timeout: 25_000 });
  await expect(screen.getByTestId('panel-map')).toBeVisible();

  const bearer = { authorization: `Bearer ${key}` };
  const api = wall.request;
  expect((await api.get('/api/v1/screen', { headers: bearer })).status()).toBe(200);
  for (const path of ['/api/v1/kpi/publicity', '/api/v1/items/publicity', '/api/v1/reference/units', '/api/v1/assessment?period=2026-10&level=district']) {
    expect((await api.get(path, { headers: bearer })).status(), path).toBe(403);
  }
  expect((await api.get('/api/trpc/reference.units', { headers: bearer })).status()).toBe(403);
  for (const path of ['/', '/publicity', '/admin']) {
    const other = await wall.newPage();
    await other.goto(`${path}?key=${key}`);
    await expect(other).toHaveURL(/\/signin\?callbackUrl=/);
    await other.close();
  }
  const bad = await wall.newPage();
  await bad.goto('/screen?key=csm_not-a-token');
  await expect(bad.getByTestId('screen-refused')).toHaveAttribute('data-status', '401');
  await wall.close();
});

test('管理 issues a display token with its screen link, and refuses a district map with a missing and an unknown code', async ({ page }) => {
  await signIn(page, 'admin', '/admin');
  await page.goto('/admin');
  const tokenForm = page.getByRole('form', { name: '生成令牌' });
  await tokenForm.getByLabel('名称').fill('e2e-wall');
  await tokenForm.getByLabel('单位').selectOption('C001');
  await tokenForm.getByLabel('ingest').uncheck();
  await tokenForm.getByLabel('display').check();
  await tokenForm.getByRole('button', { name: '生成令牌' }).click();
  const link = (await page.getByTestId('screen-link').innerText()).trim();
  expect(link).toMatch(/\/screen\?key=csm_/);
  await expect(page.getByRole('row', { name: /e2e-wall/ })).toContainText('display');

  const map = (await (await page.request.get('/api/v1/screen/map')).json()) as { features: Array<{ properties: { code: string } }> };
  for (const f of map.features) if (f.properties.code === '990105') f.properties.code = '123456';
  await page.getByTestId('district-map-file').setInputFiles({ name: 'city.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(map)) });
  await expect(page.getByTestId('district-map-error')).toContainText('缺少 990105（北辰区）');
  await expect(page.getByTestId('district-map-error')).toContainText('未知代码 123456');
  for (const f of map.features) if (f.properties.code === '123456') f.properties.code = '990105';
  await page.getByTestId('district-map-file').setInputFiles({ name: 'city.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(map)) });
  await expect(page.getByTestId('district-map-saved')).toContainText('16');
});
