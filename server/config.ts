import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The server's environment, checked once at start: a bad value ends the process with one clear
 * line (main.ts), not a stack trace later.
 */
export interface ServerConfig {
  host: string;
  port: number;
  /** Real PostgreSQL when set; otherwise PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** LUOSHI_DEMO_RESET=1: the demo reset (replace everything) is allowed — tests and demo servers only. */
  demoReset: boolean;
  /** The built SPA (vite build). */
  distDir: string;
  logLevel: string;
  /**
   * LUOSHI_CLOCK=<ISO instant>: the server's clock starts there and runs on (demo servers and
   * tests, to show the seed as the demo does). Unset: real time.
   */
  clockStart?: number;
  /** Sessions: idle minutes (sliding), absolute hours, and Secure + __Host- cookies (behind HTTPS). */
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  secureCookies: boolean;
  /** LUOSHI_SEED: what an empty database starts with: `demo` (default) or `org` (units only, no accounts). */
  seedMode: 'demo' | 'org';
  /**
   * LUOSHI_HEADERS_TIMEOUT_MS / LUOSHI_REQUEST_TIMEOUT_MS: a client must send its headers within the
   * first (default 10,000 ms) and its whole request within the second (default 60,000 ms); a slower
   * one gets 408 and its connection is closed.
   */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Reminder delivery: LUOSHI_JOBS=0 (off), LUOSHI_SMTP_URL, LUOSHI_SMTP_FROM, LUOSHI_PUBLIC_URL, LUOSHI_JOBS_INTERVAL_MS. */
  jobs: { enabled: boolean; smtpUrl?: string; smtpFrom?: string; publicUrl?: string; intervalMs: number };
}

/** A setting the process cannot start with; its message is the line printed on stderr. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function parsePort(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isInteger(n) || n < 0 || n > 65_535)
    throw new ConfigError(`PORT must be a number from 0 to 65535, got ${JSON.stringify(raw)}`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const host = (env.HOST ?? '').trim() || '127.0.0.1';
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  const dataDir = resolve(env.LUOSHI_DATA_DIR?.trim() || './data');
  if (!databaseUrl) ensureWritableDir(dataDir, 'LUOSHI_DATA_DIR');
  return {
    host,
    port: parsePort(env.PORT, 8080),
    databaseUrl,
    dataDir,
    demoReset: env.LUOSHI_DEMO_RESET === '1',
    distDir: resolve(env.LUOSHI_DIST_DIR?.trim() || './dist'),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    clockStart: parseClock(env.LUOSHI_CLOCK),
    sessionIdleMinutes: positive(env.LUOSHI_SESSION_IDLE_MINUTES, 30, 'LUOSHI_SESSION_IDLE_MINUTES'),
    sessionMaxHours: positive(env.LUOSHI_SESSION_MAX_HOURS, 12, 'LUOSHI_SESSION_MAX_HOURS'),
    secureCookies: env.LUOSHI_SECURE_COOKIES === '1',
    seedMode: seedModeOf(env.LUOSHI_SEED),
    headersTimeoutMs: positive(env.LUOSHI_HEADERS_TIMEOUT_MS, 10_000, 'LUOSHI_HEADERS_TIMEOUT_MS'),
    requestTimeoutMs: positive(env.LUOSHI_REQUEST_TIMEOUT_MS, 60_000, 'LUOSHI_REQUEST_TIMEOUT_MS'),
    jobs: jobsOf(env),
  };
}

function jobsOf(env: NodeJS.ProcessEnv): ServerConfig['jobs'] {
  const smtpUrl = env.LUOSHI_SMTP_URL?.trim() || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl))
    throw new ConfigError('LUOSHI_SMTP_URL must look like smtp://host:port or smtps://user:pass@host:465');
  const publicUrl = env.LUOSHI_PUBLIC_URL?.trim().replace(/\/+$/, '') || undefined;
  if (publicUrl && !/^https?:\/\/[^/]/.test(publicUrl))
    throw new ConfigError('LUOSHI_PUBLIC_URL must start with http:// or https://');
  return {
    enabled: env.LUOSHI_JOBS?.trim() !== '0',
    smtpUrl,
    smtpFrom: env.LUOSHI_SMTP_FROM?.trim() || undefined,
    publicUrl,
    intervalMs: positive(env.LUOSHI_JOBS_INTERVAL_MS, 5_000, 'LUOSHI_JOBS_INTERVAL_MS'),
  };
}

function positive(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw.trim());
  if (!Number.isFinite(n) || n <= 0)
    throw new ConfigError(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return n;
}

function seedModeOf(raw: string | undefined): 'demo' | 'org' {
  const v = raw?.trim() || 'demo';
  if (v !== 'demo' && v !== 'org')
    throw new ConfigError(`LUOSHI_SEED must be demo or org, got ${JSON.stringify(raw)}`);
  return v;
}

function parseClock(raw: string | undefined): number | undefined {
  if (!raw?.trim()) return undefined;
  const ms = Date.parse(raw.trim());
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw.trim()) || Number.isNaN(ms))
    throw new ConfigError(
      `LUOSHI_CLOCK must be an ISO instant such as 2024-05-20T10:00:00+08:00, got ${JSON.stringify(raw)}`,
    );
  return ms;
}

/** A clock that starts at `start` (ms) and runs on in real time. */
export function runningClock(start: number | undefined): (() => number) | undefined {
  if (start === undefined) return undefined;
  const t0 = Date.now();
  return () => start + (Date.now() - t0);
}

/** The data folder's parent exists (PGlite creates only the last folder) and we may write there. */
export function ensureWritableDir(dir: string, name: string): void {
  try {
    mkdirSync(dirname(dir), { recursive: true });
    accessSync(existsSync(dir) ? dir : dirname(dir), constants.W_OK);
  } catch (e) {
    const code = (e as { code?: string }).code ?? (e as Error).message;
    throw new ConfigError(`${name} ${dir} is not a writable folder (${code})`);
  }
}

/**
 * Whether `host` is a loopback address (127.0.0.0/8, ::1, localhost): only then is the demo
 * identity header believed, since nobody but this machine can reach the server.
 */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.replace(/^::ffff:/, '');
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v4);
  return !!m && m.slice(1).every((o) => Number(o) <= 255);
}

/** A database URL fit for a log line: the password replaced. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}
