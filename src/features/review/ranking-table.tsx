import type { UnitAssessment } from '../../domain/contract';
import { useT } from '../../i18n';
import { RatingBadge } from '../../shared/ui/badges';
import { scrollRegion } from '../../shared/ui/scroll-region';
import { signed } from './score-notes';

/** The ranking with ratings; each row's button opens the unit's breakdown (the keyboard path to it). */
export function RankingTable({
  items,
  onOpen,
  unpublished = false,
}: {
  items: UnitAssessment[];
  onOpen?: (unitId: string) => void;
  /** The server withholds scores that are not published from this identity. */
  unpublished?: boolean;
}) {
  const t = useT();
  if (!items.length)
    return <p className="state">{t(unpublished ? 'review.ranking.unpublished' : 'review.ranking.empty')}</p>;
  return (
    <div className="table-wrap" {...scrollRegion(t('review.ranking.table'))}>
      <table className="table review-ranking">
        <caption className="visually-hidden">{t('review.ranking.table')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('review.col.rank')}
            </th>
            <th scope="col">{t('review.col.unit')}</th>
            <th scope="col">{t('review.col.level')}</th>
            <th scope="col" className="num">
              {t('review.col.score')}
            </th>
            <th scope="col" className="num">
              {t('review.col.change')}
            </th>
            <th scope="col">{t('review.col.rating')}</th>
            <th scope="col" className="num">
              {t('review.col.adjustment')}
            </th>
            {onOpen ? (
              <th scope="col" className="no-print">
                {t('review.col.detail')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.unitId} data-unit={i.unitId}>
              <td className="num">{i.rank}</td>
              <th scope="row">{i.unitName}</th>
              <td className="nowrap">{t(`level.${i.level}`)}</td>
              <td className="num">{i.score}</td>
              <td className="num">
                {i.previousScore === null ? '—' : signed(Math.round((i.score - i.previousScore) * 10) / 10)}
              </td>
              <td>
                <RatingBadge rating={i.rating} />
              </td>
              <td className="num" title={i.adjustment?.reason}>
                {i.adjustment ? signed(i.adjustment.points) : ''}
              </td>
              {onOpen ? (
                <td className="no-print">
                  <button
                    type="button"
                    className="btn btn--small"
                    aria-label={t('review.ranking.open', { unit: i.unitName })}
                    onClick={() => onOpen(i.unitId)}
                  >
                    {t('review.col.detail')}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
