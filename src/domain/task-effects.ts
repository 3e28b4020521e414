import { reportPeriodFor } from './reporting';
import type { ProgressReport, Task } from './schemas';
import { REPORTABLE, type TransitionAction, transition } from './workflow';

/**
 * What a progress report, a review, a send-back or a close does to a task and its reports, written
 * once: the service applies it to the store, the task page applies it to its cache as the optimistic
 * answer. Pure: the caller passes the instant, the day and the new report's id.
 */
export interface ReportInput {
  text: string;
  progress: number;
  evidence: string[];
  final: boolean;
}
export interface Stamp {
  by: string;
  /** ISO instant of the change. */
  at: string;
  /** Calendar day of the change, `YYYY-MM-DD`. */
  day: string;
}

export type EffectResult<T> = ({ ok: true } & T) | { ok: false; message: string };

/** A new progress report: the task's progress follows it; a final report asks for closing (待审核). */
export function fileReport(
  task: Task,
  reports: readonly ProgressReport[],
  input: ReportInput,
  stamp: Stamp,
  id: string,
): EffectResult<{ task: Task; report: ProgressReport }> {
  if (!REPORTABLE.includes(task.status))
    return { ok: false, message: `当前状态（${task.status}）不能报送进展` };
  let next: Task = { ...task, progress: input.final ? 100 : input.progress };
  if (input.final) {
    const res = transition(next, { action: 'submit', by: stamp.by, at: stamp.at });
    if (!res.ok) return { ok: false, message: res.message };
    next = res.task;
  } else if (task.status === 'returned') next = { ...next, status: 'in-progress' };
  const report: ProgressReport = {
    id,
    taskId: task.id,
    period: reportPeriodFor(
      stamp.day,
      reports.filter((r) => r.taskId === task.id).map((r) => r.period),
      task.startDate,
    ),
    text: input.text,
    progress: next.progress,
    evidence: input.evidence,
    submitterId: stamp.by,
    submittedAt: stamp.at,
    reviewState: 'pending',
    reviewComment: null,
    reviewerId: null,
    reviewedAt: null,
    final: input.final,
  };
  return { ok: true, task: next, report };
}

function reviewed(r: ProgressReport, accept: boolean, comment: string | null, stamp: Stamp): ProgressReport {
  return {
    ...r,
    reviewState: accept ? 'accepted' : 'returned',
    reviewComment: comment,
    reviewerId: stamp.by,
    reviewedAt: stamp.at,
  };
}

/**
 * A supervisor's decision on one report. Returning a final report sends the task back (待审核 →
 * 已退回); accepting one leaves closing to the close action.
 */
export function reviewReport(
  task: Task,
  report: ProgressReport,
  decision: 'accept' | 'return',
  comment: string | null,
  stamp: Stamp,
): EffectResult<{ task: Task; report: ProgressReport }> {
  if (report.reviewState !== 'pending') return { ok: false, message: '该报告已审核' };
  let next = task;
  if (report.final && decision === 'return' && task.status === 'pending-review') {
    const res = transition(task, {
      action: 'send-back',
      reason: comment ?? undefined,
      by: stamp.by,
      at: stamp.at,
    });
    if (res.ok) next = res.task;
  }
  return { ok: true, task: next, report: reviewed(report, decision === 'accept', comment, stamp) };
}

/**
 * The reports a workflow step changes: closing accepts every pending report, a send-back returns the
 * latest pending one with the reason as its comment. Returns only the changed reports.
 */
export function reportsAfterTransition(
  taskId: string,
  reports: readonly ProgressReport[],
  action: TransitionAction,
  reason: string | null,
  stamp: Stamp,
): ProgressReport[] {
  const pending = reports.filter((r) => r.taskId === taskId && r.reviewState === 'pending');
  if (action === 'close') return pending.map((r) => reviewed(r, true, r.reviewComment, stamp));
  if (action === 'send-back') {
    const last = pending.at(-1);
    return last ? [reviewed(last, false, reason, stamp)] : [];
  }
  return [];
}

/** Replace reports by id (the changed ones), keeping order. */
export function mergeReports(
  all: readonly ProgressReport[],
  changed: readonly ProgressReport[],
): ProgressReport[] {
  const byId = new Map(changed.map((r) => [r.id, r]));
  return all.map((r) => byId.get(r.id) ?? r);
}
