import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import type { UnitScore } from '../../domain/contract';
import { quarterLabel } from '../../domain/quarter';
import { useLang, useT } from '../../i18n';
import { RatingBadge } from '../../shared/ui/badges';

const ScoreChart = lazy(() => import('./score-chart').then((m) => ({ default: m.ScoreChart })));

const sign = (n: number) => (n > 0 ? `+${n}` : String(n));
const RULES = new Set([
  'base',
  'overdue-lead',
  'overdue-co',
  'missing-report',
  'returned-report',
  'early',
  'adjustment',
  'cap',
]);

/** Score trend over quarters: chart or table, and each quarter's breakdown one click away. */
export function ScoreTrend({ scores, unitName }: { scores: UnitScore[]; unitName: string }) {
  const t = useT();
  const lang = useLang();
  const [table, setTable] = useState(false);
  if (scores.length === 0) return <p className="muted">{t('units.score.none')}</p>;
  const caption = t('units.score.caption', { unit: unitName });
  return (
    <figure className="units-score" aria-label={caption}>
      <div className="units-head">
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
      {table ? null : (
        <div role="img" aria-label={caption} className="units-score__chart">
          <Suspense fallback={<div className="units-score__loading muted">{t('units.score.loading')}</div>}>
            <ScoreChart scores={scores} />
          </Suspense>
        </div>
      )}
      <ul className={table ? 'units-quarters' : 'units-quarters units-quarters--compact'}>
        {[...scores].reverse().map((s) => (
          <li key={s.quarter}>
            <details open={table}>
              <summary>
                <span className="units-quarters__q">{quarterLabel(s.quarter, lang)}</span>
                <strong className="num-font">{s.score}</strong>
                <RatingBadge rating={s.rating} />
                {s.provisional ? (
                  <span className="units-unpublished">{t('units.score.provisional')}</span>
                ) : null}
                {!s.provisional && !s.published ? (
                  <span className="units-unpublished">{t('units.unpublished')}</span>
                ) : null}
              </summary>
              <table className="table units-breakdown">
                <caption className="visually-hidden">
                  {t('units.score.breakdown', { quarter: quarterLabel(s.quarter, lang) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('units.score.rule')}</th>
                    <th scope="col">{t('units.score.note')}</th>
                    <th scope="col" className="num">
                      {t('units.score.points')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.breakdown.map((item, i) => (
                    <tr key={`${item.ruleId}-${item.taskId ?? ''}-${i}`}>
                      <td className="nowrap">
                        {RULES.has(item.ruleId)
                          ? t(`units.rule.${item.ruleId}` as 'units.rule.base')
                          : item.ruleId}
                      </td>
                      <td>
                        {item.taskId ? <Link to={`/ledger/${item.taskId}`}>{item.taskId}</Link> : null}{' '}
                        {item.note}
                      </td>
                      <td className="num">{item.ruleId === 'base' ? item.points : sign(item.points)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </li>
        ))}
      </ul>
    </figure>
  );
}
