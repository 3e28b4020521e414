import { queryOptions } from '@tanstack/react-query';
import { call } from './client';

/** Accounts (supervisors, on a server with sign-in). Writes invalidate `accountQueries.all`. */
export const accountQueries = {
  all: ['accounts'] as const,
  list: () => queryOptions({ queryKey: ['accounts', 'list'], queryFn: () => call('accounts') }),
};
