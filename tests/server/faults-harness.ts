import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../server/auth/demo-accounts';

/**
 * What the fault tests share: the server as a child process (so it can be killed with SIGKILL), a
 * signed-in client, a raw socket, and a private throwaway PostgreSQL cluster (so the machine's
 * shared server is never stopped). Everything listens on 127.0.0.1, on ports from
 * LUOSHI_TEST_PORT_BASE (default 4800) upwards.
 */
export const ROOT = join(import.meta.dirname, '../..');
export const PORT_BASE = Number(process.env.LUOSHI_TEST_PORT_BASE ?? 4800);
/** The seed's "today", as the demo shows it. */
export const SEED_CLOCK = '2024-05-20T10:00:00+08:00';

export interface Child {
  url: string;
  port: number;
  process: ChildProcess;
  /** Everything it printed on stderr (a crash or an unhandled error shows here). */
  stderr(): string;
  /** SIGKILL, and wait until it is gone. */
  kill9(): Promise<void>;
  /** SIGTERM (a clean stop), and wait. */
  stop(): Promise<number | null>;
}

export async function waitReady(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (r.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} not ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** `node --import tsx server/main.ts` with `env` (PORT, LUOSHI_DATA_DIR or DATABASE_URL, …), ready. */
export async function startChild(
  port: number,
  env: Record<string, string>,
  readyMs = 120_000,
): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      LUOSHI_CLOCK: SEED_CLOCK,
      DATABASE_URL: '',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = `http://127.0.0.1:${port}`;
  await Promise.race([
    waitReady(url, readyMs),
    exited.then((code) => {
      throw new Error(`server exited (${code}) before ready: ${stderr}`);
    }),
  ]);
  return {
    url,
    port,
    process: child,
    stderr: () => stderr,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A signed-in client: its cookie and a fetch that sends it with the page's Origin. */
export interface Client {
  cookie: string;
  fetch(path: string, init?: RequestInit & { ifMatch?: number | string }): Promise<Response>;
}

export async function signIn(url: string, login: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${login}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return clientWith(url, cookie);
}

export function clientWith(url: string, cookie: string): Client {
  return {
    cookie,
    fetch(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('Cookie', cookie);
      headers.set('Origin', url);
      if (init.body !== undefined && !headers.has('Content-Type'))
        headers.set('Content-Type', 'application/json');
      if (init.ifMatch !== undefined) headers.set('If-Match', String(init.ifMatch));
      return fetch(`${url}${path}`, { ...init, headers });
    },
  };
}

/** Send raw bytes on a new connection; resolves with what came back once the server closes it (or after `waitMs`). */
export function rawRequest(
  port: number,
  chunks: (string | Buffer)[],
  opts: { waitMs?: number; gapMs?: number; destroyAfterWrite?: boolean } = {},
): Promise<{ text: string; closedByServer: boolean; ms: number }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const sock = netConnect(port, '127.0.0.1');
    let text = '';
    let settled = false;
    const done = (closedByServer: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.destroy();
      resolve({ text, closedByServer, ms: Date.now() - t0 });
    };
    const timer = setTimeout(() => done(false), opts.waitMs ?? 5_000);
    sock.on('data', (d) => {
      text += d;
    });
    sock.on('close', () => done(true));
    sock.on('error', () => done(true));
    sock.on('connect', async () => {
      for (const c of chunks) {
        if (sock.destroyed) return;
        sock.write(c);
        if (opts.gapMs) await new Promise((r) => setTimeout(r, opts.gapMs));
      }
      if (opts.destroyAfterWrite) done(false);
    });
  });
}

/** Deterministic pseudo-random numbers (mulberry32): the same seed, the same requests. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

/** The newest installed PostgreSQL server binaries (Debian: /usr/lib/postgresql/<n>/bin), or null. */
export function pgBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length ? join(base, versions.at(-1)!, 'bin') : null;
}

/**
 * A private PostgreSQL cluster in a temporary folder, on its own port and socket folder: the test
 * may stop it (`-m immediate`, as a crash) and start it again without touching the machine's
 * shared server. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
 */
export class PrivateCluster {
  readonly dir: string;
  readonly url: string;
  private readonly bin: string;

  constructor(
    readonly port: number,
    bin: string,
  ) {
    this.bin = bin;
    this.dir = mkdtempSync(join(tmpdir(), 'luoshi-pgc-'));
    chmodSync(this.dir, 0o777);
    this.url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  }

  private run(tool: string, args: string[]): string {
    const asRoot = process.getuid?.() === 0;
    const [cmd, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(this.bin, tool), ...args]]
      : [join(this.bin, tool), args];
    return execFileSync(cmd, argv, { cwd: this.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  init(): void {
    // fsync off: a test cluster on a shared machine; "immediate" stops still lose nothing committed
    // that the OS has (only a power cut would).
    this.run('initdb', [
      '-D',
      join(this.dir, 'data'),
      '-U',
      'postgres',
      '-A',
      'trust',
      '--no-sync',
      '-E',
      'UTF8',
    ]);
  }

  start(): void {
    this.run('pg_ctl', [
      '-D',
      join(this.dir, 'data'),
      '-l',
      join(this.dir, 'log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40`,
      'start',
    ]);
  }

  /** As if the server died: no shutdown checkpoint, every connection cut. */
  stopImmediate(): void {
    this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  }

  destroy(): void {
    try {
      this.stopImmediate();
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A body that must never appear in an answer: a stack trace, a file position, SQL or driver text. */
export const LEAK =
  /\n\s+at |\bat [\w$.<>]+ \(|\.[cm]?[jt]s:\d+(:\d+)?|node:internal|node_modules|syntax error at or near|relation "|violates [\w-]+ constraint|invalid input syntax for|column "|kysely|PGlite|pg_catalog/i;

/** Under CI=true a missing prerequisite fails the run instead of skipping the test. */
export function IN_CI_OR_FAIL(present: boolean, what: string): void {
  if (!present && process.env.CI === 'true') throw new Error(`${what} missing, and CI=true forbids skipping`);
}
