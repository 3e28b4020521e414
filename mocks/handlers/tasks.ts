import { nowIso, today } from '../../src/domain/clock';
import { api } from '../../src/domain/contract';
import { can } from '../../src/domain/permissions';
import type { Task } from '../../src/domain/schemas';
import { queryTasks } from '../../src/domain/task-query';
import { TRANSITIONS, transition } from '../../src/domain/workflow';
import { toRow, views } from '../db/views';
import { checkVersion, errorResponse, type MutationContext, type MutationResult, mutate, read } from '../http';

const forbidden = (what: string): MutationResult => ({ ok: false, code: 'forbidden', message: `无权${what} (forbidden)` });
const notFound = (id: string): MutationResult => ({ ok: false, code: 'not-found', message: `任务不存在：${id}` });

export function findTask(ctx: MutationContext<unknown>): Task | undefined {
  return ctx.db.data.tasks.find((t) => t.id === ctx.params.id);
}

/** Unknown unit or person ids are field errors, like any other bad input. */
export function checkRefs(
  ctx: MutationContext<unknown>,
  fields: { leadUnitId?: string; coUnitIds?: string[]; responsiblePersonId?: string | null; directiveId?: string | null },
): MutationResult | null {
  const units = new Set(ctx.db.data.units.map((u) => u.id));
  const bad: { path: string; message: string }[] = [];
  if (fields.leadUnitId !== undefined && !units.has(fields.leadUnitId)) bad.push({ path: 'leadUnitId', message: 'unknown unit' });
  fields.coUnitIds?.forEach((u, i) => {
    if (!units.has(u)) bad.push({ path: `coUnitIds.${i}`, message: 'unknown unit' });
  });
  if (fields.responsiblePersonId && !ctx.db.data.people.some((p) => p.id === fields.responsiblePersonId)) {
    bad.push({ path: 'responsiblePersonId', message: 'unknown person' });
  }
  if (fields.directiveId && !ctx.db.data.directives.some((d) => d.id === fields.directiveId)) {
    bad.push({ path: 'directiveId', message: 'unknown directive' });
  }
  return bad.length ? { ok: false, code: 'bad-request', message: '引用的单位、人员或部署不存在', fields: bad } : null;
}

export function saveTask(ctx: MutationContext<unknown>, next: Task): Task {
  const stored = { ...next, version: next.version + 1, updatedAt: nowIso() };
  const i = ctx.db.data.tasks.findIndex((t) => t.id === stored.id);
  ctx.db.data.tasks[i] = stored;
  return stored;
}

export const taskHandlers = [
  read(api.listTasks, ({ db }, q) => {
    const v = views(db);
    return queryTasks(v.rows, q, today(), v.lookups);
  }),
  read(api.getTask, ({ db, params }) => {
    const row = views(db).rowById.get(params.id!);
    if (!row) return errorResponse('not-found', `任务不存在：${params.id}`);
    const reports = db.data.reports.filter((r) => r.taskId === row.id).sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
    return { task: row, reports };
  }),
  mutate(api.createTask, 'task.create', () => 'task:new', (ctx) => {
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
  }),
  mutate(api.updateTask, 'task.update', (p) => `task:${p.id}`, (ctx) => {
    const task = findTask(ctx);
    if (!task) return notFound(ctx.params.id!);
    if (!can(ctx.actor, 'task.edit', task)) return forbidden('修改任务');
    const stale = checkVersion(ctx, task, () => toRow(ctx.db, task));
    if (stale) return stale;
    const refErr = checkRefs(ctx, ctx.body);
    if (refErr) return refErr;
    const merged = { ...task, ...ctx.body };
    if (merged.deadline < merged.startDate) {
      return { ok: false, code: 'bad-request', message: '完成时限早于开始日期', fields: [{ path: 'deadline', message: 'deadline is before the start date' }] };
    }
    const changed = Object.keys(ctx.body).filter((k) => JSON.stringify((task as Record<string, unknown>)[k]) !== JSON.stringify((ctx.body as Record<string, unknown>)[k]));
    const saved = saveTask(ctx, merged);
    return { ok: true, body: toRow(ctx.db, saved), detail: changed.map((k) => `${k}: ${JSON.stringify((task as Record<string, unknown>)[k])} → ${JSON.stringify((ctx.body as Record<string, unknown>)[k])}`).join('; ') };
  }),
  mutate(api.transitionTask, 'task.transition', (p) => `task:${p.id}`, (ctx) => {
    const task = findTask(ctx);
    if (!task) return notFound(ctx.params.id!);
    const rule = TRANSITIONS[ctx.body.action];
    if (!can(ctx.actor, rule.permission, task)) return { ...forbidden(`执行「${ctx.body.action}」`), detail: ctx.body.action };
    const stale = checkVersion(ctx, task, () => toRow(ctx.db, task));
    if (stale) return stale;
    // Submitting for review goes through a final progress report, so the report is never skipped.
    if (ctx.body.action === 'submit') {
      return { ok: false, code: 'conflict', message: '请通过提交“已完成”进展报告申请办结', detail: 'submit' };
    }
    const res = transition(task, { action: ctx.body.action, reason: ctx.body.reason, newDeadline: ctx.body.newDeadline, by: ctx.actor.id, at: nowIso() });
    if (!res.ok) {
      const code = res.code === 'illegal-transition' ? 'conflict' : 'bad-request';
      return { ok: false, code, message: res.message, detail: `${ctx.body.action}: ${res.message}`, ...(code === 'bad-request' ? { fields: [{ path: res.code === 'reason-required' ? 'reason' : 'newDeadline', message: res.message }] } : {}) };
    }
    if (ctx.body.action === 'close') {
      for (const r of ctx.db.data.reports) {
        if (r.taskId === task.id && r.reviewState === 'pending') Object.assign(r, { reviewState: 'accepted', reviewerId: ctx.actor.id, reviewedAt: nowIso() });
      }
    }
    if (ctx.body.action === 'send-back') {
      const pending = ctx.db.data.reports.filter((r) => r.taskId === task.id && r.reviewState === 'pending').at(-1);
      if (pending) Object.assign(pending, { reviewState: 'returned', reviewComment: ctx.body.reason ?? null, reviewerId: ctx.actor.id, reviewedAt: nowIso() });
    }
    const saved = saveTask(ctx, res.task);
    const extra = ctx.body.action === 'approve-extension' ? `; deadline ${task.deadline} → ${saved.deadline}` : '';
    return { ok: true, body: toRow(ctx.db, saved), detail: `${ctx.body.action}: ${task.status} → ${saved.status}${ctx.body.reason ? `; ${ctx.body.reason}` : ''}${extra}` };
  }),
];
