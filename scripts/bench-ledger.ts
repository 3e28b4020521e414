/**
 * `npm run bench:ledger`: how fast the 督办台账 shows new rows after a filter or sort change with the
 * 10,000-task demo dataset, in headless Chromium (Debian's /usr/bin/chromium) against the demo build.
 *
 * Builds the demo if dist-demo is missing (or with --build), serves it on loopback, opens the ledger as
 * the supervision office, switches to the large dataset through the demo settings dialog, then:
 * - filter: types a new search term and presses Enter; the clock starts at the Enter keydown;
 * - sort: clicks a column header; the clock starts at the click;
 * and stops once the table shows the rows of the new query and the browser has painted them (a
 * MutationObserver sees the page's `data-rows-for` switch to the new query; then the next frame plus
 * a task, i.e. after the paint). Every run uses a query not asked before, so nothing comes from a cache.
 * Prints one JSON line: { "ledgerFilterMs": median, "ledgerSortMs": median, "tasks": 10000 } (details on
 * stderr). Numbers depend on the machine; compare runs on the same one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from '@playwright/test';
import { serveStatic } from './bench/static-server';

// Port 0: the system picks a free one, so the benchmark never collides with a running preview server.
const PORT = Number(process.env.BENCH_LEDGER_PORT ?? 0);
const FILTER_TERMS = [
  '科技',
  '人才',
  '平台',
  '合肥',
  '阜阳',
  '创新',
  '产业',
  '机制',
  '企业',
  '成果',
  '研发',
  '芜湖',
  '实验室',
  '省财政厅',
  '刘洋',
  '体系',
  '高校',
];
// Each header twice (ascending, then descending): every click asks for an order not asked before.
const SORT_COLUMNS = [
  '完成时限',
  '进度',
  '牵头单位',
  '任务',
  '状态',
  '预警',
  '最近报告',
  '责任人',
  '所属部署',
].flatMap((c) => [c, c]);
const log = (...a: unknown[]) => console.error('[bench-ledger]', ...a);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (n: number) => Math.round(n * 10) / 10;

if (process.argv.includes('--build') || !existsSync('dist-demo/index.html')) {
  log('building the demo…');
  const r = spawnSync('npx', ['vite', 'build', '--mode', 'demo', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/**
 * Arms the page: `window.__bench.done` resolves with ms from the trigger event to the first paint of
 * the new query's rows. Plain source text, so the bundler's helpers never leak into the page.
 */
const ARM = `(kind) => {
  const before = document.querySelector('.ledger')?.getAttribute('data-rows-for');
  const state = { t0: 0, done: null };
  state.done = new Promise((resolve) => {
    const obs = new MutationObserver(() => {
      const now = document.querySelector('.ledger')?.getAttribute('data-rows-for');
      if (!now || now === 'stale' || now === before || state.t0 === 0) return;
      obs.disconnect();
      // rAF runs just before the paint; a task queued from it runs just after.
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - state.t0), 0));
    });
    obs.observe(document.querySelector('.ledger'), { attributes: true, attributeFilter: ['data-rows-for'] });
  });
  const start = () => { state.t0 = performance.now(); };
  if (kind === 'enter') window.addEventListener('keydown', (e) => { if (e.key === 'Enter') start(); }, { capture: true, once: true });
  else window.addEventListener('click', start, { capture: true, once: true });
  window.__bench = state;
}`;

async function arm(page: Page, trigger: 'enter' | 'click'): Promise<void> {
  await page.evaluate(`(${ARM})(${JSON.stringify(trigger)})`);
}

const result = (page: Page) => page.evaluate('window.__bench.done') as Promise<number>;

async function main() {
  const server = await serveStatic(process.env.BENCH_DIR ?? 'dist-demo', PORT);
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    page.on('dialog', (d) => d.accept());
    await page.addInitScript(() => {
      if (sessionStorage.getItem('bench-init')) return;
      localStorage.clear();
      const demo = { personId: 'u-sup', clockDate: '2024-05-20', latencyMs: 0, errorRate: 0 };
      localStorage.setItem('luoshi.demo', JSON.stringify({ state: demo, version: 1 }));
      localStorage.setItem('luoshi.preferences', JSON.stringify({ state: { lang: 'zh' }, version: 1 }));
      sessionStorage.setItem('bench-init', '1');
    });
    await page.goto(`http://127.0.0.1:${port}/#/ledger`);
    await page.getByTestId('ledger-total').waitFor({ timeout: 30_000 });
    log('switching to the 10,000-task dataset…');
    await page.getByRole('button', { name: '演示设置' }).click();
    const dialog = page.getByRole('dialog', { name: '演示设置' });
    await dialog.getByLabel('演示数据').selectOption('large');
    await dialog.getByRole('button', { name: '重置演示数据' }).click();
    await page.getByTestId('ledger-total').filter({ hasText: '10,000' }).waitFor({ timeout: 60_000 });
    await dialog.getByRole('button', { name: '关闭' }).click();
    const tasks = Number((await page.getByTestId('ledger-total').textContent())!.replace(/\D/g, ''));

    const search = page.getByTestId('ledger-search');
    const filterMs: number[] = [];
    // The first term warms up the JIT and the server's search index; it is not counted.
    for (const [i, term] of FILTER_TERMS.entries()) {
      await arm(page, 'enter');
      await search.fill(term);
      await search.press('Enter');
      const ms = await result(page);
      if (i > 0) filterMs.push(ms);
      log(`filter “${term}”: ${round(ms)} ms${i === 0 ? ' (warm-up)' : ''}`);
    }
    // Back to all 10,000 tasks for the sorts (not measured: that view is in the query cache).
    await page.getByRole('button', { name: /^移除筛选：搜索/ }).click();
    await page.getByTestId('ledger-total').filter({ hasText: '10,000' }).waitFor();
    await page.waitForTimeout(300);

    const sortMs: number[] = [];
    for (const [i, col] of SORT_COLUMNS.entries()) {
      await arm(page, 'click');
      await page.getByRole('columnheader', { name: col }).getByRole('button').click();
      const ms = await result(page);
      if (i > 0) sortMs.push(ms);
      log(`sort by ${col} ${i % 2 ? 'desc' : 'asc'}: ${round(ms)} ms${i === 0 ? ' (warm-up)' : ''}`);
    }
    const out = { ledgerFilterMs: round(median(filterMs)), ledgerSortMs: round(median(sortMs)), tasks };
    log('filter samples', filterMs.map(round).join(', '));
    log('sort samples', sortMs.map(round).join(', '));
    console.log(JSON.stringify(out));
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
