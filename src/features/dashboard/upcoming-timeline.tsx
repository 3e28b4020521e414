import { Link } from 'react-router';
import type { TaskBrief } from '../../domain/contract';
import { useT } from '../../i18n';
import { useLookups } from '../../shared/hooks/use-lookups';
import { WarningBadge } from '../../shared/ui/badges';
import { taskLink } from './ledger-links';

/**
 * The next `days` days as a strip (one mark per task, positioned by days left) above the same tasks
 * as a list, so the timeline reads without the picture and the picture without colour.
 */
export function UpcomingTimeline({
  items,
  days,
  total,
}: {
  items: TaskBrief[];
  days: number;
  total: number;
}) {
  const t = useT();
  const { unitName } = useLookups();
  if (items.length === 0) return <p className="muted">{t('dashboard.upcoming.empty', { n: days })}</p>;
  const weeks = Array.from({ length: Math.floor(days / 7) + 1 }, (_, i) => i * 7);
  return (
    <>
      <div className="dash-strip" aria-hidden="true">
        <div className="dash-strip__axis" />
        {weeks.map((d) => (
          <span key={d} className="dash-strip__tick" style={{ left: `${(d / days) * 100}%` }}>
            {d === 0 ? t('dashboard.upcoming.today') : t('dashboard.upcoming.plus', { n: d })}
          </span>
        ))}
        {items.map((i, n) => (
          <span
            key={i.id}
            className={`dash-strip__mark dash-strip__mark--${i.warning}`}
            style={{ left: `${(i.daysLeft / days) * 100}%`, top: `${6 + (n % 3) * 7}px` }}
            title={`${i.deadline} ${i.title}`}
          />
        ))}
      </div>
      <ol className="dash-timeline">
        {items.map((i) => (
          <li key={i.id} className="dash-timeline__item">
            <span className="dash-timeline__when">
              <span className="num-font">{i.deadline.slice(5)}</span>
              <span className="muted">
                {i.daysLeft === 0
                  ? t('dashboard.upcoming.dueToday')
                  : t('dashboard.upcoming.in', { n: i.daysLeft })}
              </span>
            </span>
            <span className="dash-timeline__what">
              <Link to={taskLink(i.id)} title={i.title}>
                {i.title}
              </Link>
              <span className="muted">
                {unitName(i.leadUnitId)} · {t('dashboard.progress', { n: i.progress })}
              </span>
            </span>
            <WarningBadge
              warning={{
                kind: i.warning,
                overdueDays: i.overdueDays,
                daysLeft: i.daysLeft,
                progress: i.progress,
                elapsedPct: 0,
              }}
            />
          </li>
        ))}
      </ol>
      {total > items.length ? (
        <p className="muted dash-more-note">{t('dashboard.upcoming.more', { n: total - items.length })}</p>
      ) : null}
    </>
  );
}
