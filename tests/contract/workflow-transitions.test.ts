import { describe, expect, it } from 'vitest';
import { ApiError, call, setIdentity } from '../../src/api/client';
import { api } from '../../src/domain/contract';
import type { Task, TaskStatus } from '../../src/domain/schemas';
import { TRANSITION_ACTIONS, type TransitionAction } from '../../src/domain/workflow';
import { againstBackend, commit, digest, resetBackend, stored } from './backend';

againstBackend();

/** Everything but the audit log: a refused write must leave this digest as it was. */
const snapshot = digest;

async function attempt(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return e.status;
  }
}

/** A seeded task in `status`; with `lead`, one led by 省科技厅 (p-kjt) so 刘洋 is its lead staff. */
async function taskIn(status: TaskStatus): Promise<Task> {
  const db = stored();
  const t =
    db.tasks.find((x) => x.status === status && x.leadUnitId === 'p-kjt') ??
    db.tasks.find((x) => x.status === status)!;
  // Give every picked task 省科技厅 as lead and 省发改委 as co-unit, so identities mean the same everywhere.
  Object.assign(t, { leadUnitId: 'p-kjt', coUnitIds: ['p-fgw'] });
  await commit();
  return stored().tasks.find((x) => x.id === t.id)!;
}

const body = (action: TransitionAction) => ({ action, reason: '按督查要求处理', newDeadline: '2025-12-31' });
const transit = (t: Task, action: TransitionAction, version: number | undefined = t.version) =>
  call(api.transitionTask, { params: { id: t.id }, body: body(action), version });

const STATUSES: TaskStatus[] = [
  'assigned',
  'in-progress',
  'pending-review',
  'closed',
  'returned',
  'extension-requested',
  'suspended',
];
const LEGAL: Record<Exclude<TransitionAction, 'submit'>, TaskStatus[]> = {
  accept: ['assigned'],
  close: ['pending-review'],
  'send-back': ['pending-review'],
  'request-extension': ['assigned', 'in-progress', 'returned'],
  'approve-extension': ['extension-requested'],
  'reject-extension': ['extension-requested'],
  suspend: ['assigned', 'in-progress', 'returned', 'pending-review'],
  resume: ['suspended'],
  reopen: ['closed'],
};
/** Who may take each step: 刘洋 (lead unit staff) accepts and asks for time; 陈静 (督查室) decides the rest. */
const ACTOR: Record<keyof typeof LEGAL, string> = {
  accept: 'u-kjt',
  'request-extension': 'u-kjt',
  close: 'u-sup',
  'send-back': 'u-sup',
  'approve-extension': 'u-sup',
  'reject-extension': 'u-sup',
  suspend: 'u-sup',
  resume: 'u-sup',
  reopen: 'u-sup',
};

describe('POST /api/tasks/:id/transitions: every step from every status, by the right person', () => {
  const cases = (Object.keys(LEGAL) as (keyof typeof LEGAL)[]).flatMap((a) =>
    STATUSES.map((s) => [a, s, LEGAL[a].includes(s) ? 200 : 409] as const),
  );
  it.each(cases)('%s from %s → %i, one audit entry', async (action, status, expected) => {
    const t = await taskIn(status);
    setIdentity(ACTOR[action]);
    const before = snapshot();
    const audits = stored().audit.length;
    expect(await attempt(transit(t, action))).toBe(expected);
    expect(stored().audit.length).toBe(audits + 1);
    const entry = stored().audit.at(-1)!;
    expect(entry).toMatchObject({
      action: 'task.transition',
      target: `task:${t.id}`,
      actorId: ACTOR[action],
    });
    if (expected === 409) {
      expect(entry.outcome).toBe('conflict');
      expect(snapshot()).toBe(before);
    } else {
      expect(entry.outcome).toBe('ok');
      expect(stored().tasks.find((x) => x.id === t.id)!.version).toBe(t.version + 1);
    }
  });
  it('submit is refused as a bare step (409): it goes through a final report', async () => {
    const t = await taskIn('in-progress');
    setIdentity('u-kjt');
    const before = snapshot();
    expect(await attempt(transit(t, 'submit'))).toBe(409);
    expect(snapshot()).toBe(before);
  });
  it('covers every transition action', () => {
    expect([...Object.keys(LEGAL), 'submit'].sort()).toEqual([...TRANSITION_ACTIONS].sort());
  });
});

describe('403 by role: the matrix', () => {
  // leader, lead unit staff, cooperating unit staff, another unit's staff, supervision office
  const WHO = ['u-leader', 'u-kjt', 'u-fgw', 'u-jyt', 'u-sup'] as const;
  const ALLOWED: Record<keyof typeof LEGAL, (typeof WHO)[number][]> = {
    accept: ['u-kjt'],
    'request-extension': ['u-kjt'],
    close: ['u-sup'],
    'send-back': ['u-sup'],
    'approve-extension': ['u-sup'],
    'reject-extension': ['u-sup'],
    suspend: ['u-sup'],
    resume: ['u-sup'],
    reopen: ['u-sup'],
  };
  const cases = (Object.keys(ALLOWED) as (keyof typeof LEGAL)[]).flatMap((a) =>
    WHO.map((who) => [a, who, ALLOWED[a].includes(who) ? 200 : 403] as const),
  );
  it.each(cases)('%s by %s → %i', async (action, who, expected) => {
    await resetBackend();
    const t = await taskIn(LEGAL[action][0]!);
    setIdentity(who);
    const before = snapshot();
    const audits = stored().audit.length;
    expect(await attempt(transit(t, action))).toBe(expected);
    expect(stored().audit.length).toBe(audits + 1);
    if (expected === 403) {
      expect(stored().audit.at(-1)!.outcome).toBe('denied');
      expect(snapshot()).toBe(before);
    }
  });
  it.each([
    ['u-leader', 403],
    ['u-kjt', 201],
    ['u-fgw', 201],
    ['u-jyt', 403],
    ['u-sup', 403],
  ] as const)('a progress report by %s → %i', async (who, expected) => {
    const t = await taskIn('in-progress');
    setIdentity(who);
    const before = snapshot();
    const res = await attempt(
      call(api.createReport, {
        params: { id: t.id },
        version: t.version,
        body: { text: '完成中试线建设', progress: 70, evidence: [], final: false },
      }),
    );
    expect(res).toBe(expected === 201 ? 200 : expected);
    if (expected === 403) expect(snapshot()).toBe(before);
  });
  it.each([
    ['u-leader', 403],
    ['u-kjt', 403],
    ['u-sup', 200],
  ] as const)('reviewing a report by %s → %i, logged on the task', async (who, expected) => {
    const t = await taskIn('pending-review');
    const report = stored().reports.find((r) => r.taskId === t.id && r.reviewState === 'pending')!;
    setIdentity(who);
    const before = snapshot();
    expect(
      await attempt(
        call(api.reviewReport, {
          params: { id: report.id },
          body: { decision: 'return', comment: '佐证材料不全' },
        }),
      ),
    ).toBe(expected);
    expect(stored().audit.at(-1)).toMatchObject({ action: 'report.review', target: `task:${t.id}` });
    if (expected === 403) expect(snapshot()).toBe(before);
    else expect(stored().tasks.find((x) => x.id === t.id)!.status).toBe('returned');
  });
});

describe('versions on workflow writes', () => {
  it('a stale version gets 412 with the current copy, and nothing changes', async () => {
    const t = await taskIn('pending-review');
    setIdentity('u-sup');
    const before = snapshot();
    let err: ApiError | null = null;
    await transit(t, 'close', t.version - 1).catch((e: ApiError) => {
      err = e;
    });
    expect(err!.status).toBe(412);
    expect(err!.current).toMatchObject({ id: t.id, version: t.version, status: 'pending-review' });
    expect(snapshot()).toBe(before);
    expect(stored().audit.at(-1)!.outcome).toBe('conflict');
  });
  it('a missing version gets 428', async () => {
    const t = await taskIn('pending-review');
    setIdentity('u-sup');
    const before = snapshot();
    expect(await attempt(call(api.transitionTask, { params: { id: t.id }, body: body('close') }))).toBe(428);
    expect(snapshot()).toBe(before);
  });
  it('a report with a stale version gets 412', async () => {
    const t = await taskIn('in-progress');
    setIdentity('u-kjt');
    const before = snapshot();
    expect(
      await attempt(
        call(api.createReport, {
          params: { id: t.id },
          version: t.version + 5,
          body: { text: '进展', progress: 70, evidence: [], final: false },
        }),
      ),
    ).toBe(412);
    expect(snapshot()).toBe(before);
  });
  it('a reason is required for send-back (400, nothing stored)', async () => {
    const t = await taskIn('pending-review');
    setIdentity('u-sup');
    const before = snapshot();
    expect(
      await attempt(
        call(api.transitionTask, { params: { id: t.id }, body: { action: 'send-back' }, version: t.version }),
      ),
    ).toBe(400);
    expect(snapshot()).toBe(before);
  });
});

describe('the full loop through the API', () => {
  it('report done → send back → report again → close, with the history on the task', async () => {
    // T-0003 (省科技厅, in progress) has no report for April, the month due on 2024-05-20.
    const t = stored().tasks.find((x) => x.id === 'T-0003')!;
    const version = () => stored().tasks.find((x) => x.id === t.id)!.version;
    setIdentity('u-kjt');
    let d = await call(api.createReport, {
      params: { id: t.id },
      version: version(),
      body: { text: '全部完成', progress: 100, evidence: [], final: true },
    });
    expect(d.task.status).toBe('pending-review');
    // The report counts for April, the month the unit had missed, so it is late.
    expect(d.reports.at(-1)).toMatchObject({ period: '2024-04', final: true, reviewState: 'pending' });
    setIdentity('u-sup');
    const back = await transit({ ...t, version: version() }, 'send-back');
    expect(back.status).toBe('returned');
    expect(
      stored()
        .reports.filter((r) => r.taskId === t.id)
        .at(-1),
    ).toMatchObject({ reviewState: 'returned', reviewComment: '按督查要求处理' });
    setIdentity('u-kjt');
    d = await call(api.createReport, {
      params: { id: t.id },
      version: version(),
      body: {
        text: '补充佐证材料',
        progress: 100,
        evidence: ['https://docs.example.org/a.pdf'],
        final: true,
      },
    });
    expect(d.reports.at(-1)!.period).toBe('2024-05');
    setIdentity('u-sup');
    const closed = await transit({ ...t, version: version() }, 'close');
    expect(closed).toMatchObject({ status: 'closed', progress: 100 });
    const log = await call(api.audit, { query: { target: `task:${t.id}`, pageSize: 10 } });
    expect(log.items.slice(0, 4).map((e) => e.action)).toEqual([
      'task.transition',
      'report.create',
      'task.transition',
      'report.create',
    ]);
  });
});
