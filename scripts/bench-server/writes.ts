import { createRandom } from '../../mocks/seed/random';
import { demoLogin } from '../../server/auth/demo-accounts';
import { r1, signIn, summarise } from './load';

/**
 * Quarter end: `clients` signed-in unit staff submit progress reports at once for `seconds`. Two
 * clients share each unit (the same person on two devices) and pick among the same few tasks, so
 * some submissions meet a version another client has just moved on: 412, then one retry with the
 * version the 412 carries (`error.current.version`). Each POST's latency counts, retries included.
 */
interface Client {
  cookie: string;
  tasks: string[];
  versions: Map<string, number>;
}

export async function benchWrites(opts: {
  baseUrl: string;
  clients: number;
  seconds: number;
  tasksPerUnit?: number;
  maxWrites?: number;
}) {
  const perUnit = opts.tasksPerUnit ?? 4;
  const supCookie = await signIn(opts.baseUrl, 'sup');
  // Units with enough in-progress tasks they lead, and those tasks' current versions.
  const list = await fetch(`${opts.baseUrl}/api/tasks?status=in-progress&sort=code&pageSize=2000`, {
    headers: { cookie: supCookie },
  }).then((r) => r.json() as Promise<{ items: { id: string; leadUnitId: string; version: number }[] }>);
  const byUnit = new Map<string, { id: string; version: number }[]>();
  for (const t of list.items) {
    const l = byUnit.get(t.leadUnitId) ?? [];
    l.push(t);
    byUnit.set(t.leadUnitId, l);
  }
  const units = [...byUnit].filter(([, l]) => l.length >= perUnit).slice(0, Math.ceil(opts.clients / 2));
  const people = await fetch(`${opts.baseUrl}/api/people`, { headers: { cookie: supCookie } }).then(
    (r) => r.json() as Promise<{ id: string; unitId: string; role: string }[]>,
  );
  const clients: Client[] = [];
  for (let i = 0; i < opts.clients; i++) {
    const [unitId, tasks] = units[Math.floor(i / 2) % units.length]!;
    const person = people.find((p) => p.unitId === unitId && p.role === 'staff')!;
    const mine = tasks.slice(0, perUnit);
    clients.push({
      cookie: await signIn(opts.baseUrl, demoLogin(person.id)),
      tasks: mine.map((t) => t.id),
      versions: new Map(mine.map((t) => [t.id, t.version])),
    });
  }
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let ok = 0;
  let retries = 0;
  let attempts = 0;
  const max = opts.maxWrites ?? 20_000;
  const end = performance.now() + opts.seconds * 1000;
  const post = async (c: Client, taskId: string, progress: number) => {
    const t0 = performance.now();
    const res = await fetch(`${opts.baseUrl}/api/tasks/${taskId}/reports`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: opts.baseUrl,
        cookie: c.cookie,
        'If-Match': String(c.versions.get(taskId)),
      },
      body: JSON.stringify({
        text: `季末集中报送：完成阶段性工作，进度 ${progress}%。`,
        progress,
        evidence: [],
      }),
    });
    const body = (await res.json().catch(() => null)) as {
      task?: { version: number };
      error?: { current?: { version?: number } };
    } | null;
    latencies.push(performance.now() - t0);
    attempts++;
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (res.status === 201 && body?.task) {
      ok++;
      c.versions.set(taskId, body.task.version);
    } else if (res.status === 412 && body?.error?.current?.version)
      c.versions.set(taskId, body.error.current.version);
    return res.status;
  };
  const t0 = performance.now();
  await Promise.all(
    clients.map(async (c, i) => {
      const rng = createRandom(1000 + i);
      while (performance.now() < end && attempts < max) {
        const taskId = rng.pick(c.tasks);
        const progress = rng.int(10, 90);
        if ((await post(c, taskId, progress)) === 412 && performance.now() < end) {
          retries++;
          await post(c, taskId, progress);
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const other = Object.entries(statuses).filter(([s]) => s !== '201' && s !== '412');
  return {
    clients: opts.clients,
    units: units.length,
    seconds: r1(seconds),
    attempts,
    accepted: ok,
    writesPerSecond: r1(ok / seconds),
    ...summarise(latencies),
    statuses,
    retriesAfter412: retries,
    errorsOtherThan412: other.reduce((n, [, v]) => n + v, 0),
  };
}
