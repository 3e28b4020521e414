import type { Review } from '../../domain/contract';
import { quarterLabel } from '../../domain/quarter';
import { type MessageKey, useLang, useT } from '../../i18n';

type KpiKey = 'total' | 'done' | 'completionRate' | 'onTimeRate' | 'overdue' | 'averageScore';
const KPIS: { key: KpiKey; percent?: boolean; better: 'up' | 'down' | null }[] = [
  { key: 'total', better: null },
  { key: 'done', better: 'up' },
  { key: 'completionRate', percent: true, better: 'up' },
  { key: 'onTimeRate', percent: true, better: 'up' },
  { key: 'overdue', better: 'down' },
  { key: 'averageScore', better: 'up' },
];

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The quarter's headline numbers, each with its change against the previous quarter in words and arrows, never colour alone. */
export function KpiCards({ review }: { review: Review }) {
  const t = useT();
  const lang = useLang();
  const prev = review.previous;
  return (
    <section className="review-kpis" aria-label={quarterLabel(review.quarter, lang)}>
      {KPIS.map((k) => {
        const value = review.kpis[k.key];
        const before = prev ? prev[k.key] : null;
        const delta =
          value !== null && before !== null && before !== undefined ? round1(value - before) : null;
        const trend =
          delta === null || k.better === null
            ? null
            : delta === 0
              ? 'same'
              : delta > 0 === (k.better === 'up')
                ? 'better'
                : 'worse';
        const signed = delta === null ? '' : `${delta > 0 ? '+' : ''}${delta}`;
        const amount = k.percent ? t('review.unit.pp', { n: signed }) : signed;
        return (
          <div key={k.key} className="review-kpi" data-kpi={k.key}>
            <div className="review-kpi__label">{t(`review.kpi.${k.key}` as MessageKey)}</div>
            <div className="review-kpi__value num-font">
              {value === null ? '—' : value}
              {k.percent && value !== null ? '%' : ''}
            </div>
            <div className={`review-kpi__delta${trend ? ` review-kpi__delta--${trend}` : ''}`}>
              {delta === null ? (
                t('review.kpi.noPrev')
              ) : (
                <>
                  <span aria-hidden="true">{delta > 0 ? '▲' : delta < 0 ? '▼' : '＝'} </span>
                  {t('review.kpi.vsPrev', { delta: amount })}
                  {trend ? t('review.inParens', { word: t(`review.kpi.${trend}`) }) : ''}
                </>
              )}
            </div>
          </div>
        );
      })}
    </section>
  );
}
