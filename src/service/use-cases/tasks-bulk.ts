import type { z } from 'zod';
import { api, type bulkTaskBodySchema } from '../../domain/contract';
import { can } from '../../domain/permissions';
import type { Task } from '../../domain/schemas';
import type { WriteCtx } from '../context';
import { type Result, refuse } from '../result';
import { defineWrite } from '../runner';
import { checkRefs, forbidden, saveTask } from './common';

const BULK_PERMISSION = {
  'assign-lead': 'task.assign',
  'assign-person': 'task.assign',
  'set-deadline': 'task.edit',
  remind: 'task.remind',
} as const;

const listCodes = (tasks: readonly Task[]) => {
  const shown = tasks
    .slice(0, 12)
    .map((t) => t.code)
    .join(', ');
  return tasks.length > 12 ? `${shown} … (${tasks.length})` : shown;
};

type Body = z.output<typeof bulkTaskBodySchema>;

function patchOf(b: Body, t: Task): Partial<Task> | null {
  if (b.action === 'assign-lead' && t.leadUnitId !== b.leadUnitId) {
    return { leadUnitId: b.leadUnitId!, coUnitIds: t.coUnitIds.filter((u) => u !== b.leadUnitId) };
  }
  if (b.action === 'assign-person' && t.responsiblePersonId !== b.responsiblePersonId)
    return { responsiblePersonId: b.responsiblePersonId! };
  if (b.action === 'set-deadline' && t.deadline !== b.deadline) return { deadline: b.deadline! };
  return null;
}

/**
 * Bulk actions from the ledger: every check runs before anything changes, so a refused request
 * (403/400/404/412) stores nothing; one audit entry records the whole request.
 */
function runBulk(ctx: WriteCtx<Body>): Result {
  const b = ctx.body;
  ctx.target = b.items.length === 1 ? `task:${b.items[0]!.id}` : `tasks:bulk(${b.items.length})`;
  if (!can(ctx.actor, 'task.bulk') || !can(ctx.actor, BULK_PERMISSION[b.action])) {
    return forbidden('批量操作', `${b.action}: ${b.items.length} tasks`);
  }
  const byId = new Map(ctx.data.tasks.map((t) => [t.id, t]));
  const missing = b.items.filter((i) => !byId.has(i.id)).map((i) => i.id);
  if (missing.length) return refuse('not-found', `任务不存在：${missing.slice(0, 5).join(', ')}`);
  const stale = b.items.filter((i) => byId.get(i.id)!.version !== i.version);
  if (stale.length) {
    return refuse('precondition-failed', `${stale.length} 项任务已被他人修改，请刷新后重试 (stale version)`, {
      current: stale.map((i) => ({ id: i.id, version: byId.get(i.id)!.version })),
    });
  }
  const refErr = checkRefs(ctx.data, {
    leadUnitId: b.leadUnitId,
    responsiblePersonId: b.responsiblePersonId,
  });
  if (refErr) return refErr;
  const tasks = b.items.map((i) => byId.get(i.id)!);
  // Closed tasks are done with: a bulk change or a reminder skips them instead of reopening history.
  const open = tasks.filter((t) => t.status !== 'closed');
  if (b.action === 'set-deadline') {
    const early = open.filter((t) => b.deadline! < t.startDate);
    if (early.length) {
      return refuse('bad-request', `完成时限早于开始日期：${listCodes(early)}`, {
        fields: [{ path: 'deadline', message: 'deadline is before the start date' }],
      });
    }
  }
  const changed: { id: string; version: number }[] = [];
  const changedTasks: Task[] = [];
  const remindedTasks: Task[] = [];
  for (const t of open) {
    if (b.action === 'remind') {
      if (t.status === 'suspended') continue;
      const n = ctx.tx.nextSeq('reminder', ctx.data.reminders?.length ?? 0);
      ctx.tx.insert('reminders', {
        id: `RM-${String(n).padStart(5, '0')}`,
        taskId: t.id,
        at: ctx.now,
        byId: ctx.actor.id,
        message: b.message ?? null,
      });
      remindedTasks.push(t);
      continue;
    }
    const p = patchOf(b, t);
    if (!p) continue;
    const saved = saveTask(ctx, { ...t, ...p });
    changed.push({ id: saved.id, version: saved.version });
    changedTasks.push(t);
  }
  const done = new Set((b.action === 'remind' ? remindedTasks : changedTasks).map((t) => t.id));
  const value = b.leadUnitId ?? b.responsiblePersonId ?? b.deadline ?? b.message ?? '';
  const doneTasks = b.action === 'remind' ? remindedTasks : changedTasks;
  return {
    ok: true,
    body: {
      action: b.action,
      changed,
      unchanged: tasks.filter((t) => !done.has(t.id)).map((t) => t.id),
      reminded: remindedTasks.length,
    },
    detail: `${b.action}${value ? ` → ${value}` : ''}: ${doneTasks.length}/${tasks.length} — ${listCodes(doneTasks)}`,
  };
}

export const bulkTasks = defineWrite(api.bulkTasks, 'task.bulk', () => 'tasks:bulk', runBulk);
