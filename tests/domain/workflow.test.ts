import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/permissions';
import type { Task, TaskStatus } from '../../src/domain/schemas';
import {
  availableActions,
  TRANSITION_ACTIONS,
  type TransitionAction,
  transition,
} from '../../src/domain/workflow';

const AT = '2024-05-20T10:00:00+08:00';
const STATUSES: TaskStatus[] = [
  'assigned',
  'in-progress',
  'pending-review',
  'closed',
  'returned',
  'extension-requested',
  'suspended',
];

function task(status: TaskStatus, patch: Partial<Task> = {}): Task {
  return {
    id: 'T-9',
    code: 'DB-2024-0009',
    title: '建设中试基地',
    directiveId: null,
    measureIndex: null,
    leadUnitId: 'p-kjt',
    coUnitIds: ['p-fgw'],
    responsiblePersonId: 'u-kjt',
    startDate: '2024-01-01',
    deadline: '2024-06-30',
    originalDeadline: '2024-06-30',
    status,
    resumeStatus: status === 'suspended' || status === 'extension-requested' ? 'returned' : null,
    progress: 40,
    priority: 'normal',
    tags: [],
    extension:
      status === 'extension-requested'
        ? { requestedDeadline: '2024-09-30', reason: '设备到货推迟', requestedAt: AT, requestedBy: 'u-kjt' }
        : null,
    closedAt: status === 'closed' ? AT : null,
    createdAt: AT,
    updatedAt: AT,
    version: 3,
    ...patch,
  };
}

/** The 督办 workflow written out by hand: from which statuses each step is legal, and where it leads. */
const LEGAL: Record<TransitionAction, Partial<Record<TaskStatus, TaskStatus>>> = {
  accept: { assigned: 'in-progress' },
  submit: { 'in-progress': 'pending-review', returned: 'pending-review' },
  close: { 'pending-review': 'closed' },
  'send-back': { 'pending-review': 'returned' },
  'request-extension': {
    assigned: 'extension-requested',
    'in-progress': 'extension-requested',
    returned: 'extension-requested',
  },
  // Deciding an extension returns to the status the task had when it was asked (here: returned).
  'approve-extension': { 'extension-requested': 'returned' },
  'reject-extension': { 'extension-requested': 'returned' },
  suspend: {
    assigned: 'suspended',
    'in-progress': 'suspended',
    returned: 'suspended',
    'pending-review': 'suspended',
  },
  resume: { suspended: 'returned' },
  reopen: { closed: 'in-progress' },
};

const input = (action: TransitionAction) => ({
  action,
  by: 'u-sup',
  at: AT,
  reason: '理由',
  newDeadline: '2024-12-31',
});

describe('workflow: every action from every status', () => {
  const cases = TRANSITION_ACTIONS.flatMap((a) => STATUSES.map((s) => [a, s, LEGAL[a][s] ?? null] as const));
  it.each(cases)('%s from %s → %s', (action, from, to) => {
    const res = transition(task(from), input(action));
    if (to === null) {
      expect(res).toMatchObject({ ok: false, code: 'illegal-transition' });
    } else {
      expect(res.ok).toBe(true);
      if (res.ok) expect(res.task.status).toBe(to);
    }
  });
  it('covers 70 pairs, 16 of them legal', () => {
    expect(cases).toHaveLength(70);
    expect(cases.filter((c) => c[2] !== null)).toHaveLength(16);
  });
});

describe('workflow: what each step needs and changes', () => {
  it.each(['send-back', 'suspend', 'reject-extension', 'reopen', 'request-extension'] as const)(
    '%s needs a reason',
    (action) => {
      const from = Object.keys(LEGAL[action])[0] as TaskStatus;
      expect(transition(task(from), { ...input(action), reason: '  ' })).toMatchObject({
        ok: false,
        code: 'reason-required',
      });
    },
  );
  it('an extension needs a later deadline', () => {
    expect(
      transition(task('in-progress'), { ...input('request-extension'), newDeadline: undefined }),
    ).toMatchObject({ ok: false, code: 'deadline-required' });
    expect(
      transition(task('in-progress'), { ...input('request-extension'), newDeadline: '2024-06-30' }),
    ).toMatchObject({ ok: false, code: 'deadline-required' });
    const res = transition(task('in-progress'), { ...input('request-extension'), newDeadline: '2024-07-01' });
    expect(res.ok && res.task.extension).toMatchObject({
      requestedDeadline: '2024-07-01',
      reason: '理由',
      requestedBy: 'u-sup',
    });
    expect(res.ok && res.task.resumeStatus).toBe('in-progress');
  });
  it('approving moves the deadline and keeps the original; rejecting keeps the deadline', () => {
    const approved = transition(task('extension-requested'), input('approve-extension'));
    expect(
      approved.ok && [approved.task.deadline, approved.task.originalDeadline, approved.task.extension],
    ).toEqual(['2024-09-30', '2024-06-30', null]);
    const rejected = transition(task('extension-requested'), input('reject-extension'));
    expect(rejected.ok && [rejected.task.deadline, rejected.task.extension]).toEqual(['2024-06-30', null]);
  });
  it('closing sets progress to 100 and the close time; reopening clears it', () => {
    const closed = transition(task('pending-review'), input('close'));
    expect(closed.ok && [closed.task.progress, closed.task.closedAt]).toEqual([100, AT]);
    const reopened = transition(task('closed'), input('reopen'));
    expect(reopened.ok && reopened.task.closedAt).toBeNull();
  });
  it('suspending remembers the status and resuming restores it', () => {
    const s = transition(task('pending-review'), input('suspend'));
    expect(s.ok && s.task.resumeStatus).toBe('pending-review');
    const r = s.ok ? transition(s.task, input('resume')) : s;
    expect(r.ok && [r.task.status, r.task.resumeStatus]).toEqual(['pending-review', null]);
  });
  it('leaves the version to the store', () => {
    const res = transition(task('assigned'), input('accept'));
    expect(res.ok && res.task.version).toBe(3);
  });
});

describe('availableActions: legal steps the role allows', () => {
  const sup: Actor = { role: 'supervisor', unitId: 'p-dcs' };
  const lead: Actor = { role: 'staff', unitId: 'p-kjt' };
  const co: Actor = { role: 'staff', unitId: 'p-fgw' };
  const other: Actor = { role: 'staff', unitId: 'p-jyt' };
  const leader: Actor = { role: 'leader', unitId: 'p-wbt' };
  it.each([
    [lead, 'assigned', ['accept', 'request-extension']],
    [co, 'assigned', []],
    [lead, 'in-progress', ['report', 'request-extension']],
    [co, 'in-progress', ['report']],
    [lead, 'returned', ['report', 'request-extension']],
    [lead, 'pending-review', []],
    [other, 'in-progress', []],
    [sup, 'assigned', ['suspend', 'reassign', 'edit']],
    [sup, 'in-progress', ['suspend', 'reassign', 'edit']],
    [sup, 'pending-review', ['close', 'send-back', 'suspend', 'reassign', 'edit']],
    [sup, 'extension-requested', ['approve-extension', 'reject-extension', 'reassign', 'edit']],
    [sup, 'suspended', ['resume', 'reassign', 'edit']],
    [sup, 'closed', ['reopen']],
    [leader, 'pending-review', []],
    [leader, 'in-progress', []],
  ] as const)('%o on %s', (actor, status, expected) => {
    expect(availableActions(actor, task(status))).toEqual(expected);
  });
});
