import { useState } from 'react';
import { today } from '../../domain/clock';
import type { TaskDetail } from '../../domain/contract';
import { isOnTime, periodEnd, reportPeriodFor } from '../../domain/reporting';
import { evidenceLinkSchema } from '../../domain/schemas';
import { useT } from '../../i18n';
import { useDraft } from '../../shared/hooks/use-draft';
import { DialogShell } from './dialog-shell';
import type { TaskWrite } from './optimistic';
import type { RunResult } from './use-task-write';

const badLink = (link: string) => !evidenceLinkSchema.safeParse(link).success;

/** A progress report: what was done, how far along, evidence links, and whether the unit reports it done. */
export function ReportDialog({
  detail,
  run,
  onClose,
}: {
  detail: TaskDetail;
  run: (w: TaskWrite) => Promise<RunResult>;
  onClose: () => void;
}) {
  const t = useT();
  // A draft, so an expired session or a reload never loses the report being written.
  const [form, setForm, discard] = useDraft('report', () => ({
    text: '',
    progress: String(detail.task.progress),
    links: '',
    final: false,
  }));
  const { text, progress, links, final } = form;
  const edit = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const [invalid, setInvalid] = useState<string | null>(null);
  const day = today();
  const period = reportPeriodFor(
    day,
    detail.reports.map((r) => r.period),
    detail.task.startDate,
  );
  const submit = () => {
    const evidence = links.split(/\s+/).filter(Boolean);
    const pct = Number(progress);
    const problem = !text.trim()
      ? t('task.report.text')
      : !final && (!Number.isInteger(pct) || pct < 0 || pct > 100)
        ? t('task.report.progress')
        : evidence.length > 10
          ? t('task.report.tooMany')
          : evidence.find(badLink)
            ? t('task.report.badLink', { link: evidence.find(badLink)! })
            : null;
    setInvalid(problem);
    if (problem) return null;
    return run({ kind: 'report', body: { text: text.trim(), progress: final ? 100 : pct, evidence, final } });
  };
  return (
    <DialogShell
      title={t('task.action.report')}
      onClose={() => {
        discard();
        onClose();
      }}
      onSubmit={submit}
    >
      <p className="muted">
        {t('task.report.period', {
          period,
          due: periodEnd(period),
          state: isOnTime(period, day) ? t('task.reports.onTime') : t('task.reports.late'),
        })}
      </p>
      <div className="task-dialog__fields">
        <label>
          {t('task.report.text')}
          <textarea
            required
            rows={5}
            maxLength={2000}
            value={text}
            onChange={(e) => edit({ text: e.target.value })}
            aria-invalid={invalid === t('task.report.text')}
          />
        </label>
        <label>
          {t('task.report.progress')}
          <input
            type="number"
            min={0}
            max={100}
            step={1}
            disabled={final}
            value={final ? '100' : progress}
            onChange={(e) => edit({ progress: e.target.value })}
          />
        </label>
        <label>
          {t('task.report.evidence')}
          <textarea
            rows={2}
            value={links}
            placeholder="https://"
            onChange={(e) => edit({ links: e.target.value })}
          />
        </label>
        <label className="task-dialog__check">
          <input type="checkbox" checked={final} onChange={(e) => edit({ final: e.target.checked })} />
          <span>
            {t('task.report.final')}
            <span className="muted task-dialog__hint">{t('task.report.finalHint')}</span>
          </span>
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
