import { Link } from 'react-router';
import type { TaskRow } from '../../domain/contract';
import { useT } from '../../i18n';
import { StatusBadge, WarningBadge } from '../../shared/ui/badges';
import type { Names } from './columns';

interface Props {
  rows: TaskRow[];
  names: Names;
  loadMore: () => void;
  hasMore: boolean;
  loadingMore: boolean;
}

/** The ledger on a phone: one card per task with what a unit needs between meetings. */
export function LedgerCards({ rows, names, loadMore, hasMore, loadingMore }: Props) {
  const t = useT();
  return (
    <>
      <ul className="ledger-cards" aria-label={t('ledger.what')} data-testid="ledger-cards">
        {rows.map((r) => (
          <li key={r.id} className="ledger-card">
            <Link to={`/ledger/${r.id}`} className="ledger-card__title">
              {r.title}
            </Link>
            <dl className="ledger-card__facts">
              <div>
                <dt>{t('ledger.col.leadUnit')}</dt>
                <dd>{names.unitName(r.leadUnitId)}</dd>
              </div>
              <div>
                <dt>{t('ledger.col.deadline')}</dt>
                <dd>{r.deadline}</dd>
              </div>
            </dl>
            <p className="ledger-card__badges">
              <span className="ledger__code">{r.code}</span>
              <StatusBadge status={r.status} />
              <WarningBadge warning={r.warning} withReason />
            </p>
          </li>
        ))}
      </ul>
      {hasMore ? (
        <button type="button" className="btn ledger-cards__more" onClick={loadMore} disabled={loadingMore}>
          {loadingMore ? t('ledger.loadingMore') : t('ledger.more')}
        </button>
      ) : null}
    </>
  );
}
