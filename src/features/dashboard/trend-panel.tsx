import { lazy, Suspense, useEffect, useState } from 'react';
import type { TrendPoint } from '../../domain/contract';
import { quarterLabel } from '../../domain/quarter';
import { useLang, useT } from '../../i18n';
import { scrollRegion } from '../../shared/ui/scroll-region';
import { SERIES } from './trend-series';

export const loadTrendChart = () => import('./trend-chart');
const TrendChart = lazy(() => loadTrendChart().then((m) => ({ default: m.TrendChart })));

/** The quarter's trend: a small chart with a data-table toggle (the table needs no chart code). */
export function TrendPanel({ points, quarter }: { points: TrendPoint[]; quarter: string }) {
  const t = useT();
  const lang = useLang();
  const [table, setTable] = useState(false);
  // The chart's code (recharts, the heaviest dependency) is asked for only once the KPIs and lists are
  // on screen and the browser is idle, so parsing it never competes with the first paint.
  const [chartWanted, setChartWanted] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(() => setChartWanted(true), { timeout: 1000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(() => setChartWanted(true), 50);
    return () => window.clearTimeout(id);
  }, []);
  const loading = <div className="dash-trend__loading muted">{t('dashboard.trend.loading')}</div>;
  const caption = t('dashboard.trend.caption', { quarter: quarterLabel(quarter, lang) });
  return (
    <figure className="dash-trend" aria-label={caption}>
      <div className="dash-panel__head">
        <figcaption className="muted">{caption}</figcaption>
        <button
          type="button"
          className="btn btn--small"
          aria-pressed={table}
          onClick={() => setTable((v) => !v)}
        >
          {table ? t('common.showChart') : t('common.showTable')}
        </button>
      </div>
      {table ? (
        <div className="table-wrap" {...scrollRegion(caption)}>
          <table className="table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.col.date')}</th>
                {SERIES.map((s) => (
                  <th key={s.key} scope="col" className="num">
                    {t(`dashboard.kpi.${s.key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.date}>
                  <th scope="row" className="num-font">
                    {p.date}
                  </th>
                  {SERIES.map((s) => (
                    <td key={s.key} className="num">
                      {p[s.key]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div role="img" aria-label={caption} className="dash-trend__chart">
          {chartWanted ? (
            <Suspense fallback={loading}>
              <TrendChart points={points} />
            </Suspense>
          ) : (
            loading
          )}
        </div>
      )}
      {table ? null : (
        <ul className="dash-legend">
          {SERIES.map((s) => (
            <li key={s.key}>
              <svg width="26" height="8" aria-hidden="true">
                <line
                  x1="1"
                  y1="4"
                  x2="25"
                  y2="4"
                  stroke={s.color}
                  strokeWidth="2.5"
                  strokeDasharray={s.dash}
                />
              </svg>
              {t(`dashboard.kpi.${s.key}`)} {points.at(-1)?.[s.key] ?? 0}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
