import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { call } from '../../api/client';
import { api, type TaskListQuery, type TaskListResponse, type TaskRow } from '../../domain/contract';

/** Rows come in pages of 200 as the table scrolls: a filter change only waits for the first page. */
export const LEDGER_PAGE_SIZE = 100;

type ListQuery = Omit<TaskListQuery, 'page' | 'pageSize'>;

export function ledgerRowsQuery(query: ListQuery) {
  return infiniteQueryOptions({
    // Under ['tasks','list'] so every task mutation's invalidation reaches the ledger.
    queryKey: ['tasks', 'list', { ...query, pageSize: LEDGER_PAGE_SIZE, view: 'ledger' }],
    queryFn: ({ pageParam, signal }) =>
      call(api.listTasks, { query: { ...query, page: pageParam, pageSize: LEDGER_PAGE_SIZE }, signal }),
    initialPageParam: 1,
    getNextPageParam: (last: TaskListResponse) =>
      last.page * last.pageSize < last.total ? last.page + 1 : undefined,
  });
}

export function useLedgerRows(query: ListQuery) {
  const q = useInfiniteQuery({ ...ledgerRowsQuery(query), placeholderData: keepPreviousData });
  const rows = useMemo<TaskRow[]>(() => q.data?.pages.flatMap((p) => p.items) ?? [], [q.data]);
  const first = q.data?.pages[0];
  return { query: q, rows, total: first?.total ?? 0, facets: first?.facets };
}

/** Export wants every matching row at once (the contract allows page sizes up to 20,000). */
export async function fetchAllRows(query: ListQuery, total: number): Promise<TaskRow[]> {
  const fetchPage = (size: number) =>
    call(api.listTasks, { query: { ...query, page: 1, pageSize: Math.max(1, Math.min(20_000, size)) } });
  const res = await fetchPage(total);
  // Someone may have added tasks since the count was shown: ask once more for all of them.
  return res.total > res.items.length ? (await fetchPage(res.total)).items : res.items;
}
