import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('health reports the embedded ClickHouse', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.ok()).toBe(true);
  const body = await res.json();
  expect(body.ok).toBe(true);
  expect(body.clickhouse.mode).toBe('embedded');
  expect(body.clickhouse.version).toMatch(/^\d+\.\d+/);
  expect(body.data.acceptedRows).toBeGreaterThan(0);
});

test('reference API answers the four lists to a signed-in user and 404s an unknown one', async ({ page }) => {
  await signIn(page, 'leader');
  const request = page.request;
  for (const list of ['districts', 'units', 'catalog', 'measures']) {
    const res = await request.get(`/api/v1/reference/${list}`);
    expect(res.ok()).toBe(true);
    expect((await res.json()).items.length).toBeGreaterThan(0);
  }
  const bad = await request.get('/api/v1/reference/nope');
  expect(bad.status()).toBe(404);
  expect((await bad.json()).error).toContain('districts');
});

test('overview shows real figures from ClickHouse: chart, district table and totals that add up', async ({ page }) => {
  await signIn(page, 'leader');
  await expect(page.getByRole('navigation', { name: 'main' })).toContainText('双公示');
  await expect(page.getByRole('heading', { name: '总览' })).toBeVisible();
  // The chart draws on a canvas once its data arrived.
  await expect(page.getByRole('img', { name: '各月归集数据量' }).locator('canvas')).toBeVisible();

  const table = page.getByTestId('district-table');
  await expect(table.locator('tbody tr')).toHaveCount(17);
  const acceptedCells = await table.locator('tbody tr td:nth-child(3)').allInnerTexts();
  const sum = acceptedCells.map((s) => Number(s.replace(/,/g, ''))).reduce((a, b) => a + b, 0);
  expect(sum).toBeGreaterThan(0);
  const footer = Number((await table.locator('tfoot td:nth-child(3)').innerText()).replace(/,/g, ''));
  expect(footer).toBe(sum);
  const stat = Number((await page.getByTestId('stat-accepted').innerText()).replace(/,/g, ''));
  expect(stat).toBe(sum);

  // Sorting by accepted (descending on first click) puts the largest first.
  await table.getByRole('button', { name: '归集量' }).click();
  const sorted = (await table.locator('tbody tr td:nth-child(3)').allInnerTexts()).map((s) => Number(s.replace(/,/g, '')));
  expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
});

test('the period filter lives in the URL and changes the figures', async ({ page }) => {
  await signIn(page, 'leader', '/?from=2000-01-01&to=2000-12-31');
  await expect(page).toHaveURL(/from=2000-01-01/);
  await expect(page.getByTestId('stat-accepted')).toHaveText('0');
  await expect(page.getByTestId('district-table').locator('tbody tr')).toHaveCount(17);
});

test('pages not built yet say what they will hold and show no figures', async ({ page }) => {
  await signIn(page, 'leader', '/inspection');
  await expect(page.getByRole('heading', { name: '督查' })).toBeVisible();
  await expect(page.getByText('建设中')).toBeVisible();
  await expect(page.locator('canvas')).toHaveCount(0);
});

test('English is one click away and sticks', async ({ page }) => {
  await signIn(page, 'leader');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
});
