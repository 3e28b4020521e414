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
