import { Link } from 'react-router';
import type { TaskBrief } from '../../domain/contract';
import { useT } from '../../i18n';
import { useLookups } from '../../shared/hooks/use-lookups';
import { taskLink } from './ledger-links';

/** The longest-overdue tasks, most overdue first; the whole list is one click away in the ledger. */
export function OverdueList({ items }: { items: TaskBrief[] }) {
  const t = useT();
  const { unitName } = useLookups();
  if (items.length === 0) {
    return (
      <p className="dash-none">
        <span aria-hidden="true">✓ </span>
        {t('dashboard.overdue.empty')}
      </p>
    );
  }
  return (
    <table className="table dash-overdue">
      <caption className="visually-hidden">{t('dashboard.overdue.title')}</caption>
      <colgroup>
        <col />
        <col className="dash-overdue__c-unit" />
        <col className="dash-overdue__c-days" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.col.task')}</th>
          <th scope="col">{t('dashboard.col.lead')}</th>
          <th scope="col" className="num">
            {t('dashboard.col.overdueDays')}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.id}>
            <td className="truncate dash-overdue__title">
              <Link to={taskLink(i.id)} title={`${i.title}（${t('dashboard.progress', { n: i.progress })}）`}>
                {i.title}
              </Link>
            </td>
            <td title={unitName(i.leadUnitId)}>{unitName(i.leadUnitId)}</td>
            <td className="num">
              <span className="badge badge--overdue">
                <span aria-hidden="true" className="badge__icon">
                  ●
                </span>
                {t('dashboard.overdue.days', { n: i.overdueDays })}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
