import { Link } from 'react-router';
import type { ReportDue } from '../../domain/contract';
import { diffDays } from '../../domain/dates';
import { useT } from '../../i18n';

function Item({ r, asOf }: { r: ReportDue; asOf: string }) {
  const t = useT();
  return (
    <li>
      {r.state === 'missing' ? (
        <span className="badge badge--not-reported">
          <span aria-hidden="true" className="badge__icon">
            ○
          </span>
          {t('units.reports.missing', { period: r.period })}
        </span>
      ) : (
        <span className="badge units-due__badge">
          <span aria-hidden="true" className="badge__icon">
            ◷
          </span>
          {t('units.reports.due', { date: r.dueDate, n: Math.max(0, diffDays(asOf, r.dueDate)) })}
        </span>
      )}
      <Link to={`/ledger/${r.taskId}`} title={r.title}>
        <span className="muted num-font">{r.code}</span> {r.title}
      </Link>
    </li>
  );
}

/**
 * Reports the unit owes: missed months first and in full (they cost points), then this month's,
 * folded into one line because they are routine until the due day.
 */
export function ReportsDue({ items, asOf }: { items: ReportDue[]; asOf: string }) {
  const t = useT();
  if (items.length === 0) {
    return (
      <p className="units-none">
        <span aria-hidden="true">✓ </span>
        {t('units.reports.none')}
      </p>
    );
  }
  const missing = items.filter((r) => r.state === 'missing');
  const due = items.filter((r) => r.state === 'due');
  return (
    <>
      {missing.length > 0 ? (
        <ul className="units-due">
          {missing.map((r) => (
            <Item key={`${r.taskId}-${r.period}`} r={r} asOf={asOf} />
          ))}
        </ul>
      ) : null}
      {due.length > 0 ? (
        <details className="units-due-more" open={due.length <= 5}>
          <summary>
            {t('units.reports.dueSummary', {
              n: due.length,
              date: due[0]!.dueDate,
              days: Math.max(0, diffDays(asOf, due[0]!.dueDate)),
            })}
          </summary>
          <ul className="units-due">
            {due.map((r) => (
              <Item key={`${r.taskId}-${r.period}`} r={r} asOf={asOf} />
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
