#!/usr/bin/env node
// Screenshots of every route in zh and en from the demo build, for looking at what we ship.
// Usage: node scripts/screenshots.mjs [outDir] [port]   (expects `npx vite build --mode demo` first)
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const out = process.argv[2] ?? '/tmp/luoshi-shots';
const port = Number(process.argv[3] ?? 4310);
const routes = (
  process.env.ROUTES ??
  '/,/inbox,/meetings,/meetings/m-2023-0424-ah?d=d-07,/import,/ledger,/ledger/T-0001,/review,/review/report,/units,/units/p-kjt,/alignment,/audit'
).split(',');
mkdirSync(out, { recursive: true });
const server = spawn(
  'npx',
  ['vite', 'preview', '--outDir', 'dist-demo', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
  { stdio: 'ignore', detached: true },
);
await new Promise((r) => setTimeout(r, 2500));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  for (const lang of (process.env.LANGS ?? 'zh,en').split(',')) {
    const ctx = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await ctx.newPage();
    page.on('console', (m) => m.type() === 'error' && console.log(`[console ${lang}]`, m.text()));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page
      .evaluate((l) => {
        localStorage.setItem('luoshi.preferences', JSON.stringify({ state: { lang: l }, version: 1 }));
        localStorage.setItem(
          'luoshi.demo',
          JSON.stringify({
            state: { personId: 'u-sup', clockDate: '2024-05-20', latencyMs: 0, errorRate: 0 },
            version: 1,
          }),
        );
      }, lang)
      .catch(() => {});
    // The stores read localStorage once per page load.
    await page.reload();
    for (const r of routes) {
      await page.goto(`http://127.0.0.1:${port}/#${r}`);
      await page.waitForTimeout(1500);
      const name = `${lang}${r.replace(/[/?=&]+/g, '_') || '_home'}.png`;
      await page.screenshot({ path: `${out}/${name}`, fullPage: process.env.FULL === '1' });
      console.log(`${out}/${name}`);
    }
    await ctx.close();
  }
} finally {
  await browser.close();
  process.kill(-server.pid);
}
