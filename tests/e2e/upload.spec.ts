import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

const csv = [
  'recordId,catalogCode,subjectType,subjectName,subjectCode,occurredOn',
  'E2E-1,QYDJ,legal,示范市端到端测试有限公司,91350100M000100Y43,2026-01-05',
  'E2E-2,QYDJ,natural,张三,11010519491231002X,2026-01-05',
  'E2E-3,QYDJ,legal,,91350100M000100Y43,2026-01-05',
].join('\r\n');

test('a unit user uploads a CSV through the page and sees accepted, rejected and the row errors', async ({ page }) => {
  await signIn(page, 'unit', '/ingestion/upload');
  await expect(page.getByRole('heading', { name: '数据上传', level: 1 })).toBeVisible();
  await page.getByLabel('数据类型').selectOption('records');
  await page.getByLabel('选择文件').setInputFiles({ name: 'records.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: '上传并校验' }).click();
  const result = page.getByTestId('upload-result');
  await expect(result).toBeVisible();
  await expect(page.getByTestId('upload-accepted')).toHaveText('2');
  await expect(page.getByTestId('upload-rejected')).toHaveText('1');
  await expect(result).toContainText('REQUIRED');
  await expect(result).toContainText('subjectName');
  // All errors download as CSV from the batch endpoint.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载全部错误 (CSV)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^errors-.*\.csv$/);
  // The rejected row is in the unit's quarantine list, with the ID number masked everywhere.
  await page.goto('/ingestion/rejected');
  await expect(page.getByTestId('rejected-table')).toContainText('E2E-3');
  await expect(page.locator('body')).not.toContainText('11010519491231002X');
});

test('a leader cannot upload: the page says so and the API refuses', async ({ page, baseURL }) => {
  await signIn(page, 'leader', '/ingestion/upload');
  await expect(page.getByText('只有成员单位用户和管理员可以上传数据。')).toBeVisible();
  const res = await page.request.post('/api/v1/ingest/records', { headers: { 'content-type': 'text/csv', origin: baseURL! }, data: csv });
  expect(res.status()).toBe(403);
  expect((await res.json()).error).toContain('member-unit');
});
