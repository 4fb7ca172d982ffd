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

const num = (s: string) => Number(s.replace(/[,%\s]/g, ''));

test('the cockpit: one card per area with its figure, target, trend and link, then what needs attention', async ({ page }) => {
  await signIn(page, 'leader');
  await expect(page.getByRole('navigation', { name: 'main' })).toContainText('双公示');
  await expect(page.getByRole('heading', { name: '总览', level: 1 })).toBeVisible();

  const ingestion = page.getByTestId('card-ingestion');
  await expect(ingestion).toContainText('本年累计');
  expect(num(await page.getByTestId('cockpit-ingestion-accepted').innerText())).toBeGreaterThan(0);
  await expect(ingestion).toContainText('目标');
  await expect(page.getByTestId('cockpit-ingestion-completion')).toHaveText(/^\d+\.\d%$/);
  await expect(page.getByTestId('cockpit-ingestion-on-track')).toHaveText(/可完成目标|完不成目标/);
  await expect(ingestion.getByRole('img', { name: '各月归集数据量（条）' }).locator('canvas')).toBeVisible();

  const publicity = page.getByTestId('card-publicity');
  await expect(page.getByTestId('cockpit-publicity-rate')).toHaveText(/^\d+\.\d%$/);
  await expect(publicity).toContainText('目标 100% (约束性)');
  await expect(publicity.getByRole('img', { name: '各月按时公示率（按决定月份）' }).locator('canvas')).toBeVisible();

  const sanctions = page.getByTestId('card-sanctions');
  await expect(page.getByTestId('cockpit-sanctions-rate')).toHaveText(/^\d+\.\d%$/);
  await expect(sanctions).toContainText('目标 95% (预期性)');
  await expect(sanctions.getByRole('img', { name: '各月反馈率（按推送月份）' }).locator('canvas')).toBeVisible();

  // The ranking card: this month's top three and bottom three districts, as the assessment API ranks them.
  const rankingHref = await page.getByTestId('card-ranking-link').getAttribute('href');
  expect(rankingHref).toMatch(/^\/assessment\?period=\d{4}-\d{2}$/);
  const period = rankingHref!.split('=')[1]!;
  const api = (await (await page.request.get(`/api/v1/assessment?period=${period}&level=district`)).json()) as { rows: Array<{ name: string; rank: number }> };
  expect(api.rows).toHaveLength(16);
  const top = page.getByTestId('ranking-top').locator('li');
  await expect(top).toHaveCount(3);
  await expect(top.first()).toContainText(api.rows[0]!.name);
  await expect(page.getByTestId('ranking-bottom').locator('li')).toHaveCount(3);
  await expect(page.getByTestId('ranking-bottom').locator('li').last()).toContainText(api.rows[15]!.name);

  // Each card links to its dashboard with the period of its headline.
  await expect(page.getByTestId('card-publicity-link')).toHaveAttribute('href', /^\/publicity\?from=\d{4}-01-01&to=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByTestId('card-ingestion-link')).toHaveAttribute('href', '/ingestion?view=targets');
  await page.getByTestId('card-sanctions-link').click();
  await expect(page).toHaveURL(/\/sanctions\?from=\d{4}-01-01&to=/);
  await expect(page.getByTestId('stat-feedback-rate')).toHaveText(/%/);

  // The attention list: each area has its line, city-wide for a leader.
  await page.goto('/');
  const attention = page.getByTestId('attention');
  await expect(attention).toContainText('全市范围');
  for (const group of ['attention-publicity', 'attention-sanctions', 'attention-missing', 'attention-anomalies']) {
    await expect(page.getByTestId(group)).toBeVisible();
  }
});

test('an attention line opens exactly the items it counts', async ({ page }) => {
  await signIn(page, 'inspector');
  const total = page.getByTestId('attention-publicity-total');
  await expect(total).toBeVisible();
  const n = num((/[\d,]+/.exec(await total.innerText()) ?? ['0'])[0]);
  expect(n).toBeGreaterThan(0);
  await total.click();
  await expect(page).toHaveURL(/\/publicity\/items\?status=overdue&from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/);
  const rows = page.getByTestId('items-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  while (await page.getByRole('button', { name: '加载更多' }).isVisible()) {
    await page.getByRole('button', { name: '加载更多' }).click();
    await page.waitForTimeout(300);
  }
  await expect(page.getByTestId('items-shown')).toHaveText(new RegExp(`${n.toLocaleString('zh-CN')}$`));
  const statuses = await rows.locator('td:nth-child(9)').allInnerTexts();
  expect(new Set(statuses.map((s) => s.trim()))).toEqual(new Set(['逾期未公示']));
});

test('a district official sees city-wide cards but only their own district in the attention list', async ({ page }) => {
  await signIn(page, 'district');
  await expect(page.getByTestId('attention')).toContainText('仅列出您所辖范围内的事项');
  const links = await page.getByTestId('attention').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(links.length).toBeGreaterThan(0);
  for (const href of links) expect(href).toMatch(/[?&](district=990102|unit=D990102-\d+)(&|#|$)/);
  expect(num(await page.getByTestId('cockpit-ingestion-accepted').innerText())).toBeGreaterThan(0);
});

test('the cockpit fits one 1920×1080 screen', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await signIn(page, 'leader');
  await expect(page.getByTestId('attention-anomalies')).toBeVisible();
  await expect(page.getByTestId('card-sanctions').locator('canvas')).toBeVisible();
  const box = await page.getByTestId('attention').boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(1080);
  const cards = await Promise.all(['card-ingestion', 'card-publicity', 'card-sanctions', 'card-ranking'].map((id) => page.getByTestId(id).boundingBox()));
  // One row of four cards.
  expect(new Set(cards.map((c) => Math.round(c!.y))).size).toBe(1);
});

test('the date of the cockpit lives in the URL and travels with its links', async ({ page }) => {
  await signIn(page, 'leader', '/?asOf=2000-06-30');
  await expect(page).toHaveURL(/asOf=2000-06-30/);
  await expect(page.getByTestId('cockpit-ingestion-accepted')).toHaveText('0');
  await expect(page.getByTestId('cockpit-publicity-rate')).toHaveText('—');
  // No data in the window: each trend says so rather than drawing zeros.
  await expect(page.getByTestId('card-publicity')).toContainText('暂无数据');
  await expect(page.getByTestId('card-ingestion').locator('canvas')).toHaveCount(0);
  await expect(page.getByTestId('card-publicity-link')).toHaveAttribute('href', '/publicity?from=2000-01-01&to=2000-06-30&asOf=2000-06-30');
  await expect(page.getByTestId('card-ranking-link')).toHaveAttribute('href', '/assessment?period=2000-06');
  await expect(page.getByTestId('attention-publicity')).toContainText('均已按期公示或未到期');
  // Back to today: the page recomputes for today's date.
  await page.getByRole('button', { name: '回到今天' }).click();
  await expect(page).not.toHaveURL(/asOf=/);
  await expect(page.getByTestId('cockpit-ingestion-accepted')).not.toHaveText('0');
  await expect(page.getByTestId('card-publicity-link')).toHaveAttribute('href', /^\/publicity\?from=\d{4}-01-01&to=\d{4}-\d{2}-\d{2}$/);
});

test('English is one click away and sticks', async ({ page }) => {
  await signIn(page, 'leader');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByTestId('card-publicity')).toContainText('Target 100% (binding)');
});
