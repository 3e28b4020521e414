import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { taskQueries } from '../../api/queries';
import { useT } from '../../i18n';
import { useLookups } from '../../shared/hooks/use-lookups';
import { ProgressBar, WarningBadge } from '../../shared/ui/badges';
import { QueryState } from '../../shared/ui/query-state';
import { taskLink } from './ledger-links';

/** A directive's own tasks, fetched on demand so the overview stays one request on first load. */
export function DirectiveTasks({ id, directiveId }: { id: string; directiveId: string }) {
  const t = useT();
  const { unitName } = useLookups();
  const query = useQuery(taskQueries.list({ directive: directiveId, pageSize: 200, sort: 'code' }));
  return (
    <div id={id} className="dash-tasks">
      <QueryState query={query} what={t('dashboard.rollup.taskList')}>
        {(page) => (
          <ul>
            {page.items.map((task) => (
              <li key={task.id} className="dash-task">
                <Link to={taskLink(task.id)} className="dash-task__title" title={task.title}>
                  <span className="muted num-font">{task.code}</span> {task.title}
                </Link>
                <span className="muted dash-task__unit">{unitName(task.leadUnitId)}</span>
                <span className="dash-task__bar">
                  <ProgressBar value={task.progress} label={`${task.title} ${task.progress}%`} />
                </span>
                {task.status === 'closed' ? (
                  <span className="status status--closed">{t('status.closed')}</span>
                ) : (
                  <WarningBadge warning={task.warning} />
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </div>
  );
}
