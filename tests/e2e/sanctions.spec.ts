import { expect, test } from '@playwright/test';
import { signIn, trpcQuery } from './helpers';

const num = (s: string) => Number(s.replace(/[,%\s]/g, ''));

test('联合奖惩: totals agree with the per-unit table, the overdue list drills into a case timeline', async ({ page }) => {
  await signIn(page, 'leader', '/sanctions');
  await expect(page.getByRole('heading', { name: '联合奖惩', exact: true })).toBeVisible();
  const table = page.getByTestId('sanctions-by-unit');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await expect(page.getByRole('img', { name: '推送与反馈漏斗' }).locator('canvas')).toBeVisible();

  // Feedback rate shown = Σ answered ÷ Σ (answered + overdue) over the table's rows.
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')),
  );
  const sum = (col: number) => rows.reduce((s, r) => s + num(r[col] ?? '0'), 0);
  const answered = sum(2) + sum(3);
  const overdue = sum(4);
  const shown = num(await page.getByTestId('stat-feedback-rate').innerText());
  expect(shown).toBeCloseTo((answered / (answered + overdue)) * 100, 1);
  expect(num(await page.getByTestId('stat-overdue').innerText())).toBe(overdue);

  // The overdue list opens a case: its timeline lists the pushes with their dates.
  const firstCase = page.getByTestId('sanctions-overdue').locator('tbody tr').first().getByRole('link');
  const caseId = await firstCase.innerText();
  await firstCase.click();
  await expect(page).toHaveURL(new RegExp(`/sanctions/case/${caseId}`));
  await expect(page.getByTestId('case-timeline').locator('li').first()).toContainText('反馈期限');
  await expect(page.getByTestId('case-timeline')).toContainText('逾期未反馈');
  await expect(page.locator('body')).not.toContainText(/\b\d{17}[\dX]\b/);
});

test('filters live in the URL and a district user gets no other district\'s pushes', async ({ page }) => {
  await signIn(page, 'district', '/sanctions?district=990103');
  await expect(page).toHaveURL(/district=990103/);
  // Aggregates are city-wide: the district-filtered table shows 990103's responding units.
  await expect(page.getByTestId('sanctions-by-unit')).toBeVisible();
  // Items of another district: none, by tRPC and by REST (also as CSV).
  const viaTrpc = await trpcQuery(page, 'sanctions.items', { district: '990103', limit: 100 });
  expect(viaTrpc.body.result.data.json.items.every((i: { respondingDistrict: string }) => i.respondingDistrict === '990102')).toBe(true);
  expect(viaTrpc.body.result.data.json.items).toEqual([]);
  const csv = await (await page.request.get('/api/v1/items/sanctions?district=990103&format=csv')).text();
  expect(csv.trim().split('\r\n')).toHaveLength(1);
  const own = await trpcQuery(page, 'sanctions.items', { limit: 200 });
  for (const i of own.body.result.data.json.items as Array<{ respondingDistrict: string; initiatingUnit: string }>) {
    expect(i.respondingDistrict === '990102' || i.initiatingUnit.startsWith('D990102')).toBe(true);
  }
});
