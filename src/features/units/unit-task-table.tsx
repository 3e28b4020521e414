import { Link } from 'react-router';
import type { TaskRow } from '../../domain/contract';
import { useT } from '../../i18n';
import { useLookups } from '../../shared/hooks/use-lookups';
import { ProgressBar, StatusBadge, WarningBadge } from '../../shared/ui/badges';
import { scrollRegion } from '../../shared/ui/scroll-region';

/** A unit's tasks, compact: the lead unit column only when the unit merely cooperates. */
export function UnitTaskTable({
  rows,
  caption,
  showLead = false,
}: {
  rows: TaskRow[];
  caption: string;
  showLead?: boolean;
}) {
  const t = useT();
  const { unitName } = useLookups();
  if (rows.length === 0) return <p className="muted">{t('units.noTasks')}</p>;
  return (
    <div className="table-wrap units-tasks" {...scrollRegion(caption)}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('units.col.code')}</th>
            <th scope="col">{t('units.col.task')}</th>
            {showLead ? <th scope="col">{t('units.col.leadUnit')}</th> : null}
            <th scope="col">{t('units.col.deadline')}</th>
            <th scope="col">{t('units.col.progress')}</th>
            <th scope="col">{t('units.col.statusWarning')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="nowrap num-font">{r.code}</td>
              <td className="truncate">
                <Link to={`/ledger/${r.id}`} title={r.title}>
                  {r.title}
                </Link>
              </td>
              {showLead ? (
                <td className="units-lead" title={unitName(r.leadUnitId)}>
                  {unitName(r.leadUnitId)}
                </td>
              ) : null}
              <td className="nowrap num-font">{r.deadline}</td>
              <td>
                <ProgressBar value={r.progress} label={`${r.title} ${r.progress}%`} />
              </td>
              <td>
                {/* Closed and suspended tasks carry no warning; an open one shows its light beside its status. */}
                <span className="units-state">
                  <StatusBadge status={r.status} />
                  {r.status === 'closed' || r.status === 'suspended' ? null : (
                    <WarningBadge warning={r.warning} />
                  )}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
