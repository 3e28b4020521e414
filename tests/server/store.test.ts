// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedDb } from '../../mocks/seed/build-seed';
import { DataDirBusy } from '../../server/store/connect';
import { ENUMS_001 } from '../../server/store/migrations';
import { createPgStore, type PgStore } from '../../server/store/pg-store';
import { TABLE_COLUMNS } from '../../server/store/tables';
import { toCstIso } from '../../src/domain/clock';
import {
  auditOutcomeSchema,
  directiveKindSchema,
  meetingLevelSchema,
  prioritySchema,
  ratingSchema,
  reviewStateSchema,
  roleSchema,
  taskStatusSchema,
  unitLevelSchema,
} from '../../src/domain/schemas';
import { type Db, ENTITY_TABLES } from '../../src/service/db';
import { StoreConflict, StoreUnavailable } from '../../src/service/port';
import { createTestDatabase, dropTestDatabase, IN_CI, pgReachable } from './pg-harness';

// PGlite's first start compiles its wasm: slow on a shared 2-core machine.
const START_TIMEOUT_MS = 120_000;

const pgUp = await pgReachable();
if (!pgUp && IN_CI)
  throw new Error('PostgreSQL is not reachable at the test URL, and CI=true forbids skipping');

/** The seed as the store must give it back: instants in `+08:00` form, the optional collections present. */
function expectedSeed(): Db {
  const db = structuredClone(buildSeedDb());
  for (const table of ENTITY_TABLES) {
    const instants = TABLE_COLUMNS[table].filter((c) => c.kind === 'instant').map((c) => c.field);
    for (const row of (db[table] ?? []) as Record<string, unknown>[])
      for (const f of instants)
        if (typeof row[f] === 'string') row[f] = toCstIso(Date.parse(row[f] as string));
  }
  db.reminders ??= [];
  db.alignmentDismissed ??= {};
  return db;
}

interface Backend {
  name: string;
  enabled: boolean;
  open(opts?: { allowReset?: boolean }): Promise<PgStore>;
  cleanup(): Promise<void>;
}

function pgliteBackend(): Backend {
  return {
    name: 'PGlite (in memory)',
    enabled: true,
    open: (opts) => createPgStore({ seed: () => buildSeedDb(), ...opts }),
    cleanup: async () => {},
  };
}

function postgresBackend(): Backend {
  let db: { url: string; name: string } | null = null;
  return {
    name: 'PostgreSQL',
    enabled: pgUp,
    async open(opts) {
      db ??= await createTestDatabase();
      return createPgStore({ databaseUrl: db.url, seed: () => buildSeedDb(), ...opts });
    },
    async cleanup() {
      if (db) await dropTestDatabase(db.name);
    },
  };
}

describe.each([pgliteBackend(), postgresBackend()])('store on $name', (backend) => {
  let store: PgStore;

  beforeAll(async () => {
    if (!backend.enabled) return;
    store = await backend.open({ allowReset: true });
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await store?.close();
    await backend.cleanup();
  });

  const test = it.skipIf(!backend.enabled);

  test('runs the migrations', async () => {
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      store.kysely,
    );
    expect(applied.rows.map((r) => r.name)).toEqual([
      '001_initial',
      '002_sign_in',
      '003_ledger_sql',
      '004_reminders',
    ]);
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public'`.execute(store.kysely);
    const names = tables.rows.map((r) => r.table_name);
    for (const t of [
      ...ENTITY_TABLES,
      'settings',
      'counters',
      'alignment_dismissed',
      'meta',
      'credentials',
      'sessions',
      'login_failures',
      'reminder_jobs',
      'reminder_items',
    ])
      expect(names).toContain(t);
  });

  test('loads the seed back exactly', async () => {
    const db = await store.read((d) => d);
    expect(db).toEqual(expectedSeed());
    // Same key order as the zod schemas, so the API's JSON reads the same.
    expect(Object.keys(db.tasks[0]!)).toEqual(TABLE_COLUMNS.tasks.map((c) => c.field));
    expect(await store.loadFresh()).toEqual(db);
  });

  test('a successful write is stored and the cache matches the database', async () => {
    const before = await store.read((d) => d.tasks[0]!);
    await store.write((tx) => {
      tx.update('tasks', { ...before, progress: 55, version: before.version + 1 }, before.version);
      tx.nextSeq('task');
    });
    const cached = await store.read((d) => d);
    expect(cached.tasks[0]).toMatchObject({ progress: 55, version: before.version + 1 });
    expect(await store.loadFresh()).toEqual(cached);
  });

  test('an instant written in another offset reads back as +08:00, from the cache as from the database', async () => {
    const taskId = await store.read((d) => d.tasks[3]!.id);
    await store.write((tx) =>
      tx.insert('reminders', {
        id: 'RM-UTC',
        taskId,
        at: '2024-05-20T02:00:00Z',
        byId: 'u-sup',
        message: '催办',
      }),
    );
    const cached = await store.read((d) => d.reminders?.find((r) => r.id === 'RM-UTC'));
    expect(cached?.at).toBe('2024-05-20T10:00:00+08:00');
    expect(await store.loadFresh()).toEqual(await store.read((d) => d));
  });

  test('a stale expectVersion is refused as StoreConflict and changes nothing', async () => {
    const digest = await store.digest();
    const task = await store.read((d) => d.tasks[1]!);
    const write = store.write((tx) => {
      tx.insert('reminders', {
        id: 'RM-1',
        taskId: task.id,
        at: '2024-05-20T10:00:00+08:00',
        byId: 'u-sup',
        message: null,
      });
      tx.update('tasks', { ...task, title: 'stale', version: task.version + 1 }, task.version - 1);
    });
    await expect(write).rejects.toBeInstanceOf(StoreConflict);
    await expect(write).rejects.toMatchObject({ table: 'tasks', id: task.id });
    expect(await store.digest()).toBe(digest);
    expect(await store.read((d) => d.tasks[1])).toEqual(task);
  });

  test('a throw inside write leaves no trace', async () => {
    const digest = await store.digest();
    const boom = new Error('boom');
    await expect(
      store.write((tx) => {
        const t = tx.data.tasks[2]!;
        tx.update('tasks', { ...t, progress: 99, version: t.version + 1 }, t.version);
        tx.audit({
          at: '2024-05-20T10:00:00+08:00',
          actorId: 'u-sup',
          actorName: 'x',
          role: 'supervisor',
          action: 'task.update',
          target: `task:${t.id}`,
          outcome: 'ok',
          detail: '',
        });
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await store.digest()).toBe(digest);
    expect((await store.read((d) => d.tasks[2]))?.progress).toBe(expectedSeed().tasks[2]!.progress);
  });

  test('the audit log refuses UPDATE, DELETE and TRUNCATE through raw SQL', async () => {
    await expect(
      sql`update audit set detail = 'x' where id = 'A-000001'`.execute(store.kysely),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit where id = 'A-000001'`.execute(store.kysely)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit where false`.execute(store.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit`.execute(store.kysely)).rejects.toThrow(/append-only/);
    // An unauthenticated attempt is audited with no role.
    await sql`insert into audit (id, at, actor_id, actor_name, role, action, target, outcome, detail)
      values ('A-999999', now(), '', '', null, 'session.denied', '', 'denied', '')`.execute(store.kysely);
  });

  test('the database refuses what breaks a CHECK (progress 130), even through the store', async () => {
    await expect(
      sql`update tasks set progress = 130 where id = 'T-0001'`.execute(store.kysely),
    ).rejects.toThrow(/check constraint/);
    await expect(
      sql`update tasks set deadline = '2000-01-01' where id = 'T-0001'`.execute(store.kysely),
    ).rejects.toThrow(/check constraint/);
    const digest = await store.digest();
    await expect(
      store.write((tx) => {
        const t = tx.data.tasks[0]!;
        tx.update('tasks', { ...t, progress: 130, version: t.version + 1 }, t.version);
      }),
    ).rejects.toThrow(/check constraint/);
    expect(await store.digest()).toBe(digest);
  });

  test('the demo reset replaces everything, audit included', async () => {
    await store.write((tx) => tx.replaceAll(buildSeedDb()));
    expect(await store.loadFresh()).toEqual(expectedSeed());
    expect(await store.read((d) => d)).toEqual(expectedSeed());
  });

  test('the enum CHECKs allow exactly the zod enums', () => {
    expect(ENUMS_001).toEqual({
      unitLevel: unitLevelSchema.options,
      role: roleSchema.options,
      meetingLevel: meetingLevelSchema.options,
      directiveKind: directiveKindSchema.options,
      taskStatus: taskStatusSchema.options,
      priority: prioritySchema.options,
      reviewState: reviewStateSchema.options,
      rating: ratingSchema.options,
      outcome: auditOutcomeSchema.options,
    });
  });

  if (backend.name === 'PostgreSQL') {
    test('a second store on the same database sees the first one’s writes', async () => {
      const other = await backend.open();
      try {
        expect(other.timings.seedMs).toBeGreaterThanOrEqual(0);
        expect(await other.read((d) => d.tasks.length)).toBe(70);
        const t = await store.read((d) => d.tasks[5]!);
        await store.write((tx) =>
          tx.update('tasks', { ...t, progress: 42, version: t.version + 1 }, t.version),
        );
        expect(await other.read((d) => d.tasks[5])).toMatchObject({ progress: 42, version: t.version + 1 });
        // The other one's stale expectation is refused by the database, not only by its cache.
        await expect(
          other.write((tx) =>
            tx.update('tasks', { ...t, title: 'lost update', version: t.version + 1 }, t.version),
          ),
        ).rejects.toBeInstanceOf(StoreConflict);
        // Concurrent writers from two processes' pools never lose a counter step.
        await Promise.all(
          Array.from({ length: 6 }, (_, i) => (i % 2 ? store : other).write((tx) => tx.nextSeq('race'))),
        );
        expect(await store.read((d) => d.seq.race)).toBe(6);
        expect(await other.read((d) => d.seq.race)).toBe(6);
      } finally {
        await other.close();
      }
    });
  }
});

describe('store with tiny batches (PGlite)', () => {
  it(
    'seeds and loads across many insert batches and load chunks',
    async () => {
      const store = await createPgStore({
        seed: () => buildSeedDb(),
        tuning: { insertBatchRows: 7, loadChunkRows: 100 },
      });
      try {
        expect(await store.loadFresh()).toEqual(expectedSeed());
      } finally {
        await store.close();
      }
    },
    START_TIMEOUT_MS,
  );
});

describe('store in a PGlite data folder', () => {
  it(
    'keeps its data across restarts and refuses a second opener of the folder',
    async () => {
      const parent = mkdtempSync(join(tmpdir(), 'luoshi-pglite-'));
      const dataDir = join(parent, 'nested', 'data');
      try {
        const first = await createPgStore({ dataDir, seed: () => buildSeedDb() });
        await expect(createPgStore({ dataDir, seed: () => buildSeedDb() })).rejects.toBeInstanceOf(
          DataDirBusy,
        );
        const t = await first.read((d) => d.tasks[0]!);
        await first.write((tx) =>
          tx.update('tasks', { ...t, progress: 77, version: t.version + 1 }, t.version),
        );
        await first.close();
        const again = await createPgStore({ dataDir, seed: () => buildSeedDb() });
        try {
          expect(again.timings.seedMs).toBeLessThan(1_000);
          expect(await again.read((d) => d.tasks[0]!.progress)).toBe(77);
        } finally {
          await again.close();
        }
      } finally {
        rmSync(parent, { recursive: true, force: true });
      }
    },
    START_TIMEOUT_MS,
  );
});

describe('store on an unreachable PostgreSQL', () => {
  it('fails to start with StoreUnavailable', async () => {
    await expect(
      createPgStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', seed: () => buildSeedDb() }),
    ).rejects.toBeInstanceOf(StoreUnavailable);
  });
});
