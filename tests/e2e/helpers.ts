import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo@2026-csm';
export const ACCOUNTS = {
  admin: 'admin@demo.example',
  leader: 'leader@demo.example',
  inspector: 'inspector@demo.example',
  district: 'district@demo.example', // 东城区 990102
  unit: 'unit@demo.example', // 市市场监管局 C002
} as const;

export async function signIn(page: Page, who: keyof typeof ACCOUNTS, next = '/') {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(next)}`);
  await page.getByLabel('邮箱').fill(ACCOUNTS[who]);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toContainText(ACCOUNTS[who]);
}

/** A tRPC query from inside the signed-in page (same cookies), as a client would send it. */
export async function trpcQuery(page: Page, path: string, input: unknown) {
  return page.evaluate(
    async ({ path, input }) => {
      const res = await fetch(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
      return { status: res.status, body: await res.json() };
    },
    { path, input },
  );
}
