import { describe, expect, it } from 'vitest';
import { ApiError, call, setIdentity } from '../../src/api/client';
import { api, type BulkTaskBody } from '../../src/domain/contract';
import { againstBackend, commit, digest, stored } from './backend';

againstBackend();

/** Everything but the audit log, to prove a refused request stored nothing. */
const snapshot = digest;
const audit = () => stored().audit;
const task = (id: string) => stored().tasks.find((t) => t.id === id)!;
const items = (...ids: string[]) => ids.map((id) => ({ id, version: task(id).version }));

async function expectStatus(p: Promise<unknown>, status: number): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).status).toBe(status);
    return e as ApiError;
  }
  throw new Error(`expected HTTP ${status}, got success`);
}

/** Open tasks of the seed, to act on. */
const openIds = () =>
  stored()
    .tasks.filter((t) => t.status !== 'closed' && t.status !== 'suspended')
    .slice(0, 3)
    .map((t) => t.id);

describe('POST /api/tasks/bulk', () => {
  it.each(['u-leader', 'u-kjt'])(
    'refuses %s with 403, changes nothing and audits the attempt once',
    async (who) => {
      setIdentity(who);
      const before = snapshot();
      const n = audit().length;
      await expectStatus(
        call(api.bulkTasks, { body: { action: 'remind', items: items(...openIds()) } }),
        403,
      );
      expect(snapshot()).toBe(before);
      expect(audit()).toHaveLength(n + 1);
      expect(audit().at(-1)).toMatchObject({ action: 'task.bulk', outcome: 'denied', actorId: who });
    },
  );

  it.each<[string, unknown]>([
    ['no items', { action: 'remind', items: [] }],
    ['an unknown action', { action: 'delete', items: [{ id: 'T-0001', version: 1 }] }],
    ['assign-lead without a unit', { action: 'assign-lead', items: [{ id: 'T-0001', version: 1 }] }],
    [
      'set-deadline with a non-date',
      { action: 'set-deadline', items: [{ id: 'T-0001', version: 1 }], deadline: '2024-02-30' },
    ],
    [
      'a duplicate id',
      {
        action: 'remind',
        items: [
          { id: 'T-0001', version: 1 },
          { id: 'T-0001', version: 1 },
        ],
      },
    ],
  ])('answers 400 for %s, with field errors, storing nothing', async (_name, body) => {
    const before = snapshot();
    const n = audit().length;
    const e = await expectStatus(call(api.bulkTasks, { body: body as BulkTaskBody }), 400);
    expect(e.fields.length).toBeGreaterThan(0);
    expect(snapshot()).toBe(before);
    expect(audit()).toHaveLength(n + 1);
    expect(audit().at(-1)?.outcome).toBe('invalid');
  });

  it('answers 400 for an unknown unit and 404 for an unknown task', async () => {
    const before = snapshot();
    const e = await expectStatus(
      call(api.bulkTasks, { body: { action: 'assign-lead', items: items('T-0001'), leadUnitId: 'nope' } }),
      400,
    );
    expect(e.fields[0]?.path).toBe('leadUnitId');
    await expectStatus(
      call(api.bulkTasks, { body: { action: 'remind', items: [{ id: 'T-9999', version: 1 }] } }),
      404,
    );
    expect(snapshot()).toBe(before);
  });

  it('reassigns the lead unit, bumps versions of changed tasks only, and writes one audit entry', async () => {
    const [a, b] = openIds();
    const beforeA = task(a!);
    const n = audit().length;
    // One task already led by the target unit: it stays as it is.
    const target = beforeA.leadUnitId === 'p-jxt' ? 'p-jyt' : 'p-jxt';
    stored().tasks.find((t) => t.id === b)!.leadUnitId = target;
    await commit();
    const res = await call(api.bulkTasks, {
      body: { action: 'assign-lead', items: items(a!, b!), leadUnitId: target },
    });
    expect(res.changed).toEqual([{ id: a, version: beforeA.version + 1 }]);
    expect(res.unchanged).toEqual([b]);
    expect(task(a!)).toMatchObject({ leadUnitId: target, version: beforeA.version + 1 });
    expect(task(a!).coUnitIds).not.toContain(target);
    expect(audit()).toHaveLength(n + 1);
    expect(audit().at(-1)).toMatchObject({
      action: 'task.bulk',
      outcome: 'ok',
      target: 'tasks:bulk(2)',
      actorId: 'u-sup',
    });
    expect(audit().at(-1)?.detail).toContain(beforeA.code);
    // The ledger answers with the new lead at once (its cached rows are rebuilt after a write).
    const page = await call(api.listTasks, { query: { leadUnit: target, pageSize: 200 } });
    expect(page.items.map((r) => r.id)).toContain(a);
  });

  it('sets the deadline but keeps the original deadline, and skips closed tasks', async () => {
    const closed = stored().tasks.find((t) => t.status === 'closed')!;
    const [a] = openIds();
    const orig = task(a!).originalDeadline;
    const res = await call(api.bulkTasks, {
      body: { action: 'set-deadline', items: items(a!, closed.id), deadline: '2025-06-30' },
    });
    expect(res.changed.map((c) => c.id)).toEqual([a]);
    expect(res.unchanged).toEqual([closed.id]);
    expect(task(a!)).toMatchObject({ deadline: '2025-06-30', originalDeadline: orig });
    expect(task(closed.id).version).toBe(closed.version);
  });

  it('refuses a deadline before a task started', async () => {
    const [a] = openIds();
    const before = snapshot();
    await expectStatus(
      call(api.bulkTasks, { body: { action: 'set-deadline', items: items(a!), deadline: '2020-01-01' } }),
      400,
    );
    expect(snapshot()).toBe(before);
  });

  it('assigns the responsible person', async () => {
    const ids = openIds();
    const res = await call(api.bulkTasks, {
      body: { action: 'assign-person', items: items(...ids), responsiblePersonId: 'u-kjt2' },
    });
    expect(res.changed.length + res.unchanged.length).toBe(3);
    for (const id of ids) expect(task(id).responsiblePersonId).toBe('u-kjt2');
  });

  it('records a reminder (催办) per open task without changing versions', async () => {
    const ids = openIds();
    const versions = ids.map((id) => task(id).version);
    const n = audit().length;
    const res = await call(api.bulkTasks, {
      body: { action: 'remind', items: items(...ids), message: '请于本周五前报送进展' },
    });
    expect(res).toMatchObject({ action: 'remind', reminded: 3, changed: [] });
    expect(ids.map((id) => task(id).version)).toEqual(versions);
    expect(stored().reminders?.map((r) => r.taskId)).toEqual(ids);
    expect(stored().reminders?.[0]).toMatchObject({ byId: 'u-sup', message: '请于本周五前报送进展' });
    expect(audit()).toHaveLength(n + 1);
    expect(audit().at(-1)).toMatchObject({ action: 'task.bulk', outcome: 'ok' });
    expect(audit().at(-1)?.detail).toMatch(/^remind → 请于本周五前报送进展: 3\/3/);
  });

  it('refuses the whole request with 412 when any version is stale, and names the stale tasks', async () => {
    const [a, b] = openIds();
    const stale = [{ id: a!, version: task(a!).version - 1 }, ...items(b!)];
    const before = snapshot();
    const e = await expectStatus(
      call(api.bulkTasks, { body: { action: 'assign-person', items: stale, responsiblePersonId: 'u-kjt2' } }),
      412,
    );
    expect(e.current).toEqual([{ id: a, version: task(a!).version }]);
    expect(snapshot()).toBe(before);
  });

  it('audits a single-task request against that task', async () => {
    const [a] = openIds();
    await call(api.bulkTasks, { body: { action: 'remind', items: items(a!) } });
    expect(audit().at(-1)?.target).toBe(`task:${a}`);
  });
});
