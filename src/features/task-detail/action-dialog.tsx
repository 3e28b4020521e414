import type { TaskDetail } from '../../domain/contract';
import type { TaskAction } from '../../domain/workflow';
import { EditDialog } from './edit-dialog';
import type { TaskWrite } from './optimistic';
import { ReassignDialog } from './reassign-dialog';
import { ReportDialog } from './report-dialog';
import { TransitionDialog } from './transition-dialog';
import type { RunResult } from './use-task-write';

/** The form behind an action button. */
export function ActionDialog({
  action,
  detail,
  run,
  onClose,
}: {
  action: TaskAction;
  detail: TaskDetail;
  run: (w: TaskWrite, version?: number) => Promise<RunResult>;
  onClose: () => void;
}) {
  if (action === 'report') return <ReportDialog detail={detail} run={run} onClose={onClose} />;
  if (action === 'edit') return <EditDialog task={detail.task} run={run} onClose={onClose} />;
  if (action === 'reassign') return <ReassignDialog task={detail.task} run={run} onClose={onClose} />;
  return <TransitionDialog action={action} task={detail.task} run={run} onClose={onClose} />;
}
