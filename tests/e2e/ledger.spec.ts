import { readFileSync } from 'node:fs';
import { expect, expectNoAxeViolations, openAs, test } from './fixtures';

test.describe('督办台账', () => {
  test('filter by warning through the chips, the URL keeps it, and the CSV export has a BOM and the view', async ({
    page,
    consoleErrors,
  }) => {
    await openAs(page, '/ledger');
    await expect(page.getByTestId('ledger-total')).toHaveText('共 70 项任务');
    await page.getByTestId('facet-warning-overdue').click();
    await expect(page).toHaveURL(/#\/ledger\?warning=overdue$/);
    const chip = page.getByTestId('chip-warning:overdue');
    await expect(chip).toHaveText(/预警：逾期/);
    const total = page.getByTestId('ledger-total');
    await expect(total).not.toHaveText('共 70 项任务');
    const n = Number((await total.textContent())!.replace(/\D/g, ''));
    const rows = page.getByTestId('ledger-scroll').locator('tbody tr:has(a)');
    await expect(rows).toHaveCount(n);
    for (const badge of await rows.locator('.ledger__cell--warning').allTextContents())
      expect(badge).toContain('逾期');

    // A link reproduces the view.
    await page.reload();
    await expect(page.getByTestId('chip-warning:overdue')).toBeVisible();
    await expect(total).toHaveText(`共 ${n} 项任务`);
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('督办台账_2024-05-20_逾期.csv');
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('编号,任务,所属部署,牵头单位,配合单位,责任人,完成时限,进度,状态,预警,最近报告');
    expect(lines).toHaveLength(n + 1);
    expect(lines.slice(1).every((l) => l.includes('逾期（逾期'))).toBe(true);

    // Removing the chip brings every task back.
    await chip.getByRole('button').click();
    await expect(page).toHaveURL(/#\/ledger$/);
    await expect(total).toHaveText('共 70 项任务');
    expect(consoleErrors).toEqual([]);
  });

  test('the 10,000-task ledger filters and sorts in the browser', async ({ page, consoleErrors }) => {
    await openAs(page, '/ledger');
    page.on('dialog', (d) => d.accept());
    await page.getByRole('button', { name: '演示设置' }).click();
    const dialog = page.getByRole('dialog', { name: '演示设置' });
    await dialog.getByLabel('演示数据').selectOption('large');
    await dialog.getByRole('button', { name: '重置演示数据' }).click();
    const total = page.getByTestId('ledger-total');
    await expect(total).toHaveText('共 10,000 项任务', { timeout: 30_000 });
    await dialog.getByRole('button', { name: '关闭' }).click();

    const search = page.getByTestId('ledger-search');
    await search.fill('人才');
    await search.press('Enter');
    await expect(page).toHaveURL(/q=%E4%BA%BA%E6%89%8D/);
    await expect(total).not.toHaveText('共 10,000 项任务');
    const firstTitle = page.locator('tbody .ledger__cell--title').first();
    await expect(firstTitle).toContainText('人才');

    await page.getByTestId('facet-warning-overdue').click();
    await expect(page).toHaveURL(/warning=overdue/);
    await expect(page.locator('tbody .ledger__cell--warning').first()).toContainText('逾期');

    const header = page.getByRole('columnheader', { name: '完成时限' });
    await header.getByRole('button').click();
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const deadlines = await page.locator('tbody .ledger__cell--deadline').allTextContents();
    expect(deadlines.length).toBeGreaterThan(5);
    expect([...deadlines].sort().reverse()).toEqual(deadlines);

    // Scrolling far down loads the next pages instead of rendering 10,000 rows at once.
    await page.getByRole('button', { name: /^移除筛选：搜索/ }).click();
    await page.getByRole('button', { name: /^移除筛选：预警/ }).click();
    await expect(total).toHaveText('共 10,000 项任务');
    const scroller = page.getByTestId('ledger-scroll');
    await scroller.evaluate((el) => el.scrollTo({ top: 200 * 37 }));
    // Pages of 100 come in as the rows near the end of what is loaded.
    await expect(page.getByText(/已显示 (2|3|4|5)00 \/ 10,000 项/)).toBeVisible();
    expect(await scroller.locator('tbody tr').count()).toBeLessThan(80);
    expect(consoleErrors).toEqual([]);
  });

  test('the supervision office sends a reminder (催办) to the overdue tasks it selected', async ({
    page,
    consoleErrors,
  }) => {
    await openAs(page, '/ledger?warning=overdue');
    const boxes = page.getByRole('checkbox', { name: /^选择 DB-/ });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const bar = page.getByRole('region', { name: '批量操作' });
    await expect(bar).toContainText('已选 2 项');
    await bar.getByRole('button', { name: '催办' }).click();
    const dialog = page.getByRole('dialog', { name: '催办' });
    await dialog.getByLabel('催办说明（可选）').fill('请于本周五前报送进展');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(bar.getByRole('status')).toHaveText('已对 2 项任务发出催办');
    await expect(page.getByRole('checkbox', { name: /^选择 DB-/, checked: true })).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });

  test('the leader reads the ledger but gets no bulk actions', async ({ page }) => {
    await openAs(page, '/ledger?warning=overdue', 'u-leader');
    await expect(page.getByTestId('ledger-total')).not.toHaveText('共 0 项任务');
    await expect(page.getByRole('link', { name: /^DB-2023-/ }).first()).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /^选择/ })).toHaveCount(0);
    await expect(page.getByRole('region', { name: '批量操作' })).toHaveCount(0);
  });
});
