import { api, TASK_SORT_KEYS, type TaskSortKey } from '../../domain/contract';
import { can } from '../../domain/permissions';
import type { Task } from '../../domain/schemas';
import { reportsAfterTransition } from '../../domain/task-effects';
import { indexTasks, queryTaskIndex, sortOrder, type TaskIndex } from '../../domain/task-query';
import { TRANSITIONS, transition } from '../../domain/workflow';
import type { Db } from '../db';
import { okBody, refuse } from '../result';
import { defineRead, defineWrite } from '../runner';
import { memo, reportsOf, toRow, views } from '../views';
import {
  checkRefs,
  checkVersion,
  findTask,
  forbidden,
  saveTask,
  staleAtCommit,
  taskNotFound,
  visibleReports,
} from './common';

/** The ledger's search index lives as long as the snapshot it was built from. */
export function taskIndex(data: Db, day: string): TaskIndex {
  return memo(data, `task-index|${day}`, () => {
    const v = views(data, day);
    const index = indexTasks(v.rows, v.lookups);
    warmSortOrders(data, day, index);
    return index;
  });
}

/**
 * In the browser, the other sort orders are prepared while the page is idle, one at a time, like a
 * database keeping an index per sortable column: the first click on a header then costs no collation.
 */
function warmSortOrders(data: Db, day: string, index: TaskIndex) {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number })
    .requestIdleCallback;
  if (typeof idle !== 'function' || index.rows.length < 1000) return;
  const todo = TASK_SORT_KEYS.flatMap((k) => [`${k}:asc`, `${k}:desc`]);
  const step = () => {
    const next = todo.shift();
    if (!next || memo(data, `task-index|${day}`, () => null) !== index) return;
    const [key, order] = next.split(':') as [TaskSortKey, 'asc' | 'desc'];
    sortOrder(index, key, order);
    idle(step, { timeout: 2000 });
  };
  idle(step, { timeout: 2000 });
}

export const listTasks = defineRead(api.listTasks, ({ data, models, query, today }) =>
  models ? models.listTasks(query, today) : queryTaskIndex(taskIndex(data, today), query, today),
);

export const getTask = defineRead(api.getTask, ({ data, params, today, actor }) => {
  // Just this task's row (one pass over the reports), not the views of every task: a write makes a
  // new snapshot, and rebuilding 100,000 rows to show one would cost a second.
  const task = findTask(data, params.id!);
  if (!task) return taskNotFound(params.id!);
  const row = toRow(data, task, today);
  return { task: row, reports: visibleReports(actor, row, reportsOf(data, row.id)) };
});

export const createTask = defineWrite(
  api.createTask,
  'task.create',
  () => 'task:new',
  (ctx) => {
    if (!can(ctx.actor, 'task.create')) return forbidden('创建任务');
    const refErr = checkRefs(ctx.data, ctx.body);
    if (refErr) return refErr;
    const n = ctx.tx.nextSeq('task', ctx.data.tasks.length);
    const task: Task = {
      ...ctx.body,
      id: `T-${String(n).padStart(4, '0')}`,
      code: `DB-${ctx.today.slice(0, 4)}-${String(n).padStart(4, '0')}`,
      originalDeadline: ctx.body.deadline,
      status: 'assigned',
      resumeStatus: null,
      extension: null,
      closedAt: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      version: 1,
    };
    ctx.tx.insert('tasks', task);
    ctx.target = `task:${task.id}`;
    return okBody(toRow(ctx.tx.data, task, ctx.today), { status: 201, detail: task.title });
  },
);

const show = (v: unknown) => JSON.stringify(v);

export const updateTask = defineWrite(
  api.updateTask,
  'task.update',
  (p) => `task:${p.id}`,
  (ctx) => {
    const task = findTask(ctx.data, ctx.params.id);
    if (!task) return taskNotFound(ctx.params.id!);
    if (!can(ctx.actor, 'task.edit', task)) return forbidden('修改任务');
    const stale = checkVersion(ctx, task);
    if (stale) return stale;
    // A closed task is history: the page offers no edit for it, and neither does the API (reopen first).
    if (task.status === 'closed') return refuse('conflict', '已办结的任务不能修改，请先重新打开');
    const refErr = checkRefs(ctx.data, ctx.body);
    if (refErr) return refErr;
    const merged = { ...task, ...ctx.body };
    if (merged.deadline < merged.startDate) {
      return refuse('bad-request', '完成时限早于开始日期', {
        fields: [{ path: 'deadline', message: 'deadline is before the start date' }],
      });
    }
    const before = task as Record<string, unknown>;
    const body = ctx.body as Record<string, unknown>;
    const changed = Object.keys(body).filter((k) => show(before[k]) !== show(body[k]));
    const saved = saveTask(ctx, merged);
    return okBody(toRow(ctx.tx.data, saved, ctx.today), {
      detail: changed.map((k) => `${k}: ${show(before[k])} → ${show(body[k])}`).join('; '),
    });
  },
  staleAtCommit,
);

export const transitionTask = defineWrite(
  api.transitionTask,
  'task.transition',
  (p) => `task:${p.id}`,
  (ctx) => {
    const task = findTask(ctx.data, ctx.params.id);
    if (!task) return taskNotFound(ctx.params.id!);
    const { action, reason, newDeadline } = ctx.body;
    const rule = TRANSITIONS[action];
    if (!can(ctx.actor, rule.permission, task)) return forbidden(`执行「${action}」`, action);
    const stale = checkVersion(ctx, task);
    if (stale) return stale;
    // Submitting for review goes through a final progress report, so the report is never skipped.
    if (action === 'submit')
      return refuse('conflict', '请通过提交“已完成”进展报告申请办结', { detail: 'submit' });
    const res = transition(task, { action, reason, newDeadline, by: ctx.actor.id, at: ctx.now });
    if (!res.ok) {
      const code = res.code === 'illegal-transition' ? 'conflict' : 'bad-request';
      return refuse(code, res.message, {
        detail: `${action}: ${res.message}`,
        ...(code === 'bad-request'
          ? {
              fields: [
                { path: res.code === 'reason-required' ? 'reason' : 'newDeadline', message: res.message },
              ],
            }
          : {}),
      });
    }
    const stamp = { by: ctx.actor.id, at: ctx.now, day: ctx.today };
    for (const r of reportsAfterTransition(task.id, ctx.data.reports, action, reason ?? null, stamp))
      ctx.tx.update('reports', r);
    const saved = saveTask(ctx, res.task);
    const extra = action === 'approve-extension' ? `; deadline ${task.deadline} → ${saved.deadline}` : '';
    return okBody(toRow(ctx.tx.data, saved, ctx.today), {
      detail: `${action}: ${task.status} → ${saved.status}${reason ? `; ${reason}` : ''}${extra}`,
    });
  },
  staleAtCommit,
);
