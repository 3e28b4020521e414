// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/serve';
import {
  type Client,
  IN_CI_OR_FAIL,
  LEAK,
  PORT_BASE,
  PrivateCluster,
  pgBinDir,
  signIn,
} from './faults-harness';

/**
 * Database gone (real PostgreSQL): a private cluster, stopped with `-m immediate` while the server
 * runs. Every API call answers 503 in the contract's error shape, /readyz fails, nothing crashes;
 * started again, the same server process answers as before (new pooled connections).
 */
const bin = pgBinDir();
IN_CI_OR_FAIL(bin !== null, 'PostgreSQL server binaries (initdb, pg_ctl)');

describe.runIf(bin)('the database goes away and comes back (private PostgreSQL cluster)', () => {
  let cluster: PrivateCluster;
  let server: RunningServer;
  let sup: Client;
  let taskId: string;
  let version: number;

  beforeAll(async () => {
    cluster = new PrivateCluster(PORT_BASE + 21, bin!);
    cluster.init();
    cluster.start();
    server = await startServer({
      port: PORT_BASE + 20,
      databaseUrl: cluster.url,
      quiet: true,
      print: () => {},
      clock: () => Date.parse('2024-05-20T10:00:00+08:00'),
    });
    sup = await signIn(server.url, 'sup');
    const list = await (await sup.fetch('/api/tasks?status=in-progress&pageSize=5')).json();
    taskId = list.items[0].id;
    version = list.items[0].version;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    cluster?.destroy();
  });

  const patch = (title: string, v: number) =>
    sup.fetch(`/api/tasks/${taskId}`, { method: 'PATCH', ifMatch: v, body: JSON.stringify({ title }) });

  it('answers 503 (unavailable) everywhere while PostgreSQL is down, then recovers without a restart', async () => {
    expect((await patch('before the outage', version)).status).toBe(200);
    version += 1;
    cluster.stopImmediate();

    const probes = [
      sup.fetch('/api/tasks?pageSize=5'),
      sup.fetch(`/api/tasks/${taskId}`),
      sup.fetch('/api/session'),
      sup.fetch('/api/dashboard'),
      patch('during the outage', version),
      sup.fetch(`/api/tasks/${taskId}/reports`, {
        method: 'POST',
        ifMatch: version,
        body: JSON.stringify({ text: '停机时提交', progress: 50 }),
      }),
      fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: server.url },
        body: JSON.stringify({ login: 'sup', password: 'wrong-password-123' }),
      }),
    ];
    const t0 = Date.now();
    for (const res of await Promise.all(probes)) {
      const text = await res.text();
      expect(res.status, text).toBe(503);
      expect(JSON.parse(text)).toEqual({ error: { code: 'unavailable', message: expect.any(String) } });
      expect(text).not.toMatch(LEAK);
    }
    // Refused at once (connection refused), not after a long hang.
    expect(Date.now() - t0).toBeLessThan(15_000);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable' });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    cluster.start();
    const until = Date.now() + 30_000;
    while ((await fetch(`${server.url}/readyz`)).status !== 200) {
      expect(Date.now()).toBeLessThan(until);
      await new Promise((r) => setTimeout(r, 200));
    }
    // The same session (it was committed before the outage), the same data, nothing of the outage.
    const detail = await (await sup.fetch(`/api/tasks/${taskId}`)).json();
    expect(detail.task).toMatchObject({ title: 'before the outage', version });
    expect(detail.reports.some((r: { text: string }) => r.text === '停机时提交')).toBe(false);
    const after = await patch('after the outage', version);
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ title: 'after the outage', version: version + 1 });
  }, 90_000);

  it('survives an outage in the middle of a stream of writes: every answer 200 or 503, all 200s kept', async () => {
    const detail = await (await sup.fetch(`/api/tasks/${taskId}`)).json();
    let v: number = detail.task.version;
    const acked: string[] = [];
    const statuses = new Map<number, number>();
    let stopped = false;
    const writer = (async () => {
      for (let i = 0; i < 400; i++) {
        const title = `stream ${i}`;
        const res = await patch(title, v);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const body = await res.text();
        expect(body).not.toMatch(LEAK);
        if (res.status === 200) {
          acked.push(title);
          v += 1;
        } else if (res.status === 412) {
          // The commit landed but its answer was lost in the outage: read the version again.
          const again = await sup.fetch(`/api/tasks/${taskId}`);
          if (again.status === 200) v = (await again.json()).task.version;
        }
        if (stopped && statuses.get(503)) break;
      }
    })();
    await new Promise((r) => setTimeout(r, 400));
    cluster.stopImmediate();
    stopped = true;
    await writer;
    cluster.start();
    const until = Date.now() + 30_000;
    while ((await fetch(`${server.url}/readyz`)).status !== 200) {
      expect(Date.now()).toBeLessThan(until);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect([...statuses.keys()].every((s) => s === 200 || s === 503 || s === 412)).toBe(true);
    expect(statuses.get(503)).toBeGreaterThan(0);
    const final = await (await sup.fetch(`/api/tasks/${taskId}`)).json();
    // The last acknowledged write is there (an unanswered one after it may have landed too).
    expect(final.task.version).toBeGreaterThanOrEqual(v);
    expect(acked.length).toBeGreaterThan(0);
  }, 90_000);
});
