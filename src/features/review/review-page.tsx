import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useRef, useState } from 'react';
import { Link } from 'react-router';
import { sessionQueries } from '../../api/queries';
import { reviewQueries } from '../../api/review';
import { useT } from '../../i18n';
import { ReviewDocumentsMenu } from '../../shared/documents';
import { useDraft } from '../../shared/hooks/use-draft';
import { PageHeader, QueryState } from '../../shared/ui/query-state';
import { BreakdownDialog } from './breakdown-dialog';
import { ExportMaterialsButton } from './export-button';
import { KpiCards } from './kpi-cards';
import { PublishControls } from './publish-controls';
import { RankingTable } from './ranking-table';
import { ReviewFilters, StateNote } from './review-filters';
import { SchemeDialog } from './scheme-dialog';
import { useReviewParams } from './use-review-params';
import './review.css';

/** The review's charts for the bulletin's attachment; the exporter loads on use. */
async function chartImagesOf(root: HTMLElement | null) {
  if (!root) return [];
  const { chartImages } = await import('./export/chart-images');
  return chartImages(root);
}

// recharts is the heaviest part of the page: the KPIs and tables paint first, the charts follow.
const ReviewCharts = lazy(() => import('./charts/review-charts'));

/** 季度考核: a quarter's scores, KPIs and charts; the office publishes, adjusts and edits the scheme here. */
export function ReviewPage() {
  const t = useT();
  const { quarter, level, quarters, update } = useReviewParams();
  const session = useQuery(sessionQueries.current());
  const isSupervisor = session.data?.role === 'supervisor';
  const q = quarter ?? '';
  const list = useQuery({
    ...reviewQueries.assessments(q, level),
    enabled: quarter !== null,
    placeholderData: keepPreviousData,
  });
  const review = useQuery({
    ...reviewQueries.aggregate(q, level),
    enabled: quarter !== null,
    placeholderData: keepPreviousData,
  });
  // A draft, so the breakdown (and its adjustment form) reopens after signing in again.
  const [openUnit, setOpenUnit, closeUnit] = useDraft<string | null>('breakdown', null);
  const [schemeOpen, setSchemeOpen] = useState(false);
  const contentRef = useRef<HTMLDivElement>(null);
  const openItem = list.data?.items.find((i) => i.unitId === openUnit) ?? null;
  return (
    <>
      <PageHeader title={t('review.title')}>
        {quarter ? (
          <Link
            className="btn"
            to={`/review/report?quarter=${quarter}${level === 'all' ? '' : `&level=${level}`}`}
          >
            <span aria-hidden="true">⎙</span> {t('review.report')}
          </Link>
        ) : null}
        {quarter ? (
          <ExportMaterialsButton
            quarter={quarter}
            level={level}
            review={review.data}
            list={list.data}
            root={() => contentRef.current}
          />
        ) : null}
        {quarter ? (
          <ReviewDocumentsMenu
            quarter={quarter}
            level={level}
            charts={() => chartImagesOf(contentRef.current)}
          />
        ) : null}
        {isSupervisor && quarter && list.data?.quarter === quarter ? (
          <PublishControls quarter={quarter} state={list.data.state} />
        ) : null}
        <button type="button" className="btn" onClick={() => setSchemeOpen(true)}>
          {t('review.settings')}
        </button>
      </PageHeader>
      <QueryState query={quarters} what={t('review.what')}>
        {(data) =>
          quarter ? (
            <ReviewFilters quarter={quarter} level={level} quarters={data.quarters} onChange={update} />
          ) : null
        }
      </QueryState>
      {session.data && !isSupervisor ? <p className="muted">{t('review.readonly')}</p> : null}
      {quarter ? (
        <QueryState query={review} what={t('review.what')}>
          {(r) => (
            <div
              ref={contentRef}
              className={review.isPlaceholderData ? 'review-body is-stale' : 'review-body'}
              aria-busy={review.isPlaceholderData || list.isPlaceholderData}
            >
              <StateNote state={r.state} publishedAt={r.publishedAt} asOf={r.asOf} />
              <KpiCards review={r} />
              <QueryState query={list} what={t('review.ranking.table')}>
                {(l) => (
                  <>
                    <Suspense
                      fallback={
                        <div className="state" role="status">
                          {t('common.loading')}
                        </div>
                      }
                    >
                      <ReviewCharts
                        quarter={r.quarter}
                        review={r}
                        ranking={l.items}
                        onOpenUnit={setOpenUnit}
                      />
                    </Suspense>
                    <section className="panel review-section">
                      <h2>{t('review.ranking.table')}</h2>
                      <RankingTable
                        items={l.items}
                        onOpen={setOpenUnit}
                        unpublished={!isSupervisor && l.state !== 'published'}
                      />
                    </section>
                  </>
                )}
              </QueryState>
            </div>
          )}
        </QueryState>
      ) : null}
      {list.data ? (
        <BreakdownDialog list={list.data} item={openItem} canAdjust={isSupervisor} onClose={closeUnit} />
      ) : null}
      <SchemeDialog open={schemeOpen} onClose={() => setSchemeOpen(false)} readOnly={!isSupervisor} />
    </>
  );
}
