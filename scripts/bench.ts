/**
 * `npm run bench`: builds what it needs and prints one JSON object with Luoshi's performance figures.
 * - entryJsGzipKB: the production build's entry script plus its modulepreloads, gzipped (KB = 1024 B);
 * - dashboardLcpMs / blankLcpMs / lcpRatio: Largest Contentful Paint of the demo build's dashboard and of
 *   a blank React page built with the same toolchain, loaded alternately in headless Chromium, each in a
 *   fresh browser context, medians of RUNS loads each;
 * - maxLongTaskMs / consoleErrors: the longest main-thread task and console errors during the dashboard load;
 * - firstLoadRequests: API requests the dashboard's first load makes (and how many rounds they take);
 * - ledgerFilterMs, aggregateMs, extractMBps: from scripts/bench-ledger.ts, bench-aggregate.ts, bench-extract.ts.
 * Numbers depend on the machine; compare runs on the same one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { serveStatic } from './bench/static-server';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const log = (...a: unknown[]) => console.error('[bench]', ...a);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

function entryJsGzipKB(): number {
  const html = readFileSync('dist/index.html', 'utf8');
  const srcs = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]!);
  const bytes = [...new Set(srcs)].reduce(
    (n, src) => n + gzipSync(readFileSync(join('dist', src))).length,
    0,
  );
  return round(bytes / 1024);
}

function lastJson(cmd: string, args: string[]): Record<string, unknown> {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  const line = r.stdout
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.trim().startsWith('{'));
  if (!line) throw new Error(`${cmd} ${args.join(' ')} printed no JSON (exit ${r.status})`);
  return JSON.parse(line) as Record<string, unknown>;
}

const LCP_PROBE = () => {
  const w = window as unknown as { __lcp: number; __long: number[]; __kpi: number };
  w.__lcp = 0;
  w.__long = [];
  w.__kpi = 0;
  // When the KPI cards first show their numbers (data from the API), to report beside the LCP.
  new MutationObserver(() => {
    if (!w.__kpi && document.querySelector('[data-testid="kpi-overdue"]')) {
      requestAnimationFrame(() => {
        w.__kpi = performance.now();
      });
    }
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* longtask is Chromium-only */
  }
};

async function lcp() {
  log('building the demo and the blank page');
  execFileSync('npx', ['vite', 'build', '--mode', 'demo', '--logLevel', 'warn'], { stdio: 'inherit' });
  await build({
    root: 'scripts/bench/blank',
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: join(process.cwd(), 'bench-results/blank'), emptyOutDir: true },
  });
  const demo = await serveStatic(join(process.cwd(), 'dist-demo'), 4391);
  const blank = await serveStatic(join(process.cwd(), 'bench-results/blank'), 4392);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const dash: number[] = [];
  const kpi: number[] = [];
  const base: number[] = [];
  const longTasks: number[] = [];
  const errors: string[] = [];
  let requests: string[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const which of ['dashboard', 'blank'] as const) {
        const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
        const page = await ctx.newPage();
        await page.addInitScript(LCP_PROBE);
        if (which === 'dashboard') page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        const url = which === 'dashboard' ? 'http://127.0.0.1:4391/#/' : 'http://127.0.0.1:4392/';
        await page.goto(url, { waitUntil: 'load' });
        if (which === 'dashboard')
          await page.waitForSelector('[data-testid="kpi-cards"], main h1', { timeout: 20_000 });
        await page.waitForTimeout(1200);
        const r = await page.evaluate(() => {
          const w = window as unknown as { __lcp: number; __long: number[]; __kpi: number };
          const api = performance
            .getEntriesByName('luoshi:api')
            .map((e) => `${e.startTime.toFixed(0)} ${(e as PerformanceMark).detail as string}`);
          return { lcp: w.__lcp, long: w.__long, api, kpi: w.__kpi };
        });
        if (which === 'dashboard') {
          dash.push(r.lcp);
          kpi.push(r.kpi);
          longTasks.push(...r.long);
          if (i === 0) requests = r.api;
        } else base.push(r.lcp);
        await ctx.close();
      }
    }
  } finally {
    await browser.close();
    demo.close();
    blank.close();
  }
  // Requests that start within 50 ms of each other run in parallel: count the rounds (waterfall depth).
  const starts = requests.map((r) => Number(r.split(' ')[0])).sort((a, b) => a - b);
  let rounds = 0;
  let last = -Infinity;
  for (const s of starts) {
    if (s - last > 50) rounds += 1;
    last = s;
  }
  return {
    dashboardLcpMs: round(median(dash)),
    blankLcpMs: round(median(base)),
    lcpRatio: round(median(dash) / median(base), 2),
    dashboardKpiPaintMs: round(median(kpi)),
    maxLongTaskMs: round(Math.max(0, ...longTasks)),
    consoleErrors: errors.length,
    firstLoadRequests: requests.length,
    firstLoadRequestRounds: rounds,
    firstLoadRequestUrls: requests.map((r) => r.split(' ').slice(1).join(' ')),
  };
}

async function main() {
  log('production build');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const entry = entryJsGzipKB();
  const page = await lcp();
  if (process.env.BENCH_ONLY === 'page') {
    console.log(JSON.stringify({ entryJsGzipKB: entry, ...page }));
    return;
  }
  log('extraction');
  const ex = lastJson('npx', ['tsx', 'scripts/bench-extract.ts']);
  log('aggregations');
  const ag = lastJson('npx', ['tsx', 'scripts/bench-aggregate.ts']);
  log('ledger (10,000 tasks)');
  const lg = lastJson('npx', ['tsx', 'scripts/bench-ledger.ts']);
  const out = {
    entryJsGzipKB: entry,
    ...page,
    ledgerFilterMs: lg.ledgerFilterMs,
    ledgerSortMs: lg.ledgerSortMs,
    aggregateMs: ag.aggregateMs,
    extractMBps: ex.extractMBps,
    runs: RUNS,
    goals: {
      entryJsGzipKB: 170,
      lcpRatio: 2.0,
      ledgerFilterMs: 100,
      aggregateMs: 20,
      extractMBps: 1,
      maxLongTaskMs: 200,
    },
  };
  console.log(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
