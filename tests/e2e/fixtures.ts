import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * Each test starts with empty storage (so the seeded demo data), the supervision office identity
 * and Chinese UI, and fails on any console error.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(err.message));
    await use(errors);
  },
});
export { expect };

/** Open a route (hash path such as `/ledger?status=closed`) as a demo identity, on fresh demo data. */
export async function openAs(page: Page, path: string, personId = 'u-sup', lang: 'zh' | 'en' = 'zh') {
  await page.addInitScript(
    ([id, l]) => {
      if (!sessionStorage.getItem('e2e-init')) {
        localStorage.clear();
        localStorage.setItem(
          'luoshi.demo',
          JSON.stringify({
            state: { personId: id, clockDate: '2024-05-20', latencyMs: 0, errorRate: 0 },
            version: 1,
          }),
        );
        localStorage.setItem('luoshi.preferences', JSON.stringify({ state: { lang: l }, version: 1 }));
        sessionStorage.setItem('e2e-init', '1');
      }
    },
    [personId, lang] as const,
  );
  await page.goto(`./#${path}`);
  await expect(page.locator('main h1').first()).toBeVisible();
}

/** Switch identity in a running page (the demo bar's identity select). */
export async function switchIdentity(page: Page, personId: string) {
  await page.getByTestId('identity-select').selectOption(personId);
}

export async function expectNoAxeViolations(page: Page) {
  // Colours are checked at rest: a toast or panel still fading in has not reached its real contrast.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, {
    timeout: 5000,
  });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.length} × ${v.help} — ${v.nodes[0]?.target.join(' ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

/**
 * Call the mock API from inside the page (as a script or a curious user would), once the mock
 * service worker controls the page.
 */
export async function apiFetch(
  page: Page,
  path: string,
  init: { method?: string; as?: string; body?: unknown; version?: number } = {},
): Promise<{ status: number; json: unknown }> {
  // The identity in the top bar comes from /api/session: once it shows, the mock API is answering.
  await page.getByTestId('identity').waitFor();
  // Raw fetches go through the mock service worker, which registers in the background.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
  return page.evaluate(
    async ({ path, init }) => {
      const headers: Record<string, string> = { 'X-Luoshi-User': init.as ?? 'u-sup' };
      if (init.body !== undefined) headers['Content-Type'] = 'application/json';
      if (init.version !== undefined) headers['If-Match'] = String(init.version);
      const res = await fetch(path, {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      let json: unknown = null;
      try {
        json = await res.json();
      } catch {
        json = null;
      }
      return { status: res.status, json };
    },
    { path, init },
  );
}
