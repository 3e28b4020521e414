import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { dashboardQueries } from '../../api/dashboard';
import { today } from '../../domain/clock';
import { quarterLabel, quarterOf, quarterRange } from '../../domain/quarter';
import { useLang, useT } from '../../i18n';
import { useLookups } from '../../shared/hooks/use-lookups';
import { PageHeader, QueryState } from '../../shared/ui/query-state';
import { KpiCards } from './kpi-cards';
import { KPI_LINK } from './ledger-links';
import { OverdueList } from './overdue-list';
import { RollupTree } from './rollup-tree';
import { TrendPanel } from './trend-panel';
import { UpcomingTimeline } from './upcoming-timeline';
import './dashboard.css';

function clockAsOf() {
  const day = today();
  const quarter = quarterOf(day);
  return { asOf: day, quarter, quarterStart: quarterRange(quarter).start };
}

/**
 * 总览: the first screen a leader opens. One request feeds the whole page; the chart code is fetched
 * in parallel and never holds up the KPI cards.
 */
export function DashboardPage() {
  const t = useT();
  const lang = useLang();
  const query = useQuery(dashboardQueries.overview());
  // Unit names for the lists: asked for now, in parallel with the overview, not after it arrives.
  useLookups();
  const d = query.data;
  // Until the overview arrives, the date line comes from the shared clock, so the header is complete
  // on the first paint; the server's own date replaces it (they agree: both read the same clock).
  const asOf = d ?? clockAsOf();
  return (
    <div className="dash">
      <PageHeader title={t('dashboard.title')}>
        <p className="dash__asof">
          {t('dashboard.asOf', {
            date: asOf.asOf,
            quarter: quarterLabel(asOf.quarter, lang),
            start: asOf.quarterStart,
          })}
        </p>
      </PageHeader>
      <KpiCards kpis={d?.kpis} />
      <QueryState query={query} what={t('dashboard.what')}>
        {(data) => (
          <div className="dash-grid">
            <div className="dash-grid__side">
              <section className="panel" aria-labelledby="dash-overdue-h">
                <div className="dash-panel__head">
                  <h2 id="dash-overdue-h">
                    <span aria-hidden="true" className="dash-h-icon dash-h-icon--red">
                      ●
                    </span>
                    {t('dashboard.overdue.title')}
                  </h2>
                  {data.overdueTotal > 0 ? (
                    <Link to={KPI_LINK.overdue} className="dash-more">
                      {t('dashboard.overdue.all', { n: data.overdueTotal })}
                    </Link>
                  ) : null}
                </div>
                <OverdueList items={data.overdue} />
              </section>
              <section className="panel" aria-labelledby="dash-upcoming-h">
                <div className="dash-panel__head">
                  <h2 id="dash-upcoming-h">{t('dashboard.upcoming.title', { n: data.upcomingDays })}</h2>
                  <Link
                    to="/ledger?sort=deadline&order=asc&status=assigned,in-progress,returned,extension-requested,pending-review"
                    className="dash-more"
                  >
                    {t('dashboard.upcoming.all')}
                  </Link>
                </div>
                <UpcomingTimeline items={data.upcoming} days={data.upcomingDays} total={data.upcomingTotal} />
              </section>
              <section className="panel" aria-labelledby="dash-trend-h">
                <h2 id="dash-trend-h">{t('dashboard.trend.title')}</h2>
                <TrendPanel points={data.trend} quarter={data.quarter} />
              </section>
            </div>
            <section className="panel dash-grid__main" aria-labelledby="dash-rollup-h">
              <div className="dash-panel__head">
                <h2 id="dash-rollup-h">{t('dashboard.rollup.title')}</h2>
                <span className="muted dash-panel__note">{t('dashboard.rollup.rule')}</span>
                <Link to="/alignment" className="dash-more" data-testid="dash-alignment">
                  {t('dashboard.alignment', { covered: data.alignment.covered, n: data.alignment.higher })}
                </Link>
              </div>
              <RollupTree data={data} />
            </section>
          </div>
        )}
      </QueryState>
    </div>
  );
}
