import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { buildSeedDb } from '../../mocks/seed/build-seed';
import { demoQueue, getDb, initDb } from '../../mocks/store/instance';
import { pgJobQueue } from '../../server/jobs/pg-queue';
import { type RunningServer, startServer } from '../../server/serve';
import { createPgStore, type PgStore } from '../../server/store/pg-store';
import { setTransport } from '../../src/api/client';
import { nowMs } from '../../src/domain/clock';
import type { Db } from '../../src/service/db';
import { scheduleOnce, workOnce } from '../../src/service/jobs/jobs';

/**
 * The backend a contract test runs against, chosen by LUOSHI_BACKEND (the vitest project sets it):
 * - demo: the demo store behind the HTTP app, through msw (as in the browser);
 * - pglite: the Node server over real HTTP on an in-memory PGlite;
 * - postgres: the Node server over real HTTP on the machine's PostgreSQL, a fresh database per file.
 * The same test files run against each; what they read back is the store's own data (for the
 * server, loaded from the database itself, not from the server's cache).
 */
export type BackendName = 'demo' | 'pglite' | 'postgres';
export const BACKEND = (process.env.LUOSHI_BACKEND ?? 'demo') as BackendName;

/** The PostgreSQL server the `postgres` runs use (trust auth on loopback, as on CI). */
export const POSTGRES_ADMIN_URL = process.env.LUOSHI_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

let server: RunningServer | null = null;
let store: PgStore | null = null;
let dbName: string | null = null;

async function createDatabase(): Promise<string> {
  const name = `luoshi_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  dbName = name;
  const u = new URL(POSTGRES_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function dropDatabase() {
  if (!dbName) return;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  dbName = null;
}

/** The contract suite signs nobody in: no argon2 work per reset. */
const fastPasswords = {
  dummyHash: 'x',
  hash: async (p: string) => `plain:${p}`,
  verify: async (h: string, p: string) => h === `plain:${p}`,
};

async function startBackend() {
  if (BACKEND === 'demo') return;
  const databaseUrl = BACKEND === 'postgres' ? await createDatabase() : undefined;
  store = await createPgStore({ databaseUrl, seed: buildSeedDb, allowReset: true });
  server = await startServer({
    store,
    host: '127.0.0.1',
    port: 0,
    clock: nowMs,
    demoReset: true,
    quiet: true,
    // The suite acts as every identity through the header: a switch only code can turn on.
    testIdentityHeader: true,
    passwords: fastPasswords,
    print: () => {},
  });
  const base = server.url;
  setTransport(async (request) => {
    const u = new URL(request.url);
    // As a browser on the server's own page would: the server refuses unsafe requests from elsewhere.
    const headers = new Headers(request.headers);
    headers.set('Origin', base);
    const res = await fetch(
      new Request(`${base}${u.pathname}${u.search}`, new Request(request, { headers })),
    );
    // Tests read back what the database holds after each answer, as they would read the demo's memory.
    cache = await store!.loadFresh();
    return res;
  });
  cache = await store.loadFresh();
}

let cache: Db | null = null;

/**
 * The stored data, synchronously: the demo's memory, or for a server the database as loaded after
 * the last answer (tests call `commit()` after editing it in place to arrange a case).
 */
export function stored(): Db {
  if (BACKEND === 'demo') return getDb().data;
  return cache!;
}

/** Store in-place edits of `stored()` (a test arranging its starting point). */
export async function commit(): Promise<void> {
  if (BACKEND === 'demo') {
    getDb().commit();
    return;
  }
  await store!.write((tx) => tx.replaceAll(structuredClone(cache!)));
  cache = await store!.loadFresh();
}

async function stopBackend() {
  if (BACKEND === 'demo') return;
  await server?.close();
  server = null;
  store = null;
  setTransport((r) => fetch(r));
  if (BACKEND === 'postgres') await dropDatabase();
}

const seed = buildSeedDb();

/** Put the seed back: the demo boots a fresh store, a server's database is replaced in one transaction. */
export async function resetBackend(): Promise<void> {
  if (BACKEND === 'demo') {
    initDb(null);
    return;
  }
  await store!.write((tx) => tx.replaceAll(structuredClone(seed)));
  cache = await store!.loadFresh();
}

/** A digest of everything but the audit log, to prove a refused write stored nothing else. */
export function digest(): string {
  const { audit: _audit, seq, ...rest } = stored();
  const canonical = JSON.stringify(
    { ...rest, seq: Object.fromEntries(Object.entries({ ...seq, audit: 0 }).sort()) },
    (_k, v) => (Array.isArray(v) ? v : v && typeof v === 'object' ? sortKeys(v) : v),
  );
  return createHash('sha1').update(canonical).digest('hex');
}
function sortKeys(o: Record<string, unknown>) {
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );
}

/** Call at the top of a contract test file. */
export function againstBackend(): void {
  beforeAll(startBackend, 120_000);
  afterAll(stopBackend, 60_000);
  beforeEach(resetBackend, 30_000);
}

/** The store behind the API under test (for service-level cases no request can reach). */
export function backendStore(): import('../../src/service/port').Store {
  if (BACKEND === 'demo') return getDb();
  return store!;
}

/** After writing to the store directly, read it back (for `stored()`). */
export async function reload(): Promise<void> {
  if (BACKEND !== 'demo') cache = await store!.loadFresh();
}

/**
 * One round of the reminder jobs on this backend's queue (the demo's memory, or the server's tables),
 * with delivery that always succeeds (the server tests deliver for real).
 */
export async function runReminderJobs(): Promise<void> {
  const deps = {
    store: backendStore(),
    queue: BACKEND === 'demo' ? demoQueue() : pgJobQueue(store!.kysely),
    channels: { email: async () => {}, webhook: async () => {} },
    clock: nowMs,
    baseUrl: 'http://luoshi.test',
    workerId: 'contract',
  };
  await scheduleOnce(deps);
  await workOnce(deps);
}
