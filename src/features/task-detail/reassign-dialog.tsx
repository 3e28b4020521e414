import { useState } from 'react';
import type { TaskRow } from '../../domain/contract';
import { useT } from '../../i18n';
import { useLookups } from '../../shared/hooks/use-lookups';
import { changedFields } from './changed-fields';
import { DialogShell } from './dialog-shell';
import type { TaskWrite } from './optimistic';
import type { RunResult } from './use-task-write';

/** Change who carries the task: lead unit, cooperating units, responsible person (supervision office). */
export function ReassignDialog({
  task,
  run,
  onClose,
}: {
  task: TaskRow;
  run: (w: TaskWrite) => Promise<RunResult>;
  onClose: () => void;
}) {
  const t = useT();
  const look = useLookups();
  const [lead, setLead] = useState(task.leadUnitId);
  const [co, setCo] = useState<string[]>(task.coUnitIds);
  const [person, setPerson] = useState(task.responsiblePersonId ?? '');
  const unitOptions = look.units.filter((u) => u.id !== 'p-dcs');
  const staff = look.people.filter((p) => p.unitId === lead && p.role === 'staff');
  const changeLead = (id: string) => {
    setLead(id);
    setCo((c) => c.filter((x) => x !== id));
    if (!look.people.some((p) => p.id === person && p.unitId === id)) setPerson('');
  };
  const submit = () => {
    const coUnitIds = co.filter((x) => x !== lead);
    const body = changedFields(task, { leadUnitId: lead, coUnitIds, responsiblePersonId: person || null });
    if (Object.keys(body).length === 0) return Promise.resolve<RunResult>({ ok: true });
    return run({ kind: 'patch', label: 'reassign', body });
  };
  return (
    <DialogShell
      title={t('task.action.reassign')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('common.save')}
    >
      <div className="task-dialog__fields">
        <label>
          {t('task.field.leadUnitId')}
          <select value={lead} onChange={(e) => changeLead(e.target.value)}>
            {unitOptions.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('task.field.responsiblePersonId')}
          <select value={person} onChange={(e) => setPerson(e.target.value)}>
            <option value="">{t('task.reassign.noPerson')}</option>
            {staff.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}（{p.title}）
              </option>
            ))}
          </select>
        </label>
        <fieldset className="task-dialog__units">
          <legend>{t('task.field.coUnitIds')}</legend>
          {unitOptions
            .filter((u) => u.id !== lead)
            .map((u) => (
              <label key={u.id} className="task-dialog__check">
                <input
                  type="checkbox"
                  checked={co.includes(u.id)}
                  onChange={(e) =>
                    setCo((c) => (e.target.checked ? [...c, u.id] : c.filter((x) => x !== u.id)))
                  }
                />
                <span>{u.name}</span>
              </label>
            ))}
        </fieldset>
      </div>
    </DialogShell>
  );
}
