import { useState } from 'react';
import { today } from '../../domain/clock';
import type { TaskRow } from '../../domain/contract';
import { isOnTime, missedPeriods, periodEnd } from '../../domain/reporting';
import type { ProgressReport } from '../../domain/schemas';
import { useT } from '../../i18n';
import { useLookups } from '../../shared/hooks/use-lookups';
import { OPTIMISTIC_ID } from './optimistic';

const STATE_ICON = { pending: '◷', accepted: '✓', returned: '↩' } as const;
/** A year of monthly reports is long; the latest few are what a reviewer reads first. */
const RECENT = 6;

const at = (iso: string) => iso.replace('T', ' ').slice(0, 16);

type OnReview = (report: ProgressReport, decision: 'accept' | 'return') => void;

type Entry = { period: string; report: ProgressReport | null };

/**
 * Reports and the due periods that have none, newest first: the reporting calendar made visible, so a
 * gap in a unit's reporting shows where it happened.
 */
function entriesOf(task: TaskRow, reports: ProgressReport[]): Entry[] {
  const finalAt =
    task.status === 'pending-review' ? (reports.findLast((r) => r.final)?.submittedAt ?? null) : null;
  const until = task.closedAt ?? finalAt;
  const missed = missedPeriods(
    task.startDate,
    reports.map((r) => r.period),
    today(),
    until?.slice(0, 10) ?? null,
  );
  const entries: Entry[] = [
    ...reports.map((r) => ({ period: r.period, report: r })),
    ...missed.map((period) => ({ period, report: null })),
  ];
  return entries.sort(newestFirst);
}

const byNumber = new Intl.Collator('en', { numeric: true });

/**
 * Newest period first; within a period a report above its missed slot, then the later submission
 * first. Two reports with the same time (a frozen clock, one batch) fall back to the id, which the
 * server hands out in sequence — so a report returned and then resubmitted never reads upside down.
 */
function newestFirst(a: Entry, b: Entry): number {
  if (a.period !== b.period) return b.period.localeCompare(a.period);
  if (!a.report || !b.report) return (b.report ? 1 : 0) - (a.report ? 1 : 0);
  if (a.report.submittedAt !== b.report.submittedAt)
    return b.report.submittedAt.localeCompare(a.report.submittedAt);
  // The one being saved right now is the newest of all.
  if (a.report.id === OPTIMISTIC_ID || b.report.id === OPTIMISTIC_ID)
    return a.report.id === OPTIMISTIC_ID ? -1 : 1;
  return byNumber.compare(b.report.id, a.report.id);
}

/** The task's progress reports, newest first, each with its period, punctuality and review. */
export function ReportTimeline({
  task,
  reports,
  canReview,
  onReview,
}: {
  task: TaskRow;
  reports: ProgressReport[];
  canReview: boolean;
  onReview: OnReview;
}) {
  const t = useT();
  const [all, setAll] = useState(false);
  const entries = entriesOf(task, reports);
  if (entries.length === 0) return <p className="muted">{t('task.reports.empty')}</p>;
  const shown = all ? entries : entries.slice(0, RECENT);
  return (
    <>
      <ol className="timeline" aria-label={t('task.reports.title')}>
        {shown.map((e) =>
          e.report ? (
            <ReportItem key={e.report.id} report={e.report} canReview={canReview} onReview={onReview} />
          ) : (
            <li key={`missed-${e.period}`} className="timeline__item timeline__item--missed">
              <div className="timeline__head">
                <strong>{t('task.reports.period', { period: e.period })}</strong>
                <span className="timeline__tag is-missed">
                  <span aria-hidden="true">○ </span>
                  {t('task.reports.missed')}
                </span>
                <span className="muted">{t('task.reports.dueBy', { date: periodEnd(e.period) })}</span>
              </div>
            </li>
          ),
        )}
      </ol>
      {entries.length > RECENT ? (
        <button
          type="button"
          className="btn btn--ghost timeline__more"
          aria-expanded={all}
          onClick={() => setAll(!all)}
        >
          {all
            ? t('task.reports.showRecent', { n: RECENT })
            : t('task.reports.showAll', { n: entries.length })}
        </button>
      ) : null}
    </>
  );
}

function ReportItem({
  report: r,
  canReview,
  onReview,
}: {
  report: ProgressReport;
  canReview: boolean;
  onReview: OnReview;
}) {
  const t = useT();
  const look = useLookups();
  const onTime = isOnTime(r.period, r.submittedAt.slice(0, 10));
  const saving = r.id === OPTIMISTIC_ID;
  const period = t('task.reports.period', { period: r.period });
  return (
    <li
      className={`timeline__item timeline__item--${r.reviewState}`}
      aria-busy={saving}
      data-testid={`report-${r.id}`}
    >
      <div className="timeline__head">
        <strong>{period}</strong>
        <span className={`timeline__tag ${onTime ? 'is-ontime' : 'is-late'}`}>
          <span aria-hidden="true">{onTime ? '✓ ' : '! '}</span>
          {onTime ? t('task.reports.onTime') : t('task.reports.late')}
        </span>
        {r.final ? <span className="timeline__tag is-final">{t('task.reports.final')}</span> : null}
        <span className="muted">{t('task.reports.progress', { n: r.progress })}</span>
        <span className={`timeline__state timeline__state--${r.reviewState}`}>
          <span aria-hidden="true">{STATE_ICON[r.reviewState]} </span>
          {saving ? t('task.reports.saving') : t(`task.reports.state.${r.reviewState}`)}
        </span>
      </div>
      <p className="timeline__text">{r.text}</p>
      {r.evidence.length ? (
        <p className="timeline__evidence">
          {t('task.reports.evidence')}
          {r.evidence.map((e) => (
            <a key={e} href={e} target="_blank" rel="noreferrer noopener">
              {e.split('/').at(-1) || e}
            </a>
          ))}
        </p>
      ) : null}
      <p className="muted timeline__meta">
        {t('task.reports.by', { name: look.personName(r.submitterId), at: at(r.submittedAt) })}
      </p>
      {r.reviewedAt ? (
        <p className="muted timeline__meta">
          {t('task.reports.reviewedBy', { name: look.personName(r.reviewerId), at: at(r.reviewedAt) })}
          {r.reviewComment ? ` · ${t('task.reports.comment', { comment: r.reviewComment })}` : ''}
        </p>
      ) : null}
      {canReview && r.reviewState === 'pending' && !saving && r.final ? (
        <p className="timeline__meta timeline__decide">{t('task.reports.decideAbove')}</p>
      ) : null}
      {canReview && r.reviewState === 'pending' && !saving && !r.final ? (
        <div className="timeline__actions">
          <button
            type="button"
            className="btn"
            aria-label={`${t('task.reports.accept')} · ${period}`}
            onClick={() => onReview(r, 'accept')}
          >
            {t('task.reports.accept')}
          </button>
          <button
            type="button"
            className="btn btn--danger"
            aria-label={`${t('task.reports.return')} · ${period}`}
            onClick={() => onReview(r, 'return')}
          >
            {t('task.reports.return')}
          </button>
        </div>
      ) : null}
    </li>
  );
}
