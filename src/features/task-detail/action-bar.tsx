import type { Role } from '../../domain/schemas';
import type { TaskAction } from '../../domain/workflow';
import { useT } from '../../i18n';

const PRIMARY = new Set<TaskAction>(['accept', 'report', 'close', 'approve-extension', 'resume']);
const DANGER = new Set<TaskAction>(['send-back', 'suspend', 'reject-extension']);

/** The actions this identity may take on the task in its current state, and nothing else. */
export function ActionBar({
  role,
  actions,
  onAction,
}: {
  role: Role;
  actions: TaskAction[];
  onAction: (a: TaskAction) => void;
}) {
  const t = useT();
  if (role === 'leader') {
    return (
      <p className="task-actions__note" role="note">
        <span aria-hidden="true">👁 </span>
        {t('task.actions.readonly')}
      </p>
    );
  }
  if (actions.length === 0) return <p className="task-actions__note muted">{t('task.actions.none')}</p>;
  return (
    <div className="task-actions" role="toolbar" aria-label={t('task.actions.label')}>
      {actions.map((a) => (
        <button
          key={a}
          type="button"
          className={PRIMARY.has(a) ? 'btn btn--primary' : DANGER.has(a) ? 'btn btn--danger' : 'btn'}
          onClick={() => onAction(a)}
        >
          {t(`task.action.${a}`)}
        </button>
      ))}
    </div>
  );
}
