import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { signIn, trpcQuery } from './helpers';

const num = (s: string) => Number(s.replace(/[,\s]/g, ''));

/** Rows of a DataTable as cell texts. */
const cells = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim())));

/** The default period the page chose (the last completed month on the server's clock). */
async function defaultPeriod(page: Page) {
  return page.getByLabel('考核期', { exact: true }).inputValue();
}

test('考核排名: 16 districts ranked by total, sortable and exportable; a district page explains every score', async ({ page }) => {
  await signIn(page, 'leader', '/assessment');
  await expect(page.getByRole('heading', { name: '考核排名', exact: true })).toBeVisible();
  const period = await defaultPeriod(page);
  expect(period).toMatch(/^\d{4}-\d{2}$/);
  await expect(page.getByTestId('scheme-line')).toContainText('第 1 版');
  await expect(page.getByTestId('scheme-indicators').locator('li')).toHaveCount(7);

  const table = page.getByTestId('assessment-ranking');
  await expect(table.locator('tbody tr')).toHaveCount(16);
  // Columns: rank, movement, name, total, then one per indicator.
  const rows = await cells(page, 'assessment-ranking');
  const totals = rows.map((r) => num(r[3]!));
  const ranks = rows.map((r) => num(r[0]!));
  // Standard competition ranking: rank = 1 + number of strictly higher totals; indicator scores add up to the total.
  totals.forEach((t, i) => expect(ranks[i]).toBe(1 + totals.filter((x) => x > t).length));
  rows.forEach((r, i) => expect(r.slice(4).reduce((s, c) => s + num(c), 0)).toBeCloseTo(totals[i]!, 1));
  for (const r of rows) expect(r[1]).toMatch(/^(↑\d+|↓\d+|—)$/);
  await expect(page.getByRole('img', { name: '总分对比' }).locator('canvas')).toBeVisible();

  // Sort by total, ascending on the second click.
  await table.getByRole('button', { name: '总分' }).click();
  await table.getByRole('button', { name: /总分/ }).click();
  const ascending = (await cells(page, 'assessment-ranking')).map((r) => num(r[3]!));
  expect(ascending).toEqual([...totals].sort((x, y) => x - y));

  // Export what the table shows.
  const download = page.waitForEvent('download');
  await table.getByRole('button', { name: '导出 CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`assessment-district-${period}.csv`);
  const csv = (await readFile((await file.path())!, 'utf8')).trim().split('\r\n');
  expect(csv).toHaveLength(17);
  expect(csv[0]).toContain('名次,变化,名称,总分,归集目标完成率（20）');

  // A district's page keeps the period and shows the same total and rank, its explanation, history and radar.
  const first = (await cells(page, 'assessment-ranking'))[0]!;
  await table.getByRole('link', { name: first[2]! }).click();
  await expect(page).toHaveURL(new RegExp(`/assessment/district/\\d+\\?period=${period}`));
  await expect(page.getByTestId('entity-name')).toHaveText(first[2]!);
  await expect(page.getByTestId('entity-total')).toContainText(`${first[3]} / 100`);
  await expect(page.getByTestId('entity-rank')).toHaveText(`第 ${first[0]} 名 / 共 16 个`);
  const explanation = page.getByTestId('entity-explanation');
  await expect(explanation.locator('tbody tr')).toHaveCount(7);
  await expect(page.getByTestId('not-explained')).toHaveCount(0);
  await expect(explanation).toContainText('阈值法：低于 80% 不得分，达到 95% 得满分，之间线性');
  await expect(explanation).toContainText('应公示（不含未到期）');
  await expect(explanation.getByRole('link', { name: '查看明细' })).toHaveCount(6);
  const explained = await cells(page, 'entity-explanation');
  // score + lost = max on every row; scores add up to the total.
  for (const r of explained) expect(num(r[4]!) + num(r[6]!.replace('−', ''))).toBeCloseTo(num(r[5]!), 2);
  expect(explained.reduce((s, r) => s + num(r[4]!), 0)).toBeCloseTo(num(first[3]!), 1);
  await expect(page.getByTestId('entity-radar').locator('canvas')).toBeVisible();
  await expect(page.getByRole('img', { name: '近 12 个月总分与名次' }).locator('canvas')).toBeVisible();

  // The publicity link opens that district's late and overdue items of the period.
  const href = await explanation.getByRole('link', { name: '查看明细' }).first().getAttribute('href');
  expect(href).toMatch(/^\/ingestion\/items\?from=\d{4}-01-01&to=.*&district=\d+&status=accepted$/);
  await explanation.locator('tr', { hasText: '双公示按时率' }).getByRole('link', { name: '查看明细' }).click();
  await expect(page).toHaveURL(/\/publicity\/items\?.*status=late%2Coverdue/);
});

test('a district user sees every total but only their own district explained', async ({ page }) => {
  await signIn(page, 'district', '/assessment');
  const period = await defaultPeriod(page);
  await expect(page.getByTestId('assessment-ranking').locator('tbody tr')).toHaveCount(16);
  await page.goto(`/assessment/district/990103?period=${period}`);
  await expect(page.getByTestId('not-explained')).toHaveText('仅可查看本区县（本单位）的得分说明');
  await expect(page.getByTestId('entity-explanation').locator('tbody tr')).toHaveCount(7);
  await expect(page.getByTestId('entity-explanation')).toContainText('不可查看');
  await expect(page.getByRole('link', { name: '查看明细' })).toHaveCount(0);
  // The server sent no inputs for it either.
  const other = await trpcQuery(page, 'assessment.entity', { level: 'district', code: '990103', period });
  expect(other.body.result.data.json.row.indicators.every((i: { inputs: object }) => Object.keys(i.inputs).length === 0)).toBe(true);

  await page.goto(`/assessment/district/990102?period=${period}`);
  await expect(page.getByTestId('entity-name')).toHaveText('东城区');
  await expect(page.getByTestId('entity-explanation').locator('tbody tr')).toHaveCount(7);
  await expect(page.getByTestId('not-explained')).toHaveCount(0);
  await expect(page.getByRole('link', { name: '查看明细' }).first()).toBeVisible();
});

test('what-if: a heavier weight gives the ranking side by side with the current one, nothing saved', async ({ page }) => {
  await signIn(page, 'leader', '/assessment');
  const period = await defaultPeriod(page);
  await page.getByRole('link', { name: '模拟调整方案' }).click();
  await expect(page).toHaveURL(new RegExp(`/assessment/what-if\\?level=district&period=${period}`));
  await expect(page.getByTestId('simulation-only')).toContainText('仅模拟，不会保存');
  await expect(page.getByTestId('what-if-total')).toHaveText('100');
  await page.getByLabel('双公示按时率 满分').fill('50');
  await expect(page.getByTestId('what-if-total')).toHaveText('125');
  await page.getByRole('button', { name: '计算' }).click();
  await expect(page.getByTestId('what-if-current').locator('tbody tr')).toHaveCount(16);
  await expect(page.getByTestId('what-if-simulated').locator('tbody tr')).toHaveCount(16);
  await expect(page.getByTestId('what-if-result')).toContainText('模拟方案（满分合计 125）');

  // Each simulated total = current total + the on-time score once more (25 → 50 points, same rate).
  const current = await trpcQuery(page, 'assessment.ranking', { level: 'district', period });
  const expected = new Map<string, number>(
    current.body.result.data.json.rows.map((r: { name: string; total: number; indicators: Array<{ code: string; score: number }> }) => [
      r.name,
      r.total + r.indicators.find((i) => i.code === 'PUB_ON_TIME')!.score,
    ]),
  );
  const simulated = await cells(page, 'what-if-simulated');
  for (const r of simulated) expect(num(r[3]!)).toBeCloseTo(expected.get(r[2]!)!, 1);
  const simulatedTotals = simulated.map((r) => num(r[3]!));
  simulated.forEach((r, i) => expect(num(r[0]!)).toBe(1 + simulatedTotals.filter((x) => x > simulatedTotals[i]!).length));
  for (const r of simulated) expect(r[1]).toMatch(/^(↑\d+|↓\d+|—)$/);

  const schemes = await trpcQuery(page, 'assessment.schemes', { level: 'district' });
  expect(schemes.body.result.data.json).toHaveLength(1);
});

test('the monthly report prints the district ranking and highlights without the navigation', async ({ page }) => {
  await signIn(page, 'leader', '/assessment');
  const period = await defaultPeriod(page);
  const [y, m] = period.split('-');
  await page.getByRole('link', { name: '月度通报' }).click();
  await expect(page).toHaveURL(new RegExp(`/assessment/report\\?period=${period}`));
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`示范市社会信用体系建设考核月度通报（${y}年${Number(m)}月）`);
  await expect(page.getByTestId('report-ranking').locator('tbody tr')).toHaveCount(16);
  const highlights = page.getByTestId('report-highlights').locator('li');
  await expect(highlights).toHaveCount(16);
  for (const text of await highlights.allInnerTexts()) expect(text).toMatch(/^.+本月得 [\d.]+ 分，排名第 \d+（(上升 \d+ 位|下降 \d+ 位|名次不变|上期无排名)）；(失分最多的是 .+（−[\d.]+ 分.*）。|各项指标均得满分。)$/);
  await expect(page.getByTestId('report-top')).toContainText('排名前三：');
  await expect(page.getByRole('button', { name: '打印 / 导出 PDF' })).toBeHidden();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('button', { name: '打印 / 导出 PDF' })).toBeVisible();
  // A quarter is not a month: the report says so and shows the default month.
  await page.goto('/assessment/report?period=2026-Q1');
  await expect(page.getByRole('alert').filter({ hasText: '月度通报只针对月份' })).toBeVisible();
  await expect(page.getByTestId('report-ranking').locator('tbody tr')).toHaveCount(16);
});
