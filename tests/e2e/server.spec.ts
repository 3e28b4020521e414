import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';

/**
 * The main journeys against the Node server on its embedded database, through the production
 * build it serves: what one person saves, another sees after a refresh, because both talk to one
 * database. Each test starts from the seed (the server allows the demo reset on loopback).
 */
const TASK = '/ledger/T-0003';

test.beforeEach(async ({ request }) => {
  const res = await request.post('api/demo/reset', {
    data: { dataset: 'seed' },
    headers: { 'X-Luoshi-User': 'u-sup' },
  });
  expect(res.status()).toBe(200);
});

async function signInAs(page: Page, personId: string, path: string) {
  await page.addInitScript(
    ([id]) => {
      if (!sessionStorage.getItem('e2e-init')) {
        localStorage.clear();
        localStorage.setItem(
          'luoshi.server-identity',
          JSON.stringify({ state: { personId: id }, version: 1 }),
        );
        localStorage.setItem('luoshi.preferences', JSON.stringify({ state: { lang: 'zh' }, version: 1 }));
        sessionStorage.setItem('e2e-init', '1');
      }
    },
    [personId] as const,
  );
  await page.goto(`./#${path}`);
  await expect(page.locator('main h1').first()).toBeVisible();
  await expect(page.getByTestId('identity')).toBeVisible();
}

async function newPerson(browser: Browser, personId: string, path: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await signInAs(page, personId, path);
  return { page, context, errors };
}

async function expectNoAxeViolations(page: Page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    results.violations.map(
      (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}

const toolbar = (page: Page) => page.getByRole('toolbar', { name: '可执行的操作' });
const header = (page: Page) => page.locator('main .page-header');
const dialog = (page: Page) => page.getByRole('dialog');

test('the production build is served with the seeded dashboard and no demo code', async ({ browser }) => {
  const { page, context, errors } = await newPerson(browser, 'u-leader', '/');
  await expect(page.getByTestId('kpi-overdue')).toContainText('13');
  await expect(page.getByTestId('server-banner')).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  await expect(page.getByTestId('identity')).toContainText('周立新');
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
  await context.close();
});

test('a unit reports, the office sends it back in another browser, the unit sees it, then it is closed', async ({
  browser,
}) => {
  const unit = await newPerson(browser, 'u-kjt', TASK);
  await toolbar(unit.page).getByRole('button', { name: '报送进展' }).click();
  await dialog(unit.page).getByLabel('进展情况').fill('中试基地建成并投入运行');
  await dialog(unit.page)
    .getByLabel(/已完成，申请办结/)
    .check();
  await dialog(unit.page).getByRole('button', { name: '提交' }).click();
  await expect(dialog(unit.page)).toBeHidden();
  await expect(header(unit.page).getByText('待审核')).toBeVisible();

  // A second person, in a second browser context, on the same server.
  const office = await newPerson(browser, 'u-sup', TASK);
  await expect(header(office.page).getByText('待审核')).toBeVisible();
  await toolbar(office.page).getByRole('button', { name: '退回' }).click();
  await dialog(office.page).getByLabel('退回意见').fill('请补充运行数据和验收材料');
  await dialog(office.page).getByRole('button', { name: '退回' }).click();
  await expect(header(office.page).getByText('已退回')).toBeVisible();

  await unit.page.reload();
  await expect(header(unit.page).getByText('已退回')).toBeVisible();
  await expect(unit.page.getByText('审核意见：请补充运行数据和验收材料')).toBeVisible();
  await toolbar(unit.page).getByRole('button', { name: '报送进展' }).click();
  await dialog(unit.page).getByLabel('进展情况').fill('已补充运行数据和验收材料');
  await dialog(unit.page)
    .getByLabel(/已完成，申请办结/)
    .check();
  await dialog(unit.page).getByRole('button', { name: '提交' }).click();
  await expect(header(unit.page).getByText('待审核')).toBeVisible();

  await office.page.reload();
  await toolbar(office.page).getByRole('button', { name: '办结' }).click();
  await dialog(office.page).getByRole('button', { name: '办结' }).click();
  await expect(header(office.page).getByText('已办结')).toBeVisible();
  await unit.page.reload();
  await expect(header(unit.page).getByText('已办结')).toBeVisible();

  // The leader can change nothing: a forged write with a valid version is refused by the server.
  const leader = await newPerson(browser, 'u-leader', TASK);
  await expect(leader.page.getByRole('toolbar')).toHaveCount(0);
  const res = await leader.page.request.post('api/tasks/T-0003/transitions', {
    data: { action: 'reopen', reason: '领导要求' },
    headers: { 'X-Luoshi-User': 'u-leader', 'If-Match': '99' },
  });
  expect(res.status()).toBe(403);
  for (const p of [unit, office, leader]) {
    expect(p.errors).toEqual([]);
    await p.context.close();
  }
});

test('the review page switches quarters from the server', async ({ browser }) => {
  const { page, context, errors } = await newPerson(browser, 'u-sup', '/review');
  await expect(page.getByTestId('quarter-select')).toHaveValue('2024Q1');
  await expect(page.locator('.review-state__badge')).toContainText('未发布');
  await page.getByTestId('quarter-select').selectOption('2023Q4');
  await expect(page).toHaveURL(/quarter=2023Q4/);
  await expect(page.getByText(/已于 .* 发布，得分已固定/)).toBeVisible();
  await expect(page.getByRole('table', { name: '单位得分排名表' })).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});
