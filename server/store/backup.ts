import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { type Kysely, sql, type Transaction } from 'kysely';
import { toCstIso } from '../../src/domain/clock';
import { ENTITY_TABLES } from '../../src/service/db';
import type { AnyDb } from './connect';
import { MIGRATION_NAMES } from './migrations';
import { TABLE_COLUMNS } from './tables';

/**
 * Backup and restore (docs/backup-format.md): everything the server keeps, as gzip'd JSON Lines —
 * a header line, then per table a section line naming its columns and one JSON array per row, then
 * an end line. Written from ONE repeatable-read, read-only transaction (a consistent snapshot while
 * the server keeps writing), read back into an EMPTY database in one transaction (all or nothing).
 * Both stream: 100,000 tasks never sit in memory as one string.
 */
export const BACKUP_FORMAT = 'luoshi-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** The schema migrations applied in the source database (kysely_migration). */
  migrations: string[];
  /** Rows per table. */
  counts: Record<string, number>;
}

/** A backup or restore that cannot go on; its message is the one line the CLI prints. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

interface TableSpec {
  name: string;
  columns: readonly string[];
  /** Entity tables page through their primary key `id` (keyset pagination). */
  ordered: boolean;
  key: string;
  /** The identity column whose values are kept (`ord`, or the reminder jobs' `id`). */
  identity?: string;
}

/**
 * What is backed up, in an order that satisfies the foreign keys on restore. Left out on purpose:
 * `sessions` (a restored server must not honour cookies issued by another one: everyone signs in
 * again) and `login_failures` (a rate limit's short memory), and `kysely_migration` (named in the
 * header; the target runs its own migrations).
 */
export const BACKUP_TABLES: readonly TableSpec[] = [
  // `ord` (insertion order, how the store lists rows) is kept as it is; pages go by the primary key,
  // which has an index (`ord` has none: paging by it would sort the whole table once per page).
  ...ENTITY_TABLES.map((t) => ({
    name: t,
    columns: ['ord', ...TABLE_COLUMNS[t].map((c) => c.column)],
    ordered: true,
    key: 'id',
    identity: 'ord',
  })),
  { name: 'settings', columns: ['key', 'value'], ordered: false, key: 'key' },
  { name: 'counters', columns: ['name', 'value'], ordered: false, key: 'name' },
  { name: 'alignment_dismissed', columns: ['directive_id', 'ids'], ordered: false, key: 'directive_id' },
  {
    name: 'credentials',
    columns: ['person_id', 'login', 'password_hash', 'active', 'password_changed_at'],
    ordered: false,
    key: 'person_id',
  },
  { name: 'meta', columns: ['id', 'revision', 'dataset'], ordered: false, key: 'id' },
  // The reminder queue moves too: its idempotency keys are what keep a moved office from sending
  // the day's reminders a second time, and its rows are the 发送记录 history.
  {
    name: 'reminder_jobs',
    columns: [
      'id',
      'key',
      'kind',
      'rule',
      'channel',
      'recipient_id',
      'recipient_name',
      'target',
      'lang',
      'day',
      'state',
      'attempts',
      'next_attempt_at',
      'lease_until',
      'claimed_by',
      'last_error',
      'resent',
      'created_at',
      'sent_at',
    ],
    ordered: false,
    key: 'id',
    identity: 'id',
  },
  {
    name: 'reminder_items',
    columns: ['key', 'job_id', 'rule', 'task_id', 'day', 'facts'],
    ordered: false,
    key: 'key',
  },
];
const SPEC_OF = new Map(BACKUP_TABLES.map((t) => [t.name, t]));
/** Tables that must be empty for a restore (sign-in's transient ones too: they reference people). */
const MUST_BE_EMPTY = [...BACKUP_TABLES.map((t) => t.name), 'sessions', 'login_failures'];

// Rows per SELECT page and per INSERT (one JSON parameter of ~3 MB for 5,000 tasks).
const PAGE = 5_000;

const cols = (spec: TableSpec) => sql.raw(spec.columns.map((c) => `"${c}"`).join(', '));

async function migrationsOf(db: Kysely<AnyDb> | Transaction<AnyDb>): Promise<string[]> {
  const res = await sql<{ name: string }>`select name from kysely_migration order by name`
    .execute(db)
    .catch(() => ({ rows: [] as { name: string }[] }));
  return res.rows.map((r) => r.name);
}

/** A write stream's `write`, waiting for `drain` when its buffer is full (backpressure). */
function lineWriter(out: NodeJS.WritableStream) {
  return async (line: string) => {
    if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  };
}

/**
 * The backup's own audit entry (as 运维命令行), committed BEFORE the snapshot, so the file records
 * that it was taken and a restore gives exactly the digest of the source at that moment. The same
 * protocol as the store's writes: the meta row locked, the audit counter advanced, the revision
 * bumped (other processes' caches reload).
 */
async function auditBackup(kysely: Kysely<AnyDb>, file: string, nowMs: number): Promise<void> {
  await kysely.transaction().execute(async (trx) => {
    await sql`select revision from meta where id = 1 for update`.execute(trx);
    const res = await sql<{ seq: number | null; n: number }>`
      select (select value from counters where name = 'audit') as seq, (select count(*) from audit) as n`.execute(
      trx,
    );
    const next = Math.max(Number(res.rows[0]?.seq ?? 0), Number(res.rows[0]?.n ?? 0)) + 1;
    await trx
      .insertInto('audit')
      .values({
        id: `A-${String(next).padStart(6, '0')}`,
        at: toCstIso(nowMs),
        actor_id: 'cli',
        actor_name: '运维命令行',
        role: 'supervisor',
        action: 'system.backup',
        target: basename(file),
        outcome: 'ok',
        detail: 'backup: consistent snapshot of every table (npm run luoshi -- backup)',
      })
      .execute();
    await sql`insert into counters (name, value) values ('audit', ${next})
      on conflict (name) do update set value = excluded.value`.execute(trx);
    await sql`update meta set revision = revision + 1 where id = 1`.execute(trx);
  });
}

export interface BackupResult {
  header: BackupHeader;
  bytes: number;
  ms: number;
}

/** Write a consistent snapshot of everything to `file` (via `file.partial`, renamed when complete). */
export async function backup(
  kysely: Kysely<AnyDb>,
  file: string,
  opts: { clock?: () => number; audit?: boolean } = {},
): Promise<BackupResult> {
  const t0 = performance.now();
  const now = opts.clock ?? Date.now;
  const hasMeta = await sql`select 1 from meta where id = 1`.execute(kysely).then(
    (r) => r.rows.length > 0,
    () => false,
  );
  if (!hasMeta)
    throw new BackupError(
      'the database is empty (never started or not a Luoshi database): nothing to back up',
    );
  if (opts.audit !== false) await auditBackup(kysely, file, now());
  const partial = `${file}.partial`;
  const gzip = createGzip({ level: 6 });
  const out = createWriteStream(partial);
  const done = new Promise<void>((res, rej) => {
    out.on('finish', res);
    out.on('error', rej);
    gzip.on('error', rej);
  });
  gzip.pipe(out);
  const write = lineWriter(gzip);
  let header: BackupHeader;
  try {
    header = await kysely
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const counts: Record<string, number> = {};
        for (const spec of BACKUP_TABLES) {
          const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(spec.name)}`.execute(trx);
          counts[spec.name] = Number(r.rows[0]?.n ?? 0);
        }
        const h: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: toCstIso(now()),
          migrations: await migrationsOf(trx),
          counts,
        };
        await write(JSON.stringify(h));
        let total = 0;
        for (const spec of BACKUP_TABLES) {
          await write(JSON.stringify({ table: spec.name, columns: spec.columns, rows: counts[spec.name] }));
          let written = 0;
          // A page comes back as ONE text value (rows joined by newlines, built by the database):
          // far faster than row-by-row decoding, on PGlite above all.
          for (let after = ''; ; ) {
            const page = spec.ordered
              ? await sql<{ lines: string | null; n: number; last: string | null }>`
                  select string_agg(line, E'\n' order by id) as lines, count(*) as n, max(id) as last
                  from (select id, json_build_array(${cols(spec)})::text as line from ${sql.table(spec.name)}
                        where id > ${after} order by id limit ${PAGE}) t`.execute(trx)
              : await sql<{ lines: string | null; n: number; last: string | null }>`
                  select string_agg(json_build_array(${cols(spec)})::text, E'\n' order by ${sql.ref(spec.key)}) as lines,
                    count(*) as n, null as last
                  from ${sql.table(spec.name)}`.execute(trx);
            const r = page.rows[0];
            const n = Number(r?.n ?? 0);
            if (r?.lines) await write(r.lines);
            written += n;
            if (!spec.ordered || n < PAGE) break;
            after = String(r!.last);
          }
          // Inside one repeatable-read transaction the count cannot move; a mismatch is a bug.
          if (written !== counts[spec.name])
            throw new Error(`${spec.name}: counted ${counts[spec.name]}, read ${written}`);
          total += written;
        }
        await write(JSON.stringify({ end: true, rows: total }));
        return h;
      });
    gzip.end();
    await done;
  } catch (e) {
    gzip.destroy();
    out.destroy();
    rmSync(partial, { force: true });
    throw e;
  }
  renameSync(partial, file);
  const { size } = await import('node:fs/promises').then((fs) => fs.stat(file));
  return { header, bytes: size, ms: Math.round(performance.now() - t0) };
}

/** The lines of a gzip'd file, streamed; a read or gunzip failure rejects the iteration. */
async function* linesOf(file: string): AsyncGenerator<string> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of gunzip) {
    rest += decoder.write(chunk as Buffer);
    let nl = rest.indexOf('\n');
    while (nl >= 0) {
      yield rest.slice(0, nl);
      rest = rest.slice(nl + 1);
      nl = rest.indexOf('\n');
    }
  }
  rest += decoder.end();
  if (rest) yield rest;
}

function describeReadError(e: unknown, file: string): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return `${file} does not exist`;
  if (err.code === 'Z_DATA_ERROR')
    return `${file} is not a gzip'd Luoshi backup, or it is corrupted (${err.message})`;
  if (err.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(err.message ?? ''))
    return `${file} is truncated (the compressed data ends early)`;
  return `${file} cannot be read: ${err.message ?? String(e)}`;
}

export interface RestoreResult {
  header: BackupHeader;
  rows: number;
  ms: number;
}

async function assertEmpty(trx: Transaction<AnyDb>): Promise<void> {
  const busy: string[] = [];
  for (const t of MUST_BE_EMPTY) {
    const r = await sql<{ any: boolean }>`select exists (select 1 from ${sql.table(t)}) as any`.execute(trx);
    if (r.rows[0]?.any) busy.push(t);
  }
  if (busy.length)
    throw new BackupError(
      `the target database is not empty (${busy.slice(0, 4).join(', ')}${busy.length > 4 ? ', …' : ''} have rows): ` +
        'restore loads only into an empty database — use a new LUOSHI_DATA_DIR or a new PostgreSQL database, and restore before the first start',
    );
}

function parseHeader(line: string | undefined, file: string): BackupHeader {
  let h: Partial<BackupHeader> | null = null;
  try {
    h = JSON.parse(line ?? '') as Partial<BackupHeader>;
  } catch {
    h = null;
  }
  if (!h || h.format !== BACKUP_FORMAT)
    throw new BackupError(`${file} is not a Luoshi backup (no luoshi-backup header)`);
  if (h.version !== BACKUP_VERSION)
    throw new BackupError(
      `${file} is backup format version ${String(h.version)}; this Luoshi reads version ${BACKUP_VERSION}`,
    );
  const unknown = (h.migrations ?? []).filter((m) => !MIGRATION_NAMES.includes(m));
  if (unknown.length)
    throw new BackupError(
      `${file} comes from a newer Luoshi (schema migrations ${unknown.join(', ')} unknown here): upgrade first`,
    );
  return h as BackupHeader;
}

/**
 * Load `file` into the (empty) database behind `kysely`, whose schema is already migrated. One
 * transaction: a corrupt or truncated file, or a row the schema refuses, leaves the target empty.
 */
export async function restore(kysely: Kysely<AnyDb>, file: string): Promise<RestoreResult> {
  const t0 = performance.now();
  const lines = linesOf(file);
  let header: BackupHeader | undefined;
  let lineNo = 0;
  try {
    const first = await lines.next();
    lineNo = 1;
    header = parseHeader(first.done ? undefined : first.value, file);
    const h = header;
    const rows = await kysely.transaction().execute(async (trx) => {
      await assertEmpty(trx);
      let spec: TableSpec | null = null;
      let columns: string[] = [];
      let expected = 0;
      let seen = 0;
      let batch: Record<string, unknown>[] = [];
      let total = 0;
      let ended = false;
      const flush = async () => {
        if (!spec || batch.length === 0) return;
        const list = sql.raw(columns.map((c) => `"${c}"`).join(', '));
        const keepOrd = sql.raw(
          spec.identity && columns.includes(spec.identity) ? 'overriding system value' : '',
        );
        await sql`insert into ${sql.table(spec.name)} (${list}) ${keepOrd}
          select ${list} from json_populate_recordset(null::${sql.table(spec.name)}, ${JSON.stringify(batch)}::json)`.execute(
          trx,
        );
        batch = [];
      };
      const closeSection = async () => {
        await flush();
        // Rows added later continue after the restored identity values.
        if (spec?.identity && columns.includes(spec.identity))
          await sql`select setval(pg_get_serial_sequence(${spec.name}, ${spec.identity}),
            (select coalesce(max(${sql.ref(spec.identity)}), 0) + 1 from ${sql.table(spec.name)}), false)`.execute(
            trx,
          );
        if (spec && seen !== expected)
          throw new BackupError(
            `table ${spec.name}: the section says ${expected} rows, the file has ${seen}`,
          );
      };
      for await (const line of lines) {
        lineNo += 1;
        if (ended) {
          if (line.trim())
            throw new BackupError(`${file} is corrupted: line ${lineNo}: data after the end line`);
          continue;
        }
        const value: unknown = JSON.parse(line);
        if (Array.isArray(value)) {
          if (!spec)
            throw new BackupError(`${file} is corrupted: line ${lineNo}: a row before any table section`);
          if (value.length !== columns.length)
            throw new BackupError(
              `${file} is corrupted: line ${lineNo}: ${spec.name} row has ${value.length} values, expected ${columns.length}`,
            );
          seen += 1;
          if (seen > expected)
            throw new BackupError(
              `${file} is corrupted: table ${spec.name}: more rows than its section says (${expected})`,
            );
          batch.push(Object.fromEntries(columns.map((c, i) => [c, value[i]])));
          if (batch.length >= PAGE) await flush();
          total += 1;
          continue;
        }
        const section = value as { table?: string; columns?: string[]; rows?: number; end?: boolean };
        await closeSection();
        if (section.end === true) {
          if (section.rows !== total)
            throw new BackupError(`the end line says ${section.rows} rows, the file has ${total}`);
          ended = true;
          spec = null;
          continue;
        }
        const next = SPEC_OF.get(String(section.table));
        if (!next) throw new BackupError(`line ${lineNo}: unknown table ${JSON.stringify(section.table)}`);
        // Column names go into SQL: only the schema's own are accepted.
        const bad = (section.columns ?? []).filter((c) => !next.columns.includes(c));
        if (!section.columns?.length || bad.length)
          throw new BackupError(`line ${lineNo}: table ${next.name} has unknown columns ${bad.join(', ')}`);
        if (section.rows !== h.counts[next.name])
          throw new BackupError(
            `table ${next.name}: the header says ${h.counts[next.name]} rows, its section ${section.rows}`,
          );
        spec = next;
        columns = section.columns;
        expected = Number(section.rows);
        seen = 0;
      }
      if (!ended) throw new BackupError(`${file} is truncated (no end line after ${total} rows)`);
      return total;
    });
    return { header: h, rows, ms: Math.round(performance.now() - t0) };
  } catch (e) {
    await lines.return(undefined).catch(() => {});
    if (e instanceof BackupError) throw e;
    if (e instanceof SyntaxError) throw new BackupError(`${file} is corrupted: line ${lineNo} is not JSON`);
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && (code.startsWith('Z_') || code === 'ENOENT' || code === 'EISDIR'))
      throw new BackupError(describeReadError(e, file));
    if (/unexpected end of file/i.test((e as Error).message ?? ''))
      throw new BackupError(describeReadError(e, file));
    // The database refused a row (a constraint): name it, without the SQL.
    throw new BackupError(
      `the database refused the backup's data at line ${lineNo}: ${(e as Error).message}`,
    );
  }
}
