import type { TaskRow } from '../../domain/contract';
import { type Actor, isOwnTask } from '../../domain/permissions';
import type { ProgressReport, Task } from '../../domain/schemas';
import type { WriteCtx } from '../context';
import type { Db } from '../db';
import { type FieldError, type Refusal, refuse } from '../result';
import { toRow } from '../views';

export const forbidden = (what: string, detail?: string): Refusal =>
  refuse('forbidden', `无权${what} (forbidden)`, detail ? { detail } : {});
export const taskNotFound = (id: string): Refusal => refuse('not-found', `任务不存在：${id}`);

export function findTask(data: Db, id: string | undefined): Task | undefined {
  return data.tasks.find((t) => t.id === id);
}

/** Unknown unit, person or directive ids are field errors, like any other bad input. */
export function checkRefs(
  data: Db,
  fields: {
    leadUnitId?: string;
    coUnitIds?: string[];
    responsiblePersonId?: string | null;
    directiveId?: string | null;
  },
): Refusal | null {
  const units = new Set(data.units.map((u) => u.id));
  const bad: FieldError[] = [];
  if (fields.leadUnitId !== undefined && !units.has(fields.leadUnitId))
    bad.push({ path: 'leadUnitId', message: 'unknown unit' });
  fields.coUnitIds?.forEach((u, i) => {
    if (!units.has(u)) bad.push({ path: `coUnitIds.${i}`, message: 'unknown unit' });
  });
  if (fields.responsiblePersonId && !data.people.some((p) => p.id === fields.responsiblePersonId)) {
    bad.push({ path: 'responsiblePersonId', message: 'unknown person' });
  }
  if (fields.directiveId && !data.directives.some((d) => d.id === fields.directiveId)) {
    bad.push({ path: 'directiveId', message: 'unknown directive' });
  }
  return bad.length ? refuse('bad-request', '引用的单位、人员或部署不存在', { fields: bad }) : null;
}

/** The current copy sent with a 412, so the client can show both versions. */
export function currentRow(data: Db, id: string, day: string): TaskRow | undefined {
  const t = findTask(data, id);
  return t ? toRow(data, t, day) : undefined;
}

/** Optimistic concurrency: 428 without If-Match, 412 (with the current copy) when it is stale. */
export function checkVersion(ctx: WriteCtx<unknown>, task: Task): Refusal | null {
  if (ctx.ifMatch === null) return refuse('precondition-required', '缺少版本号 If-Match (version required)');
  if (ctx.ifMatch !== task.version) {
    return refuse('precondition-failed', `任务已被他人修改（当前版本 ${task.version}）(stale version)`, {
      current: toRow(ctx.data, task, ctx.today),
    });
  }
  return null;
}

/** The 412 answer when the store itself saw a newer version at commit (a concurrent writer won). */
export function staleAtCommit(data: Db, params: Record<string, string>, day: string): Refusal {
  const t = findTask(data, params.id);
  return refuse('precondition-failed', `任务已被他人修改（当前版本 ${t?.version ?? '?'}）(stale version)`, {
    current: t ? toRow(data, t, day) : undefined,
  });
}

/** Stores a changed task with the next version; the store refuses it if someone else got there first. */
export function saveTask(ctx: WriteCtx<unknown>, next: Task): Task {
  const before = findTask(ctx.data, next.id);
  const stored = { ...next, version: (before?.version ?? next.version) + 1, updatedAt: ctx.now };
  ctx.tx.update('tasks', stored, before?.version);
  return stored;
}

/**
 * Unit staff see another unit's reports only once the 督查室 accepted them: a pending or returned
 * report is that unit's draft (read-access NARROWED.draftReports).
 */
export function visibleReports(
  actor: Actor,
  task: Pick<Task, 'leadUnitId' | 'coUnitIds'>,
  reports: ProgressReport[],
): ProgressReport[] {
  if (actor.role !== 'staff' || isOwnTask(actor, task)) return reports;
  return reports.filter((r) => r.reviewState === 'accepted');
}
