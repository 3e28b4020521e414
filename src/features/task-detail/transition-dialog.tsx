import { useState } from 'react';
import type { TaskRow } from '../../domain/contract';
import { addDays } from '../../domain/dates';
import { TRANSITIONS } from '../../domain/workflow';
import { useT } from '../../i18n';
import { useDraft } from '../../shared/hooks/use-draft';
import { DialogShell } from './dialog-shell';
import type { TaskWrite } from './optimistic';
import type { RunResult } from './use-task-write';

type Action = Extract<TaskWrite, { kind: 'transition' }>['action'];

const CONFIRM_ONLY: Partial<
  Record<Action, 'task.dialog.confirm.accept' | 'task.dialog.confirm.close' | 'task.dialog.confirm.resume'>
> = {
  accept: 'task.dialog.confirm.accept',
  close: 'task.dialog.confirm.close',
  resume: 'task.dialog.confirm.resume',
};

/** A workflow step: a confirmation, a reason (send back, suspend, reject, reopen) or a new date and reason. */
export function TransitionDialog({
  action,
  task,
  run,
  onClose,
}: {
  action: Action;
  task: TaskRow;
  run: (w: TaskWrite) => Promise<RunResult>;
  onClose: () => void;
}) {
  const t = useT();
  const rule = TRANSITIONS[action];
  // A draft (see report-dialog): the reason survives signing in again.
  const [form, setForm, discard] = useDraft(`transition.${action}`, () => ({
    reason: '',
    newDeadline: addDays(task.deadline, 30),
  }));
  const { reason, newDeadline } = form;
  const [invalid, setInvalid] = useState<string | null>(null);
  const reasonLabel = action === 'send-back' ? t('task.dialog.comment') : t('task.dialog.reason');
  const submit = () => {
    if (rule.needsReason && !reason.trim()) {
      setInvalid(reasonLabel);
      return null;
    }
    if (rule.needsDeadline && !(newDeadline > task.deadline)) {
      setInvalid(t('task.dialog.newDeadline'));
      return null;
    }
    setInvalid(null);
    return run({
      kind: 'transition',
      action,
      reason: rule.needsReason ? reason.trim() : undefined,
      newDeadline: rule.needsDeadline ? newDeadline : undefined,
    });
  };
  const confirmKey = CONFIRM_ONLY[action];
  return (
    <DialogShell
      title={t(`task.action.${action}`)}
      onClose={() => {
        discard();
        onClose();
      }}
      onSubmit={submit}
      submitLabel={t(`task.action.${action}`)}
      danger={action === 'send-back' || action === 'suspend'}
    >
      {confirmKey ? <p>{t(confirmKey)}</p> : null}
      {action === 'approve-extension' && task.extension ? (
        <p>
          {t('task.dialog.confirm.approve-extension', {
            from: task.deadline,
            to: task.extension.requestedDeadline,
          })}
        </p>
      ) : null}
      {action === 'reopen' ? <p>{t('task.dialog.confirm.reopen')}</p> : null}
      <div className="task-dialog__fields">
        {rule.needsDeadline ? (
          <label>
            {t('task.dialog.newDeadline')}
            <span className="muted">{t('task.dialog.currentDeadline', { date: task.deadline })}</span>
            <input
              type="date"
              required
              min={addDays(task.deadline, 1)}
              value={newDeadline}
              onChange={(e) => setForm({ ...form, newDeadline: e.target.value })}
              aria-invalid={invalid === t('task.dialog.newDeadline')}
            />
          </label>
        ) : null}
        {rule.needsReason ? (
          <label>
            {reasonLabel}
            <textarea
              required
              rows={3}
              maxLength={500}
              value={reason}
              onChange={(e) => setForm({ ...form, reason: e.target.value })}
              aria-invalid={invalid === reasonLabel}
            />
          </label>
        ) : null}
        {invalid ? (
          <p className="task-dialog__error" role="alert">
            {t('task.error.fields', { fields: invalid })}
          </p>
        ) : null}
      </div>
    </DialogShell>
  );
}
