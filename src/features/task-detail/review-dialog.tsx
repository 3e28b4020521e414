import { useState } from 'react';
import type { ProgressReport } from '../../domain/schemas';
import { useT } from '../../i18n';
import { useDraft } from '../../shared/hooks/use-draft';
import { DialogShell } from './dialog-shell';
import type { TaskWrite } from './optimistic';
import type { RunResult } from './use-task-write';

/** Accept a progress report, or send it back with a comment the unit will see. */
export function ReviewDialog({
  report,
  decision,
  run,
  onClose,
}: {
  report: ProgressReport;
  decision: 'accept' | 'return';
  run: (w: TaskWrite) => Promise<RunResult>;
  onClose: () => void;
}) {
  const t = useT();
  const [comment, setComment, discard] = useDraft(`review.${report.id}.${decision}`, '');
  const [invalid, setInvalid] = useState(false);
  const submit = () => {
    if (decision === 'return' && !comment.trim()) {
      setInvalid(true);
      return null;
    }
    return run({ kind: 'review', reportId: report.id, decision, comment: comment.trim() || undefined });
  };
  const label = decision === 'accept' ? t('task.reports.accept') : t('task.reports.return');
  return (
    <DialogShell
      title={`${t('task.action.review')} · ${label}`}
      onClose={() => {
        discard();
        onClose();
      }}
      onSubmit={submit}
      submitLabel={label}
      danger={decision === 'return'}
    >
      {decision === 'accept' ? <p>{t('task.dialog.confirm.review')}</p> : null}
      <blockquote className="task-dialog__quote">{report.text}</blockquote>
      <div className="task-dialog__fields">
        <label>
          {t('task.dialog.comment')}
          <textarea
            rows={3}
            maxLength={500}
            required={decision === 'return'}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            aria-invalid={invalid}
          />
        </label>
        {invalid ? (
          <p className="task-dialog__error" role="alert">
            {t('task.error.fields', { fields: t('task.dialog.comment') })}
          </p>
        ) : null}
      </div>
    </DialogShell>
  );
}
