// @vitest-environment node

import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedDb } from '../../mocks/seed/build-seed';
import { demoCredentials } from '../../server/auth/demo-accounts';
import { createPasswords } from '../../server/auth/passwords';
import { BackupError, backup, restore } from '../../server/store/backup';
import { connect } from '../../server/store/connect';
import { MIGRATION_NAMES, migrate } from '../../server/store/migrations';
import { createPgStore, type PgStore } from '../../server/store/pg-store';
import { createTestDatabase, dropTestDatabase, IN_CI, pgReachable } from './pg-harness';

/**
 * Backup and restore round trips (PGlite → PGlite, PGlite → PostgreSQL, PostgreSQL → PGlite) to an
 * identical store digest and identical accounts, through the operators' command line where it
 * matters (exit codes, messages); bad files are refused and leave the target empty.
 */
const ROOT = join(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 120_000;
const pgUp = await pgReachable();
if (!pgUp && IN_CI) throw new Error('PostgreSQL is not reachable, and CI=true forbids skipping');

function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

const open = (target: { dataDir?: string; databaseUrl?: string }) =>
  createPgStore({ ...target, seed: () => buildSeedDb() });

/** A few writes of the kinds a backup must carry: a changed task, an account, settings, a dismissal. */
async function someWrites(store: PgStore, tag: string): Promise<void> {
  await store.write((tx) => {
    const t = tx.data.tasks[3]!;
    tx.update('tasks', { ...t, title: `${t.title}（${tag}）`, version: t.version + 1 }, t.version);
    tx.setDismissed(tx.data.directives[0]!.id, [`x-${tag}`]);
    tx.audit({
      at: '2024-05-20T10:00:00+08:00',
      actorId: 'u-sup',
      actorName: 'test',
      role: 'supervisor',
      action: 'task.update',
      target: t.id,
      outcome: 'ok',
      detail: tag,
    });
  });
}

async function accounts(store: PgStore) {
  const r = await sql`select * from credentials order by person_id`.execute(store.kysely);
  return r.rows;
}

async function restoreInto(target: { dataDir?: string; databaseUrl?: string }, file: string) {
  const conn = await connect(target);
  try {
    await migrate(conn.kysely);
    return await restore(conn.kysely, file);
  } finally {
    await conn.close();
  }
}

describe('backup and restore', () => {
  let dir: string;
  let source: string;
  let file: string;
  let sourceDigest: string;
  let sourceAccounts: unknown[];
  const databases: string[] = [];
  // A new PGlite folder costs an initdb (~5–10 s on a busy 2-core machine); copies of one empty,
  // migrated folder open in ~0.5 s. The CLI restore below still starts from no folder at all.
  let template: string;
  const fresh = (name: string) => {
    const p = join(dir, name);
    cpSync(template, p, { recursive: true });
    return p;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'luoshi-backup-'));
    source = join(dir, 'source');
    file = join(dir, 'luoshi.backup.jsonl.gz');
    template = join(dir, 'empty');
    const empty = await connect({ dataDir: template });
    await migrate(empty.kysely);
    await empty.close();
    cpSync(template, source, { recursive: true });
    const passwords = await createPasswords();
    const store = await createPgStore({
      dataDir: source,
      seed: () => buildSeedDb(),
      seedCredentials: (data) => demoCredentials(data, passwords),
    });
    await someWrites(store, 'before backup');
    await store.close();
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    for (const name of databases) await dropTestDatabase(name);
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'writes a backup from the embedded database with the CLI, audited as 运维命令行',
    async () => {
      const r = await cli(['backup', file], { LUOSHI_DATA_DIR: source });
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const summary = JSON.parse(r.out) as { bytes: number; counts: Record<string, number> };
      expect(summary.bytes).toBe(statSync(file).size);
      expect(summary.counts).toMatchObject({ tasks: 70, credentials: 21, meta: 1 });
      const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
      expect(JSON.parse(lines[0]!)).toMatchObject({
        format: 'luoshi-backup',
        version: 1,
        migrations: MIGRATION_NAMES,
      });
      expect(JSON.parse(lines.at(-1)!)).toEqual({ end: true, rows: expect.any(Number) });
      expect(lines.join('\n')).not.toContain('"sessions"');
      const store = await open({ dataDir: source });
      try {
        sourceDigest = await store.digest();
        sourceAccounts = await accounts(store);
        const last = (await store.loadFresh()).audit.at(-1);
        expect(last).toMatchObject({ actorName: '运维命令行', action: 'system.backup', outcome: 'ok' });
      } finally {
        await store.close();
      }
    },
    START_TIMEOUT_MS,
  );

  it(
    'restores it into a new embedded database with the CLI: the same digest, the same accounts',
    async () => {
      const target = join(dir, 'copy');
      const r = await cli(['restore', file], { LUOSHI_DATA_DIR: target });
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const store = await open({ dataDir: target });
      try {
        expect(await store.digest()).toBe(sourceDigest);
        expect(await accounts(store)).toEqual(sourceAccounts);
      } finally {
        await store.close();
      }
    },
    START_TIMEOUT_MS,
  );

  it(
    'refuses a database that is not empty, with exit code 2 and a clear line, and changes nothing',
    async () => {
      const r = await cli(['restore', file], { LUOSHI_DATA_DIR: source });
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toEqual([
        expect.stringMatching(/^luoshi: restore refused: the target database is not empty/),
      ]);
      const store = await open({ dataDir: source });
      try {
        expect(await store.digest()).toBe(sourceDigest);
      } finally {
        await store.close();
      }
    },
    START_TIMEOUT_MS,
  );

  it.runIf(pgUp)(
    'moves the embedded database into PostgreSQL, and back again after writes there',
    async () => {
      const pgDb = await createTestDatabase();
      databases.push(pgDb.name);
      await restoreInto({ databaseUrl: pgDb.url }, file);
      const pgStore = await open({ databaseUrl: pgDb.url });
      try {
        expect(await pgStore.digest()).toBe(sourceDigest);
        expect(await accounts(pgStore)).toEqual(sourceAccounts);
        // The server goes on writing on PostgreSQL; a backup from there comes back the same.
        await someWrites(pgStore, 'on postgres');
        const second = join(dir, 'from-postgres.jsonl.gz');
        await backup(pgStore.kysely, second);
        const pgDigest = await pgStore.digest();
        expect(pgDigest).not.toBe(sourceDigest);
        const back = fresh('back');
        await restoreInto({ dataDir: back }, second);
        const pglite = await open({ dataDir: back });
        try {
          expect(await pglite.digest()).toBe(pgDigest);
          expect(await accounts(pglite)).toEqual(await accounts(pgStore));
        } finally {
          await pglite.close();
        }
      } finally {
        await pgStore.close();
      }
    },
    START_TIMEOUT_MS,
  );

  it(
    'refuses a corrupted, truncated or foreign file with a clear message and leaves the target empty',
    async () => {
      const good = readFileSync(file);
      const text = gunzipSync(good).toString('utf8');
      const lines = text.trimEnd().split('\n');
      const bad = (name: string, bytes: Buffer) => {
        const p = join(dir, name);
        writeFileSync(p, bytes);
        return p;
      };
      const flipped = Buffer.from(good);
      flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
      const cases: [string, RegExp][] = [
        [bad('truncated.gz', good.subarray(0, Math.floor(good.length / 2))), /truncated|corrupted/],
        [bad('flipped.gz', flipped), /corrupted|truncated|not JSON/],
        [bad('plain.txt', Buffer.from('name,value\n')), /not a gzip'd Luoshi backup/],
        [bad('cut-lines.gz', gzipSync(`${lines.slice(0, -40).join('\n')}\n`)), /truncated \(no end line/],
        [bad('other.gz', gzipSync('{"hello":"world"}\n')), /not a Luoshi backup/],
        [
          bad(
            'v2.gz',
            gzipSync([lines[0]!.replace('"version":1', '"version":2'), ...lines.slice(1)].join('\n')),
          ),
          /format version 2; this Luoshi reads version 1/,
        ],
        [
          bad('dropped-row.gz', gzipSync([...lines.slice(0, 30), ...lines.slice(31)].join('\n'))),
          /section says \d+ rows, the file has \d+/,
        ],
        [join(dir, 'missing.gz'), /does not exist/],
      ];
      const target = fresh('refused');
      for (const [path, message] of cases) {
        const err = await restoreInto({ dataDir: target }, path).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err, path).toBeInstanceOf(BackupError);
        expect((err as Error).message, path).toMatch(message);
      }
      // Still empty: the good file loads into it, and it is the source again.
      await restoreInto({ dataDir: target }, file);
      const store = await open({ dataDir: target });
      try {
        expect(await store.digest()).toBe(sourceDigest);
      } finally {
        await store.close();
      }
    },
    START_TIMEOUT_MS,
  );
});
