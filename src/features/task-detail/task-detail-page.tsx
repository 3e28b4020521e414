import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { toast } from 'sonner';
import { sessionQueries, taskQueries } from '../../api/queries';
import { today } from '../../domain/clock';
import type { TaskDetail } from '../../domain/contract';
import { can } from '../../domain/permissions';
import { nextDueDate } from '../../domain/reporting';
import type { Session } from '../../domain/schemas';
import { availableActions, type TaskAction } from '../../domain/workflow';
import { useT } from '../../i18n';
import { TaskDocumentsMenu } from '../../shared/documents';
import { useDraft } from '../../shared/hooks/use-draft';
import { useLookups } from '../../shared/hooks/use-lookups';
import { StatusBadge, WarningBadge } from '../../shared/ui/badges';
import { PageHeader, QueryState } from '../../shared/ui/query-state';
import { ActionBar } from './action-bar';
import { ActionDialog } from './action-dialog';
import { ConflictView } from './conflict-view';
import { ReportTimeline } from './report-timeline';
import { ReviewDialog } from './review-dialog';
import { TaskFields } from './task-fields';
import { TaskHistory } from './task-history';
import { TaskSource } from './task-source';
import { useTaskWrite } from './use-task-write';
import './task-detail.css';

/** One task of the 督办台账: its fields, source, warning, reports, history and the actions open to the viewer. */
export function TaskDetailPage() {
  const t = useT();
  const { taskId = '' } = useParams();
  const detail = useQuery(taskQueries.detail(taskId));
  const session = useQuery(sessionQueries.current());
  return (
    <QueryState query={detail} what={t('task.what')}>
      {(d) => (
        <QueryState query={session} what={t('task.what')}>
          {(who) => <TaskView detail={d} session={who} />}
        </QueryState>
      )}
    </QueryState>
  );
}

function TaskView({ detail, session }: { detail: TaskDetail; session: Session }) {
  const t = useT();
  const look = useLookups();
  const { task, reports } = detail;
  const actor = { role: session.role, unitId: session.person.unitId };
  const writer = useTaskWrite(task.id, session.person.id);
  // Which form is open is a draft too: back from signing in again, the same dialog reopens with its text.
  const [open, setOpen, closeAction] = useDraft<TaskAction | null>('dialog', null);
  const [reviewing, setReview, closeReview] = useDraft<{
    reportId: string;
    decision: 'accept' | 'return';
  } | null>('review-dialog', null);
  const reviewed = reviewing ? reports.find((r) => r.id === reviewing.reportId) : undefined;
  const actions = availableActions(actor, task);
  return (
    <>
      <p className="task-back no-print">
        <Link to="/ledger">← {t('task.back')}</Link>
      </p>
      <PageHeader title={task.title}>
        <span className="task-code">{task.code}</span>
        <StatusBadge status={task.status} />
        <WarningBadge warning={task.warning} withReason />
        <TaskDocumentsMenu taskId={task.id} />
      </PageHeader>
      <ActionBar role={session.role} actions={actions} onAction={setOpen} />
      {task.status === 'extension-requested' && task.extension ? (
        <p className="task-notice">
          {t('task.extension.pending', {
            who: look.personName(task.extension.requestedBy),
            at: task.extension.requestedAt.slice(0, 10),
            date: task.extension.requestedDeadline,
            reason: task.extension.reason,
          })}
        </p>
      ) : null}
      {task.status === 'suspended' ? <p className="task-notice">{t('task.suspended')}</p> : null}
      <div className="split task-detail">
        <div className="task-detail__col">
          <section className="panel" aria-labelledby="task-fields-h">
            <h2 id="task-fields-h">{t('task.fields')}</h2>
            <TaskFields task={task} />
          </section>
          <section className="panel" aria-labelledby="task-source-h">
            <h2 id="task-source-h">{t('task.source.title')}</h2>
            <TaskSource task={task} />
          </section>
        </div>
        <section className="panel" aria-labelledby="task-reports-h">
          <h2 id="task-reports-h">{t('task.reports.title')}</h2>
          {task.status !== 'closed' ? (
            <p className="muted">{t('task.reports.nextDue', { date: nextDueDate(today()) })}</p>
          ) : null}
          <ReportTimeline
            task={task}
            reports={reports}
            canReview={task.status !== 'closed' && can(actor, 'task.review', task)}
            onReview={(report, decision) => setReview({ reportId: report.id, decision })}
          />
        </section>
      </div>
      {/* The audit log is for the 督查室 and the leaders (the server refuses it to unit staff). */}
      {session.role !== 'staff' ? <TaskHistory taskId={task.id} /> : null}
      {open ? <ActionDialog action={open} detail={detail} run={writer.run} onClose={closeAction} /> : null}
      {reviewing && reviewed ? (
        <ReviewDialog
          report={reviewed}
          decision={reviewing.decision}
          run={writer.run}
          onClose={closeReview}
        />
      ) : null}
      {writer.conflict ? (
        <ConflictView
          key={writer.conflict.server.version}
          conflict={writer.conflict}
          actorId={session.person.id}
          run={writer.run}
          onDone={(discarded) => {
            writer.clearConflict();
            if (discarded) toast.info(t('task.conflict.discarded'));
          }}
        />
      ) : null}
    </>
  );
}
