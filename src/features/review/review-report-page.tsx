import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { Link } from 'react-router';
import { reviewQueries } from '../../api/review';
import { today } from '../../domain/clock';
import { quarterLabel } from '../../domain/quarter';
import { useLang, useT } from '../../i18n';
import { PageHeader, QueryState } from '../../shared/ui/query-state';
import { RankingTable } from './ranking-table';
import { OverdueList, SentBackList } from './report-lists';
import { summaryText } from './report-summary';
import { useReviewParams } from './use-review-params';
import './review.css';

const ReviewCharts = lazy(() => import('./charts/review-charts'));

/** The printable quarterly report: an A4 layout on screen that prints (or saves as PDF) as it looks. */
export function ReviewReportPage() {
  const t = useT();
  const lang = useLang();
  const { quarter, level } = useReviewParams();
  const q = quarter ?? '';
  const review = useQuery({ ...reviewQueries.aggregate(q, level), enabled: quarter !== null });
  const list = useQuery({ ...reviewQueries.assessments(q, level), enabled: quarter !== null });
  // The title names the printout: browsers offer it as the PDF's file name and store it as its title.
  useEffect(() => {
    if (!quarter) return;
    const before = document.title;
    document.title = `${quarterLabel(quarter, lang)} ${t('review.report.title')} · ${t('review.report.issuer')}`;
    return () => {
      document.title = before;
    };
  }, [quarter, lang, t]);
  const back = `/review${quarter ? `?quarter=${quarter}${level === 'all' ? '' : `&level=${level}`}` : ''}`;
  return (
    <>
      <div className="no-print">
        <PageHeader title={t('review.report.title')}>
          <Link className="btn" to={back}>
            {t('review.report.back')}
          </Link>
          <button type="button" className="btn btn--primary" onClick={() => window.print()}>
            <span aria-hidden="true">⎙</span> {t('review.report.print')}
          </button>
        </PageHeader>
      </div>
      <QueryState query={review} what={t('review.report.title')}>
        {(r) => (
          <QueryState query={list} what={t('review.report.title')}>
            {(l) => (
              <article className="report" aria-label={t('review.report.title')}>
                <section className="report-cover">
                  <div className="report-cover__issuer">{t('review.report.issuer')}</div>
                  <h2 className="report-cover__title">
                    {t('review.report.cover', { quarter: quarterLabel(r.quarter, lang) })}
                  </h2>
                  {r.state !== 'published' ? (
                    <p className="report-cover__draft">{t('review.report.draft')}</p>
                  ) : null}
                  <p>{t(`review.level.${r.level}`)}</p>
                  <p className="report-cover__date">
                    {t('review.report.date', { date: l.publishedAt?.slice(0, 10) ?? today() })}
                  </p>
                </section>
                <h2>{t('review.report.summary')}</h2>
                <p className="report-summary" data-testid="report-summary">
                  {summaryText(t, lang, r, l)}
                </p>
                <h2>{t('review.report.charts')}</h2>
                <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
                  <ReviewCharts
                    quarter={r.quarter}
                    review={r}
                    ranking={l.items}
                    animate={false}
                    tools={false}
                  />
                </Suspense>
                <h2>{t('review.report.ranking')}</h2>
                <RankingTable items={l.items} />
                <h2>{t('review.report.overdue')}</h2>
                <OverdueList overdue={r.overdue} />
                <h2>{t('review.report.sentBack')}</h2>
                <SentBackList sentBack={r.sentBack} />
              </article>
            )}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}
