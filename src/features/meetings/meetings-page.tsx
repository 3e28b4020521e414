import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { meetingQueries } from '../../api/queries';
import { useT } from '../../i18n';
import { PageHeader, QueryState } from '../../shared/ui/query-state';
import { scrollRegion } from '../../shared/ui/scroll-region';

export function MeetingsPage() {
  const t = useT();
  const meetings = useQuery(meetingQueries.list());
  return (
    <>
      <PageHeader title={t('meetings.title')} />
      <QueryState query={meetings} what={t('meetings.what')}>
        {(list) => (
          <div className="table-wrap" {...scrollRegion(t('meetings.what'))}>
            <table className="table">
              <caption className="visually-hidden">{t('meetings.what')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('meetings.col.title')}</th>
                  <th scope="col">{t('meetings.col.date')}</th>
                  <th scope="col">{t('meetings.col.place')}</th>
                  <th scope="col">{t('meetings.col.speakers')}</th>
                  <th scope="col" className="num">
                    {t('meetings.col.directives')}
                  </th>
                  <th scope="col" className="num">
                    {t('meetings.col.tasks')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <span className={`tag tag--${m.level}`}>{t(`meetings.level.${m.level}`)}</span>{' '}
                      <Link to={`/meetings/${m.id}`}>{m.title}</Link>
                    </td>
                    <td className="nowrap">{m.date}</td>
                    <td>{m.place}</td>
                    <td>{m.speakers.map((s) => `${s.title ?? ''}${s.name}`).join('、')}</td>
                    <td className="num">{m.directiveCount}</td>
                    <td className="num">
                      <Link to={`/ledger?meeting=${m.id}`}>{m.taskCount}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </>
  );
}
