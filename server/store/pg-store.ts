import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { toCstIso } from '../../src/domain/clock';
import type { AuthPort, Credential } from '../../src/service/auth/port';
import { DB_VERSION, type Db, DEFAULT_SETTINGS, ENTITY_TABLES, type EntityTable } from '../../src/service/db';
import {
  type Op,
  type ReadModels,
  type Store,
  StoreConflict,
  StoreUnavailable,
} from '../../src/service/port';
import { WorkingSet } from '../../src/service/working-set';
import { pgOutboxReader, REMINDER_TABLES, replayOutbox } from '../jobs/pg-queue';
import { AUTH_TABLES, authPort, replayAuth } from './auth-store';
import {
  type AnyDb,
  type ConnectOptions,
  connect,
  describeConnectionError,
  isConnectionError,
} from './connect';
import { migrate } from './migrations';
import { dashboardSql } from './sql/dashboard';
import { ledgerCollation, listTasksSql } from './sql/ledger';
import { reviewSql } from './sql/review';
import { quarterScoresSql } from './sql/scoring';
import { unitCountsSql, unitTasksSql } from './sql/units';
import { fromJsonRecord, TABLE_COLUMNS, toJsonRecord, toRow } from './tables';

/**
 * The PostgreSQL store behind the service's port. The whole `Db` is cached per database revision
 * (`meta.revision`, bumped by every write), so several processes over one database stay consistent:
 * a read costs one `select revision` while nothing changed. Writes lock the meta row, so they are
 * serialised across processes, and replay the working set's operations as SQL in one transaction.
 */
export interface PgStoreOptions extends ConnectOptions {
  /** The data for an empty database (the server passes `buildSeedDb`). Called only when needed. */
  seed: () => Db;
  /** Accept the demo's replace-everything (LUOSHI_DEMO_RESET=1); refused otherwise. */
  allowReset?: boolean;
  /** Accounts to create with the seed (the demo's); hashed before the seeding transaction. */
  seedCredentials?: (data: Db) => Promise<Credential[]>;
  /** Told once when this start seeded an empty database (the server prints the demo accounts). */
  onSeeded?: (data: Db) => void;
  /** Answer the read models in SQL where the database can (default true; false: always in process). */
  sqlReadModels?: boolean;
  /** Batch sizes in rows (tests make them small to cross chunk boundaries). */
  tuning?: { insertBatchRows?: number; loadChunkRows?: number };
}

export interface PgStore extends Store {
  readonly driver: 'postgres' | 'pglite';
  /** Sign-in's tables (credentials, sessions, failed attempts). */
  readonly auth: AuthPort;
  /** For tests and maintenance scripts: raw SQL against the same pool. */
  readonly kysely: Kysely<AnyDb>;
  /** Startup, in ms: opening the database (PGlite compiles its wasm here), migrating, seeding (≈0 when already seeded). */
  readonly timings: { connectMs: number; migrateMs: number; seedMs: number; loadMs: number };
  /** Load everything from the database, bypassing (and not touching) the cache. */
  loadFresh(): Promise<Db>;
  /** sha-256 (hex) of a canonical JSON of `loadFresh()`: equal digests = unchanged store. */
  digest(): Promise<string>;
}

// Rows per INSERT (as one JSON parameter: ~3 MB for 5,000 tasks).
const BATCH = 5_000;
// Rows per chunk of a snapshot load (~15 MB of JSON for 50,000 audit entries).
const LOAD_CHUNK = 50_000;
// The seeding lock's key (pg_advisory_xact_lock): two servers starting on an empty database seed once.
const SEED_LOCK = 7_345_001;
// /readyz waits this long (ms) for `select 1`.
const PING_TIMEOUT_MS = 2_000;

// Derived tables (the ledger's newest-report table) are emptied with the data they derive from; the
// demo reset empties the reminder queue too: its items name tasks of the data being replaced.
const DATA_TABLES = [
  ...ENTITY_TABLES,
  'settings',
  'counters',
  'alignment_dismissed',
  ...AUTH_TABLES,
  'task_last_report',
  ...REMINDER_TABLES,
];

interface Tuning {
  insertBatchRows: number;
  loadChunkRows: number;
}

interface Snapshot {
  revision: number;
  db: Db;
}

type Executor = Kysely<AnyDb> | Transaction<AnyDb>;

async function loadAll(trx: Executor, tune: Tuning): Promise<Snapshot> {
  const meta = await trx
    .selectFrom('meta')
    .select(['revision', 'dataset'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (!meta) throw new Error('the database has no meta row (not seeded)');
  const entities: Record<string, unknown[]> = {};
  for (const table of ENTITY_TABLES) entities[table] = await loadTable(trx, table, tune.loadChunkRows);
  const settings = await trx.selectFrom('settings').select(['key', 'value']).execute();
  const counters = await trx.selectFrom('counters').select(['name', 'value']).orderBy('name').execute();
  const dismissed = await trx
    .selectFrom('alignment_dismissed')
    .select(['directive_id', 'ids'])
    .orderBy('directive_id')
    .execute();
  const db = {
    version: DB_VERSION,
    dataset: meta.dataset ?? 'seed',
    ...entities,
    settings: { ...DEFAULT_SETTINGS, ...Object.fromEntries(settings.map((s) => [s.key, s.value])) },
    alignmentDismissed: Object.fromEntries(dismissed.map((d) => [d.directive_id, d.ids])),
    seq: Object.fromEntries(counters.map((c) => [c.name, Number(c.value)])),
  } as Db;
  return { revision: Number(meta.revision), db };
}

/**
 * Rows in batches, each one statement with ONE parameter: the batch as JSON, expanded by
 * json_populate_recordset. About 3× faster than a multi-row VALUES list on PGlite (no per-value
 * parameters to bind), and no 65,535-parameter limit to respect.
 */
async function insertRows(
  trx: Executor,
  table: EntityTable,
  entities: readonly object[],
  batch: number,
): Promise<void> {
  const columns = sql.raw(TABLE_COLUMNS[table].map((c) => `"${c.column}"`).join(', '));
  for (let i = 0; i < entities.length; i += batch) {
    const json = JSON.stringify(entities.slice(i, i + batch).map((e) => toJsonRecord(table, e)));
    await sql`insert into ${sql.table(table)} (${columns})
      select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${json}::json)`.execute(trx);
  }
}

/**
 * A table in insertion order, as JSON built by the database (one text value per chunk, parsed by
 * JSON.parse): faster than row-by-row decoding, ~1.5× on PGlite. Chunks of LOAD_CHUNK rows keep
 * each value far below PostgreSQL's 1 GB limit for one text value.
 */
async function loadTable(trx: Executor, table: EntityTable, chunkRows: number): Promise<unknown[]> {
  const columns = sql.raw(TABLE_COLUMNS[table].map((c) => `"${c.column}"`).join(', '));
  const out: unknown[] = [];
  for (let after = 0; ; ) {
    const res = await sql<{ rows: Record<string, unknown>[] | null; last: number | null }>`
      select json_agg(t order by t.ord) as rows, max(t.ord) as last
      from (select ${columns}, ord from ${sql.table(table)} where ord > ${after} order by ord limit ${chunkRows}) t`.execute(
      trx,
    );
    const chunk = res.rows[0]?.rows ?? [];
    for (const r of chunk) out.push(fromJsonRecord(table, r));
    if (chunk.length < chunkRows) return out;
    after = Number(res.rows[0]!.last);
  }
}

async function upsertSettings(trx: Executor, value: Db['settings']): Promise<void> {
  for (const [key, v] of Object.entries(value)) {
    await trx
      .insertInto('settings')
      .values({ key, value: JSON.stringify(v) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql.ref('excluded.value') }))
      .execute();
  }
}

async function upsertDismissed(trx: Executor, directiveId: string, ids: string[]): Promise<void> {
  await trx
    .insertInto('alignment_dismissed')
    .values({ directive_id: directiveId, ids: JSON.stringify(ids) })
    .onConflict((oc) => oc.column('directive_id').doUpdateSet({ ids: sql.ref('excluded.ids') }))
    .execute();
}

async function upsertCounter(trx: Executor, name: string, value: number): Promise<void> {
  await trx
    .insertInto('counters')
    .values({ name, value })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql.ref('excluded.value') }))
    .execute();
}

/** Every row of a `Db` into empty tables (the seed and the demo reset). */
async function insertDb(trx: Executor, data: Db, tune: Tuning): Promise<void> {
  for (const table of ENTITY_TABLES)
    await insertRows(trx, table, (data[table] ?? []) as object[], tune.insertBatchRows);
  await upsertSettings(trx, data.settings);
  for (const [id, ids] of Object.entries(data.alignmentDismissed ?? {})) await upsertDismissed(trx, id, ids);
  for (const [name, value] of Object.entries(data.seq)) await upsertCounter(trx, name, value);
}

async function replay(
  trx: Transaction<AnyDb>,
  ops: readonly Op[],
  allowReset: boolean,
  tune: Tuning,
): Promise<void> {
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    switch (op.kind) {
      case 'insert': {
        // Consecutive inserts into one table go as multi-row INSERTs (an import adds hundreds).
        const rows: object[] = [op.row];
        for (let next = ops[i + 1]; next?.kind === 'insert' && next.table === op.table; next = ops[i + 1]) {
          rows.push(next.row);
          i++;
        }
        await insertRows(trx, op.table, rows, tune.insertBatchRows);
        break;
      }
      case 'update': {
        const { id, ...rest } = toRow(op.table, op.row);
        let q = trx.updateTable(op.table).set(rest).where('id', '=', id);
        if (op.expectVersion !== undefined) q = q.where('version', '=', op.expectVersion);
        const res = await q.executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) throw new StoreConflict(op.table, String(id));
        break;
      }
      case 'settings':
        await upsertSettings(trx, op.value);
        break;
      case 'dismissed':
        await upsertDismissed(trx, op.directiveId, op.ids);
        break;
      case 'seq':
        await upsertCounter(trx, op.name, op.value);
        break;
      case 'auth':
        await replayAuth(trx, op.op);
        break;
      case 'outbox':
        await replayOutbox(trx, op.op);
        break;
      case 'replace': {
        if (!allowReset) throw new Error('this store does not allow replacing everything (demo reset off)');
        // The audit table's TRUNCATE guard lets exactly this statement through.
        await sql`set local luoshi.allow_reset = 'on'`.execute(trx);
        await sql.raw(`truncate ${DATA_TABLES.join(', ')}`).execute(trx);
        await sql`set local luoshi.allow_reset = 'off'`.execute(trx);
        await insertDb(trx, op.data, tune);
        await trx.updateTable('meta').set({ dataset: op.data.dataset }).where('id', '=', 1).execute();
        break;
      }
    }
  }
}

const INSTANT_FIELDS = Object.fromEntries(
  ENTITY_TABLES.map((t) => [t, TABLE_COLUMNS[t].filter((c) => c.kind === 'instant').map((c) => c.field)]),
) as Record<EntityTable, string[]>;

const canonicalRow = (table: EntityTable, row: object) =>
  INSTANT_FIELDS[table].every((f) => {
    const v = (row as Record<string, unknown>)[f];
    return v === null || (typeof v === 'string' && toCstIso(Date.parse(v)) === v);
  });

/** Whether every instant the ops store is already in the `+08:00` form the database gives back. */
function opsReadBackAsWritten(ops: readonly Op[]): boolean {
  return ops.every((op) => {
    if (op.kind === 'insert' || op.kind === 'update') return canonicalRow(op.table, op.row);
    if (op.kind === 'replace')
      return ENTITY_TABLES.every((t) => ((op.data[t] ?? []) as object[]).every((r) => canonicalRow(t, r)));
    return true;
  });
}

/** The optional collections present, as a load from the tables gives them (so cache = database). */
function withOptionals(db: Db): Db {
  return db.reminders && db.alignmentDismissed
    ? db
    : { ...db, reminders: db.reminders ?? [], alignmentDismissed: db.alignmentDismissed ?? {} };
}

/** JSON with object keys sorted at every level, so equal data gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

/** Rethrow a connection failure as StoreUnavailable (the API answers 503); anything else unchanged. */
function translate(e: unknown): never {
  if (isConnectionError(e)) throw new StoreUnavailable(`database unavailable: ${describeConnectionError(e)}`);
  throw e;
}

/** Sign-in's reads with the same translation (they run outside the store's read and write). */
function translatingAuth(port: AuthPort): AuthPort {
  return Object.fromEntries(
    Object.entries(port).map(([name, fn]) => [
      name,
      (...args: unknown[]) => (fn as (...a: unknown[]) => Promise<unknown>)(...args).catch(translate),
    ]),
  ) as unknown as AuthPort;
}

export async function createPgStore(opts: PgStoreOptions): Promise<PgStore> {
  const allowReset = opts.allowReset ?? false;
  const tune: Tuning = {
    insertBatchRows: opts.tuning?.insertBatchRows ?? BATCH,
    loadChunkRows: opts.tuning?.loadChunkRows ?? LOAD_CHUNK,
  };
  const t0 = performance.now();
  const conn = await connect(opts).catch(translate);
  const { kysely } = conn;
  const connectMs = performance.now() - t0;
  let migrateMs = 0;
  let seedMs = 0;
  try {
    await migrate(kysely);
    const t1 = performance.now();
    migrateMs = t1 - t0 - connectMs;
    const empty = !(await kysely.selectFrom('meta').select('id').executeTakeFirst());
    const data = empty ? opts.seed() : null;
    const credentials = data && opts.seedCredentials ? await opts.seedCredentials(data) : [];
    const seeded = await kysely.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
      const meta = await trx.selectFrom('meta').select('id').executeTakeFirst();
      if (meta || !data) return false;
      await insertDb(trx, data, tune);
      for (const credential of credentials) await replayAuth(trx, { kind: 'credential', credential });
      await trx.insertInto('meta').values({ id: 1, revision: 1, dataset: data.dataset }).execute();
      return true;
    });
    if (seeded && data) opts.onSeeded?.(data);
    seedMs = performance.now() - t1;
  } catch (e) {
    await conn.close().catch(() => {});
    translate(e);
  }

  // The ledger in SQL needs an ICU Chinese collation for its text sorts (PostgreSQL has one; PGlite
  // does not, and keeps the in-process ledger).
  const collation = opts.sqlReadModels === false ? null : await ledgerCollation(kysely).catch(translate);
  const readModels: ReadModels | undefined = collation
    ? {
        listTasks: (q, today) => listTasksSql(kysely, q, today, collation).catch(translate),
        dashboard: (args) => dashboardSql(kysely, args).catch(translate),
        review: (args) => reviewSql(kysely, args).catch(translate),
        unitCounts: (today) => unitCountsSql(kysely, today).catch(translate),
        unitTasks: (unitId, today) => unitTasksSql(kysely, unitId, today).catch(translate),
        quarterScores: (quarter, today, scheme, adjustments) =>
          quarterScoresSql(kysely, quarter, today, scheme, adjustments).catch(translate),
      }
    : undefined;

  let cache: Snapshot | null = null;
  let loading: Promise<Snapshot> | null = null;
  const remember = (s: Snapshot) => {
    if (!cache || s.revision >= cache.revision) cache = s;
  };

  const revisionNow = async (): Promise<number> => {
    const row = await kysely
      .selectFrom('meta')
      .select('revision')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(row.revision);
  };

  const snapshot = async (): Promise<Db> => {
    const revision = await revisionNow();
    if (cache?.revision === revision) return cache.db;
    // Concurrent readers after a change share one load.
    loading ??= kysely
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((trx) => loadAll(trx, tune))
      .finally(() => {
        loading = null;
      });
    const loaded = await loading;
    remember(loaded);
    return loaded.db;
  };

  // Writes from this process queue here (PGlite has one connection; PostgreSQL would queue them on
  // the meta row lock anyway, holding a pooled connection each).
  let queue: Promise<unknown> = Promise.resolve();

  // Load the snapshot before the store is handed out, so readiness means ready: the first request
  // (a sign-in is a write) never waits for a whole load, nor holds the write lock through one.
  const t2 = performance.now();
  await snapshot().catch(async (e) => {
    await conn.close().catch(() => {});
    translate(e);
  });
  const loadMs = performance.now() - t2;

  const store: PgStore = {
    driver: conn.driver,
    kysely,
    timings: {
      connectMs: Math.round(connectMs),
      migrateMs: Math.round(migrateMs),
      seedMs: Math.round(seedMs),
      loadMs: Math.round(loadMs),
    },
    canReset: allowReset,
    auth: translatingAuth(authPort(kysely)),
    readModels,
    outbox: pgOutboxReader(kysely),

    async read(fn) {
      const db = await snapshot().catch(translate);
      return fn(db);
    },

    write(fn) {
      const run = async () => {
        // Catch up with other processes' writes before taking the write lock, so the lock is not held
        // while a whole snapshot loads (a failure here is met again, and translated, below).
        await snapshot().catch(() => {});
        let committed: Snapshot | null = null as Snapshot | null;
        const result = await kysely
          .transaction()
          .execute(async (trx) => {
            const row = await sql<{
              revision: number;
            }>`select revision from meta where id = 1 for update`.execute(trx);
            const revision = Number(row.rows[0]?.revision);
            // Under the lock nobody else writes, so a reload here is consistent.
            const base = cache?.revision === revision ? cache.db : (await loadAll(trx, tune)).db;
            const ws = new WorkingSet(base, authPort(trx), pgOutboxReader(trx));
            const out = await fn(ws);
            await replay(trx, ws.ops, allowReset, tune);
            await trx.updateTable('meta').set({ revision: sql`revision + 1` }).where('id', '=', 1).execute();
            // The cache takes the working set only if it reads exactly as a load would; else the
            // next read reloads (e.g. an instant written as UTC comes back as +08:00).
            if (opsReadBackAsWritten(ws.ops))
              committed = { revision: revision + 1, db: withOptionals(ws.data) };
            return out;
          })
          .catch(translate);
        if (committed) remember(committed);
        return result;
      };
      const next = queue.then(run, run);
      queue = next.catch(() => {});
      return next;
    },

    async ping() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((res) => {
        timer = setTimeout(() => res(false), PING_TIMEOUT_MS);
      });
      try {
        return await Promise.race([
          sql`select 1`.execute(kysely).then(
            () => true,
            () => false,
          ),
          timeout,
        ]);
      } finally {
        clearTimeout(timer);
      }
    },

    async close() {
      await queue;
      await conn.close();
    },

    async loadFresh() {
      const s = await kysely
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute((trx) => loadAll(trx, tune))
        .catch(translate);
      return s.db;
    },

    async digest() {
      return createHash('sha256')
        .update(canonicalJson(await store.loadFresh()))
        .digest('hex');
    },
  };
  return store;
}
