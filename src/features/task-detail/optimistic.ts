import { nowIso, today } from '../../domain/clock';
import type { TaskDetail, TaskRow } from '../../domain/contract';
import type { Priority, ProgressReport } from '../../domain/schemas';
import { fileReport, mergeReports, reportsAfterTransition, reviewReport } from '../../domain/task-effects';
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

const stampOf = (actorId: string) => ({ by: actorId, at: nowIso(), day: today() });

/**
 * The task page as it should look once the write lands: the very rules the server applies
 * (`domain/task-effects`, `domain/workflow`), applied to the cached copy. A refused step leaves it as is.
 */
export function applyOptimistic(detail: TaskDetail, write: TaskWrite, actorId: string): TaskDetail {
  const { task, reports } = detail;
  const stamp = stampOf(actorId);
  switch (write.kind) {
    case 'transition': {
      const res = transition(task, { ...write, by: actorId, at: stamp.at });
      if (!res.ok) return detail;
      const changed = reportsAfterTransition(task.id, reports, write.action, write.reason ?? null, stamp);
      return { task: { ...task, ...res.task }, reports: mergeReports(reports, changed) };
    }
    case 'patch':
      return { task: { ...task, ...write.body }, reports };
    case 'report': {
      const res = fileReport(task, reports, write.body, stamp, OPTIMISTIC_ID);
      return res.ok ? { task: { ...task, ...res.task }, reports: [...reports, res.report] } : detail;
    }
    case 'review': {
      const report = reports.find((r) => r.id === write.reportId);
      if (!report) return detail;
      const res = reviewReport(task, report, write.decision, write.comment ?? null, stamp);
      return res.ok
        ? { task: { ...task, ...res.task }, reports: mergeReports(reports, [res.report]) }
        : detail;
    }
  }
}

/** The task alone after the write (the conflict view compares it with the server's copy). */
export function applyToTask(task: TaskRow, write: TaskWrite, actorId: string): TaskRow {
  return applyOptimistic({ task, reports: [] as ProgressReport[] }, write, actorId).task;
}
