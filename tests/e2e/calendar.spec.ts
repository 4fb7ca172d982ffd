import { expect, test } from '@playwright/test';
import { NOTICE_2027 } from '../integration/_notice2027';
import { signIn } from './helpers';
import { E2E_TODAY } from './today';

// The server's clock is pinned to 2026-11-23 (after 1 November) and chinese-days stops at 2026: 2027 is not known.
test.beforeAll(() => expect(E2E_TODAY).toBe('2026-11-23'));

test('from 1 November the admin is told on 总览 and 管理 that 2027 is not known yet', async ({ page }) => {
  await signIn(page, 'admin', '/');
  await expect(page.getByTestId('calendar-outlook')).toContainText('2027 年的国务院节假日安排尚未录入工作日历');
  await expect(page.getByTestId('calendar-outlook')).toContainText(/已有 \d+ 项未办结事项的期限落在 2027 年/);
  await page.getByRole('link', { name: '管理' }).click();
  await expect(page.getByTestId('calendar-outlook')).toBeVisible();
  await page.getByRole('link', { name: '工作日历' }).click();
  await expect(page).toHaveURL(/\/admin\/calendar$/);
  await expect(page.getByRole('heading', { name: /工作日历/ }).first()).toBeVisible();
});

test('an admin pastes the 2027 notice, sees the preview, confirms, and the year grid changes', async ({ page }) => {
  await signIn(page, 'admin', '/admin/calendar?year=2027');
  const grid = page.getByTestId('calendar-grid');
  await expect(page.getByTestId('calendar-unknown')).toContainText('2027 年的国务院节假日安排尚未录入');
  // Before: 1 January 2027 (a Friday) is a guessed working day, 20 February (a Saturday) a weekend.
  await expect(grid.locator('[data-date="2027-01-01"]')).toHaveAttribute('data-kind', 'workday');
  await expect(grid.locator('[data-date="2027-01-01"]')).toHaveAttribute('data-source', 'weekday_rule');
  await expect(grid.locator('[data-date="2027-02-20"]')).toHaveAttribute('data-kind', 'weekend');
  await expect(grid.locator('button[data-date^="2027-"]')).toHaveCount(365);

  // A text with no holiday line is refused with the reason.
  await page.getByLabel('通知年份').selectOption('2027');
  await page.getByLabel('通知文本').fill('国务院办公厅关于2027年部分节假日安排的通知');
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'no holiday for 2027' })).toBeVisible();

  // The notice as published: the preview lists what it found and what changes.
  await page.getByLabel('通知文本').fill(NOTICE_2027);
  await page.getByRole('button', { name: '预览' }).click();
  const preview = page.getByTestId('notice-preview');
  await expect(preview).toContainText('节假日 (28 天)');
  await expect(page.getByTestId('preview-holidays')).toContainText('2027-01-01');
  await expect(page.getByTestId('preview-workdays')).toHaveText(/2027-02-20.*2027-10-09/);
  await expect(preview).toContainText('全部识别');
  await expect(preview).toContainText('与现行日历的差异 (33 天)');
  const firstChange = page.getByTestId('preview-changes').locator('tbody tr').first();
  await expect(firstChange).toContainText('2027-01-01');
  await expect(firstChange).toContainText('工作日');
  await expect(firstChange).toContainText('节假日');
  // Nothing is saved by a preview.
  await expect(grid.locator('[data-date="2027-01-01"]')).toHaveAttribute('data-kind', 'workday');

  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('notice-saved')).toContainText('已保存为 2027 年的日历调整');
  // After: the grid follows the notice, the banner is gone and the year names its notice.
  await expect(grid.locator('[data-date="2027-01-01"]')).toHaveAttribute('data-kind', 'holiday');
  await expect(grid.locator('[data-date="2027-01-01"]')).toHaveAttribute('data-source', 'override');
  await expect(grid.locator('[data-date="2027-02-20"]')).toHaveAttribute('data-kind', 'adjusted_workday');
  await expect(grid.locator('[data-date="2027-01-04"]')).toHaveAttribute('data-source', 'notice');
  await expect(page.getByTestId('calendar-unknown')).toHaveCount(0);
  await expect(page.getByTestId('calendar-notice-imported')).toContainText('已导入国务院通知（admin@demo.example');

  // A day toggled with a reason: the source says who and why.
  await grid.locator('[data-date="2027-03-01"]').click();
  await page.getByLabel('调整理由').fill('本市地方性假日');
  await page.getByRole('button', { name: '改为休息日' }).click();
  await expect(page.getByTestId('calendar-day').getByRole('status')).toContainText('已调整');
  await expect(grid.locator('[data-date="2027-03-01"]')).toHaveAttribute('data-kind', 'holiday');
  await expect(page.getByTestId('calendar-day')).toContainText('本市地方性假日');
  await expect(page.getByTestId('calendar-day')).toContainText('admin@demo.example');

  // The public calendar answers the same, and 总览 no longer warns about 2027.
  const res = await page.request.get('/api/v1/calendar?from=2027-01-01&to=2027-01-01');
  expect(await res.json()).toEqual({ days: [{ date: '2027-01-01', workday: false, kind: 'holiday', known: true, source: 'override', name: '元旦' }] });
  await page.goto('/');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await expect(page.getByTestId('calendar-outlook')).toHaveCount(0);
});
