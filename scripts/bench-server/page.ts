/**
 * The page as an office gets it: the production build served by the Node server (precompressed,
 * long-cached hashed assets, index.html revalidated), signed in, the 总览 dashboard's Largest
 * Contentful Paint against a blank React page served the same way (buildRoot: the same middleware,
 * compression and cache headers), loaded alternately in fresh contexts of headless Chromium, medians.
 *
 * Alone: `npx tsx scripts/bench-server/page.ts` builds what is missing, starts a server on PGlite in a
 * temporary data directory (demo seed, clock at 2024-05-20 10:00 CST), signs in as `sup` and prints
 * one JSON object. BENCH_RUNS sets the loads of each page (default 7).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { chromium } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { DEMO_PASSWORD } from '../../server/auth/demo-accounts';
import { runningClock } from '../../server/config';
import { createLogger } from '../../server/logger';
import { precompress } from '../../server/precompress';
import { buildRoot, startServer } from '../../server/serve';
import type { Store } from '../../src/service/port';

const ROOT = join(import.meta.dirname, '../..');
const BLANK_SRC = join(ROOT, 'scripts/bench/blank');
const BLANK_OUT = join(ROOT, 'bench-results/blank-server');
/** The same Chromium and flags as scripts/bench.ts. */
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};

export interface PageBenchResult {
  serverDashboardLcpMs: number;
  serverBlankLcpMs: number;
  serverLcpRatio: number;
  /** The entry script and its modulepreloads as the server sends them gzip-encoded (KB = 1024 B). */
  entryJsGzipKB: number;
  /** Everything the signed-in dashboard's first load transfers (median, KB): HTML, scripts, CSS, API. */
  transferKB: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** Runs in the page before anything else: the last LCP candidate is the LCP. */
const LCP_PROBE = () => {
  const w = window as unknown as { __lcp: number };
  w.__lcp = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
};

/** A file's bytes as sent with `Accept-Encoding: gzip` (Node's fetch would decode them). */
function gzipBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      let n = 0;
      res.on('data', (chunk: Buffer) => {
        n += chunk.length;
      });
      res.on('end', () =>
        res.statusCode === 200 ? resolve(n) : reject(new Error(`${url}: HTTP ${res.statusCode}`)),
      );
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/** scripts/bench.ts's `entryJsGzipKB`, measured on what the server sends. */
async function entryJsGzipKB(baseUrl: string): Promise<number> {
  const html = await (await fetch(`${baseUrl}/`)).text();
  const srcs = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => new URL(m[1]!, `${baseUrl}/`).href);
  const sizes = await Promise.all([...new Set(srcs)].map(gzipBytes));
  return round(sizes.reduce((a, b) => a + b, 0) / 1024);
}

/**
 * The blank React page (scripts/bench/blank), built like the app (precompressed) and served by the
 * server's own root handler: request log, compression, cache headers, SPA fallback.
 */
/** `port` 0: a free one (the url says which). */
export async function startBlankServer(port: number): Promise<{ url: string; close: () => Promise<void> }> {
  await build({
    root: BLANK_SRC,
    base: './',
    logLevel: 'warn',
    configFile: false,
    plugins: [react(), precompress()],
    build: { outDir: BLANK_OUT, emptyOutDir: true },
  });
  const root = buildRoot({
    app: { fetch: () => new Response(null, { status: 404 }) },
    store: { ping: async () => true } as unknown as Store,
    logger: createLogger({ level: 'silent' }),
    allowIdentityHeader: false,
    distDir: BLANK_OUT,
  });
  const server = serve({ fetch: root.fetch, hostname: '127.0.0.1', port }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export async function benchPage(opts: {
  baseUrl: string;
  blankUrl: string;
  login: string;
  password: string;
  runs: number;
}): Promise<PageBenchResult> {
  const base = opts.baseUrl.replace(/\/$/, '');
  const browser = await chromium.launch(CHROMIUM);
  const dash: number[] = [];
  const blank: number[] = [];
  const transfer: number[] = [];
  try {
    for (let i = 0; i < opts.runs; i++) {
      for (const which of ['dashboard', 'blank'] as const) {
        const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
        try {
          if (which === 'dashboard') {
            // Signed in before the load: the session cookie is in this context's jar.
            const res = await ctx.request.post(`${base}/api/session`, {
              data: { login: opts.login, password: opts.password },
              // What the login page's own request says (the server refuses cross-origin writes).
              headers: { Origin: base },
            });
            if (!res.ok()) throw new Error(`sign-in as ${opts.login}: HTTP ${res.status()}`);
          }
          const page = await ctx.newPage();
          await page.addInitScript(LCP_PROBE);
          await page.goto(which === 'dashboard' ? `${base}/#/` : opts.blankUrl, { waitUntil: 'load' });
          if (which === 'dashboard') {
            // The KPI cards with their numbers: the dashboard's data has arrived and is on screen.
            await page.waitForSelector('[data-testid="kpi-overdue"]', { timeout: 20_000 });
          }
          await page.waitForTimeout(1200);
          const r = await page.evaluate(() => {
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
            const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
            return {
              lcp: (window as unknown as { __lcp: number }).__lcp,
              bytes: nav.transferSize + res.reduce((n, e) => n + e.transferSize, 0),
            };
          });
          if (which === 'dashboard') {
            if (!page.url().includes('#/') || page.url().includes('login')) {
              throw new Error(`the dashboard load ended at ${page.url()}`);
            }
            dash.push(r.lcp);
            transfer.push(r.bytes);
          } else blank.push(r.lcp);
        } finally {
          await ctx.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
  return {
    serverDashboardLcpMs: round(median(dash)),
    serverBlankLcpMs: round(median(blank)),
    serverLcpRatio: round(median(dash) / median(blank), 2),
    entryJsGzipKB: await entryJsGzipKB(base),
    transferKB: round(median(transfer) / 1024),
  };
}

async function cli() {
  const { execFileSync } = await import('node:child_process');
  console.error('[bench:page] production build');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), 'luoshi-bench-page-'));
  const server = await startServer({
    port: 0,
    dataDir,
    distDir: join(ROOT, 'dist'),
    clock: runningClock(Date.parse('2024-05-20T10:00:00+08:00')),
    quiet: true,
    print: () => {},
  });
  const blank = await startBlankServer(0);
  try {
    const out = await benchPage({
      baseUrl: server.url,
      blankUrl: blank.url,
      login: 'sup',
      password: DEMO_PASSWORD,
      runs: Number(process.env.BENCH_RUNS ?? 7),
    });
    console.log(JSON.stringify(out));
  } finally {
    await blank.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  cli().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
