import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, type KyselyConfig, PostgresDialect } from 'kysely';
import pg from 'pg';
import { toCstIso } from '../../src/domain/clock';

/**
 * One `pg.Pool` under Kysely, for either driver: a real PostgreSQL (`databaseUrl`) or an embedded
 * PGlite (a data folder, or in memory for tests). Everything above this file sees the same pool.
 */
export interface ConnectOptions {
  databaseUrl?: string;
  /** PGlite's data folder; ignored with `databaseUrl`; omitted = in memory. */
  dataDir?: string;
  /**
   * Told of every statement run (SQL text, parameters, duration in ms): the server benchmark records
   * the statements of one request to replay them directly over `pg` (its floor). Unset: no logging cost.
   */
  onQuery?: (sql: string, parameters: readonly unknown[], ms: number) => void;
}

// biome-ignore lint/suspicious/noExplicitAny: the tables are data-driven (tables.ts), not typed one by one.
export type AnyDb = any;

export interface Connection {
  driver: 'postgres' | 'pglite';
  kysely: Kysely<AnyDb>;
  /** Ends the pool, then PGlite. */
  close(): Promise<void>;
}

// Type OIDs (pg_type): parse them ourselves so a row loads into the entity shapes' strings.
const OID_INT8 = 20;
const OID_DATE = 1082;
const OID_TIMESTAMPTZ = 1184;

/** `2024-05-20 02:00:00+00` (any session time zone) → `2024-05-20T10:00:00+08:00`. */
export function parseTimestamptz(v: string): string {
  const iso = v.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  return toCstIso(Date.parse(iso));
}

const TEXT_PARSERS: Record<number, (v: string) => unknown> = {
  // Dates stay `YYYY-MM-DD` (PGlite would otherwise give a JS Date at local midnight).
  [OID_DATE]: (v) => v,
  [OID_TIMESTAMPTZ]: parseTimestamptz,
  // bigint: the revision and the id counters, far below 2^53.
  [OID_INT8]: Number,
};

// Per pool, not pg.types.setTypeParser: nothing else in the process changes how it parses.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    (format !== 'binary' && TEXT_PARSERS[oid]) ||
    pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/** Kysely's `log` option for `onQuery` (errors are reported too: a failed statement still ran). */
function queryLog(onQuery: ConnectOptions['onQuery']): KyselyConfig['log'] {
  if (!onQuery) return undefined;
  return (event) => onQuery(event.query.sql, event.query.parameters, event.queryDurationMillis);
}

export async function connect(opts: ConnectOptions): Promise<Connection> {
  const log = queryLog(opts.onQuery);
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      types,
      max: 10,
      // Fail a start or a request against a dead server within 5 s rather than hang.
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      application_name: 'luoshi',
    });
    // An idle client losing its server emits on the pool; without a listener Node would crash.
    pool.on('error', () => {});
    // So does a checked-out client between two statements (the pool listens only to idle ones): its
    // next query fails (→ 503) and the pool drops it on release, so the process must not die here.
    pool.on('connect', (client) => client.on('error', () => {}));
    return {
      driver: 'postgres',
      kysely: new Kysely<AnyDb>({ dialect: new PostgresDialect({ pool }), log }),
      close: () => pool.end(),
    };
  }
  let pglite: PGlite;
  let unlock = () => {};
  if (opts.dataDir) {
    const dir = resolve(opts.dataDir);
    // PGlite creates only the last folder of its path.
    mkdirSync(dirname(dir), { recursive: true });
    unlock = lockDataDir(dir);
    try {
      pglite = await PGlite.create(dir);
    } catch (e) {
      unlock();
      throw e;
    }
  } else {
    pglite = await PGlite.create();
  }
  // PGlite serves one connection at a time; keep it open (no idle timeout) for the process's life.
  const pool = new pg.Pool({ ...createPgConfig(pglite), types, max: 1, idleTimeoutMillis: 0 });
  pool.on('error', () => {});
  const kysely = new Kysely<AnyDb>({ dialect: new PostgresDialect({ pool }), log });
  return {
    driver: 'pglite',
    kysely,
    async close() {
      await kysely.destroy();
      await pglite.close();
      unlock();
    },
  };
}

/** Raised when a PGlite data folder is already open in another process. */
export class DataDirBusy extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirBusy';
  }
}

/**
 * PGlite has no locking of its own: two processes on one folder would corrupt it. A `<dir>.lock`
 * file holds the owner's pid; a lock whose process is gone (a crash) is taken over.
 */
function lockDataDir(dir: string): () => void {
  const lock = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => rmSync(lock, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(lock, 'utf8').trim());
      if (pid && alive(pid))
        throw new DataDirBusy(
          `${dir} is in use by process ${pid} (PGlite serves one process; use DATABASE_URL for several)`,
        );
      rmSync(lock, { force: true });
    }
  }
  throw new DataDirBusy(`cannot lock ${dir}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '3D000', // the database does not exist
  '28000', // invalid authorization
  '28P01', // wrong password
]);
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error|not queryable|Cannot use a pool after calling end|PGlite is closed/i;

/** Whether an error means "the database cannot answer" (→ StoreUnavailable, HTTP 503) rather than a bug. */
export function isConnectionError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  if (e instanceof AggregateError) return e.errors.some(isConnectionError);
  return CONNECTION_MESSAGES.test(e.message);
}

/** A short human description of a connection failure, e.g. `ECONNREFUSED 127.0.0.1:5999`. */
export function describeConnectionError(e: unknown): string {
  if (e instanceof AggregateError && e.errors[0]) return describeConnectionError(e.errors[0]);
  if (!(e instanceof Error)) return String(e);
  const code = (e as { code?: string }).code;
  return e.message || code || e.name;
}
