import { useCallback } from 'react';
import type { TaskSortKey } from '../../domain/contract';
import { useT } from '../../i18n';
import { PHONE, useMediaQuery } from '../../shared/hooks/use-media-query';
import { errorMessage, StaleNotice } from '../../shared/ui/query-state';
import type { ColumnDef, Names } from './columns';
import { LedgerCards } from './ledger-cards';
import { LedgerTable, type Selection } from './ledger-table';
import { useCount } from './use-format';
import type { LedgerFilters } from './use-ledger-filters';
import type { useLedgerRows } from './use-ledger-rows';

interface Props {
  data: ReturnType<typeof useLedgerRows>;
  columns: ColumnDef[];
  filters: LedgerFilters;
  onSort: (key: TaskSortKey) => void;
  names: Names;
  selection: Selection;
  rowsFor: string;
}

/** The count line and the table, or the loading, error-with-retry and empty states. */
export function LedgerResults({ data, columns, filters, onSort, names, selection, rowsFor }: Props) {
  const t = useT();
  const n = useCount();
  const q = data.query;
  const phone = useMediaQuery(PHONE);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = q;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  if (q.isPending) {
    return (
      <div className="state state--loading" role="status">
        {t('common.loading')}
      </div>
    );
  }
  if (q.isError && !q.data) {
    return (
      <div className="state state--error" role="alert">
        <p>{t('common.errorDetail', { what: t('ledger.what'), message: errorMessage(t, q.error) })}</p>
        <button type="button" className="btn" onClick={() => q.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  return (
    <>
      <p className="ledger__count" aria-live="polite">
        <strong data-testid="ledger-total">{t('ledger.count', { total: n(data.total) })}</strong>
        {data.rows.length < data.total ? (
          <span className="muted">
            {' '}
            · {t('ledger.loaded', { shown: n(data.rows.length), total: n(data.total) })}
          </span>
        ) : null}
        {q.isPlaceholderData ? <span className="muted"> · {t('ledger.refreshing')}</span> : null}
      </p>
      {q.isError ? <StaleNotice what={t('ledger.what')} error={q.error} onRetry={() => q.refetch()} /> : null}
      {data.total === 0 && !q.isPlaceholderData ? (
        <div className="state" role="status">
          <p>{t('ledger.empty')}</p>
          <p className="muted">{t('ledger.emptyHint')}</p>
        </div>
      ) : phone ? (
        <LedgerCards
          rows={data.rows}
          names={names}
          loadMore={loadMore}
          hasMore={!!hasNextPage}
          loadingMore={isFetchingNextPage}
        />
      ) : (
        <LedgerTable
          rows={data.rows}
          total={data.total}
          columns={columns}
          sort={filters.sort}
          order={filters.order}
          onSort={onSort}
          names={names}
          selection={selection}
          loadMore={loadMore}
          hasMore={!!hasNextPage}
          loadingMore={isFetchingNextPage}
          rowsFor={rowsFor}
        />
      )}
    </>
  );
}
