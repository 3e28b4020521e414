import { Link } from 'react-router';
import type { Alignment, AlignmentDirective } from '../../domain/contract';
import { useT } from '../../i18n';
import { ProgressBar } from '../../shared/ui/badges';
import type { UnitCell } from './matrix-model';

/** The lower-level directives of one meeting that take the row up, each with its tasks' progress. */
export function MeetingCell({ list, data }: { list: AlignmentDirective[]; data: Alignment }) {
  const t = useT();
  if (list.length === 0) return <span className="muted">—</span>;
  return (
    <ul>
      {list.map((d) => {
        const p = data.progress[d.id];
        return (
          <li key={d.id}>
            <Link to={`/ledger?directive=${d.id}`}>{d.heading}</Link>
            <span className="align-cell__meta">
              {p?.progress != null ? (
                <ProgressBar value={p.progress} label={`${d.heading} ${p.progress}%`} />
              ) : null}
              <span className="muted">
                {p?.total ? t('alignment.tasks', { n: p.total }) : t('alignment.noTasks')}
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** One unit's tasks under the directives that take the row up. */
export function UnitCellView({ cell, label }: { cell: UnitCell | null; label: string }) {
  const t = useT();
  if (!cell) return <span className="muted">—</span>;
  return (
    <span className="align-unitcell">
      {cell.progress !== null ? (
        <ProgressBar value={cell.progress} label={`${label} ${cell.progress}%`} />
      ) : null}
      <span className="muted">{t('alignment.tasks', { n: cell.total })}</span>
      {cell.overdue > 0 ? (
        <span className="badge badge--overdue">
          <span aria-hidden="true" className="badge__icon">
            ●
          </span>
          {t('alignment.overdueN', { n: cell.overdue })}
        </span>
      ) : null}
    </span>
  );
}

export function CoverageBadge({ covered }: { covered: boolean }) {
  const t = useT();
  return covered ? (
    <span className="badge badge--normal">
      <span aria-hidden="true" className="badge__icon">
        ✓
      </span>
      {t('alignment.covered')}
    </span>
  ) : (
    <span className="badge align-gap">
      <span aria-hidden="true" className="badge__icon">
        △
      </span>
      {t('alignment.gap')}
    </span>
  );
}
