import type { Page } from '@playwright/test';
import { apiFetch, expect, expectNoAxeViolations, openAs, switchIdentity, test } from './fixtures';

// T-0003 is led by 省科技厅 (刘洋's unit) and in progress on the demo day.
const TASK = '/ledger/T-0003';

const toolbar = (page: Page) => page.getByRole('toolbar', { name: '可执行的操作' });
const header = (page: Page) => page.locator('main .page-header');
const dialog = (page: Page) => page.getByRole('dialog');

async function reportDone(page: Page, text: string) {
  await toolbar(page).getByRole('button', { name: '报送进展' }).click();
  await expectNoAxeViolations(page);
  await dialog(page).getByLabel('进展情况').fill(text);
  await dialog(page)
    .getByLabel(/已完成，申请办结/)
    .check();
  await dialog(page).getByRole('button', { name: '提交' }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(header(page).getByText('待审核')).toBeVisible();
}

test('report done → sent back → reported again → closed; the leader can do none of it', async ({
  page,
  consoleErrors,
}) => {
  await openAs(page, TASK, 'u-kjt');
  await expect(toolbar(page).getByRole('button')).toHaveText(['报送进展', '申请延期']);
  await reportDone(page, '中试基地建成并投入运行');
  await expect(page.getByText('当前状态下没有您可执行的操作。')).toBeVisible();

  await switchIdentity(page, 'u-sup');
  await expect(toolbar(page).getByRole('button', { name: '办结' })).toBeVisible();
  await toolbar(page).getByRole('button', { name: '退回' }).click();
  await dialog(page).getByLabel('退回意见').fill('请补充运行数据和验收材料');
  await dialog(page).getByRole('button', { name: '退回' }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(header(page).getByText('已退回')).toBeVisible();
  await expect(page.getByText('审核意见：请补充运行数据和验收材料')).toBeVisible();

  await switchIdentity(page, 'u-kjt');
  await reportDone(page, '已补充运行数据和验收材料');

  await switchIdentity(page, 'u-sup');
  await toolbar(page).getByRole('button', { name: '办结' }).click();
  await dialog(page).getByRole('button', { name: '办结' }).click();
  await expect(header(page).getByText('已办结')).toBeVisible();
  await expect(toolbar(page).getByRole('button')).toHaveText(['重新打开']);
  const history = page.getByRole('table', { name: '变更记录' });
  await expect(history.getByText('待审核 → 已办结')).toBeVisible();
  await expect(history.getByText(/待审核 → 已退回; 请补充运行数据和验收材料/)).toBeVisible();

  await switchIdentity(page, 'u-leader');
  await expect(page.getByText('领导身份只读：可以查看全部内容，不能修改。')).toBeVisible();
  await expect(page.getByRole('toolbar')).toHaveCount(0);
  await expect(
    page.locator('main').getByRole('button', { name: /办结|退回|报送进展|重新打开|编辑|通过/ }),
  ).toHaveCount(0);
  await expectNoAxeViolations(page);

  expect(consoleErrors).toEqual([]);

  // Calling the API directly from the page as the leader, with a valid version, is refused.
  const current = await apiFetch(page, '/api/tasks/T-0003', { as: 'u-leader' });
  const version = (current.json as { task: { version: number } }).task.version;
  const reopen = await apiFetch(page, '/api/tasks/T-0003/transitions', {
    as: 'u-leader',
    method: 'POST',
    body: { action: 'reopen', reason: '领导要求' },
    version,
  });
  expect(reopen.status).toBe(403);
  const report = await apiFetch(page, '/api/tasks/T-0003/reports', {
    as: 'u-leader',
    method: 'POST',
    body: { text: '代为报送', progress: 50, evidence: [], final: false },
    version,
  });
  expect(report.status).toBe(403);
  const after = await apiFetch(page, '/api/tasks/T-0003', { as: 'u-leader' });
  expect((after.json as { task: { status: string; version: number } }).task).toMatchObject({
    status: 'closed',
    version,
  });
  // The browser logs the two refusals it was asked to make, and nothing else.
  expect(consoleErrors).toEqual([expect.stringContaining('403'), expect.stringContaining('403')]);
});

test('my inbox shows the count in the navigation and links to the task', async ({ page, consoleErrors }) => {
  await openAs(page, '/inbox', 'u-kjt');
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByTestId('nav-badge')).toContainText('6');
  await page
    .getByRole('region', { name: /应报送进展/ })
    .getByRole('link', { name: '不断开辟发展新领域、新赛道' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '不断开辟发展新领域、新赛道' })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(consoleErrors).toEqual([]);
});
