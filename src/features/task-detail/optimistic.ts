import { nowIso, today } from '../../domain/clock';
import type { TaskDetail, TaskRow } from '../../domain/contract';
import { reportPeriodFor } from '../../domain/reporting';
import type { Priority, ProgressReport } from '../../domain/schemas';
import { type TransitionAction, transition } from '../../domain/workflow';

/** One change the task page can send; kept whole so a failed or conflicting save can be sent again. */
export type TaskWrite =
  | { kind: 'transition'; action: Exclude<TransitionAction, 'submit'>; reason?: string; newDeadline?: string }
  | {
      kind: 'patch';
      label: 'edit' | 'reassign';
      body: Partial<{
        title: string;
        deadline: string;
        priority: Priority;
        tags: string[];
        leadUnitId: string;
        coUnitIds: string[];
        responsiblePersonId: string | null;
      }>;
    }
  | { kind: 'report'; body: { text: string; progress: number; evidence: string[]; final: boolean } }
  | { kind: 'review'; reportId: string; decision: 'accept' | 'return'; comment?: string };

export const OPTIMISTIC_ID = 'optimistic';

/** The task as it should look once the write lands: the same rules as the server, applied locally. */
export function applyToTask(task: TaskRow, write: TaskWrite, actorId: string): TaskRow {
  switch (write.kind) {
    case 'transition': {
      const res = transition(task, { ...write, by: actorId, at: nowIso() });
      return res.ok ? { ...task, ...res.task } : task;
    }
    case 'patch':
      return { ...task, ...write.body };
    case 'report': {
      if (!write.body.final) {
        return {
          ...task,
          progress: write.body.progress,
          status: task.status === 'returned' ? 'in-progress' : task.status,
        };
      }
      return { ...task, progress: 100, status: 'pending-review' };
    }
    case 'review':
      return write.decision === 'return' && task.status === 'pending-review'
        ? { ...task, status: 'returned' }
        : task;
  }
}

function applyToReports(detail: TaskDetail, write: TaskWrite, actorId: string): ProgressReport[] {
  if (write.kind === 'report') {
    const draft: ProgressReport = {
      id: OPTIMISTIC_ID,
      taskId: detail.task.id,
      period: reportPeriodFor(
        today(),
        detail.reports.map((r) => r.period),
        detail.task.startDate,
      ),
      text: write.body.text,
      progress: write.body.final ? 100 : write.body.progress,
      evidence: write.body.evidence,
      submitterId: actorId,
      submittedAt: nowIso(),
      reviewState: 'pending',
      reviewComment: null,
      reviewerId: null,
      reviewedAt: null,
      final: write.body.final,
    };
    return [...detail.reports, draft];
  }
  const reviewed = (r: ProgressReport): ProgressReport => ({
    ...r,
    reviewState: write.kind === 'review' && write.decision === 'accept' ? 'accepted' : 'returned',
    reviewComment: (write.kind === 'review' ? write.comment : (write as { reason?: string }).reason) ?? null,
    reviewerId: actorId,
    reviewedAt: nowIso(),
  });
  if (write.kind === 'review') return detail.reports.map((r) => (r.id === write.reportId ? reviewed(r) : r));
  if (write.kind === 'transition' && write.action === 'send-back') {
    const last = detail.reports.filter((r) => r.reviewState === 'pending').at(-1);
    return detail.reports.map((r) => (r === last ? reviewed(r) : r));
  }
  if (write.kind === 'transition' && write.action === 'close') {
    return detail.reports.map((r) =>
      r.reviewState === 'pending' ? { ...r, reviewState: 'accepted' as const } : r,
    );
  }
  return detail.reports;
}

export function applyOptimistic(detail: TaskDetail, write: TaskWrite, actorId: string): TaskDetail {
  return { task: applyToTask(detail.task, write, actorId), reports: applyToReports(detail, write, actorId) };
}
