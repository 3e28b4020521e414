import { apiFetch, expect, expectNoAxeViolations, openAs, test } from './fixtures';

const ROUTES = [
  '/',
  '/inbox',
  '/meetings',
  '/meetings/m-2023-0424-ah?d=d-07',
  '/import',
  '/ledger',
  '/ledger/T-0002',
  '/review',
  '/review/report?quarter=2024Q1',
  '/units',
  '/units/p-kjt',
  '/alignment',
  '/audit',
  '/outbox',
  '/reminder-rules',
  '/my-reminders',
];

test('the dashboard loads with the seeded data and the demo banner', async ({ page, consoleErrors }) => {
  await openAs(page, '/');
  await expect(page.getByTestId('demo-banner')).toContainText('2024-05-20');
  await expect(page.getByTestId('identity')).toContainText('陈静');
  // On a wide screen the navigation is always there: no 菜单 button.
  await expect(page.getByRole('button', { name: '菜单' })).toBeHidden();
  await expect(
    page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '总览' }),
  ).toHaveAttribute('aria-current', 'page');
  expect(consoleErrors).toEqual([]);
});

for (const lang of ['zh', 'en'] as const) {
  for (const route of ROUTES) {
    test(`${route} renders without console errors and passes axe (${lang})`, async ({
      page,
      consoleErrors,
    }) => {
      await openAs(page, route, 'u-sup', lang);
      await page.waitForLoadState('networkidle');
      await expect(page.locator('.state--loading')).toHaveCount(0, { timeout: 15_000 });
      await expect(page.locator('main [role="alert"]')).toHaveCount(0);
      await expectNoAxeViolations(page);
      expect(consoleErrors).toEqual([]);
    });
  }
}

test('demo edits survive a reload', async ({ page }) => {
  await openAs(page, '/meetings');
  const before = await apiFetch(page, '/api/tasks/T-0003');
  const version = (before.json as { task: { version: number } }).task.version;
  const saved = await apiFetch(page, '/api/tasks/T-0003', {
    method: 'PATCH',
    body: { title: '已在演示中修改的任务标题' },
    version,
  });
  expect(saved.status).toBe(200);
  await page.reload();
  const after = await apiFetch(page, '/api/tasks/T-0003');
  expect((after.json as { task: { title: string } }).task.title).toBe('已在演示中修改的任务标题');
});

test('corrupted stored demo data boots the seed with a visible notice', async ({ page }) => {
  await openAs(page, '/meetings');
  await page.evaluate(() => localStorage.setItem('luoshi.mock-db', '{"version":1,"tasks":[{'));
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: '已损坏' })).toBeVisible();
  await expect(page.getByRole('link', { name: /全省深入推进创新型省份建设/ })).toBeVisible();
});
