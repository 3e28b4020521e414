import { expect, expectNoAxeViolations, openAs, test } from './fixtures';

test('the supervisor links a city directive to a provincial one from a suggestion and the matrix changes', async ({
  page,
  consoleErrors,
}) => {
  await openAs(page, '/alignment', 'u-sup');
  const summary = page.getByTestId('matrix-summary');
  await expect(summary).toHaveText('上级部署 14 项：已承接 6 项，承接缺口 8 项');
  await expect(page.getByTestId('matrix-row-d-07')).toContainText('承接缺口');

  await page.getByRole('tab', { name: '关联建议' }).click();
  const card = page.getByTestId('card-d-18');
  await expect(card.getByTestId('suggestion-d-07')).toContainText('人才');
  await expectNoAxeViolations(page);
  await card.getByRole('button', { name: '采纳：承接“在建设创新人才高地上走在前列”' }).click();
  await expect(card.getByRole('button', { name: '取消关联“在建设创新人才高地上走在前列”' })).toBeVisible();

  await page.getByRole('tab', { name: '承接矩阵' }).click();
  await expect(summary).toHaveText('上级部署 14 项：已承接 7 项，承接缺口 7 项');
  const row = page.getByTestId('matrix-row-d-07');
  await expect(row).toContainText('已承接');
  await expect(row.getByRole('link', { name: '在提升创新要素集聚能力上下功夫' })).toBeVisible();

  // The link is stored and audited: it survives a reload and shows in the audit log.
  await page.reload();
  await expect(page.getByTestId('matrix-row-d-07')).toContainText('已承接');
  await page.goto('./#/audit?target=directive:d-18');
  await expect(page.getByRole('cell', { name: 'directive.link' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('the matrix exports as CSV with a BOM', async ({ page }) => {
  await openAs(page, '/alignment', 'u-leader');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('上下贯通承接矩阵-2024-05-20.csv');
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(path!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('d-07,韩俊,在建设创新人才高地上走在前列');
  expect(text).toContain('承接缺口');
});
