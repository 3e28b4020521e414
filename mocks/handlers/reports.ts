import { nowIso, today } from '../../src/domain/clock';
import { api } from '../../src/domain/contract';
import { can } from '../../src/domain/permissions';
import { reportPeriodFor } from '../../src/domain/reporting';
import { transition } from '../../src/domain/workflow';
import { toRow } from '../db/views';
import { checkVersion, errorResponse, mutate, read } from '../http';
import { findTask, saveTask } from './tasks';

function detailOf(db: Parameters<typeof toRow>[0], taskId: string) {
  const task = db.data.tasks.find((t) => t.id === taskId)!;
  return {
    task: toRow(db, task),
    reports: db.data.reports
      .filter((r) => r.taskId === taskId)
      .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)),
  };
}

export const reportHandlers = [
  read(api.listReports, ({ db, params }) => {
    if (!db.data.tasks.some((t) => t.id === params.id))
      return errorResponse('not-found', `任务不存在：${params.id}`);
    return db.data.reports
      .filter((r) => r.taskId === params.id)
      .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  }),
  mutate(
    api.createReport,
    'report.create',
    (p) => `task:${p.id}`,
    (ctx) => {
      const task = findTask(ctx);
      if (!task) return { ok: false, code: 'not-found', message: `任务不存在：${ctx.params.id}` };
      if (!can(ctx.actor, 'task.report', task))
        return { ok: false, code: 'forbidden', message: '只有牵头或配合单位可以报送进展 (forbidden)' };
      const stale = checkVersion(ctx, task, () => toRow(ctx.db, task));
      if (stale) return stale;
      if (!['in-progress', 'returned'].includes(task.status)) {
        return { ok: false, code: 'conflict', message: `当前状态（${task.status}）不能报送进展` };
      }
      let next = { ...task, progress: ctx.body.final ? 100 : ctx.body.progress };
      if (ctx.body.final) {
        const res = transition(next, { action: 'submit', by: ctx.actor.id, at: nowIso() });
        if (!res.ok) return { ok: false, code: 'conflict', message: res.message };
        next = res.task;
      } else if (task.status === 'returned') next = { ...next, status: 'in-progress' };
      ctx.db.data.seq.report = (ctx.db.data.seq.report ?? ctx.db.data.reports.length) + 1;
      const id = `R-${String(ctx.db.data.seq.report).padStart(4, '0')}`;
      ctx.db.data.reports.push({
        id,
        taskId: task.id,
        period: reportPeriodFor(
          today(),
          ctx.db.data.reports.filter((r) => r.taskId === task.id).map((r) => r.period),
          task.startDate,
        ),
        text: ctx.body.text,
        progress: next.progress,
        evidence: ctx.body.evidence,
        submitterId: ctx.actor.id,
        submittedAt: nowIso(),
        reviewState: 'pending',
        reviewComment: null,
        reviewerId: null,
        reviewedAt: null,
        final: ctx.body.final,
      });
      saveTask(ctx, next);
      return {
        ok: true,
        status: 201,
        body: detailOf(ctx.db, task.id),
        detail: `${id} 进度 ${next.progress}%${ctx.body.final ? '（申请办结）' : ''}`,
      };
    },
  ),
  mutate(
    api.reviewReport,
    'report.review',
    (p) => `report:${p.id}`,
    (ctx) => {
      const report = ctx.db.data.reports.find((r) => r.id === ctx.params.id);
      if (!report) return { ok: false, code: 'not-found', message: `报告不存在：${ctx.params.id}` };
      const task = ctx.db.data.tasks.find((t) => t.id === report.taskId)!;
      // A review belongs to the task's history (as in the seeded log), so the task page shows it.
      ctx.target = `task:${task.id}`;
      if (!can(ctx.actor, 'task.review', task))
        return { ok: false, code: 'forbidden', message: '只有督查室可以审核报告 (forbidden)' };
      if (report.reviewState !== 'pending') return { ok: false, code: 'conflict', message: '该报告已审核' };
      if (ctx.body.decision === 'return' && !ctx.body.comment) {
        return {
          ok: false,
          code: 'bad-request',
          message: '退回需要填写意见',
          fields: [{ path: 'comment', message: 'a comment is required to send back' }],
        };
      }
      // A returned final report sends the task back; an accepted one leaves closing to the close action.
      if (report.final && ctx.body.decision === 'return' && task.status === 'pending-review') {
        const res = transition(task, {
          action: 'send-back',
          reason: ctx.body.comment,
          by: ctx.actor.id,
          at: nowIso(),
        });
        if (res.ok) saveTask(ctx, res.task);
      }
      Object.assign(report, {
        reviewState: ctx.body.decision === 'accept' ? 'accepted' : 'returned',
        reviewComment: ctx.body.comment ?? null,
        reviewerId: ctx.actor.id,
        reviewedAt: nowIso(),
      });
      return {
        ok: true,
        body: detailOf(ctx.db, task.id),
        detail: `${ctx.body.decision} ${report.id}${ctx.body.comment ? `: ${ctx.body.comment}` : ''}`,
      };
    },
  ),
];
