import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { unitSummaryQueries } from '../../api/dashboard';
import { countTasks } from '../../domain/rollup';
import { useT } from '../../i18n';
import { UnitDocumentsMenu } from '../../shared/documents';
import { useLookups } from '../../shared/hooks/use-lookups';
import { PageHeader, QueryState } from '../../shared/ui/query-state';
import { ReportsDue } from './reports-due';
import { ScoreTrend } from './score-trend';
import { UnitStats } from './unit-stats';
import { UnitTaskTable } from './unit-task-table';
import './units.css';

/** One unit's position: its tasks as lead and as cooperating unit, reports due, overdue, score trend. */
export function UnitDetailPage() {
  const t = useT();
  const { unitId = '' } = useParams();
  const query = useQuery(unitSummaryQueries.detail(unitId));
  const { unitName } = useLookups();
  return (
    <QueryState query={query} what={t('units.detailWhat')}>
      {(d) => {
        // Derived, not stored: overdue is whatever of the unit's tasks carries the red warning today.
        const overdue = [...d.lead, ...d.co]
          .filter((r) => r.warning.kind === 'overdue')
          .sort((a, b) => b.warning.overdueDays - a.warning.overdueDays);
        const latest = d.scores.filter((s) => !s.provisional).at(-1) ?? null;
        return (
          <>
            <nav aria-label={t('units.breadcrumb')} className="units-crumbs">
              <Link to="/units">{t('units.title')}</Link>
              {d.unit.parentId ? (
                <>
                  {' / '}
                  <Link to={`/units/${d.unit.parentId}`}>{unitName(d.unit.parentId)}</Link>
                </>
              ) : null}
            </nav>
            <PageHeader title={d.unit.name}>
              <Link className="btn" to={`/ledger?unit=${d.unit.id}`}>
                {t('units.openLedger')}
              </Link>
              <UnitDocumentsMenu unitId={d.unit.id} />
            </PageHeader>
            <UnitStats unitId={d.unit.id} counts={countTasks(d.lead)} coTotal={d.co.length} latest={latest} />
            <div className="units-grid">
              <div className="units-grid__main">
                <section className="panel" aria-labelledby="u-lead-h">
                  <h2 id="u-lead-h">{t('units.lead.title', { n: d.lead.length })}</h2>
                  <UnitTaskTable rows={d.lead} caption={t('units.lead.title', { n: d.lead.length })} />
                </section>
                <section className="panel" aria-labelledby="u-co-h">
                  <h2 id="u-co-h">{t('units.co.title', { n: d.co.length })}</h2>
                  <UnitTaskTable rows={d.co} caption={t('units.co.title', { n: d.co.length })} showLead />
                </section>
              </div>
              <div className="units-grid__side">
                <section className="panel" aria-labelledby="u-overdue-h">
                  <h2 id="u-overdue-h">{t('units.overdue.title', { n: overdue.length })}</h2>
                  {overdue.length === 0 ? (
                    <p className="units-none">
                      <span aria-hidden="true">✓ </span>
                      {t('units.overdue.none')}
                    </p>
                  ) : (
                    <ul className="units-overdue">
                      {overdue.map((r) => (
                        <li key={r.id}>
                          <span className="badge badge--overdue">
                            <span aria-hidden="true" className="badge__icon">
                              ●
                            </span>
                            {t('warning.reason.overdue', { days: r.warning.overdueDays })}
                          </span>
                          <Link to={`/ledger/${r.id}`} title={r.title}>
                            {r.title}
                          </Link>
                          {r.leadUnitId !== d.unit.id ? (
                            <span className="muted">（{t('units.asCo')}）</span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
                <section className="panel" aria-labelledby="u-due-h">
                  <h2 id="u-due-h">{t('units.reports.title')}</h2>
                  <ReportsDue items={d.reportsDue} asOf={d.asOf} />
                </section>
                <section className="panel" aria-labelledby="u-score-h">
                  <h2 id="u-score-h">{t('units.score.title')}</h2>
                  <ScoreTrend scores={d.scores} unitName={d.unit.name} />
                </section>
              </div>
            </div>
          </>
        );
      }}
    </QueryState>
  );
}
