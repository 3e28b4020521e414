import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { ApiError, call } from '../../api/client';
import { auditQueries, inboxQueries, taskQueries } from '../../api/queries';
import { api, type TaskDetail, type TaskRow, taskRowSchema } from '../../domain/contract';
import { useT } from '../../i18n';
import { errorMessage } from '../../shared/ui/query-state';
import { applyOptimistic, type TaskWrite } from './optimistic';

export interface Conflict {
  write: TaskWrite;
  /** The version the user changed. */
  base: TaskRow;
  /** The server's copy that won (from the 412 answer). */
  server: TaskRow;
}

export type RunResult = { ok: true } | { ok: false; conflict: boolean; message: string };

export function writeLabel(write: TaskWrite) {
  if (write.kind === 'transition') return write.action;
  if (write.kind === 'patch') return write.label;
  return write.kind;
}

function send(taskId: string, write: TaskWrite, version: number | undefined): Promise<TaskDetail | TaskRow> {
  const params = { id: taskId };
  switch (write.kind) {
    case 'transition':
      return call(api.transitionTask, {
        params,
        version,
        body: { action: write.action, reason: write.reason, newDeadline: write.newDeadline },
      });
    case 'patch':
      return call(api.updateTask, { params, version, body: write.body });
    case 'report':
      return call(api.createReport, { params, version, body: write.body });
    case 'review':
      return call(api.reviewReport, {
        params: { id: write.reportId },
        body: { decision: write.decision, comment: write.comment },
      });
  }
}

/**
 * Every save on the task page: shown at once (optimistic), rolled back on failure with a clear message,
 * and on a stale version (412) handed to the conflict view instead of overwriting anything.
 */
export function useTaskWrite(taskId: string, actorId: string) {
  const t = useT();
  const qc = useQueryClient();
  const key = taskQueries.detail(taskId).queryKey;
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const mutation = useMutation({
    mutationFn: ({ write, version }: { write: TaskWrite; version: number | undefined }) =>
      send(taskId, write, version),
    onMutate: async ({ write }) => {
      await qc.cancelQueries({ queryKey: key });
      const prev = qc.getQueryData(key);
      if (prev) qc.setQueryData(key, applyOptimistic(prev, write, actorId));
      return { prev };
    },
    onError: (error, { write }, ctx) => {
      if (ctx?.prev) qc.setQueryData(key, ctx.prev);
      const current =
        error instanceof ApiError && error.status === 412 ? taskRowSchema.safeParse(error.current) : null;
      if (current?.success && ctx?.prev) setConflict({ write, base: ctx.prev.task, server: current.data });
    },
    onSuccess: (data) => {
      qc.setQueryData(key, (prev) => ('reports' in data ? data : prev ? { ...prev, task: data } : prev));
    },
    onSettled: () => {
      qc.invalidateQueries({ queryKey: taskQueries.all });
      qc.invalidateQueries({ queryKey: inboxQueries.all });
      qc.invalidateQueries({ queryKey: auditQueries.all });
    },
  });

  const run = async (write: TaskWrite, version?: number): Promise<RunResult> => {
    const v = write.kind === 'review' ? undefined : (version ?? qc.getQueryData(key)?.task.version);
    try {
      await mutation.mutateAsync({ write, version: v });
      toast.success(t('task.saved', { what: t(`task.action.${writeLabel(write)}`) }));
      return { ok: true };
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) return { ok: false, conflict: true, message: e.message };
      const fields =
        e instanceof ApiError && e.fields.length
          ? ` ${t('task.error.fields', { fields: e.fields.map((f) => f.message).join('；') })}`
          : '';
      const message = t('task.error.saveFailed', { message: errorMessage(t, e) }) + fields;
      toast.error(message);
      return { ok: false, conflict: false, message };
    }
  };

  return { run, pending: mutation.isPending, conflict, clearConflict: () => setConflict(null) };
}
