import { queryOptions } from '@tanstack/react-query';
import { call } from './client';

/** The overview and the unit pages: one request each, so the first screen has no waterfall. */
export const dashboardQueries = {
  all: ['dashboard'] as const,
  overview: (quarter?: string) =>
    queryOptions({
      queryKey: ['dashboard', 'overview', quarter ?? null],
      queryFn: ({ signal }) => call('dashboard', { query: quarter ? { quarter } : {}, signal }),
    }),
};

export const unitSummaryQueries = {
  all: ['unit-summaries'] as const,
  list: () =>
    queryOptions({
      queryKey: ['unit-summaries', 'list'],
      queryFn: ({ signal }) => call('unitSummaries', { signal }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: ['unit-summaries', 'detail', id],
      queryFn: ({ signal }) => call('unitDetail', { params: { id }, signal }),
    }),
};
