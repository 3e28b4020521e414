import { extract } from '../../src/domain/extraction';
import { SEED_ARTICLE } from '../../src/domain/extraction/fixtures/seed-article';
import { expect, expectNoAxeViolations, openAs, test } from './fixtures';

test('a speech becomes assigned tasks: paste, check 22 directives, assign, confirm, find them in the ledger with their source', async ({
  page,
  consoleErrors,
}) => {
  await openAs(page, '/import');
  await page.getByLabel('粘贴讲话全文或会议报道').fill(SEED_ARTICLE);
  await page.getByRole('button', { name: '识别部署' }).click();
  await expect(page.getByTestId('import-counts')).toHaveText('部署 22 项 · 举措 70 项');
  await expect(page.getByTestId('import-directive')).toHaveCount(22);

  // Selecting a directive marks its source sentence in the text beside it.
  await page.getByTestId('import-directive').nth(2).click();
  const preview = page.getByRole('region', { name: '讲话原文（已标注部署与举措）' });
  await expect(preview.locator('mark.is-selected').first()).toHaveText(
    '在服务构建国家战略科技力量上勇挑重担',
  );
  await expect(preview.locator('mark.is-selected').first()).toBeInViewport();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('table', { name: '待分派的任务' }).getByRole('row')).toHaveCount(51);
  await page.getByRole('combobox', { name: '牵头单位（任务 1）', exact: true }).selectOption('p-fgw');
  await page.getByRole('checkbox', { name: '选择任务 2', exact: true }).check();
  await page.getByRole('checkbox', { name: '选择任务 3', exact: true }).check();
  const bulk = page.getByRole('group', { name: '批量分派' });
  await bulk.getByLabel('完成时限').fill('2024-12-31');
  await bulk.getByRole('button', { name: '设为完成时限' }).click();
  await expect(page.getByLabel('完成时限（任务 3）', { exact: true })).toHaveValue('2024-12-31');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('import-confirm-counts')).toContainText('任务 70 项');
  await page.getByRole('button', { name: '确认导入（生成 70 项任务）' }).click();
  // The seed already holds this article: Luoshi asks before creating a second copy.
  const duplicate = page.getByRole('alert').filter({ hasText: '这篇讲话可能已经导入过' });
  await expect(duplicate).toBeVisible();
  await expectNoAxeViolations(page);
  await duplicate.getByRole('button', { name: '仍然导入' }).click();
  await expect(page.getByRole('heading', { name: /导入完成/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: '在督办台账中查看' }).click();
  await expect(page).toHaveURL(/#\/ledger\?meeting=m-\d+/);
  await expect(page.getByTestId('ledger-total')).toHaveText('共 70 项任务');
  await page.getByRole('link', { name: /^DB-/ }).first().click();
  // The task shows its source sentence (原文出处), speaker and meeting.
  const first = extract(SEED_ARTICLE).directives[0]!;
  await expect(page.locator('.task-source__quote').first()).toHaveText(first.heading);
  await expect(page.locator('.task-source__quote--measure')).toHaveText(first.measures[0]!);
  await expect(
    page.getByText('全省深入推进创新型省份建设加快打造科技创新策源地工作会议（2023-04-24，合肥）'),
  ).toBeVisible();
  await page.getByRole('link', { name: /在讲话原文中查看/ }).click();
  await expect(page.locator('mark.hl--heading').first()).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('the draft survives a reload and a failed confirm', async ({ page, consoleErrors }) => {
  await openAs(page, '/import');
  await page.getByLabel('粘贴讲话全文或会议报道').fill(SEED_ARTICLE);
  await page.getByRole('button', { name: '识别部署' }).click();
  await page.getByTestId('import-directive').first().click();
  await page.getByLabel('部署标题').fill('学深悟透重要讲话精神（已核对）');
  await page.reload();
  await expect(page.getByTestId('import-counts')).toHaveText('部署 22 项 · 举措 70 项');
  await expect(page.getByTestId('import-directive').first()).toContainText('学深悟透重要讲话精神（已核对）');

  // The demo's fault injection makes every request fail, as a server outage would.
  const setErrorRate = async (rate: string) => {
    await page.getByRole('button', { name: '演示设置' }).click();
    await page.getByLabel('模拟故障率').selectOption(rate);
    await page.keyboard.press('Escape');
  };
  await page.getByRole('button', { name: /4 确认/ }).click();
  await setErrorRate('1');
  await page.getByRole('button', { name: /确认导入/ }).click();
  await expect(page.getByRole('alert')).toContainText('草稿已保留');
  await setErrorRate('0');
  await page.reload();
  await expect(page.getByRole('heading', { name: '确认导入' })).toBeVisible();
  await expect(page.getByTestId('import-confirm-counts')).toContainText('部署 22 项');
  await page.getByRole('button', { name: /确认导入/ }).click();
  await page.getByRole('button', { name: '仍然导入' }).click();
  await expect(page.getByRole('heading', { name: /导入完成/ })).toBeVisible();
  // The injected 500 is logged by the browser as a failed resource; nothing else may be.
  expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});

test('a long text is analysed in a Web Worker, off the main thread', async ({ page, consoleErrors }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openAs(page, '/import', 'u-sup', 'en');
  const long = Array.from({ length: 40 }, () => SEED_ARTICLE).join('\n');
  await page.getByLabel('Paste the full speech or meeting report').fill(long);
  await page.getByRole('button', { name: 'Find directives' }).click();
  await expect(page.getByTestId('import-counts')).toContainText('directives', { timeout: 20_000 });
  const text = (await page.getByTestId('import-counts').textContent()) ?? '';
  expect(Number(text.split(' ')[0])).toBeGreaterThanOrEqual(22 * 40);
  expect(workers.some((u) => u.includes('extract-worker'))).toBe(true);
  // Thousands of tasks are assigned a page at a time.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('table', { name: 'Tasks to assign' }).getByRole('row')).toHaveCount(51);
  await expect(page.getByRole('navigation', { name: 'Task pages' })).toContainText('Page 1 of');
  expect(consoleErrors).toEqual([]);
});
