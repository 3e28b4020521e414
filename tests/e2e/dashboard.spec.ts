import { expect, expectNoAxeViolations, openAs, test } from './fixtures';

test('a leader opens the overview and clicks the red KPI through to the overdue ledger', async ({
  page,
  consoleErrors,
}) => {
  await openAs(page, '/', 'u-leader');
  const overdue = page.getByTestId('kpi-overdue');
  await expect(overdue).toContainText('13');
  await expect(overdue).toContainText('较季初 +4');
  // The roll-up shows the seven 要在…上 and the six 下功夫 without any click.
  const rollup = page.getByRole('region', { name: '讲话部署落实进度' });
  await expect(rollup.getByText('要在…上', { exact: true })).toHaveCount(7);
  await expect(rollup.getByText('下功夫', { exact: true })).toHaveCount(6);
  await expectNoAxeViolations(page);
  await overdue.click();
  await expect(page).toHaveURL(/#\/ledger\?warning=overdue$/);
  await expect(page.locator('main h1')).toHaveText('督办台账');
  expect(consoleErrors).toEqual([]);
});

test('the KPIs paint before the chart code arrives, from one overview request', async ({ page }) => {
  // Hold the lazily loaded chart chunk back until the KPI cards have been checked.
  let release!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  await page.route(/trend-chart-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await openAs(page, '/', 'u-leader', 'en');
  await expect(page.getByTestId('kpi-scope')).toContainText('70');
  await expect(page.getByText('Loading chart…')).toBeVisible();
  release();
  await expect(page.getByRole('region', { name: 'This quarter' }).locator('.recharts-surface')).toBeVisible();
  // One request for the whole overview; the others are the shell's (session, names, inbox badge).
  // The typed client marks each request it makes (the demo answers them in the page, not over the network).
  const api = await page.evaluate(() =>
    performance
      .getEntriesByName('luoshi:api')
      .map((e) => String((e as PerformanceMark).detail).split(' ')[1] ?? ''),
  );
  expect(api.filter((p) => p === '/api/dashboard')).toHaveLength(1);
  expect(api.filter((p) => p.startsWith('/api/tasks'))).toHaveLength(0);
});

test('a directive opens to its tasks and a task opens its page', async ({ page }) => {
  await openAs(page, '/', 'u-leader');
  await page.getByRole('button', { name: '展开“在建设创新人才高地上走在前列”的任务' }).click();
  await page.getByRole('link', { name: /实施人才强省战略/ }).click();
  await expect(page).toHaveURL(/#\/ledger\/T-\d{4}$/);
});
