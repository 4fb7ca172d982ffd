import { expect, test } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD } from './helpers';

// Runs last (file order): it locks the inspector account and one forwarded address for 15 minutes.
test.use({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.77' } });

test('five wrong passwords in a row block the account, even with the right password, and are audited', async ({ page, browser }) => {
  await page.goto('/signin');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('邮箱').fill(ACCOUNTS.inspector);
    await page.getByLabel('密码').fill(`wrong-${i}`);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('signin-error')).toHaveText('邮箱或密码不正确。');
  }
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('signin-error')).toHaveText('登录失败次数过多，请 15 分钟后再试。');

  // The admin sees the failures and the block in the audit log.
  const admin = await browser.newPage({ extraHTTPHeaders: {} });
  await admin.goto('/signin?callbackUrl=%2Fadmin%3Faction%3Dsign_in_failed');
  await admin.getByLabel('邮箱').fill(ACCOUNTS.admin);
  await admin.getByLabel('密码').fill(DEMO_PASSWORD);
  await admin.getByRole('button', { name: '登录' }).click();
  const table = admin.getByTestId('audit-table');
  await expect(table.locator('tbody tr').filter({ hasText: ACCOUNTS.inspector })).toHaveCount(5);
  await admin.goto('/admin?action=sign_in_blocked');
  await expect(table).toContainText(ACCOUNTS.inspector);
  await expect(table).toContainText('198.51.100.77');
});
