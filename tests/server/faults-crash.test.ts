// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSeedDb } from '../../mocks/seed/build-seed';
import { connect } from '../../server/store/connect';
import { createPgStore } from '../../server/store/pg-store';
import { dbSchema } from '../../src/service/db';
import { type Client, PORT_BASE, signIn, startChild } from './faults-harness';
import { createTestDatabase, dropTestDatabase, IN_CI, pgReachable } from './pg-harness';

/**
 * Crash: 20 clients send 50 writes each to a server running as a child process; it is killed with
 * SIGKILL mid-run and started again on the same database. Every write answered 2xx is there; the
 * one write per client that was in flight is either wholly there or not at all; the audit log has
 * one entry per answered attempt (at most one more for the unanswered one); the database's own
 * invariants hold and the store loads and validates.
 */
const CLIENTS = 20;
const WRITES = 50;
// Kill once this many writes were acknowledged (of 1,000): well inside the run.
const KILL_AFTER = 300;
const pgUp = await pgReachable();
if (!pgUp && IN_CI) throw new Error('PostgreSQL is not reachable, and CI=true forbids skipping');

interface TaskState {
  id: string;
  title: string;
  progress: number;
  version: number;
}

interface ClientRun {
  task: string;
  /** The state after the last write answered 200. */
  acked: TaskState;
  ackedCount: number;
  /** Answered, but not 200 (none expected). */
  refused: number;
  /** The write whose answer never came (the kill), if any. */
  inFlight: TaskState | null;
}

const backends = [
  { name: 'PGlite', enabled: true, port: PORT_BASE + 1 },
  { name: 'PostgreSQL', enabled: pgUp, port: PORT_BASE + 2 },
];

describe.each(backends)('kill -9 mid-run ($name)', ({ name, enabled, port }) => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const f of cleanup.reverse()) await f();
  });

  it.runIf(enabled)(
    'keeps every acknowledged write, applies none by halves, audits each answered attempt once',
    async () => {
      let env: Record<string, string>;
      let target: { dataDir?: string; databaseUrl?: string };
      if (name === 'PGlite') {
        const dir = mkdtempSync(join(tmpdir(), 'luoshi-crash-'));
        cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
        target = { dataDir: join(dir, 'data') };
        env = { LUOSHI_DATA_DIR: target.dataDir! };
      } else {
        const db = await createTestDatabase();
        cleanup.push(() => dropTestDatabase(db.name));
        target = { databaseUrl: db.url };
        env = { DATABASE_URL: db.url };
      }
      const first = await startChild(port, env);
      cleanup.push(() => first.kill9());
      const sessions: Client[] = [];
      for (let i = 0; i < CLIENTS; i++) sessions.push(await signIn(first.url, 'sup'));
      const list = await (await sessions[0]!.fetch('/api/tasks?pageSize=200')).json();
      const editable = (list.items as (TaskState & { status: string })[]).filter((t) =>
        ['assigned', 'in-progress', 'returned'].includes(t.status),
      );
      expect(editable.length).toBeGreaterThanOrEqual(CLIENTS);
      const auditCount = async (c: Client, id: string) =>
        (await (await c.fetch(`/api/audit?target=task:${id}&action=task.update&pageSize=1`)).json())
          .total as number;
      const runs: ClientRun[] = [];
      for (let i = 0; i < CLIENTS; i++) {
        const t = editable[i]!;
        runs.push({
          task: t.id,
          acked: { id: t.id, title: t.title, progress: t.progress, version: t.version },
          ackedCount: 0,
          refused: 0,
          inFlight: null,
        });
      }
      const auditBefore = await Promise.all(runs.map((r) => auditCount(sessions[0]!, r.task)));

      let acknowledged = 0;
      let killed: Promise<void> | null = null;
      const t0 = Date.now();
      await Promise.all(
        runs.map(async (run, i) => {
          for (let j = 0; j < WRITES; j++) {
            // Two fields in one write: a half-applied one would show one without the other.
            const next: TaskState = {
              id: run.task,
              title: `crash c${i} w${j}`,
              progress: (j * 7) % 101,
              version: run.acked.version + 1,
            };
            let res: Response;
            try {
              res = await sessions[i]!.fetch(`/api/tasks/${run.task}`, {
                method: 'PATCH',
                ifMatch: run.acked.version,
                body: JSON.stringify({ title: next.title, progress: next.progress }),
              });
              await res.text().then((text) => {
                if (res.status === 200) {
                  const row = JSON.parse(text) as TaskState;
                  expect(row).toMatchObject(next);
                }
              });
            } catch {
              run.inFlight = next;
              return;
            }
            if (res.status !== 200) {
              run.refused += 1;
              continue;
            }
            run.acked = next;
            run.ackedCount += 1;
            acknowledged += 1;
            if (acknowledged >= KILL_AFTER && !killed) killed = first.kill9();
          }
        }),
      );
      await killed;
      const runMs = Date.now() - t0;
      expect(killed).not.toBeNull();

      const t1 = Date.now();
      const second = await startChild(port, env);
      const restartMs = Date.now() - t1;
      cleanup.push(() => second.kill9());
      const sup = await signIn(second.url, 'sup');
      let found = 0;
      let inFlightLanded = 0;
      for (const [k, run] of runs.entries()) {
        const { task } = await (await sup.fetch(`/api/tasks/${run.task}`)).json();
        const state = { id: task.id, title: task.title, progress: task.progress, version: task.version };
        const landed = run.inFlight !== null && state.version === run.inFlight.version;
        expect(state, `client ${k}`).toEqual(landed ? run.inFlight : run.acked);
        if (state.version >= run.acked.version) found += run.ackedCount;
        if (landed) inFlightLanded += 1;
        const audited = (await auditCount(sup, run.task)) - auditBefore[k]!;
        const answered = run.ackedCount + run.refused;
        expect(audited, `client ${k} audit`).toBeGreaterThanOrEqual(answered);
        expect(audited, `client ${k} audit`).toBeLessThanOrEqual(answered + (run.inFlight ? 1 : 0));
        if (landed) expect(audited).toBe(answered + 1);
      }
      expect(found).toBe(acknowledged);
      expect(second.stderr()).not.toMatch(/Error|at .*\(/);
      expect(await second.stop()).toBe(0);

      // The database's own invariants, and the whole store validates against the schema.
      const conn = await connect(target);
      try {
        const q = async (text: string) =>
          Number((await sql.raw<{ n: number }>(text).execute(conn.kysely)).rows[0]!.n);
        expect(await q('select count(*) as n from meta')).toBe(1);
        expect(await q(`select count(*) - count(distinct id) as n from audit`)).toBe(0);
        expect(
          await q(`select count(*) - (select value from counters where name = 'audit') as n from audit`),
        ).toBeLessThanOrEqual(0);
        expect(
          await q(
            'select count(*) as n from reports r where not exists (select 1 from tasks t where t.id = r.task_id)',
          ),
        ).toBe(0);
        expect(
          await q('select count(*) as n from tasks where version < 1 or progress not between 0 and 100'),
        ).toBe(0);
        expect(await q('select count(*) - count(distinct code) as n from tasks')).toBe(0);
      } finally {
        await conn.close();
      }
      const store = await createPgStore({ ...target, seed: () => buildSeedDb() });
      try {
        const parsed = dbSchema.safeParse(await store.loadFresh());
        expect(parsed.success, parsed.error?.message).toBe(true);
      } finally {
        await store.close();
      }
      process.stdout.write(
        `crash ${name}: ${acknowledged} writes acknowledged of ${CLIENTS * WRITES} in ${runMs} ms, ` +
          `${runs.filter((r) => r.inFlight).length} in flight at the kill (${inFlightLanded} landed), ` +
          `${found} acknowledged found after restart (restart to ready ${restartMs} ms)\n`,
      );
    },
    180_000,
  );
});
