import { Link } from 'react-router';
import type { Review } from '../../domain/contract';
import { useT } from '../../i18n';
import { scrollRegion } from '../../shared/ui/scroll-region';

/** The overdue tasks at the quarter end and the reports sent back in it, as printed tables. */
export function OverdueList({ overdue }: { overdue: Review['overdue'] }) {
  const t = useT();
  if (!overdue.total) return <p>{t('review.report.noneOverdue')}</p>;
  return (
    <>
      <div className="table-wrap" {...scrollRegion(t('review.report.overdue'))}>
        <table className="table">
          <caption className="visually-hidden">{t('review.report.overdue')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('review.col.code')}</th>
              <th scope="col">{t('review.col.title')}</th>
              <th scope="col">{t('review.export.col.lead')}</th>
              <th scope="col">{t('review.col.deadline')}</th>
              <th scope="col" className="num">
                {t('review.col.overdueDays')}
              </th>
            </tr>
          </thead>
          <tbody>
            {overdue.items.map((o) => (
              <tr key={o.id}>
                <td className="nowrap">
                  <Link to={`/ledger/${o.id}`}>{o.code}</Link>
                </td>
                <td>{o.title}</td>
                <td>{o.unitName}</td>
                <td className="nowrap">{o.deadline}</td>
                <td className="num">{o.overdueDays}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {overdue.total > overdue.items.length ? (
        <p className="muted">{t('review.report.more', { n: overdue.total - overdue.items.length })}</p>
      ) : null}
    </>
  );
}

export function SentBackList({ sentBack }: { sentBack: Review['sentBack'] }) {
  const t = useT();
  if (!sentBack.total) return <p>{t('review.report.noneSentBack')}</p>;
  return (
    <>
      <div className="table-wrap" {...scrollRegion(t('review.report.sentBack'))}>
        <table className="table">
          <caption className="visually-hidden">{t('review.report.sentBack')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('review.col.code')}</th>
              <th scope="col">{t('review.col.title')}</th>
              <th scope="col">{t('review.export.col.lead')}</th>
              <th scope="col">{t('review.col.period')}</th>
              <th scope="col">{t('review.col.reviewedAt')}</th>
              <th scope="col">{t('review.col.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {sentBack.items.map((r) => (
              <tr key={r.reportId}>
                <td className="nowrap">
                  <Link to={`/ledger/${r.taskId}`}>{r.code}</Link>
                </td>
                <td>{r.title}</td>
                <td>{r.unitName}</td>
                <td className="nowrap">{r.period}</td>
                <td className="nowrap">{r.reviewedAt}</td>
                <td>{r.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sentBack.total > sentBack.items.length ? (
        <p className="muted">{t('review.report.more', { n: sentBack.total - sentBack.items.length })}</p>
      ) : null}
    </>
  );
}
