import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ApiError, call, setIdentity } from '../../src/api/client';
import { api, type createTaskBodySchema } from '../../src/domain/contract';
import { againstBackend, digest, stored } from './backend';

againstBackend();

const snapshot = digest;
const auditCount = () => stored().audit.length;

async function expectError(p: Promise<unknown>, status: number): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).status).toBe(status);
    return e as ApiError;
  }
  throw new Error(`expected HTTP ${status}, got success`);
}

const validTask: z.input<typeof createTaskBodySchema> = {
  title: '建设省级科技成果转化中试基地',
  directiveId: 'd-03',
  measureIndex: null,
  leadUnitId: 'p-kjt',
  coUnitIds: ['p-fgw'],
  responsiblePersonId: 'u-kjt',
  startDate: '2024-05-20',
  deadline: '2024-12-31',
  priority: 'normal',
  tags: [],
  progress: 0,
};

describe('every read endpoint answers in the contract’s shape', () => {
  it.each([
    ['session', () => call(api.session)],
    ['units', () => call(api.units)],
    ['people', () => call(api.people)],
    ['meetings', () => call(api.meetings)],
    ['meeting', () => call(api.meeting, { params: { id: 'm-2023-0424-ah' } })],
    ['directives', () => call(api.directives, { query: {} })],
    ['tasks', () => call(api.listTasks, { query: { pageSize: 500 } })],
    ['task', () => call(api.getTask, { params: { id: 'T-0001' } })],
    ['reports', () => call(api.listReports, { params: { id: 'T-0001' } })],
    ['audit', () => call(api.audit, { query: {} })],
  ])('%s parses', async (_name, fn) => {
    setIdentity('u-leader');
    await expect(fn()).resolves.toBeTruthy();
  });

  it('answers 401 without an identity and 404 for what does not exist', async () => {
    setIdentity(null);
    await expectError(call(api.session), 401);
    setIdentity('u-leader');
    const e = await expectError(call(api.getTask, { params: { id: 'T-9999' } }), 404);
    expect(e.code).toBe('not-found');
    await expectError(call(api.meeting, { params: { id: 'nope' } }), 404);
  });
});

describe('bad payloads get 400 with field paths and store nothing', () => {
  it.each([
    ['empty title', { ...validTask, title: '  ' }, 'title'],
    ['deadline before start', { ...validTask, deadline: '2024-01-01' }, 'deadline'],
    ['progress over 100', { ...validTask, progress: 130 }, 'progress'],
    ['unknown unit', { ...validTask, leadUnitId: 'p-nowhere' }, 'leadUnitId'],
    ['unknown cooperating unit', { ...validTask, coUnitIds: ['p-fgw', 'x'] }, 'coUnitIds.1'],
    ['wrong types', { ...validTask, progress: '50', tags: 'a' }, 'progress'],
    ['not a calendar date', { ...validTask, deadline: '2024-02-30' }, 'deadline'],
  ])('%s', async (_name, body, field) => {
    setIdentity('u-sup');
    const before = snapshot();
    const audits = auditCount();
    const e = await expectError(call(api.createTask, { body: body as never }), 400);
    expect(e.fields.map((f) => f.path)).toContain(field);
    expect(snapshot()).toBe(before);
    expect(auditCount()).toBe(audits + 1);
    expect(stored().audit.at(-1)?.outcome).toBe('invalid');
  });

  it('a PATCH with a bad deadline is refused and leaves the task as it was', async () => {
    setIdentity('u-sup');
    const before = snapshot();
    const open = stored().tasks.find((t) => t.status === 'in-progress')!;
    const e = await expectError(
      call(api.updateTask, {
        params: { id: open.id },
        body: { deadline: '2022-01-01' },
        version: open.version,
      }),
      400,
    );
    expect(e.fields[0]?.path).toBe('deadline');
    expect(snapshot()).toBe(before);
  });
});

/** T-0002 is led by 省科技厅 (p-kjt) in the seed; 刘洋 (u-kjt) is its staff, 杨帆 (u-fy-kjj) is not. */
const task = (id: string) => stored().tasks.find((t) => t.id === id)!;

type Attempt = () => Promise<unknown>;
const ATTEMPTS: Record<string, (id: string) => Attempt> = {
  'create task': () => () => call(api.createTask, { body: validTask }),
  'edit task': (id) => () =>
    call(api.updateTask, { params: { id }, body: { priority: 'high' }, version: task(id).version }),
  'suspend task': (id) => () =>
    call(api.transitionTask, {
      params: { id },
      body: { action: 'suspend', reason: '等待上级政策' },
      version: task(id).version,
    }),
  'report progress': (id) => () =>
    call(api.createReport, {
      params: { id },
      body: { text: '完成阶段任务', progress: 60 },
      version: task(id).version,
    }),
  'reset demo': () => () => call(api.demoReset, { body: { dataset: 'seed' } }),
};

// [identity, attempt, expected status]
const MATRIX: [string, string, number][] = [
  ['u-leader', 'create task', 403],
  ['u-leader', 'edit task', 403],
  ['u-leader', 'suspend task', 403],
  ['u-leader', 'report progress', 403],
  ['u-sup', 'create task', 201],
  ['u-sup', 'edit task', 200],
  ['u-sup', 'suspend task', 200],
  ['u-sup', 'report progress', 403],
  ['u-kjt', 'create task', 403],
  ['u-kjt', 'edit task', 403],
  ['u-kjt', 'suspend task', 403],
  ['u-kjt', 'report progress', 201],
  ['u-fy-kjj', 'report progress', 403],
  ['u-fy-kjj', 'edit task', 403],
  ['u-leader', 'reset demo', 200],
];

describe('role × endpoint matrix', () => {
  const workingTask = () =>
    stored().tasks.find((t) => t.leadUnitId === 'p-kjt' && t.status === 'in-progress')!.id;
  it.each(MATRIX)('%s: %s → %i', async (who, what, status) => {
    const id = workingTask();
    setIdentity(who);
    const before = snapshot();
    const audits = auditCount();
    const attempt = ATTEMPTS[what]!(id);
    if (status >= 400) {
      const e = await expectError(attempt(), status);
      expect(e.code).toBe('forbidden');
      expect(snapshot()).toBe(before);
      expect(stored().audit.at(-1)?.outcome).toBe('denied');
    } else {
      await expect(attempt()).resolves.toBeTruthy();
      if (what !== 'reset demo') expect(snapshot()).not.toBe(before);
    }
    // A reset replaces the log with the seed's; every other attempt adds exactly one entry.
    if (what !== 'reset demo') expect(auditCount()).toBe(audits + 1);
    else expect(stored().audit.at(-1)?.action).toBe('demo.reset');
  });
});

describe('optimistic concurrency', () => {
  it('a stale version gets 412 with the current copy; nothing is overwritten', async () => {
    setIdentity('u-sup');
    const t = task('T-0003');
    await call(api.updateTask, { params: { id: t.id }, body: { priority: 'low' }, version: t.version });
    const before = snapshot();
    const e = await expectError(
      call(api.updateTask, { params: { id: t.id }, body: { priority: 'high' }, version: t.version }),
      412,
    );
    expect(e.code).toBe('precondition-failed');
    expect((e.current as { priority: string; version: number }).priority).toBe('low');
    expect((e.current as { version: number }).version).toBe(t.version + 1);
    expect(snapshot()).toBe(before);
    expect(stored().audit.at(-1)?.outcome).toBe('conflict');
  });

  it('a write without a version gets 428', async () => {
    setIdentity('u-sup');
    const before = snapshot();
    const e = await expectError(
      call(api.updateTask, { params: { id: 'T-0003' }, body: { priority: 'high' } }),
      428,
    );
    expect(e.code).toBe('precondition-required');
    expect(snapshot()).toBe(before);
  });

  it('the version goes up by one on every successful write', async () => {
    setIdentity('u-sup');
    const v = task('T-0004').version;
    const row = await call(api.updateTask, {
      params: { id: 'T-0004' },
      body: { tags: ['重点'] },
      version: v,
    });
    expect(row.version).toBe(v + 1);
    expect(row.tags).toEqual(['重点']);
  });
});

describe('illegal workflow steps', () => {
  it('closing a task that is not pending review gets 409 and changes nothing', async () => {
    setIdentity('u-sup');
    const t = stored().tasks.find((x) => x.status === 'in-progress')!;
    const before = snapshot();
    const e = await expectError(
      call(api.transitionTask, { params: { id: t.id }, body: { action: 'close' }, version: t.version }),
      409,
    );
    expect(e.code).toBe('conflict');
    expect(snapshot()).toBe(before);
  });
});

describe('the audit log', () => {
  it('has no endpoint that changes it', () => {
    const auditWrites = Object.values(api).filter(
      (e) => e.path.startsWith('/api/audit') && e.method !== 'GET',
    );
    expect(auditWrites).toEqual([]);
  });

  it('records who did what, newest first', async () => {
    setIdentity('u-sup');
    await call(api.updateTask, {
      params: { id: 'T-0005' },
      body: { priority: 'high' },
      version: task('T-0005').version,
    });
    const page = await call(api.audit, { query: { target: 'task:T-0005' } });
    expect(page.items[0]).toMatchObject({
      actorId: 'u-sup',
      action: 'task.update',
      outcome: 'ok',
      role: 'supervisor',
    });
    expect(page.items[0]?.at).toMatch(/^2024-05-20T10:00:00\+08:00$/);
  });
});
