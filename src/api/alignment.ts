import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from './client';

export const alignmentQueries = {
  all: ['alignment'] as const,
  overview: () =>
    queryOptions({
      queryKey: ['alignment', 'overview'],
      queryFn: ({ signal }) => call('alignment', { signal }),
    }),
};

/**
 * Links and rejections change what the matrix, the suggestions and any directive list show, so a
 * success refreshes all three.
 */
function useInvalidateAlignment() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: alignmentQueries.all }),
      client.invalidateQueries({ queryKey: ['directives'] }),
    ]);
}

export function useSetImplements() {
  const invalidate = useInvalidateAlignment();
  return useMutation({
    mutationFn: (v: { id: string; implements: string[] }) =>
      call('setImplements', { params: { id: v.id }, body: { implements: v.implements } }),
    onSuccess: invalidate,
  });
}

export function useSetDismissed() {
  const invalidate = useInvalidateAlignment();
  return useMutation({
    mutationFn: (v: { id: string; dismissed: string[] }) =>
      call('setDismissed', { params: { id: v.id }, body: { dismissed: v.dismissed } }),
    onSuccess: invalidate,
  });
}
