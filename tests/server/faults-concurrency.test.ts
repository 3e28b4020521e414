// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/serve';
import { THROTTLE } from '../../src/service/auth/policy';
import { type Child, type Client, clientWith, PORT_BASE, signIn, startChild } from './faults-harness';
import { createTestDatabase, dropTestDatabase, IN_CI, pgReachable } from './pg-harness';

/**
 * Lost updates: 50 clients PATCH one task with the same If-Match at once → exactly one 200, 49 × 412,
 * the version up by one (PGlite and PostgreSQL). Two server processes on one PostgreSQL, requests
 * alternated: sessions, versions (412 across processes) and the sign-in rate limit behave as one.
 */
const pgUp = await pgReachable();
if (!pgUp && IN_CI) throw new Error('PostgreSQL is not reachable, and CI=true forbids skipping');
const RACERS = 50;

async function editableTask(c: Client): Promise<{ id: string; version: number }> {
  const list = await (await c.fetch('/api/tasks?status=in-progress&pageSize=5')).json();
  return { id: list.items[0].id, version: list.items[0].version };
}

/** 50 PATCHes of one task with the same If-Match, sent together, spread over `clients`. */
async function race(clients: Client[], id: string, version: number) {
  const answers = await Promise.all(
    Array.from({ length: RACERS }, (_, i) =>
      clients[i % clients.length]!.fetch(`/api/tasks/${id}`, {
        method: 'PATCH',
        ifMatch: version,
        body: JSON.stringify({ title: `race ${i}` }),
      }).then(async (r) => ({ status: r.status, body: await r.json() })),
    ),
  );
  return answers;
}

describe('lost updates on one server', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const f of cleanup.reverse()) await f();
  });
  const backends = [
    { name: 'PGlite', enabled: true },
    { name: 'PostgreSQL', enabled: pgUp },
  ];
  it.each(backends)(
    '$name: 50 PATCHes with the same If-Match → one 200, 49 × 412, version + 1',
    async ({ name, enabled }) => {
      if (!enabled) return;
      let databaseUrl: string | undefined;
      if (name === 'PostgreSQL') {
        const db = await createTestDatabase();
        cleanup.push(() => dropTestDatabase(db.name));
        databaseUrl = db.url;
      }
      const server: RunningServer = await startServer({
        port: PORT_BASE + (name === 'PGlite' ? 5 : 6),
        memory: !databaseUrl,
        databaseUrl,
        quiet: true,
        print: () => {},
      });
      cleanup.push(() => server.close());
      const clients = await Promise.all(Array.from({ length: 5 }, () => signIn(server.url, 'sup')));
      const { id, version } = await editableTask(clients[0]!);
      const answers = await race(clients, id, version);
      const ok = answers.filter((a) => a.status === 200);
      expect(ok).toHaveLength(1);
      expect(answers.filter((a) => a.status === 412)).toHaveLength(RACERS - 1);
      for (const a of answers.filter((x) => x.status === 412))
        expect(a.body.error).toMatchObject({
          code: 'precondition-failed',
          current: { version: version + 1 },
        });
      const after = await (await clients[0]!.fetch(`/api/tasks/${id}`)).json();
      expect(after.task).toMatchObject({ version: version + 1, title: ok[0]!.body.title });
    },
    120_000,
  );
});

describe.runIf(pgUp)('two server processes on one PostgreSQL', () => {
  let a: Child;
  let b: Child;
  let dbName: string;

  beforeAll(async () => {
    const db = await createTestDatabase();
    dbName = db.name;
    // Started one after the other: the first seeds; the second finds the data there.
    a = await startChild(PORT_BASE + 10, { DATABASE_URL: db.url });
    b = await startChild(PORT_BASE + 11, { DATABASE_URL: db.url });
  }, 180_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    if (dbName) await dropTestDatabase(dbName);
  });

  it('a session made on one works on the other, and signing out on one ends it on both', async () => {
    const onA = await signIn(a.url, 'sup');
    const onB = clientWith(b.url, onA.cookie);
    expect(await (await onB.fetch('/api/session')).json()).toMatchObject({ person: { id: 'u-sup' } });
    expect((await onB.fetch('/api/session', { method: 'DELETE' })).status).toBeLessThan(300);
    expect((await onA.fetch('/api/session')).status).toBe(401);
  });

  it('a version bumped on one gives 412 on the other, and the other reads the new copy', async () => {
    const onA = await signIn(a.url, 'sup');
    const onB = await signIn(b.url, 'sup');
    const { id, version } = await editableTask(onA);
    // Both caches hold the task before the change.
    await (await onB.fetch(`/api/tasks/${id}`)).json();
    const patch = (c: Client, title: string) =>
      c.fetch(`/api/tasks/${id}`, { method: 'PATCH', ifMatch: version, body: JSON.stringify({ title }) });
    expect((await patch(onA, 'changed on A')).status).toBe(200);
    const stale = await patch(onB, 'changed on B');
    expect(stale.status).toBe(412);
    expect((await stale.json()).error.current).toMatchObject({ title: 'changed on A', version: version + 1 });
    expect((await (await onB.fetch(`/api/tasks/${id}`)).json()).task).toMatchObject({
      title: 'changed on A',
    });
  });

  it('50 PATCHes alternated between the two processes: one 200, 49 × 412', async () => {
    const clients = [await signIn(a.url, 'sup'), await signIn(b.url, 'sup')];
    const { id, version } = await editableTask(clients[0]!);
    const answers = await race(clients, id, version);
    expect(answers.filter((x) => x.status === 200)).toHaveLength(1);
    expect(answers.filter((x) => x.status === 412)).toHaveLength(RACERS - 1);
    const after = await (await clients[1]!.fetch(`/api/tasks/${id}`)).json();
    expect(after.task.version).toBe(version + 1);
  });

  it('the sign-in rate limit counts failures across both processes', async () => {
    const attempt = (url: string, password: string) =>
      fetch(`${url}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: url },
        body: JSON.stringify({ login: 'kjt', password }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < THROTTLE.perAccount; i++)
      statuses.push((await attempt(i % 2 ? b.url : a.url, `wrong-password-${i}`)).status);
    expect(statuses).toEqual(Array(THROTTLE.perAccount).fill(401));
    // Locked on both, even with the right password.
    for (const url of [a.url, b.url]) {
      const locked = await attempt(url, 'luoshi-demo-2024');
      expect(locked.status).toBe(429);
      expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
    }
  });
});
