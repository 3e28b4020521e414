import type { z } from 'zod';
import { nowIso, today } from '../../src/domain/clock';
import { api, type bulkTaskBodySchema, TASK_SORT_KEYS, type TaskSortKey } from '../../src/domain/contract';
import { can } from '../../src/domain/permissions';
import type { Task } from '../../src/domain/schemas';
import { indexTasks, queryTaskIndex, sortOrder, type TaskIndex } from '../../src/domain/task-query';
import { TRANSITIONS, transition } from '../../src/domain/workflow';
import { toRow, views } from '../db/views';
import {
  checkVersion,
  errorResponse,
  type MutationContext,
  type MutationResult,
  mutate,
  read,
} from '../http';

const forbidden = (what: string): MutationResult => ({
  ok: false,
  code: 'forbidden',
  message: `无权${what} (forbidden)`,
});
const notFound = (id: string): MutationResult => ({
  ok: false,
  code: 'not-found',
  message: `任务不存在：${id}`,
});

export function findTask(ctx: MutationContext<unknown>): Task | undefined {
  return ctx.db.data.tasks.find((t) => t.id === ctx.params.id);
}

/** Unknown unit or person ids are field errors, like any other bad input. */
export function checkRefs(
  ctx: MutationContext<unknown>,
  fields: {
    leadUnitId?: string;
    coUnitIds?: string[];
    responsiblePersonId?: string | null;
    directiveId?: string | null;
  },
): MutationResult | null {
  const units = new Set(ctx.db.data.units.map((u) => u.id));
  const bad: { path: string; message: string }[] = [];
  if (fields.leadUnitId !== undefined && !units.has(fields.leadUnitId))
    bad.push({ path: 'leadUnitId', message: 'unknown unit' });
  fields.coUnitIds?.forEach((u, i) => {
    if (!units.has(u)) bad.push({ path: `coUnitIds.${i}`, message: 'unknown unit' });
  });
  if (fields.responsiblePersonId && !ctx.db.data.people.some((p) => p.id === fields.responsiblePersonId)) {
    bad.push({ path: 'responsiblePersonId', message: 'unknown person' });
  }
  if (fields.directiveId && !ctx.db.data.directives.some((d) => d.id === fields.directiveId)) {
    bad.push({ path: 'directiveId', message: 'unknown directive' });
  }
  return bad.length
    ? { ok: false, code: 'bad-request', message: '引用的单位、人员或部署不存在', fields: bad }
    : null;
}

export function saveTask(ctx: MutationContext<unknown>, next: Task): Task {
  const stored = { ...next, version: next.version + 1, updatedAt: nowIso() };
  const i = ctx.db.data.tasks.findIndex((t) => t.id === stored.id);
  ctx.db.data.tasks[i] = stored;
  return stored;
}

/** The ledger's search index lives as long as the cached rows it was built from. */
const indexes = new WeakMap<object, TaskIndex>();
export function taskIndex(db: Parameters<typeof views>[0]): TaskIndex {
  const v = views(db);
  let index = indexes.get(v.rows);
  if (!index) {
    index = indexTasks(v.rows, v.lookups);
    indexes.set(v.rows, index);
    warmSortOrders(index);
  }
  return index;
}

/**
 * In the browser, the other sort orders are prepared while the page is idle, one at a time, like a
 * database keeping an index per sortable column: the first click on a header then costs no collation.
 */
function warmSortOrders(index: TaskIndex) {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number })
    .requestIdleCallback;
  if (typeof idle !== 'function' || index.rows.length < 1000) return;
  const todo = TASK_SORT_KEYS.flatMap((k) => [`${k}:asc`, `${k}:desc`]);
  const step = () => {
    const next = todo.shift();
    if (!next || indexes.get(index.rows) !== index) return;
    const [key, order] = next.split(':') as [TaskSortKey, 'asc' | 'desc'];
    sortOrder(index, key, order);
    idle(step, { timeout: 2000 });
  };
  idle(step, { timeout: 2000 });
}

export const taskHandlers = [
  read(api.listTasks, ({ db }, q) => queryTaskIndex(taskIndex(db), q, today())),
  mutate(api.bulkTasks, 'task.bulk', () => 'tasks:bulk', runBulk),
  read(api.getTask, ({ db, params }) => {
    const row = views(db).rowById.get(params.id!);
    if (!row) return errorResponse('not-found', `任务不存在：${params.id}`);
    const reports = db.data.reports
      .filter((r) => r.taskId === row.id)
      .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
    return { task: row, reports };
  }),
  mutate(
    api.createTask,
    'task.create',
    () => 'task:new',
    (ctx) => {
      if (!can(ctx.actor, 'task.create')) return forbidden('创建任务');
      const refErr = checkRefs(ctx, ctx.body);
      if (refErr) return refErr;
      const n = (ctx.db.data.seq.task ?? ctx.db.data.tasks.length) + 1;
      ctx.db.data.seq.task = n;
      const at = nowIso();
      const task: Task = {
        ...ctx.body,
        id: `T-${String(n).padStart(4, '0')}`,
        code: `DB-${today().slice(0, 4)}-${String(n).padStart(4, '0')}`,
        originalDeadline: ctx.body.deadline,
        status: 'assigned',
        resumeStatus: null,
        extension: null,
        closedAt: null,
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      ctx.db.data.tasks.push(task);
      ctx.target = `task:${task.id}`;
      return { ok: true, status: 201, body: toRow(ctx.db, task), detail: task.title };
    },
  ),
  mutate(
    api.updateTask,
    'task.update',
    (p) => `task:${p.id}`,
    (ctx) => {
      const task = findTask(ctx);
      if (!task) return notFound(ctx.params.id!);
      if (!can(ctx.actor, 'task.edit', task)) return forbidden('修改任务');
      const stale = checkVersion(ctx, task, () => toRow(ctx.db, task));
      if (stale) return stale;
      const refErr = checkRefs(ctx, ctx.body);
      if (refErr) return refErr;
      const merged = { ...task, ...ctx.body };
      if (merged.deadline < merged.startDate) {
        return {
          ok: false,
          code: 'bad-request',
          message: '完成时限早于开始日期',
          fields: [{ path: 'deadline', message: 'deadline is before the start date' }],
        };
      }
      const changed = Object.keys(ctx.body).filter(
        (k) =>
          JSON.stringify((task as Record<string, unknown>)[k]) !==
          JSON.stringify((ctx.body as Record<string, unknown>)[k]),
      );
      const saved = saveTask(ctx, merged);
      return {
        ok: true,
        body: toRow(ctx.db, saved),
        detail: changed
          .map(
            (k) =>
              `${k}: ${JSON.stringify((task as Record<string, unknown>)[k])} → ${JSON.stringify((ctx.body as Record<string, unknown>)[k])}`,
          )
          .join('; '),
      };
    },
  ),
  mutate(
    api.transitionTask,
    'task.transition',
    (p) => `task:${p.id}`,
    (ctx) => {
      const task = findTask(ctx);
      if (!task) return notFound(ctx.params.id!);
      const rule = TRANSITIONS[ctx.body.action];
      if (!can(ctx.actor, rule.permission, task))
        return { ...forbidden(`执行「${ctx.body.action}」`), detail: ctx.body.action };
      const stale = checkVersion(ctx, task, () => toRow(ctx.db, task));
      if (stale) return stale;
      // Submitting for review goes through a final progress report, so the report is never skipped.
      if (ctx.body.action === 'submit') {
        return {
          ok: false,
          code: 'conflict',
          message: '请通过提交“已完成”进展报告申请办结',
          detail: 'submit',
        };
      }
      const res = transition(task, {
        action: ctx.body.action,
        reason: ctx.body.reason,
        newDeadline: ctx.body.newDeadline,
        by: ctx.actor.id,
        at: nowIso(),
      });
      if (!res.ok) {
        const code = res.code === 'illegal-transition' ? 'conflict' : 'bad-request';
        return {
          ok: false,
          code,
          message: res.message,
          detail: `${ctx.body.action}: ${res.message}`,
          ...(code === 'bad-request'
            ? {
                fields: [
                  { path: res.code === 'reason-required' ? 'reason' : 'newDeadline', message: res.message },
                ],
              }
            : {}),
        };
      }
      if (ctx.body.action === 'close') {
        for (const r of ctx.db.data.reports) {
          if (r.taskId === task.id && r.reviewState === 'pending')
            Object.assign(r, { reviewState: 'accepted', reviewerId: ctx.actor.id, reviewedAt: nowIso() });
        }
      }
      if (ctx.body.action === 'send-back') {
        const pending = ctx.db.data.reports
          .filter((r) => r.taskId === task.id && r.reviewState === 'pending')
          .at(-1);
        if (pending)
          Object.assign(pending, {
            reviewState: 'returned',
            reviewComment: ctx.body.reason ?? null,
            reviewerId: ctx.actor.id,
            reviewedAt: nowIso(),
          });
      }
      const saved = saveTask(ctx, res.task);
      const extra =
        ctx.body.action === 'approve-extension' ? `; deadline ${task.deadline} → ${saved.deadline}` : '';
      return {
        ok: true,
        body: toRow(ctx.db, saved),
        detail: `${ctx.body.action}: ${task.status} → ${saved.status}${ctx.body.reason ? `; ${ctx.body.reason}` : ''}${extra}`,
      };
    },
  ),
];

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

/**
 * Bulk actions from the ledger: every check runs before anything changes, so a refused request
 * (403/400/404/412) stores nothing; one audit entry records the whole request.
 */
function runBulk(ctx: MutationContext<z.output<typeof bulkTaskBodySchema>>): MutationResult {
  const b = ctx.body;
  ctx.target = b.items.length === 1 ? `task:${b.items[0]!.id}` : `tasks:bulk(${b.items.length})`;
  if (!can(ctx.actor, 'task.bulk') || !can(ctx.actor, BULK_PERMISSION[b.action])) {
    return { ...forbidden('批量操作'), detail: `${b.action}: ${b.items.length} tasks` };
  }
  const byId = new Map(ctx.db.data.tasks.map((t) => [t.id, t]));
  const missing = b.items.filter((i) => !byId.has(i.id)).map((i) => i.id);
  if (missing.length)
    return { ok: false, code: 'not-found', message: `任务不存在：${missing.slice(0, 5).join(', ')}` };
  const stale = b.items.filter((i) => byId.get(i.id)!.version !== i.version);
  if (stale.length) {
    return {
      ok: false,
      code: 'precondition-failed',
      message: `${stale.length} 项任务已被他人修改，请刷新后重试 (stale version)`,
      current: stale.map((i) => ({ id: i.id, version: byId.get(i.id)!.version })),
    };
  }
  const refErr = checkRefs(ctx, { leadUnitId: b.leadUnitId, responsiblePersonId: b.responsiblePersonId });
  if (refErr) return refErr;
  const tasks = b.items.map((i) => byId.get(i.id)!);
  // Closed tasks are done with: a bulk change or a reminder skips them instead of reopening history.
  const open = tasks.filter((t) => t.status !== 'closed');
  if (b.action === 'set-deadline') {
    const early = open.filter((t) => b.deadline! < t.startDate);
    if (early.length) {
      return {
        ok: false,
        code: 'bad-request',
        message: `完成时限早于开始日期：${listCodes(early)}`,
        fields: [{ path: 'deadline', message: 'deadline is before the start date' }],
      };
    }
  }
  const patch = (t: Task): Partial<Task> | null => {
    if (b.action === 'assign-lead' && t.leadUnitId !== b.leadUnitId) {
      return { leadUnitId: b.leadUnitId!, coUnitIds: t.coUnitIds.filter((u) => u !== b.leadUnitId) };
    }
    if (b.action === 'assign-person' && t.responsiblePersonId !== b.responsiblePersonId)
      return { responsiblePersonId: b.responsiblePersonId! };
    if (b.action === 'set-deadline' && t.deadline !== b.deadline) return { deadline: b.deadline! };
    return null;
  };
  const changed: { id: string; version: number }[] = [];
  const changedTasks: Task[] = [];
  let reminded = 0;
  for (const t of open) {
    if (b.action === 'remind') {
      if (t.status === 'suspended') continue;
      if (!ctx.db.data.reminders) ctx.db.data.reminders = [];
      const list = ctx.db.data.reminders;
      ctx.db.data.seq.reminder = (ctx.db.data.seq.reminder ?? list.length) + 1;
      list.push({
        id: `RM-${String(ctx.db.data.seq.reminder).padStart(5, '0')}`,
        taskId: t.id,
        at: nowIso(),
        byId: ctx.actor.id,
        message: b.message ?? null,
      });
      reminded += 1;
      continue;
    }
    const p = patch(t);
    if (!p) continue;
    const saved = saveTask(ctx, { ...t, ...p });
    changed.push({ id: saved.id, version: saved.version });
    changedTasks.push(t);
  }
  const touched = new Set(changed.map((c) => c.id));
  const value = b.leadUnitId ?? b.responsiblePersonId ?? b.deadline ?? b.message ?? '';
  const done =
    b.action === 'remind'
      ? tasks.filter((t) => t.status !== 'closed' && t.status !== 'suspended')
      : changedTasks;
  return {
    ok: true,
    body: {
      action: b.action,
      changed,
      unchanged: tasks
        .filter((t) => !touched.has(t.id) && !(b.action === 'remind' && done.includes(t)))
        .map((t) => t.id),
      reminded,
    },
    detail: `${b.action}${value ? ` → ${value}` : ''}: ${b.action === 'remind' ? reminded : changed.length}/${tasks.length} — ${listCodes(done)}`,
  };
}
