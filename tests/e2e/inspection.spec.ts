import { expect, test } from '@playwright/test';
import { signIn, trpcQuery } from './helpers';

// Notices issued by the first test and looked at by the next ones (one worker, in order, one server).
const issued = { c002: '', c002Number: '', other: '', otherUnit: '' };

test('an inspector filters the problem list, exports it, issues a notice from the view and prints it', async ({ page, baseURL }) => {
  await signIn(page, 'inspector', '/inspection');
  await expect(page.getByRole('heading', { name: '督查工作台' })).toBeVisible();
  await expect(page.getByTestId('problems-table').locator('tbody tr').first()).toBeVisible();

  // Filters go to the URL: 市本级 → 市市场监管局, two kinds of problem.
  await page.getByLabel('区县').selectOption('990100');
  await page.getByLabel('单位', { exact: true }).selectOption('C002');
  await expect(page).toHaveURL(/unit=C002/);
  // The boxes reflect the URL: each click changes the URL, then the box.
  await page.getByRole('checkbox', { name: '逾期未反馈' }).click();
  await expect(page).toHaveURL(/kinds=sanction_overdue(&|$)/);
  await page.getByRole('checkbox', { name: '被拒未重报' }).click();
  await expect(page).toHaveURL(/kinds=sanction_overdue%2Crejected_unresent/);
  await expect(page.getByRole('checkbox', { name: '被拒未重报' })).toBeChecked();
  const rows = page.getByTestId('problems-table').locator('tbody tr');
  // Every row shown is of C002 and of the two kinds (once the filtered answer has replaced the previous one).
  await expect
    .poll(async () => {
      const attrs = await rows.evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-unit')}/${tr.getAttribute('data-kind')}`));
      return attrs.length > 0 && attrs.every((a) => a === 'C002/sanction_overdue' || a === 'C002/rejected_unresent');
    })
    .toBe(true);
  const total = Number((await page.getByTestId('problems-page').innerText()).match(/共 ([\d,]+) 项/)![1]!.replace(/,/g, ''));
  expect(total).toBeGreaterThan(0);

  // The view is bookmarkable: reloading the URL gives the same list.
  const url = page.url();
  await page.goto(url);
  await expect(page.getByTestId('problems-page')).toContainText(`共 ${total.toLocaleString('zh-CN')} 项`);

  // Sorting by a column is done by the server over the whole list and kept in the URL.
  await page.getByRole('button', { name: '期限' }).click();
  await expect(page).toHaveURL(/sort=deadline/);

  // Export of the whole view with progress, and the file has every row.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  const file = await download;
  await expect(page.getByTestId('export-progress')).toContainText(`已导出 ${total.toLocaleString('zh-CN')} 行`);
  const csv = await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8');
  expect(csv.trim().split('\r\n')).toHaveLength(1 + total);

  // Issue a notice from this view.
  await page.getByRole('button', { name: '下发督办通知单' }).click();
  const unitSelect = page.getByLabel('督办单位');
  await expect(unitSelect).toHaveValue('C002');
  const notifiable = Number((await unitSelect.locator('option:checked').innerText()).match(/([\d,]+) 项可督办/)![1]!.replace(/,/g, ''));
  expect(notifiable).toBeGreaterThan(0);
  await page.getByLabel('回复期限（工作日）').fill('5');
  await page.getByLabel('说明（可选）').fill('请于期限内整改并反馈。');
  await page.getByRole('button', { name: '下发', exact: true }).click();
  await expect(page).toHaveURL(/\/inspection\/notices\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('notice-number')).toContainText(/督办〔\d{4}〕第\d+号/);
  await expect(page.getByTestId('notice-items').locator('tbody tr')).toHaveCount(notifiable);
  await expect(page.getByTestId('notice-status')).toContainText('待签收');
  issued.c002 = page.url().split('/').pop()!;
  issued.c002Number = (await page.getByTestId('notice-number').innerText()).replace('督办通知单', '').trim();

  // The printable notice: Chinese, the number, the unit, every item; navigation and buttons hidden on paper.
  await page.getByRole('link', { name: '打印 / 导出 PDF' }).click();
  await expect(page).toHaveURL(new RegExp(`/print/notices/${issued.c002}$`));
  const doc = page.getByTestId('printable-notice');
  await expect(doc).toContainText('督办通知单');
  await expect(page.getByTestId('print-number')).toHaveText(issued.c002Number);
  await expect(doc).toContainText('市市场监管局：');
  await expect(page.getByTestId('print-items').locator('tbody tr')).toHaveCount(notifiable);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '打印 / 导出 PDF' })).toBeHidden();
  await expect(doc).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  expect(pdf.length).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: 'screen' });

  // A second notice, to a unit of 东城区, through the API the page uses.
  const problems = await trpcQuery(page, 'inspection.problems', { district: '990102', kinds: ['missing_submission', 'rejected_unresent', 'publicity_overdue', 'sanction_overdue'] });
  const unit = (problems.body.result.data.json.units as Array<{ unitCode: string; notifiable: number }>).find((u) => u.notifiable > 0)!;
  expect(unit).toBeDefined();
  const res = await page.request.post('/api/trpc/inspection.issue', {
    headers: { origin: baseURL! }, // as the page's own fetch sends it
    data: { json: { unit: unit.unitCode, filters: { district: '990102' }, replyWorkdays: 3 } },
  });
  expect(res.status()).toBe(200);
  issued.other = (await res.json()).result.data.json.id;
  issued.otherUnit = unit.unitCode;
});

test('the unit sees its own notices only and acknowledges', async ({ page }) => {
  expect(issued.c002).not.toBe('');
  await signIn(page, 'unit', '/inspection');
  // A unit's users land on their notices.
  const table = page.getByTestId('notices-table');
  await expect(table.getByRole('link', { name: issued.c002Number })).toBeVisible();
  const listed = await trpcQuery(page, 'inspection.notices', {});
  expect(new Set((listed.body.result.data.json as Array<{ unitCode: string }>).map((n) => n.unitCode))).toEqual(new Set(['C002']));
  // Another unit's notice does not exist for it, by tRPC or REST.
  expect((await trpcQuery(page, 'inspection.notice', { id: issued.other })).status).toBe(404);
  expect((await page.request.get(`/api/v1/notices/${issued.other}`)).status()).toBe(404);
  expect((await page.request.get(`/print/notices/${issued.other}`)).status()).toBe(404);

  await table.getByRole('link', { name: issued.c002Number }).click();
  await expect(page.getByTestId('notice-status')).toContainText('待签收');
  await page.getByRole('button', { name: '签收' }).click();
  await expect(page.getByTestId('notice-status')).toContainText('已签收');
  await expect(page.getByTestId('notice-acknowledged')).toContainText('unit@demo.example');
  await expect(page.getByRole('button', { name: '签收' })).toHaveCount(0);
  await expect(page.getByTestId('notice-events')).toContainText('签收');
});

test('a district user reads the notices to its units, cannot acknowledge; the follow-up figures count both notices', async ({ page, baseURL }) => {
  await signIn(page, 'district', '/inspection?tab=notices');
  const listed = await trpcQuery(page, 'inspection.notices', {});
  const notices = listed.body.result.data.json as Array<{ id: string; districtCode: string }>;
  expect(notices.map((n) => n.id)).toContain(issued.other);
  expect(new Set(notices.map((n) => n.districtCode))).toEqual(new Set(['990102']));
  expect((await trpcQuery(page, 'inspection.notice', { id: issued.c002 })).status).toBe(404);
  await page.goto(`/inspection/notices/${issued.other}`);
  await expect(page.getByTestId('notice-status')).toContainText('待签收');
  await expect(page.getByRole('button', { name: '签收' })).toHaveCount(0);
  const ack = await page.request.post('/api/trpc/inspection.acknowledge', { headers: { origin: baseURL! }, data: { json: { id: issued.other } } });
  expect(ack.status()).toBe(403);
  expect(JSON.stringify(await ack.json())).not.toContain('cross-site'); // refused for the role

  await page.goto('/inspection?tab=followUp');
  const units = page.getByTestId('followup-units');
  await expect(units.getByRole('row', { name: /市市场监管局/ })).toBeVisible();
  const figures = await trpcQuery(page, 'inspection.followUp', {});
  const total = figures.body.result.data.json.total as { issued: number; totalItems: number };
  expect(total.issued).toBeGreaterThanOrEqual(2);
});
