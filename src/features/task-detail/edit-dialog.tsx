import { useState } from 'react';
import type { TaskRow } from '../../domain/contract';
import { isValidDate } from '../../domain/dates';
import type { Priority } from '../../domain/schemas';
import { useT } from '../../i18n';
import { useDraft } from '../../shared/hooks/use-draft';
import { changedFields } from './changed-fields';
import { DialogShell } from './dialog-shell';
import type { TaskWrite } from './optimistic';
import type { RunResult } from './use-task-write';

const PRIORITIES: Priority[] = ['high', 'normal', 'low'];

/** Edit the task's title, deadline, priority and tags (supervision office). */
export function EditDialog({
  task,
  run,
  onClose,
}: {
  task: TaskRow;
  run: (w: TaskWrite, version?: number) => Promise<RunResult>;
  onClose: () => void;
}) {
  const t = useT();
  // A draft (see report-dialog) that remembers the version it was started from: restored after the
  // task changed meanwhile, it is saved against that version, so the conflict view shows both.
  const [form, setForm, discard] = useDraft('edit', () => ({
    base: task.version,
    title: task.title,
    deadline: task.deadline,
    priority: task.priority,
    tags: task.tags.join('，'),
  }));
  const { title, deadline, priority, tags } = form;
  const edit = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const [invalid, setInvalid] = useState<string | null>(null);
  const submit = () => {
    const tagList = [...new Set(tags.split(/[,，、\s]+/).filter(Boolean))];
    const problem = !title.trim()
      ? t('task.field.title')
      : !isValidDate(deadline) || deadline < task.startDate
        ? t('task.field.deadline')
        : tagList.length > 10 || tagList.some((x) => x.length > 20)
          ? t('task.edit.tags')
          : null;
    setInvalid(problem);
    if (problem) return null;
    const body = changedFields(task, { title: title.trim(), deadline, priority, tags: tagList });
    if (Object.keys(body).length === 0) return Promise.resolve<RunResult>({ ok: true });
    return run({ kind: 'patch', label: 'edit', body }, form.base);
  };
  return (
    <DialogShell
      title={t('task.action.edit')}
      onClose={() => {
        discard();
        onClose();
      }}
      onSubmit={submit}
      submitLabel={t('common.save')}
    >
      <div className="task-dialog__fields">
        <label>
          {t('task.field.title')}
          <textarea
            rows={2}
            maxLength={300}
            required
            value={title}
            onChange={(e) => edit({ title: e.target.value })}
          />
        </label>
        <label>
          {t('task.field.deadline')}
          <input
            type="date"
            required
            min={task.startDate}
            value={deadline}
            onChange={(e) => edit({ deadline: e.target.value })}
          />
        </label>
        <label>
          {t('task.field.priority')}
          <select value={priority} onChange={(e) => edit({ priority: e.target.value as Priority })}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('task.edit.tags')}
          <input value={tags} onChange={(e) => edit({ tags: e.target.value })} />
        </label>
        {invalid ? (
          <p className="task-dialog__error" role="alert">
            {t('task.error.fields', { fields: invalid })}
          </p>
        ) : null}
      </div>
    </DialogShell>
  );
}
