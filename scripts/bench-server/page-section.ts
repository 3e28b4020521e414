import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The page as an office gets it: the production build served by the server, signed in, against a
 * blank React page served the same way. The measuring itself is `./page.ts` (written separately);
 * without it the figures are null with the reason.
 */
interface PageModule {
  benchPage(opts: {
    baseUrl: string;
    blankUrl: string;
    login: string;
    password: string;
    runs: number;
  }): Promise<Record<string, unknown>>;
  startBlankServer(port: number): Promise<{ url: string; close(): Promise<void> }>;
}

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(path)) max = Math.max(max, newest(join(path, e)));
  return max;
}

/** Whether dist/ is older than the sources it is built from. */
function distStale(): boolean {
  if (!existsSync('dist/index.html')) return true;
  const built = statSync('dist/index.html').mtimeMs;
  return ['src', 'index.html', 'vite.config.ts', 'public'].some((p) => existsSync(p) && newest(p) > built);
}

/**
 * Build the production SPA when dist/ is missing or stale. Call it before any server starts: a
 * server mounts the SPA it finds at start (a missing build is answered 503 until a restart).
 */
export function ensureDistBuilt(log: (s: string) => void): void {
  if (!distStale()) return;
  log('page: dist is stale, running vite build');
  execFileSync('npx', ['vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

export async function benchPageSection(opts: {
  baseUrl: string;
  blankPort: number;
  login: string;
  password: string;
  log: (s: string) => void;
}) {
  const file = new URL('./page.ts', import.meta.url);
  if (!existsSync(file))
    return { figures: null, reason: 'scripts/bench-server/page.ts is not on this branch yet' };
  const mod = (await import(file.href)) as PageModule;
  ensureDistBuilt(opts.log);
  const blank = await mod.startBlankServer(opts.blankPort);
  try {
    const figures = await mod.benchPage({
      baseUrl: opts.baseUrl,
      blankUrl: blank.url,
      login: opts.login,
      password: opts.password,
      runs: Number(process.env.BENCH_PAGE_RUNS ?? 7),
    });
    return { figures, goals: { serverLcpRatio: '≤ 1.5', entryJsGzipKB: '≤ 170' } };
  } finally {
    await blank.close();
  }
}
