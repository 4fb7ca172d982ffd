import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { signIn, trpcQuery } from './helpers';
import { E2E_TODAY } from './today';

const num = (s: string) => Number(s.replace(/[,\s]/g, ''));

async function statValue(page: Page, testId: string) {
  const el = page.getByTestId(testId);
  await expect(el).not.toHaveText('…');
  return num(await el.innerText());
}

test('归集 dashboard: headline figures, volume chart and heatmap; filters live in the URL', async ({ page }) => {
  await signIn(page, 'leader', '/ingestion');
  await expect(page.getByRole('heading', { name: '归集监测' })).toBeVisible();
  const cityAccepted = await statValue(page, 'stat-accepted');
  expect(cityAccepted).toBeGreaterThan(0);
  await expect(page.getByTestId('stat-quality')).toHaveText(/^\d+\.\d{2}%$/);
  await expect(page.getByRole('img', { name: '归集量趋势' }).locator('canvas').first()).toBeVisible();
  await expect(page.getByRole('img', { name: '单位 × 目录归集量' }).locator('canvas').first()).toBeVisible();
  // 口径说明 on every figure.
  await expect(page.getByText('口径说明').first()).toBeVisible();

  // A district filter goes into the URL, survives a reload, and narrows the figures.
  await page.getByLabel('区县').selectOption('990102');
  await expect(page).toHaveURL(/district=990102/);
  await page.reload();
  await expect(page.getByLabel('区县')).toHaveValue('990102');
  const districtAccepted = await statValue(page, 'stat-accepted');
  expect(districtAccepted).toBeGreaterThan(0);
  expect(districtAccepted).toBeLessThan(cityAccepted);

  // Grain buttons.
  await page.getByRole('button', { name: '月', exact: true }).click();
  await expect(page).toHaveURL(/grain=month/);
  await expect(page.getByRole('img', { name: '归集量趋势' }).locator('canvas').first()).toBeVisible();
});

test('the headline volume drills to exactly as many items (REST and tRPC agree)', async ({ page }) => {
  await signIn(page, 'inspector', '/ingestion');
  // One unit, one month of last year: a small figure to page through completely.
  const y = Number(E2E_TODAY.slice(0, 4)) - 1;
  const q = `from=${y}-11-01&to=${y}-11-30&unit=C002`;
  const kpi = await (await page.request.get(`/api/v1/kpi/ingestion?${q}&groupBy=unit`)).json();
  expect(Object.keys(kpi.total).sort()).toEqual(
    ['accepted', 'acceptedRows', 'key', 'name', 'onTrack', 'projection', 'qualityRate', 'rejectedRows', 'target', 'targetCompletion'],
  );
  const figure = kpi.rows[0].accepted as number;
  expect(figure).toBeGreaterThan(0);
  let items = 0;
  let cursor: string | null = null;
  do {
    const res: APIResponse = await page.request.get(`/api/v1/items/ingestion?status=accepted&${q}&limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { items: unknown[]; nextCursor: string | null };
    items += body.items.length;
    cursor = body.nextCursor;
  } while (cursor);
  expect(items).toBe(figure);
  const viaTrpc = await trpcQuery(page, 'ingestion.kpi', { from: `${y}-11-01`, to: `${y}-11-30`, unit: 'C002', groupBy: 'unit' });
  expect(viaTrpc.body.result.data.json.rows[0].accepted).toBe(figure);

  // The UI link from the headline figure opens the items page with the filters.
  await page.goto(`/ingestion?${q}`);
  await page.getByTestId('stat-accepted').click();
  await expect(page).toHaveURL(/\/ingestion\/items\?.*status=accepted/);
  await expect(page).toHaveURL(/unit=C002/);
  await expect(page.getByTestId('accepted-items').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: '归集明细（去重）', level: 1 })).toBeVisible();
});

test('quality view: error codes chart, units worst first, drill to the rejected rows of a unit', async ({ page }) => {
  await signIn(page, 'inspector', '/ingestion?view=quality');
  await expect(page.getByRole('img', { name: '被拒原因' }).locator('canvas').first()).toBeVisible();
  const table = page.getByTestId('quality-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  const first = table.locator('tbody tr').first();
  const unitName = await first.locator('td').first().innerText();
  await first.getByRole('link', { name: '被拒明细' }).click();
  await expect(page).toHaveURL(/\/ingestion\/rejected\?.*unit=/);
  await expect(page).toHaveURL(/volumeOnly=1/);
  const rows = page.getByTestId('rejected-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const units = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[2]?.textContent));
  expect(new Set(units)).toEqual(new Set([unitName]));
  // Batches of that unit.
  await page.getByRole('button', { name: '显示批次' }).click();
  await expect(page.getByTestId('batches-table').locator('tbody tr').first()).toBeVisible();
});

test('targets, missing submissions and anomalies views', async ({ page }) => {
  await signIn(page, 'leader', '/ingestion?view=targets');
  await expect(page.getByTestId('target-basis')).toContainText('已过工作日');
  await expect(page.getByTestId('district-targets').locator('tbody tr')).toHaveCount(17);
  await expect(page.getByTestId('district-targets').locator('[data-on-track]').first()).toBeVisible();
  await expect(page.getByRole('img', { name: '各区县完成率与年末预测' }).locator('canvas').first()).toBeVisible();

  await page.getByRole('link', { name: '缺报', exact: true }).click();
  await expect(page).toHaveURL(/view=missing/);
  const missing = page.getByTestId('missing-table');
  await expect(missing.locator('tbody tr').first()).toBeVisible();
  const total = num(await page.getByTestId('missing-total').innerText());
  expect(total).toBeGreaterThan(0);
  // The first unit's missing count drills to its missing windows.
  const link = missing.locator('tbody tr').first().locator('a').first();
  const count = num(await link.innerText());
  await link.click();
  await expect(page).toHaveURL(/\/ingestion\/items\?.*status=missing/);
  await expect(page.getByTestId('items-shown')).toContainText(`共 ${count.toLocaleString('zh-CN')}`);

  await page.goto('/ingestion?view=anomalies');
  await expect(page.getByTestId('anomaly-units')).toBeVisible();
  await expect(page.getByText('评估').first()).toBeVisible();
});

test('a district user: figures city-wide, items only of its own district', async ({ page }) => {
  await signIn(page, 'district', '/ingestion');
  const city = await statValue(page, 'stat-accepted');
  expect(city).toBeGreaterThan(0);
  await page.goto('/ingestion/items?status=accepted&district=990103');
  await expect(page.getByText('暂无数据')).toBeVisible();
  const missing = await trpcQuery(page, 'ingestion.missingItems', { district: '990103' });
  expect(missing.status).toBe(200);
  expect(missing.body.result.data.json.items).toEqual([]);
  const own = await trpcQuery(page, 'ingestion.missingItems', { limit: 50 });
  expect(own.body.result.data.json.items.every((i: { districtCode: string }) => i.districtCode === '990102')).toBe(true);
  const kpi = await trpcQuery(page, 'ingestion.kpi', { groupBy: 'district' });
  expect(kpi.body.result.data.json.rows).toHaveLength(17);
});

test('English labels one click away', async ({ page }) => {
  await signIn(page, 'leader', '/ingestion');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Ingestion', exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Accepted volume over time' })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '归集监测' })).toBeVisible();
});
