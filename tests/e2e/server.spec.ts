import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';

/**
 * The main journeys against the Node server on its embedded database, through the production
 * build it serves, each person signed in with a password in a browser context of their own: what
 * one saves, another sees after a refresh. Each test starts from the seed (the demo reset, which
 * this test server allows, done by a signed-in supervisor).
 */
const TASK = '/ledger/T-0003';
const PASSWORD = 'luoshi-demo-2024';

test.beforeEach(async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const signIn = await request.post('api/session', {
    data: { login: 'sup', password: PASSWORD },
    headers: { Origin: origin },
  });
  expect(signIn.status()).toBe(200);
  const res = await request.post('api/demo/reset', {
    data: { dataset: 'seed' },
    headers: { Origin: origin },
  });
  expect(res.status()).toBe(200);
});

interface Person {
  page: Page;
  context: BrowserContext;
  errors: string[];
}

async function signInOnPage(page: Page, login: string) {
  await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

async function newPerson(browser: Browser, login: string, path: string): Promise<Person> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  // A 401 answered while signed out is the gate working, not an error of the page.
  page.on('console', (m) => {
    if (m.type() === 'error' && !/401/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('e2e-init')) {
      localStorage.setItem('luoshi.preferences', JSON.stringify({ state: { lang: 'zh' }, version: 1 }));
      sessionStorage.setItem('e2e-init', '1');
    }
  });
  await page.goto(`./#${path}`);
  await signInOnPage(page, login);
  await expect(page.getByTestId('identity')).toBeVisible();
  await expect(page.locator('main h1').first()).toBeVisible();
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

test('signing in: the 登录 page, then the seeded dashboard from the production build', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('./#/');
  await expect(page).toHaveURL(/#\/login/);
  await expect(page.getByLabel('登录名')).toHaveAttribute('autocomplete', 'username');
  await expect(page.getByLabel('密码')).toHaveAttribute('autocomplete', 'current-password');
  await expectNoAxeViolations(page);
  await page.getByLabel('登录名').fill('leader');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('登录名或密码不正确');
  await expect(page.getByLabel('登录名')).toHaveValue('leader');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('kpi-overdue')).toBeVisible();
  await expect(page.getByTestId('identity')).toContainText('周立新');
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page).toHaveURL(/#\/login/);
  await context.close();
});

test('刘洋 reports, 陈静 sends it back in another browser, 刘洋 sees it; 周立新 can change nothing', async ({
  browser,
}) => {
  const unit = await newPerson(browser, 'kjt', TASK);
  await toolbar(unit.page).getByRole('button', { name: '报送进展' }).click();
  await dialog(unit.page).getByLabel('进展情况').fill('中试基地建成并投入运行');
  await dialog(unit.page)
    .getByLabel(/已完成，申请办结/)
    .check();
  await dialog(unit.page).getByRole('button', { name: '提交' }).click();
  await expect(dialog(unit.page)).toBeHidden();
  await expect(header(unit.page).getByText('待审核')).toBeVisible();

  const office = await newPerson(browser, 'sup', TASK);
  await expect(header(office.page).getByText('待审核')).toBeVisible();
  await toolbar(office.page).getByRole('button', { name: '退回' }).click();
  await dialog(office.page).getByLabel('退回意见').fill('请补充运行数据和验收材料');
  await dialog(office.page).getByRole('button', { name: '退回' }).click();
  await expect(header(office.page).getByText('已退回')).toBeVisible();

  await unit.page.reload();
  await expect(header(unit.page).getByText('已退回')).toBeVisible();
  await expect(unit.page.getByText('审核意见：请补充运行数据和验收材料')).toBeVisible();

  const leader = await newPerson(browser, 'leader', TASK);
  await expect(leader.page.getByRole('toolbar')).toHaveCount(0);
  // A forged write from the leader's own signed-in page is refused by the server.
  const status = await leader.page.evaluate(async () => {
    const res = await fetch('/api/tasks/T-0003/transitions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'If-Match': '1' },
      body: JSON.stringify({ action: 'reopen', reason: '领导要求' }),
    });
    return res.status;
  });
  expect(status).toBe(403);
  for (const p of [unit, office, leader]) {
    expect(p.errors.filter((e) => !/403/.test(e))).toEqual([]);
    await p.context.close();
  }
});

test('the session ends while a report is being written: sign in again, the text is still there', async ({
  browser,
}) => {
  const unit = await newPerson(browser, 'kjt', TASK);
  await toolbar(unit.page).getByRole('button', { name: '报送进展' }).click();
  await dialog(unit.page).getByLabel('进展情况').fill('本月完成中试线设备安装调试，下月试运行');
  // The server forgets this browser (as after 30 idle minutes): the next save is answered 401.
  await unit.context.clearCookies();
  await dialog(unit.page).getByRole('button', { name: '提交' }).click();
  await signInOnPage(unit.page, 'kjt');
  await expect(unit.page).toHaveURL(/#\/ledger\/T-0003/);
  await expect(dialog(unit.page).getByLabel('进展情况')).toHaveValue(
    '本月完成中试线设备安装调试，下月试运行',
  );
  await dialog(unit.page).getByRole('button', { name: '提交' }).click();
  await expect(dialog(unit.page)).toBeHidden();
  await expect(unit.page.getByText('本月完成中试线设备安装调试，下月试运行')).toBeVisible();
  await unit.context.close();
});

test('the review page switches quarters from the server', async ({ browser }) => {
  const { page, context, errors } = await newPerson(browser, 'sup', '/review');
  await expect(page.getByTestId('quarter-select')).toHaveValue('2024Q1');
  await expect(page.locator('.review-state__badge')).toContainText('未发布');
  await page.getByTestId('quarter-select').selectOption('2023Q4');
  await expect(page).toHaveURL(/quarter=2023Q4/);
  await expect(page.getByText(/已于 .* 发布，得分已固定/)).toBeVisible();
  await expect(page.getByRole('table', { name: '单位得分排名表' })).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});
