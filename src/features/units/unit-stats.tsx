import { Link } from 'react-router';
import type { UnitScore } from '../../domain/contract';
import { quarterLabel } from '../../domain/quarter';
import type { TaskCounts } from '../../domain/rollup';
import { useLang, useT } from '../../i18n';
import { RatingBadge } from '../../shared/ui/badges';

/** The unit's figures in one row; each count opens the ledger on exactly those tasks. */
export function UnitStats({
  unitId,
  counts,
  coTotal,
  latest,
}: {
  unitId: string;
  counts: TaskCounts;
  coTotal: number;
  latest: UnitScore | null;
}) {
  const t = useT();
  const lang = useLang();
  const items = [
    { key: 'lead', n: counts.total, to: `/ledger?leadUnit=${unitId}`, icon: '▤', tone: '' },
    {
      key: 'overdue',
      n: counts.overdue,
      to: `/ledger?leadUnit=${unitId}&warning=overdue`,
      icon: '●',
      tone: 'red',
    },
    {
      key: 'atRisk',
      n: counts.atRisk,
      to: `/ledger?leadUnit=${unitId}&warning=due-soon,behind`,
      icon: '▲',
      tone: 'amber',
    },
    {
      key: 'noReport',
      n: counts.noReport,
      to: `/ledger?leadUnit=${unitId}&warning=not-reported`,
      icon: '○',
      tone: 'grey',
    },
    {
      key: 'closed',
      n: counts.closed,
      to: `/ledger?leadUnit=${unitId}&status=closed`,
      icon: '■',
      tone: 'green',
    },
  ] as const;
  return (
    <ul className="units-stats" aria-label={t('units.stats')}>
      {items.map((i) => (
        <li key={i.key} className={`units-stat units-stat--${i.tone || 'plain'}`}>
          <Link to={i.to}>
            <span className="units-stat__label">
              <span aria-hidden="true">{i.icon}</span> {t(`units.stat.${i.key}`)}
            </span>
            <span className="units-stat__value">{i.n}</span>
          </Link>
        </li>
      ))}
      <li className="units-stat units-stat--plain">
        <span className="units-stat__label">{t('units.stat.co')}</span>
        <span className="units-stat__value">{coTotal}</span>
      </li>
      <li className="units-stat units-stat--plain">
        <span className="units-stat__label">
          {latest
            ? t('units.stat.score', { quarter: quarterLabel(latest.quarter, lang) })
            : t('units.col.score')}
        </span>
        <span className="units-stat__value">
          {latest ? (
            <>
              {latest.score} <RatingBadge rating={latest.rating} />
            </>
          ) : (
            '—'
          )}
        </span>
      </li>
    </ul>
  );
}
