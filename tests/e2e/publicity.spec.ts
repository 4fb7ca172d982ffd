import { expect, test } from '@playwright/test';
import { signIn, trpcQuery } from './helpers';

const num = (s: string) => Number(s.replace(/[,%\s]/g, ''));

test('the 双公示 dashboard: figures that add up, charts, colour-coded rates, no calendar warning', async ({ page }) => {
  await signIn(page, 'leader', '/publicity');
  await expect(page.getByRole('heading', { name: '双公示', exact: true })).toBeVisible();
  await expect(page.getByTestId('stat-rate')).toHaveText(/%|—/);

  const due = num(await page.getByTestId('stat-due').innerText());
  const onTime = num(await page.getByTestId('stat-on-time').innerText());
  const late = num(await page.getByTestId('stat-late').innerText());
  const overdue = num(await page.getByTestId('stat-overdue').innerText());
  expect(due).toBeGreaterThan(0);
  expect(onTime + late + overdue).toBe(due);
  // The rate shown is on time ÷ due.
  expect(num(await page.getByTestId('stat-rate').innerText())).toBeCloseTo((onTime / due) * 100, 1);

  // The district table lists all 17 districts and its "due" column adds up to the total.
  const table = page.getByTestId('district-table');
  await expect(table.locator('tbody tr')).toHaveCount(17);
  const dueCells = await table.locator('tbody tr td:nth-child(2)').allInnerTexts();
  expect(dueCells.map(num).reduce((a, b) => a + b, 0)).toBe(due);
  // Rates are colour-coded against the 100% target.
  await expect(table.locator('[data-tone]').first()).toBeVisible();

  for (const name of ['公示状态构成', '公示用时分布', '按月趋势']) {
    await expect(page.getByRole('img', { name }).locator('canvas')).toBeVisible();
  }
  await expect(page.getByTestId('calendar-warning')).toHaveCount(0);
  // Every figure carries its 口径说明.
  expect(await page.getByText('口径说明').count()).toBeGreaterThanOrEqual(8);
});

test('filters live in the URL, and a figure drills down to exactly its items', async ({ page }) => {
  await signIn(page, 'inspector', '/publicity');
  await page.getByLabel('类别').selectOption('penalty');
  await expect(page).toHaveURL(/kind=penalty/);
  const overdue = num(await page.getByTestId('stat-overdue').innerText());

  await page.getByTestId('stat-overdue').click();
  await expect(page).toHaveURL(/\/publicity\/items\?.*status=overdue/);
  await expect(page).toHaveURL(/kind=penalty/);
  const rows = page.getByTestId('items-table').locator('tbody tr');
  if (overdue === 0) {
    await expect(page.getByText('暂无数据')).toBeVisible();
  } else {
    await expect(rows.first()).toBeVisible();
    while (await page.getByRole('button', { name: '加载更多' }).isVisible()) {
      await page.getByRole('button', { name: '加载更多' }).click();
      await page.waitForTimeout(300);
    }
    await expect(page.getByTestId('items-shown')).toHaveText(new RegExp(`${overdue.toLocaleString('zh-CN')}$`));
    const statuses = await rows.locator('td:nth-child(9)').allInnerTexts();
    expect(new Set(statuses.map((s) => s.trim()))).toEqual(new Set(['逾期未公示']));
    const kinds = await rows.locator('td:nth-child(1)').allInnerTexts();
    expect(new Set(kinds)).toEqual(new Set(['行政处罚']));
  }

  // Export of everything matching, through the session: CSV and XLSX.
  const csv = await page.request.get(`/api/v1/items/publicity?status=overdue&kind=penalty&format=csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect((await csv.text()).trim().split('\r\n')).toHaveLength(1 + overdue);
  const xlsx = await page.request.get(`/api/v1/items/publicity?status=overdue&kind=penalty&format=xlsx`);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
});

test('the early-warning and late lists link to their full item lists', async ({ page }) => {
  await signIn(page, 'inspector', '/publicity');
  const late = page.getByTestId('late-items');
  await expect(late.locator('tbody tr').first()).toBeVisible();
  await page.getByRole('link', { name: '查看全部 →' }).nth(2).click();
  await expect(page).toHaveURL(/status=late/);
  await expect(page.getByTestId('items-table').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByRole('combobox', { name: '状态' })).toHaveValue('late');
});

test('a district user sees every figure but only its own items, whatever it asks for', async ({ page }) => {
  await signIn(page, 'district', '/publicity');
  await expect(page.getByTestId('district-table').locator('tbody tr')).toHaveCount(17);
  const other = await trpcQuery(page, 'publicity.items', { district: '990103', status: ['late'] });
  expect(other.status).toBe(200);
  expect(other.body.result.data.json.items).toEqual([]);
  const own = await trpcQuery(page, 'publicity.items', { status: ['late', 'overdue'], limit: 200 });
  const items = own.body.result.data.json.items as Array<{ districtCode: string }>;
  expect(items.length).toBeGreaterThan(0);
  expect(new Set(items.map((i) => i.districtCode))).toEqual(new Set(['990102']));
  const rest = await page.request.get('/api/v1/items/publicity?district=990103&format=csv');
  expect((await rest.text()).trim().split('\r\n')).toHaveLength(1);
  // Figures stay city-wide: the KPI API answers for another district.
  const kpi = await page.request.get('/api/v1/kpi/publicity?groupBy=district&district=990103');
  expect(kpi.status()).toBe(200);
  expect((await kpi.json()).rows.find((r: { key: string }) => r.key === '990103').due).toBeGreaterThan(0);
});

test('a period beyond the published holiday schedules carries a visible calendar warning', async ({ page }) => {
  // 2028, not 2027: tests/e2e/calendar.spec.ts, which runs before on the same server, imports the 2027 notice.
  await signIn(page, 'leader', '/publicity?from=2027-12-01&to=2028-01-31&asOf=2028-01-31');
  await expect(page.getByTestId('calendar-warning')).toBeVisible();
  await expect(page.getByTestId('calendar-warning')).toContainText('工作日历');
});
