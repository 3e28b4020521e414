import { apiFetch, expect, openAs, test } from './fixtures';

/**
 * Two tabs of one browser share the demo's stored data: a save in one never undoes the other's, a
 * stale version is refused, and the other tab shows the change without a reload. A storage failure
 * after boot is shown, not only recorded.
 */
const titleOf = async (page: Parameters<typeof apiFetch>[0], id: string) =>
  ((await apiFetch(page, `/api/tasks/${id}`)).json as { task: { title: string; version: number } }).task;

test('two tabs: saves apply to the freshest data, a stale one is 412, the other tab refreshes', async ({
  page,
  context,
}) => {
  await openAs(page, '/ledger/T-0011');
  // The second tab opens the same task in the same browser (shared storage), as a Ctrl-click would.
  const other = await context.newPage();
  await other.goto('./#/ledger/T-0011');
  await expect(other.locator('main h1').first()).toBeVisible();
  const seen = await titleOf(other, 'T-0011');

  const a = await titleOf(page, 'T-0011');
  const savedA = await apiFetch(page, '/api/tasks/T-0011', {
    method: 'PATCH',
    body: { title: '标签页 A 的修改' },
    version: a.version,
  });
  expect(savedA.status).toBe(200);
  // The other tab picks the change up by itself (storage event → refetch), no reload.
  await expect(other.locator('main h1').first()).toContainText('标签页 A 的修改');

  const b = await titleOf(other, 'T-0003');
  const savedB = await apiFetch(other, '/api/tasks/T-0003', {
    method: 'PATCH',
    body: { title: '标签页 B 的修改' },
    version: b.version,
  });
  expect(savedB.status).toBe(200);
  const stale = await apiFetch(other, '/api/tasks/T-0011', {
    method: 'PATCH',
    body: { title: '用旧版本覆盖' },
    version: seen.version,
  });
  expect(stale.status).toBe(412);

  await page.reload();
  expect((await titleOf(page, 'T-0011')).title).toBe('标签页 A 的修改');
  expect((await titleOf(page, 'T-0003')).title).toBe('标签页 B 的修改');
});

test('a storage failure after boot is shown to the person', async ({ page }) => {
  await openAs(page, '/meetings');
  await apiFetch(page, '/api/tasks/T-0003');
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const t = await titleOf(page, 'T-0003');
  const saved = await apiFetch(page, '/api/tasks/T-0003', {
    method: 'PATCH',
    body: { title: '存不下也要保存' },
    version: t.version,
  });
  expect(saved.status).toBe(200);
  await expect(page.getByRole('alert').filter({ hasText: /存储空间/ })).toBeVisible();
});
