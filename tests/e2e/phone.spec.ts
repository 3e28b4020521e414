import { expect, expectNoAxeViolations, openAs, test } from './fixtures';

/** Every route a person can open, with a real id where the route takes one. */
const ROUTES: [name: string, path: string][] = [
  ['dashboard', '/'],
  ['inbox', '/inbox'],
  ['meetings', '/meetings'],
  ['meeting', '/meetings/m-2023-0424-ah'],
  ['import', '/import'],
  ['ledger', '/ledger'],
  ['task', '/ledger/T-0003'],
  ['review', '/review?quarter=2024Q1'],
  ['report', '/review/report?quarter=2024Q1'],
  ['units', '/units'],
  ['unit', '/units/p-kjt'],
  ['alignment', '/alignment'],
  ['audit', '/audit'],
];

const SIZES = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
];

for (const size of SIZES) {
  test.describe(`${size.width} × ${size.height}`, () => {
    test.use({ viewport: size });
    for (const [name, path] of ROUTES) {
      test(`${name}: no sideways scrolling, no axe violations`, async ({ page, consoleErrors }) => {
        await openAs(page, path);
        await expect(page.locator('main .state--loading')).toHaveCount(0);
        const widths = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
        }));
        // Screenshots for a person to look at (test-results/ is not committed).
        const shot = `test-results/screens/${size.width}-${name}`;
        await page.screenshot({ path: `${shot}.png` });
        await page.screenshot({ path: `${shot}-full.png`, fullPage: true });
        expect(widths.page, `${name} is ${widths.page} px wide at ${widths.viewport} px`).toBeLessThanOrEqual(
          widths.viewport,
        );
        await expectNoAxeViolations(page);
        expect(consoleErrors).toEqual([]);
      });
    }
  });
}

// English labels are longer: the pages a unit uses most, in English at the narrowest width.
test.describe('360 × 740 in English', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  for (const [name, path] of ROUTES.filter(([n]) =>
    ['dashboard', 'ledger', 'task', 'review', 'inbox'].includes(n),
  )) {
    test(`${name}: fits and passes axe`, async ({ page, consoleErrors }) => {
      await openAs(page, path, 'u-sup', 'en');
      await expect(page.locator('main .state--loading')).toHaveCount(0);
      await page.screenshot({ path: `test-results/screens/360-en-${name}.png` });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page);
      expect(consoleErrors).toEqual([]);
    });
  }
});

test.describe('a phone, 390 × 844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the navigation collapses into a menu that closes on the next page', async ({
    page,
    consoleErrors,
  }) => {
    await openAs(page, '/');
    const nav = page.getByRole('navigation', { name: '主导航' });
    const menu = page.getByRole('button', { name: '菜单' });
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/390-menu.png' });
    await nav.getByRole('link', { name: '督办台账' }).click();
    await expect(page.locator('main h1')).toHaveText('督办台账');
    await expect(nav).toBeHidden();
    expect(consoleErrors).toEqual([]);
  });

  test('the ledger is a card list; its filters open in a sheet', async ({ page, consoleErrors }) => {
    await openAs(page, '/ledger');
    const cards = page.getByTestId('ledger-cards');
    const first = cards.getByRole('listitem').first();
    await expect(first.getByRole('link')).toBeVisible();
    for (const label of ['牵头单位', '完成时限']) await expect(first).toContainText(label);
    await expect(first.locator('.status')).toHaveText(/\S/);
    await expect(first.locator('.badge')).toHaveText(/正常|逾期|临期|滞后|未报送/);
    await expect(page.locator('.ledger__table')).toHaveCount(0);

    await page.getByRole('button', { name: '筛选', exact: true }).click();
    const sheet = page.getByRole('dialog', { name: '筛选' });
    await expect(sheet).toBeVisible();
    await sheet.getByRole('button', { name: /^逾期 \d+/ }).click();
    await expect(page).toHaveURL(/warning=overdue/);
    await page.screenshot({ path: 'test-results/screens/390-ledger-sheet.png' });
    await sheet.getByRole('button', { name: '完成' }).click();
    await expect(sheet).toBeHidden();
    await expect(page.getByRole('button', { name: '筛选（已选 1 项）' })).toBeVisible();
    await expect(page.getByTestId('ledger-total')).toHaveText('共 13 项任务');
    const badges = await cards.locator('.badge').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    for (const b of badges) expect(b).toContain('逾期');
    await page.screenshot({ path: 'test-results/screens/390-ledger-filtered.png' });
    expect(consoleErrors).toEqual([]);
  });

  test('a unit reports progress with one thumb: the form fits the screen', async ({
    page,
    consoleErrors,
  }) => {
    await openAs(page, '/ledger/T-0003', 'u-kjt');
    await page.getByRole('button', { name: '报送进展' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await dialog.getByLabel('进展情况').fill('完成首批中试项目遴选');
    await page.screenshot({ path: 'test-results/screens/390-report-form.png' });
    const submit = dialog.getByRole('button', { name: '提交' });
    const target = (await submit.boundingBox())!;
    // Big enough for a thumb (WCAG 2.5.8 asks 24 px; 36 px is comfortable).
    expect(target.height).toBeGreaterThanOrEqual(36);
    await expectNoAxeViolations(page);
    await submit.click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('完成首批中试项目遴选')).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});
