import type { Role, Task } from './schemas';

/**
 * Who may do what. The mock API answers 403 from these rules and the UI hides what they refuse,
 * so both read this one table.
 * - 领导 (leader): reads everything, changes nothing.
 * - 督查室 (supervisor): creates, assigns, reviews, scores.
 * - 责任单位 staff: reports progress and requests extensions on tasks their unit leads or cooperates on.
 */
export type Action =
  | 'meeting.import'
  | 'directive.link'
  | 'task.create'
  | 'task.edit'
  | 'task.assign'
  | 'task.bulk'
  | 'task.accept'
  | 'task.report'
  | 'task.request-extension'
  | 'task.decide-extension'
  | 'task.review'
  | 'task.close'
  | 'task.suspend'
  | 'task.resume'
  | 'task.remind'
  | 'assessment.adjust'
  | 'assessment.publish'
  | 'settings.update'
  | 'demo.reset';

const SUPERVISOR_ONLY: ReadonlySet<Action> = new Set<Action>([
  'meeting.import',
  'directive.link',
  'task.create',
  'task.edit',
  'task.assign',
  'task.bulk',
  'task.decide-extension',
  'task.review',
  'task.close',
  'task.suspend',
  'task.resume',
  'task.remind',
  'assessment.adjust',
  'assessment.publish',
  'settings.update',
]);

const STAFF_ON_OWN_TASK: ReadonlySet<Action> = new Set<Action>([
  'task.accept',
  'task.report',
  'task.request-extension',
]);

export interface Actor {
  role: Role;
  unitId: string;
}

/** Whether the actor's unit leads or cooperates on the task. */
export function isOwnTask(actor: Actor, task: Pick<Task, 'leadUnitId' | 'coUnitIds'>): boolean {
  return task.leadUnitId === actor.unitId || task.coUnitIds.includes(actor.unitId);
}

export function can(actor: Actor, action: Action, task?: Pick<Task, 'leadUnitId' | 'coUnitIds'>): boolean {
  // Resetting the demo is a demo-only convenience open to every identity.
  if (action === 'demo.reset') return true;
  if (actor.role === 'leader') return false;
  if (actor.role === 'supervisor') return SUPERVISOR_ONLY.has(action);
  if (STAFF_ON_OWN_TASK.has(action)) {
    if (!task) return false;
    // Accepting (签收) and asking for more time are the lead unit's job; reports come from any owner.
    if (action === 'task.report') return isOwnTask(actor, task);
    return task.leadUnitId === actor.unitId;
  }
  return false;
}
