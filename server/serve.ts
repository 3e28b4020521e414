import type { Server } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { compress } from 'hono/compress';
import type { Logger } from 'pino';
import { buildSeedDb } from '../mocks/seed/build-seed';
import { nowMs } from '../src/domain/clock';
import { IDENTITY_HEADER } from '../src/domain/contract';
import { CLIENT_ADDRESS_HEADER, createApp as createHttpApp } from '../src/http/app';
import type { AuthDeps, DatasetSource } from '../src/service';
import { DEFAULT_SESSION_SETTINGS, type SessionSettings } from '../src/service/auth/policy';
import type { Passwords } from '../src/service/auth/port';
import type { DeliveryInfo } from '../src/service/context';
import type { Db } from '../src/service/db';
import type { Store } from '../src/service/port';
import { demoAccountsNotice, demoCredentials } from './auth/demo-accounts';
import { createPasswords } from './auth/passwords';
import { isLoopback } from './config';
import { deliveryInfo, type JobsOptions, type RunningJobs, startJobs } from './jobs/start';
import { createLogger, requestLog } from './logger';
import { mountSpa } from './static';
import { createPgStore, type PgStore } from './store/pg-store';

/** What the HTTP app needs (src/http/app.ts `createApp`). */
export interface AppDeps {
  store: Store;
  clock: () => number;
  demo: boolean;
  allowIdentityHeader: boolean;
  datasets?: DatasetSource;
  auth?: AuthDeps;
  delivery?: DeliveryInfo;
}

/** What a demo server's reset restores: the seed, or the 10,000-task set (its generator loads on demand). */
function datasetsFor(passwords: Passwords): DatasetSource {
  return {
    build: async (dataset) =>
      dataset === 'large' ? (await import('../mocks/seed/build-large')).buildLargeDb() : buildSeedDb(),
    credentials: (data) => demoCredentials(data, passwords),
  };
}

/** What a new database starts with: the demo (data and demo accounts), or only the organisation. */
export type SeedMode = 'demo' | 'org';
export const orgOnly = (): Db => ({
  ...buildSeedDb(),
  settings: { scoring: buildSeedDb().settings.scoring },
  people: [],
  meetings: [],
  directives: [],
  tasks: [],
  reports: [],
  assessments: [],
  audit: [],
  reminders: [],
  alignmentDismissed: {},
  seq: {},
});
export interface HttpApp {
  fetch: (request: Request) => Response | Promise<Response>;
  routes?: readonly { method: string; path: string }[];
}
export type CreateApp = (deps: AppDeps) => HttpApp;

export interface StartOptions {
  /** Default 127.0.0.1. The identity header is believed only on a loopback host. */
  host?: string;
  /** Default 8080; 0 = a free port (tests). */
  port?: number;
  /** Real PostgreSQL; otherwise PGlite in `dataDir`, or in memory with `memory: true`. */
  databaseUrl?: string;
  dataDir?: string;
  memory?: boolean;
  /** Use this store instead of opening one (it is closed with the server). */
  store?: Store;
  /** Allow the demo reset and tell the app it is a demo. */
  demoReset?: boolean;
  /** The built SPA; default ./dist. */
  distDir?: string;
  clock?: () => number;
  seed?: () => Db;
  logger?: Logger;
  /** No logs at all (tests); ignored when `logger` is given. */
  quiet?: boolean;
  /** Replace the HTTP app (tests of the server shell). */
  createApp?: CreateApp;
  /** How long (ms) close() lets in-flight requests finish before cutting connections. Default 10 s. */
  graceMs?: number;
  /**
   * Tests only, and only from code (no environment variable turns it on): believe the demo identity
   * header instead of sessions, so the contract suite can act as anyone.
   */
  testIdentityHeader?: boolean;
  /** Session lifetimes and cookie security (defaults: 30 min idle, 12 h absolute, not Secure). */
  sessions?: Partial<SessionSettings>;
  /** What an empty database is seeded with (default: the demo). */
  seedMode?: SeedMode;
  /** Password hashing (default argon2id). */
  passwords?: Passwords;
  /** Where the one-time notices (demo accounts, first account) go; default stdout. */
  print?: (text: string) => void;
  /** The reminder jobs (scheduler and workers); off unless given (main.ts passes the environment's). */
  jobs?: JobsOptions;
  /** Slow clients: see `HttpLimits` (defaults: headers within 10 s, the whole request within 60 s). */
  limits?: Partial<HttpLimits>;
}

/**
 * How long a client may take to send its request (Node's http server cuts it off with a 408 and
 * closes the connection): a client that trickles its headers (slowloris) holds a socket for at most
 * `headersTimeoutMs`. Node checks these every `checkEveryMs`.
 */
export interface HttpLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  checkEveryMs: number;
}
export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  checkEveryMs: 1_000,
};

/** What a malformed or too slow request gets, in the contract's error shape, before the connection closes. */
function clientErrorAnswer(err: NodeJS.ErrnoException): string {
  const [status, reason, code, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'header-fields-too-large', '请求头过大 (headers too large)']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'request-timeout', '请求超时 (request timeout)']
        : [400, 'Bad Request', 'bad-request', '请求格式错误 (malformed request)'];
  const body = JSON.stringify({ error: { code, message } });
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=UTF-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  logger: Logger;
  /** The reminder jobs of this process, when they run. */
  jobs: RunningJobs | null;
  /** Stop accepting, let in-flight requests finish (bounded by graceMs), close the store. */
  close(): Promise<void>;
}

export const IDENTITY_NOTE_ON =
  'TEST MODE: the identity header is believed (tests only; never in production)';
export const IDENTITY_NOTE_OFF = 'sign-in with password and session cookie; the identity header is refused';

export const FIRST_ACCOUNT_HINT = [
  'No account exists yet. Create the first one (a 督查室 supervisor) with:',
  '  npm run luoshi -- user add --login <login> --name <姓名> --unit <unit id> --role supervisor',
  'It asks for the password (at least 12 characters). There is no default password.',
].join('\n');

/** A `/api/tasks/:id`-style pattern matcher over the app's routes, for the log's `route` field. */
function routeMatcher(app: HttpApp): (method: string, path: string) => string | null {
  const routes = (app.routes ?? [])
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api'))
    .map((r) => ({
      method: r.method,
      path: r.path,
      re: new RegExp(
        `^${r.path
          .split('/')
          .map((s) =>
            s.startsWith(':') ? '[^/]+' : s === '*' ? '.*' : s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
          )
          .join('/')}$`,
      ),
    }));
  return (method, path) => {
    if (!path.startsWith('/api')) return null;
    const m = method === 'HEAD' ? 'GET' : method;
    return routes.find((r) => r.method === m && r.re.test(path))?.path ?? '/api/*';
  };
}

/** The whole Node-side handler: logs, compression, probes, the API app, the SPA. */
export function buildRoot(o: {
  app: HttpApp;
  store: Store;
  logger: Logger;
  allowIdentityHeader: boolean;
  distDir: string;
}): Hono {
  const root = new Hono();
  root.use(
    requestLog(o.logger, {
      allowIdentityHeader: o.allowIdentityHeader,
      identityHeader: IDENTITY_HEADER,
      routeOf: routeMatcher(o.app),
    }),
  );
  // gzip/deflate (CompressionStream, Node ≥ 18) for bodies over 1 KiB of a compressible type.
  root.use(compress());
  root.get('/healthz', (c) => c.json({ status: 'ok' }));
  root.get('/readyz', async (c) =>
    (await o.store.ping())
      ? c.json({ status: 'ready' })
      : c.json({ status: 'unavailable', reason: 'database not answering' }, 503),
  );
  // The API is the app as a whole (its own 404s and error shape); /api never falls back to the SPA.
  const api = async (c: Context) => {
    // The client's address as this server saw it; whatever a client sent under that name is replaced.
    const raw = c.req.raw;
    const headers = new Headers(raw.headers);
    headers.set(CLIENT_ADDRESS_HEADER, getConnInfo(c).remote.address ?? '');
    const init: RequestInit & { duplex?: 'half' } = { method: raw.method, headers, signal: raw.signal };
    if (raw.body) Object.assign(init, { body: raw.body, duplex: 'half' });
    return o.app.fetch(new Request(raw.url, init));
  };
  root.all('/api', api);
  root.all('/api/*', api);
  mountSpa(root, o.distDir);
  root.onError((e, c) => {
    o.logger.error({ err: e }, 'unhandled');
    return c.json({ error: { code: 'server-error', message: '服务器内部错误 (internal error)' } }, 500);
  });
  return root;
}

function assertPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolveFree, rejectTaken) => {
    const probe = createNetServer();
    probe.once('error', rejectTaken);
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolveFree()));
  });
}

/** How an empty database is seeded, for the server and the operators' CLI alike. */
export function seedOptions(seedMode: SeedMode, passwords: Passwords, print: (text: string) => void) {
  return {
    seed: seedMode === 'org' ? orgOnly : () => buildSeedDb(),
    seedCredentials: seedMode === 'demo' ? (data: Db) => demoCredentials(data, passwords) : undefined,
    onSeeded: (data: Db) => {
      if (seedMode === 'demo' && data.people.length) print(demoAccountsNotice(data));
    },
  };
}

/** Open the store, build the app and listen. Rejects on a bad start (the store is closed again). */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const logger = opts.logger ?? createLogger({ level: opts.quiet ? 'silent' : 'info' });
  const allowIdentityHeader = opts.testIdentityHeader === true;
  const demo = opts.demoReset ?? false;
  const print = opts.print ?? ((text: string) => process.stdout.write(`${text}\n`));
  logger.info(
    {
      identity: allowIdentityHeader ? IDENTITY_NOTE_ON : IDENTITY_NOTE_OFF,
      loopback: isLoopback(host),
      host,
      database: opts.store
        ? 'given'
        : opts.databaseUrl
          ? 'postgresql'
          : opts.memory
            ? 'pglite (memory)'
            : 'pglite',
      demoReset: demo,
    },
    'luoshi starting',
  );
  // Fail fast on a taken port, before the store's start (PGlite's takes seconds); listen() checks again.
  if (opts.port !== 0) await assertPortFree(host, opts.port ?? 8080);
  const passwords = opts.passwords ?? (await createPasswords());
  const seedMode = opts.seedMode ?? 'demo';
  const t0 = performance.now();
  const store =
    opts.store ??
    (await createPgStore({
      databaseUrl: opts.databaseUrl,
      dataDir: opts.memory ? undefined : (opts.dataDir ?? './data'),
      allowReset: demo,
      ...seedOptions(seedMode, passwords, print),
      ...(opts.seed ? { seed: opts.seed } : {}),
    }));
  if (store.auth && (await store.auth.credentials()).length === 0) print(FIRST_ACCOUNT_HINT);
  const auth: AuthDeps | undefined = store.auth
    ? { port: store.auth, passwords, sessions: { ...DEFAULT_SESSION_SETTINGS, ...opts.sessions } }
    : undefined;
  const storeMs = Math.round(performance.now() - t0);
  const timings = 'timings' in store ? (store as { timings: unknown }).timings : undefined;
  try {
    // Every committed write wakes the reminder jobs (a manual 催办 goes out at once, not at the next interval).
    let wake = () => {};
    const appStore: Store = Object.assign(Object.create(store) as Store, {
      write: <T>(fn: Parameters<Store['write']>[0]) =>
        store.write(fn as never).then((r) => {
          wake();
          return r as T;
        }),
    });
    const app = (opts.createApp ?? (createHttpApp as unknown as CreateApp))({
      store: appStore,
      clock: opts.clock ?? nowMs,
      demo,
      allowIdentityHeader,
      datasets: demo ? datasetsFor(passwords) : undefined,
      auth,
      delivery: opts.jobs?.enabled !== false && opts.jobs ? deliveryInfo(opts.jobs) : undefined,
    });
    const root = buildRoot({ app, store, logger, allowIdentityHeader, distDir: opts.distDir ?? './dist' });
    const limits = { ...DEFAULT_HTTP_LIMITS, ...opts.limits };
    const server = serve({
      fetch: root.fetch,
      hostname: host,
      port: opts.port ?? 8080,
      serverOptions: {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs),
        connectionsCheckingInterval: limits.checkEveryMs,
      },
    }) as Server;
    // Node's own answer is plain text; ours keeps the error shape. A reset socket gets nothing.
    server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
      if (
        err.code !== 'ECONNRESET' &&
        socket.writable &&
        !(socket as { _httpMessage?: unknown })._httpMessage
      )
        socket.end(clientErrorAnswer(err));
      else socket.destroy();
    });
    await new Promise<void>((resolveListen, rejectListen) => {
      server.once('listening', resolveListen);
      server.once('error', rejectListen);
    });
    server.on('error', (e) => logger.error({ err: e }, 'server error'));
    const port = (server.address() as AddressInfo).port;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    logger.info({ url, storeMs, store: timings }, 'luoshi listening');
    // The jobs use their own short queries on the store's pool; requests never wait on a delivery.
    const kysely = (store as Partial<PgStore>).kysely;
    const jobs =
      opts.jobs && opts.jobs.enabled !== false && kysely
        ? startJobs({ ...opts.jobs, store, kysely, clock: opts.clock ?? nowMs, baseUrl: url, logger })
        : null;
    if (jobs && opts.jobs?.intervalMs !== 0) wake = jobs.kick;
    let closing: Promise<void> | null = null;
    const close = () =>
      (closing ??= (async () => {
        const graceMs = opts.graceMs ?? 10_000;
        await new Promise<void>((done) => {
          const cut = setTimeout(() => {
            logger.warn({ graceMs }, 'in-flight requests cut at the end of the grace period');
            server.closeAllConnections();
          }, graceMs);
          server.close(() => {
            clearTimeout(cut);
            done();
          });
          // Keep-alive connections with no request in flight would hold close() open.
          server.closeIdleConnections();
        });
        // The round in progress finishes (what it claimed is delivered and recorded) before the store closes.
        await jobs?.stop();
        await store.close();
        logger.info('luoshi stopped');
      })());
    return { url, port, store, logger, jobs, close };
  } catch (e) {
    await store.close().catch(() => {});
    throw e;
  }
}
