import { Link } from 'react-router';
import type { AssessmentList, UnitAssessment } from '../../domain/contract';
import { quarterLabel } from '../../domain/quarter';
import { type MessageKey, useLang, useT } from '../../i18n';
import { RatingBadge } from '../../shared/ui/badges';
import { scrollRegion } from '../../shared/ui/scroll-region';
import { AdjustmentForm } from './adjustment-form';
import { ReviewDialog } from './review-dialog';
import { noteText, signed } from './score-notes';

/** Why a unit scored what it did: every point with its rule and task, and (for the office) the adjustment. */
export function BreakdownDialog({
  list,
  item,
  canAdjust,
  onClose,
}: {
  list: AssessmentList;
  item: UnitAssessment | null;
  canAdjust: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const quarter = quarterLabel(list.quarter, lang);
  return (
    <ReviewDialog
      open={item !== null}
      title={item ? t('review.breakdown.title', { unit: item.unitName, quarter }) : ''}
      onClose={onClose}
      wide
    >
      {item ? (
        <>
          <p>
            {t('review.breakdown.summary', {
              score: item.score,
              rating: t(`rating.${item.rating}`),
              rank: item.rank,
            })}{' '}
            <RatingBadge rating={item.rating} />
          </p>
          <div
            className="table-wrap review-breakdown"
            {...scrollRegion(t('review.breakdown.title', { unit: item.unitName, quarter }))}
          >
            <table className="table">
              <caption className="visually-hidden">
                {t('review.breakdown.title', { unit: item.unitName, quarter })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('review.col.rule')}</th>
                  <th scope="col">{t('review.col.task')}</th>
                  <th scope="col">{t('review.col.note')}</th>
                  <th scope="col" className="num">
                    {t('review.col.points')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {item.breakdown.map((b, i) => (
                  <tr key={i} data-rule={b.ruleId}>
                    <td className="nowrap">{t(`review.rule.${b.ruleId}` as MessageKey)}</td>
                    <td>
                      {b.task ? (
                        <Link to={`/ledger/${b.task.id}`}>
                          <span className="num-font">{b.task.code}</span> {b.task.title}
                        </Link>
                      ) : null}
                    </td>
                    <td>{noteText(t, lang, b)}</td>
                    <td className="num">{signed(b.points)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    {t('review.breakdown.total')}
                  </th>
                  <td className="num">
                    <strong>{item.score}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          {canAdjust ? (
            list.state === 'published' ? (
              <p className="muted">{t('review.adjust.locked')}</p>
            ) : (
              <>
                {list.state === 'running' ? <p className="muted">{t('review.adjust.running')}</p> : null}
                <AdjustmentForm
                  key={`${list.quarter}-${item.unitId}`}
                  quarter={list.quarter}
                  item={item}
                  limit={list.adjustmentLimit}
                />
              </>
            )
          ) : null}
        </>
      ) : null}
    </ReviewDialog>
  );
}
