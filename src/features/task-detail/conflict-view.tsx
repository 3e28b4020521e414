import { useEffect, useId, useRef, useState } from 'react';
import type { TaskRow } from '../../domain/contract';
import { REPORTABLE, TRANSITIONS } from '../../domain/workflow';
import { useT } from '../../i18n';
import { useLookups } from '../../shared/hooks/use-lookups';
import { describeWrite } from './describe-write';
import { applyToTask, type TaskWrite } from './optimistic';
import { type Conflict, type RunResult, writeLabel } from './use-task-write';

const FIELDS = [
  'title',
  'status',
  'progress',
  'deadline',
  'priority',
  'tags',
  'leadUnitId',
  'coUnitIds',
  'responsiblePersonId',
] as const;
type Field = (typeof FIELDS)[number];

/** Whether the change still makes sense on the server's version (a workflow step may no longer be legal). */
function canReapply(write: TaskWrite, server: TaskRow): boolean {
  if (write.kind === 'transition') return TRANSITIONS[write.action].from.includes(server.status);
  if (write.kind === 'report') return REPORTABLE.includes(server.status);
  return true;
}

/** Someone saved first (412): both versions side by side, differences marked; the user decides. */
export function ConflictView({
  conflict,
  actorId,
  run,
  onDone,
}: {
  conflict: Conflict;
  actorId: string;
  run: (w: TaskWrite, version?: number) => Promise<RunResult>;
  onDone: (discarded: boolean) => void;
}) {
  const t = useT();
  const look = useLookups();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal?.();
  }, []);
  const { write, base, server } = conflict;
  const yours = applyToTask(base, write, actorId);
  const show = (task: TaskRow, f: Field): string => {
    if (f === 'status') return t(`status.${task.status}`);
    if (f === 'priority') return t(`priority.${task.priority}`);
    if (f === 'progress') return `${task.progress}%`;
    if (f === 'leadUnitId') return look.unitName(task.leadUnitId);
    if (f === 'coUnitIds') return task.coUnitIds.map((u) => look.unitName(u)).join('、') || '—';
    if (f === 'responsiblePersonId') return look.personName(task.responsiblePersonId) || '—';
    if (f === 'tags') return task.tags.join('、') || '—';
    return String(task[f]);
  };
  const action = t(`task.action.${writeLabel(write)}`);
  const reapplicable = canReapply(write, server);
  const reapply = async () => {
    setBusy(true);
    const res = await run(write, server.version);
    setBusy(false);
    if (res.ok) onDone(false);
    else if (!res.conflict) setError(res.message);
  };
  return (
    <dialog
      ref={ref}
      className="dialog conflict"
      aria-labelledby={titleId}
      onClose={() => onDone(true)}
      data-testid="conflict-view"
    >
      <h2 id={titleId}>
        <span aria-hidden="true">⚠ </span>
        {t('task.conflict.title')}
      </h2>
      <p>{t('task.conflict.intro', { base: base.version, server: server.version })}</p>
      <p>{t('task.conflict.change', { change: describeWrite(t, write) })}</p>
      <table className="table conflict__table">
        <thead>
          <tr>
            <th scope="col">{t('task.conflict.field')}</th>
            <th scope="col">{t('task.conflict.yours')}</th>
            <th scope="col">{t('task.conflict.server')}</th>
            {reapplicable ? <th scope="col">{t('task.conflict.after')}</th> : null}
            <th scope="col">{t('task.conflict.differs')}</th>
          </tr>
        </thead>
        <tbody>
          {FIELDS.map((f) => {
            const [a, b, was] = [show(yours, f), show(server, f), show(base, f)];
            const mine = a !== was;
            const theirs = b !== was;
            const who = mine && theirs ? 'byBoth' : mine ? 'byYou' : theirs ? 'byThem' : null;
            return (
              <tr key={f} className={a !== b ? 'conflict__row--differs' : undefined} data-differs={a !== b}>
                <th scope="row">{t(`task.field.${f}`)}</th>
                <td>{a}</td>
                <td>{b}</td>
                {reapplicable ? <td>{show(applyToTask(server, write, actorId), f)}</td> : null}
                <td className="nowrap">
                  {who ? (
                    <strong>≠ {t(`task.conflict.${who}`)}</strong>
                  ) : (
                    <span className="muted">{t('task.conflict.same')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {reapplicable ? <p className="conflict__note">{t('task.conflict.note')}</p> : null}
      {!reapplicable ? (
        <p role="note">
          {t('task.conflict.cannotReapply', { status: t(`status.${server.status}`), action })}
        </p>
      ) : null}
      {error ? (
        <p className="task-dialog__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog__actions">
        <button type="button" className="btn" onClick={() => ref.current?.close()}>
          {t('task.conflict.discard')}
        </button>
        <button type="button" className="btn btn--primary" disabled={!reapplicable || busy} onClick={reapply}>
          {t('task.conflict.reapply')}
        </button>
      </div>
    </dialog>
  );
}
