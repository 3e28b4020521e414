import { type Action, type Actor, can } from './permissions';
import type { Task, TaskStatus } from './schemas';

/**
 * The 督办 workflow: 交办 → 签收 → 反馈 → 审核 → 办结销号.
 * assigned (待签收) → in-progress (推进中) → pending-review (待审核) → closed (已办结);
 * the supervisor may send a report back (returned 已退回, worked on like in-progress), the lead unit may
 * ask for more time (extension-requested 延期申请), the supervisor may suspend (暂缓) and resume.
 * Submitting a final progress report is the move to pending-review (see `submit`).
 */
export type TransitionAction =
  | 'accept'
  | 'submit'
  | 'close'
  | 'send-back'
  | 'request-extension'
  | 'approve-extension'
  | 'reject-extension'
  | 'suspend'
  | 'resume'
  | 'reopen';

export const TRANSITION_ACTIONS: readonly TransitionAction[] = [
  'accept',
  'submit',
  'close',
  'send-back',
  'request-extension',
  'approve-extension',
  'reject-extension',
  'suspend',
  'resume',
  'reopen',
];

const WORKING: readonly TaskStatus[] = ['in-progress', 'returned'];

interface Rule {
  from: readonly TaskStatus[];
  permission: Action;
  needsReason: boolean;
  needsDeadline: boolean;
}

export const TRANSITIONS: Record<TransitionAction, Rule> = {
  accept: { from: ['assigned'], permission: 'task.accept', needsReason: false, needsDeadline: false },
  submit: { from: WORKING, permission: 'task.report', needsReason: false, needsDeadline: false },
  close: { from: ['pending-review'], permission: 'task.close', needsReason: false, needsDeadline: false },
  'send-back': {
    from: ['pending-review'],
    permission: 'task.review',
    needsReason: true,
    needsDeadline: false,
  },
  'request-extension': {
    from: ['assigned', ...WORKING],
    permission: 'task.request-extension',
    needsReason: true,
    needsDeadline: true,
  },
  'approve-extension': {
    from: ['extension-requested'],
    permission: 'task.decide-extension',
    needsReason: false,
    needsDeadline: false,
  },
  'reject-extension': {
    from: ['extension-requested'],
    permission: 'task.decide-extension',
    needsReason: true,
    needsDeadline: false,
  },
  suspend: {
    from: ['assigned', 'in-progress', 'returned', 'pending-review'],
    permission: 'task.suspend',
    needsReason: true,
    needsDeadline: false,
  },
  resume: { from: ['suspended'], permission: 'task.resume', needsReason: false, needsDeadline: false },
  reopen: { from: ['closed'], permission: 'task.resume', needsReason: true, needsDeadline: false },
};

export interface TransitionInput {
  action: TransitionAction;
  reason?: string;
  newDeadline?: string;
  by: string;
  at: string;
}

export type TransitionResult =
  | { ok: true; task: Task }
  | { ok: false; code: 'illegal-transition' | 'reason-required' | 'deadline-required'; message: string };

export function allowedActions(status: TaskStatus): TransitionAction[] {
  return TRANSITION_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}

/** Apply a workflow step. Returns the next task (version untouched: the store bumps it) or why not. */
export function transition(task: Task, input: TransitionInput): TransitionResult {
  const rule = TRANSITIONS[input.action];
  if (!rule.from.includes(task.status)) {
    return {
      ok: false,
      code: 'illegal-transition',
      message: `cannot ${input.action} a task that is ${task.status}`,
    };
  }
  if (rule.needsReason && !input.reason?.trim()) {
    return { ok: false, code: 'reason-required', message: `${input.action} needs a reason` };
  }
  if (rule.needsDeadline && !input.newDeadline) {
    return { ok: false, code: 'deadline-required', message: 'an extension needs the new deadline' };
  }
  const base = { ...task, updatedAt: input.at };
  switch (input.action) {
    case 'accept':
      return { ok: true, task: { ...base, status: 'in-progress' } };
    case 'submit':
      return { ok: true, task: { ...base, status: 'pending-review' } };
    case 'close':
      return { ok: true, task: { ...base, status: 'closed', progress: 100, closedAt: input.at } };
    case 'send-back':
      return { ok: true, task: { ...base, status: 'returned' } };
    case 'request-extension':
      if (input.newDeadline! <= task.deadline) {
        return { ok: false, code: 'deadline-required', message: 'the new deadline must be later' };
      }
      return {
        ok: true,
        task: {
          ...base,
          status: 'extension-requested',
          resumeStatus: task.status,
          extension: {
            requestedDeadline: input.newDeadline!,
            reason: input.reason!.trim(),
            requestedAt: input.at,
            requestedBy: input.by,
          },
        },
      };
    case 'approve-extension':
      return {
        ok: true,
        task: {
          ...base,
          status: task.resumeStatus ?? 'in-progress',
          resumeStatus: null,
          deadline: task.extension?.requestedDeadline ?? task.deadline,
          extension: null,
        },
      };
    case 'reject-extension':
      return {
        ok: true,
        task: { ...base, status: task.resumeStatus ?? 'in-progress', resumeStatus: null, extension: null },
      };
    case 'suspend':
      return { ok: true, task: { ...base, status: 'suspended', resumeStatus: task.status } };
    case 'resume':
      return { ok: true, task: { ...base, status: task.resumeStatus ?? 'in-progress', resumeStatus: null } };
    case 'reopen':
      return { ok: true, task: { ...base, status: 'in-progress', closedAt: null } };
  }
}

/**
 * What a person may do on a task right now, as the task page offers it: the state machine's legal steps
 * that the actor's role allows, plus reporting (a progress report; `submit` only happens through a final
 * report), reassigning and editing. The API enforces the same rules (403 by role, 409 by state).
 */
export type TaskAction = Exclude<TransitionAction, 'submit'> | 'report' | 'reassign' | 'edit';

export const TASK_ACTIONS: readonly TaskAction[] = [
  'accept',
  'report',
  'request-extension',
  'approve-extension',
  'reject-extension',
  'close',
  'send-back',
  'suspend',
  'resume',
  'reopen',
  'reassign',
  'edit',
];

/** Statuses in which a unit may file a progress report (the same set `submit` starts from). */
export const REPORTABLE: readonly TaskStatus[] = WORKING;

export function availableActions(
  actor: Actor,
  task: Pick<Task, 'status' | 'leadUnitId' | 'coUnitIds'>,
): TaskAction[] {
  return TASK_ACTIONS.filter((a) => {
    switch (a) {
      case 'report':
        return REPORTABLE.includes(task.status) && can(actor, 'task.report', task);
      // A closed task is history: it is reopened first, then changed.
      case 'reassign':
        return task.status !== 'closed' && can(actor, 'task.assign', task);
      case 'edit':
        return task.status !== 'closed' && can(actor, 'task.edit', task);
      default:
        return TRANSITIONS[a].from.includes(task.status) && can(actor, TRANSITIONS[a].permission, task);
    }
  });
}
