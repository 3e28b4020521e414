import { api } from '../../domain/contract';
import { can } from '../../domain/permissions';
import { reviewReport as decide, fileReport } from '../../domain/task-effects';
import type { Db } from '../db';
import { okBody, refuse } from '../result';
import { defineRead, defineWrite } from '../runner';
import { reportsOf, toRow } from '../views';
import { checkVersion, findTask, saveTask, staleAtCommit, taskNotFound, visibleReports } from './common';

function detailOf(data: Db, taskId: string, day: string) {
  return { task: toRow(data, findTask(data, taskId)!, day), reports: reportsOf(data, taskId) };
}

export const listReports = defineRead(api.listReports, ({ data, params, actor }) => {
  const task = findTask(data, params.id);
  if (!task) return taskNotFound(params.id!);
  return visibleReports(actor, task, reportsOf(data, task.id));
});

export const createReport = defineWrite(
  api.createReport,
  'report.create',
  (p) => `task:${p.id}`,
  (ctx) => {
    const task = findTask(ctx.data, ctx.params.id);
    if (!task) return taskNotFound(ctx.params.id!);
    if (!can(ctx.actor, 'task.report', task))
      return refuse('forbidden', '只有牵头或配合单位可以报送进展 (forbidden)');
    const stale = checkVersion(ctx, task);
    if (stale) return stale;
    const n = ctx.tx.nextSeq('report', ctx.data.reports.length);
    const id = `R-${String(n).padStart(4, '0')}`;
    const res = fileReport(
      task,
      ctx.data.reports,
      ctx.body,
      { by: ctx.actor.id, at: ctx.now, day: ctx.today },
      id,
    );
    if (!res.ok) return refuse('conflict', res.message);
    ctx.tx.insert('reports', res.report);
    saveTask(ctx, res.task);
    return okBody(detailOf(ctx.tx.data, task.id, ctx.today), {
      status: 201,
      detail: `${id} 进度 ${res.report.progress}%${ctx.body.final ? '（申请办结）' : ''}`,
    });
  },
  staleAtCommit,
);

export const reviewReport = defineWrite(
  api.reviewReport,
  'report.review',
  (p) => `report:${p.id}`,
  (ctx) => {
    const report = ctx.data.reports.find((r) => r.id === ctx.params.id);
    if (!report) return refuse('not-found', `报告不存在：${ctx.params.id}`);
    const task = findTask(ctx.data, report.taskId)!;
    // A review belongs to the task's history (as in the seeded log), so the task page shows it.
    ctx.target = `task:${task.id}`;
    if (!can(ctx.actor, 'task.review', task))
      return refuse('forbidden', '只有督查室可以审核报告 (forbidden)');
    if (report.reviewState !== 'pending') return refuse('conflict', '该报告已审核');
    const { decision, comment } = ctx.body;
    if (decision === 'return' && !comment) {
      return refuse('bad-request', '退回需要填写意见', {
        fields: [{ path: 'comment', message: 'a comment is required to send back' }],
      });
    }
    const res = decide(task, report, decision, comment ?? null, {
      by: ctx.actor.id,
      at: ctx.now,
      day: ctx.today,
    });
    if (!res.ok) return refuse('conflict', res.message);
    if (res.task !== task) saveTask(ctx, res.task);
    ctx.tx.update('reports', res.report);
    return okBody(detailOf(ctx.tx.data, task.id, ctx.today), {
      detail: `${decision} ${report.id}${comment ? `: ${comment}` : ''}`,
    });
  },
);
