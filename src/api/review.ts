import { queryOptions } from '@tanstack/react-query';
import type { LevelFilter } from '../domain/contract';
import { call } from './client';

/**
 * 季度考核 queries. Everything lives under `['review']`, so a publish, an adjustment or a scheme edit
 * invalidates the lot with one prefix.
 */
export const reviewQueries = {
  all: ['review'] as const,
  quarters: () =>
    queryOptions({
      queryKey: ['review', 'quarters'],
      queryFn: ({ signal }) => call('assessmentQuarters', { signal }),
    }),
  assessments: (quarter: string, level: LevelFilter) =>
    queryOptions({
      queryKey: ['review', 'assessments', quarter, level],
      queryFn: ({ signal }) => call('assessments', { query: { quarter, level }, signal }),
    }),
  aggregate: (quarter: string, level: LevelFilter) =>
    queryOptions({
      queryKey: ['review', 'aggregate', quarter, level],
      queryFn: ({ signal }) => call('review', { query: { quarter, level }, signal }),
    }),
  scheme: () =>
    queryOptions({
      queryKey: ['review', 'scheme'],
      queryFn: ({ signal }) => call('scoringScheme', { signal }),
    }),
};
