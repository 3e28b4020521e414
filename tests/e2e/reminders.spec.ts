import { apiFetch, expect, expectNoAxeViolations, openAs, test } from './fixtures';

/**
 * The demo runs the same reminder scheduler as the server against its own clock, with simulated
 * delivery: moving the demo date fills the outbox (发送记录), and a message can be sent again.
 */
test('the demo clock moves, the outbox shows that day’s reminders, one is sent again', async ({
  page,
  consoleErrors,
}) => {
  await openAs(page, '/outbox');
  await page.getByRole('button', { name: '演示设置' }).click();
  // 2024-05-28: three days before May's report cut-off, so tasks without a May report are reminded.
  await page.getByLabel('演示日期').fill('2024-05-28');
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  await page.getByLabel('类型').selectOption('report-due');
  const table = page.getByRole('table', { name: '发送记录' });
  await expect(table.getByRole('row').nth(1)).toContainText('报送', { timeout: 20_000 });
  await expect(table.getByRole('row').nth(1)).toContainText('已发送', { timeout: 20_000 });
  await expect(table).toContainText('@luoshi.example');
  await expectNoAxeViolations(page);
  const first = table.getByRole('row').nth(1);
  await first.getByRole('button', { name: /重新发送给/ }).click();
  await expect(page.getByText('已重新排队发送')).toBeVisible();
  await expect(table.getByText('已重发 1 次')).toBeVisible({ timeout: 20_000 });
  expect(consoleErrors).toEqual([]);
});

test('a manual 催办 from the ledger is sent at once; on a phone the outbox is cards with the state in words', async ({
  page,
  consoleErrors,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAs(page, '/outbox?rule=manual');
  const task = (await apiFetch(page, '/api/tasks/T-0003')).json as { task: { version: number } };
  const sent = await apiFetch(page, '/api/tasks/bulk', {
    method: 'POST',
    body: { action: 'remind', items: [{ id: 'T-0003', version: task.task.version }], message: '请加快' },
  });
  expect(sent.status).toBe(200);
  const cards = page.getByRole('list', { name: '发送记录' });
  await expect(cards.getByRole('listitem').first()).toContainText('手动催办', { timeout: 20_000 });
  await expect(cards.getByRole('listitem').first()).toContainText('已发送', { timeout: 20_000 });
  const noScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(noScroll).toBe(true);
  await expectNoAxeViolations(page);
  expect(consoleErrors).toEqual([]);
});
