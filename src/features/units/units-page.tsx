import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { unitSummaryQueries } from '../../api/dashboard';
import { quarterLabel } from '../../domain/quarter';
import { useLang, useT } from '../../i18n';
import { RatingBadge } from '../../shared/ui/badges';
import { PageHeader, QueryState } from '../../shared/ui/query-state';
import { CountLink } from './count-link';
import { unitGroups } from './unit-tree';
import './units.css';

const COUNT_COLS = [
  { key: 'overdue', warning: 'overdue', tone: 'red' },
  { key: 'atRisk', warning: 'due-soon,behind', tone: 'amber' },
  { key: 'noReport', warning: 'not-reported', tone: 'grey' },
  { key: 'onTrack', warning: 'normal', tone: undefined },
] as const;

/** 责任单位: every unit in the org tree with where its tasks stand and its latest quarterly score. */
export function UnitsPage() {
  const t = useT();
  const lang = useLang();
  const query = useQuery(unitSummaryQueries.list());
  return (
    <>
      <PageHeader title={t('units.title')} />
      <p className="muted">{t('units.intro')}</p>
      <QueryState query={query} what={t('units.what')}>
        {(list) => (
          <div className="table-wrap">
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
                    {g.rows.map(({ summary: s, depth }) => {
                      const name = s.unit.name;
                      const lead = (warning?: string) =>
                        `/ledger?leadUnit=${s.unit.id}${warning ? `&warning=${warning}` : ''}`;
                      return (
                        <tr
                          key={s.unit.id}
                          className={
                            [
                              depth ? 'units-row--child' : '',
                              s.lead.total + s.co.total === 0 ? 'units-row--empty' : '',
                            ]
                              .join(' ')
                              .trim() || undefined
                          }
                        >
                          <th scope="row" className="units-name">
                            {depth ? (
                              <span aria-hidden="true" className="units-indent">
                                └
                              </span>
                            ) : null}
                            <Link to={`/units/${s.unit.id}`}>{name}</Link>
                          </th>
                          <td className="num">
                            <CountLink
                              n={s.lead.total}
                              to={lead()}
                              label={`${name} ${t('units.col.lead')}`}
                            />
                          </td>
                          {COUNT_COLS.map((c) => (
                            <td key={c.key} className="num">
                              <CountLink
                                n={s.lead[c.key]}
                                to={
                                  lead(c.warning) +
                                  (c.key === 'onTrack'
                                    ? '&status=assigned,in-progress,pending-review,returned,extension-requested'
                                    : '')
                                }
                                label={`${name} ${t(`units.col.${c.key}`)}`}
                                tone={c.tone}
                              />
                            </td>
                          ))}
                          <td className="num">
                            <CountLink
                              n={s.lead.closed}
                              to={`/ledger?leadUnit=${s.unit.id}&status=closed`}
                              label={`${name} ${t('units.col.closed')}`}
                            />
                          </td>
                          <td className="num">
                            {/* Plain: the ledger's unit filter means lead or cooperating, which is not this count. */}
                            {s.co.total}
                          </td>
                          <td className="num">
                            {s.latestScore ? (
                              <span title={quarterLabel(s.latestScore.quarter, lang)}>
                                {s.latestScore.score}
                                <span className="units-quarter">
                                  {s.latestScore.quarter}
                                  {s.latestScore.published ? null : ` · ${t('units.unpublished')}`}
                                </span>
                              </span>
                            ) : (
                              <span className="muted">—</span>
                            )}
                          </td>
                          <td className="units-rating">
                            {s.latestScore ? <RatingBadge rating={s.latestScore.rating} /> : null}
                          </td>
                        </tr>
                      );
                    })}
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
