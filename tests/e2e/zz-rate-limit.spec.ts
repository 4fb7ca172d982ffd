import { expect, test } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD } from './helpers';

// Runs last (file order): it locks the inspector account out of this machine's address for 15 minutes.
test('five wrong passwords block the account from this address, whatever X-Forwarded-For claims, and are audited', async ({ page, browser }) => {
  await page.goto('/signin');
  for (let i = 0; i < 5; i++) {
    // A client rotating its own X-Forwarded-For: the server is behind no trusted proxy, so only the socket counts.
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': `198.51.100.${70 + i}` });
    await page.getByLabel('邮箱').fill(ACCOUNTS.inspector);
    await page.getByLabel('密码').fill(`wrong-${i}`);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('signin-error')).toHaveText('邮箱或密码不正确。');
  }
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.99' });
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('signin-error')).toHaveText('登录失败次数过多，请 15 分钟后再试。');

  // Another account from the same address is not blocked; the admin sees the failures and the block in the audit log,
  // at the real address.
  const admin = await browser.newPage();
  await admin.goto('/signin?callbackUrl=%2Fadmin%3Faction%3Dsign_in_failed');
  await admin.getByLabel('邮箱').fill(ACCOUNTS.admin);
  await admin.getByLabel('密码').fill(DEMO_PASSWORD);
  await admin.getByRole('button', { name: '登录' }).click();
  const table = admin.getByTestId('audit-table');
  const failures = table.locator('tbody tr').filter({ hasText: ACCOUNTS.inspector });
  await expect(failures).toHaveCount(5);
  await expect(failures.filter({ hasText: '127.0.0.1' })).toHaveCount(5);
  await expect(table).not.toContainText('198.51.100.');
  await admin.goto('/admin?action=sign_in_blocked');
  await expect(table).toContainText(ACCOUNTS.inspector);
  await expect(table).toContainText('127.0.0.1');
});
