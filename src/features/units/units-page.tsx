import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { unitSummaryQueries } from '../../api/dashboard';
import { sessionQueries } from '../../api/queries';
import { useT } from '../../i18n';
import { PageHeader, QueryState } from '../../shared/ui/query-state';
import { scrollRegion } from '../../shared/ui/scroll-region';
import { COUNT_COLS, UnitRow } from './unit-row';
import { unitGroups } from './unit-tree';
import './units.css';

/** 责任单位: every unit in the org tree with where its tasks stand and its latest quarterly score. */
export function UnitsPage() {
  const t = useT();
  const query = useQuery(unitSummaryQueries.list());
  // Unit staff find their own unit marked, so they see their position among the others.
  const session = useQuery(sessionQueries.current());
  const ownUnit = session.data?.role === 'staff' ? session.data.unit.id : null;
  return (
    <>
      <PageHeader title={t('units.title')} />
      <p className="muted">{t('units.intro')}</p>
      <QueryState query={query} what={t('units.what')}>
        {(list) => (
          <div className="table-wrap" {...scrollRegion(t('units.what'))}>
            <table className="table units-table">
              <caption className="visually-hidden">{t('units.what')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('units.col.unit')}</th>
                  <th scope="col" className="num">
                    {t('units.col.lead')}
                  </th>
                  {COUNT_COLS.map((c) => (
                    <th key={c.key} scope="col" className="num">
                      {t(`units.col.${c.key}`)}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('units.col.closed')}
                  </th>
                  <th scope="col" className="num">
                    {t('units.col.co')}
                  </th>
                  <th scope="col" className="num">
                    {t('units.col.score')}
                  </th>
                  <th scope="col">{t('units.col.rating')}</th>
                </tr>
              </thead>
              <tbody>
                {unitGroups(list).map((g) => (
                  <Fragment key={g.key}>
                    <tr className="units-group">
                      <th scope="rowgroup" colSpan={10}>
                        {t(`level.${g.key}`)}
                      </th>
                    </tr>
                    {g.rows.map(({ summary, depth }) => (
                      <UnitRow
                        key={summary.unit.id}
                        s={summary}
                        depth={depth}
                        own={summary.unit.id === ownUnit}
                      />
                    ))}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </>
  );
}
