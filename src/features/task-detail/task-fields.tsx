import type { ReactNode } from 'react';
import type { TaskRow } from '../../domain/contract';
import { useT } from '../../i18n';
import { useLookups } from '../../shared/hooks/use-lookups';
import { ProgressBar, StatusBadge, WarningBadge } from '../../shared/ui/badges';

const at = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 16) : '');

/** Every field of the task, as the ledger records it. */
export function TaskFields({ task }: { task: TaskRow }) {
  const t = useT();
  const look = useLookups();
  const none = <span className="muted">{t('common.none')}</span>;
  const rows: [string, ReactNode][] = [
    [t('task.field.code'), task.code],
    [t('task.field.status'), <StatusBadge key="s" status={task.status} />],
    [
      t('task.field.warning'),
      // Every rule that fired, most severe first: a task can be overdue and unreported at once.
      (task.warning.flags.length ? task.warning.flags : [task.warning.kind]).map((kind) => (
        <WarningBadge key={kind} warning={{ ...task.warning, kind }} withReason />
      )),
    ],
    [
      t('task.field.progress'),
      <ProgressBar key="p" value={task.progress} label={`${t('task.field.progress')} ${task.progress}%`} />,
    ],
    [t('task.field.leadUnitId'), look.unitName(task.leadUnitId)],
    [
      t('task.field.coUnitIds'),
      task.coUnitIds.length ? task.coUnitIds.map((u) => look.unitName(u)).join('、') : none,
    ],
    [
      t('task.field.responsiblePersonId'),
      task.responsiblePersonId ? look.personName(task.responsiblePersonId) : none,
    ],
    [t('task.field.startDate'), task.startDate],
    [
      t('task.field.deadline'),
      <>
        {task.deadline}
        {task.originalDeadline !== task.deadline ? (
          <span className="muted">（{t('task.deadline.extended', { date: task.originalDeadline })}）</span>
        ) : null}
      </>,
    ],
    [t('task.field.priority'), t(`priority.${task.priority}`)],
    [
      t('task.field.tags'),
      task.tags.length
        ? task.tags.map((x) => (
            <span key={x} className="tag">
              {x}
            </span>
          ))
        : none,
    ],
    [t('task.field.lastReport'), task.lastReportAt ? at(task.lastReportAt) : none],
    [t('task.field.createdAt'), at(task.createdAt)],
    [t('task.field.updatedAt'), at(task.updatedAt)],
    ...(task.closedAt ? ([[t('task.field.closedAt'), at(task.closedAt)]] as [string, ReactNode][]) : []),
    [t('task.field.version'), String(task.version)],
  ];
  return (
    <dl className="task-fields">
      {rows.map(([k, v]) => (
        <div key={k} className="task-fields__row">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
