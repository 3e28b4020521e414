import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { TASK_SORT_KEYS, type TaskListQuery, type TaskSortKey } from '../../domain/contract';
import { taskStatusSchema } from '../../domain/schemas';
import { WARNING_KINDS } from '../../domain/warnings';

/**
 * The ledger's filters live in the URL (so a link reproduces the view). Other pages link here with the
 * same names: `?warning=overdue`, `?meeting=…`, `?unit=…`, `?directive=…`, `?speaker=…`, `?dueQuarter=2024Q2`.
 */
export const SINGLE_KEYS = [
  'unit',
  'leadUnit',
  'directive',
  'meeting',
  'speaker',
  'dueQuarter',
  'q',
] as const;
export type SingleKey = (typeof SINGLE_KEYS)[number];
export type ListKey = 'status' | 'warning';

export interface LedgerFilters {
  status: string[];
  warning: string[];
  unit?: string;
  leadUnit?: string;
  directive?: string;
  meeting?: string;
  speaker?: string;
  dueQuarter?: string;
  q?: string;
  overdue: boolean;
  sort: TaskSortKey;
  order: 'asc' | 'desc';
}

const STATUSES = new Set<string>(taskStatusSchema.options);
const WARNINGS = new Set<string>(WARNING_KINDS);
const list = (v: string | null, allowed: Set<string>) =>
  v ? v.split(',').filter((s) => allowed.has(s)) : [];

export function filtersFromParams(sp: URLSearchParams): LedgerFilters {
  const sort = sp.get('sort');
  const f: LedgerFilters = {
    status: list(sp.get('status'), STATUSES),
    warning: list(sp.get('warning'), WARNINGS),
    overdue: sp.get('overdue') === '1' || sp.get('overdue') === 'true',
    sort: (TASK_SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as TaskSortKey) : 'code',
    order: sp.get('order') === 'desc' ? 'desc' : 'asc',
  };
  for (const k of SINGLE_KEYS) {
    const v = sp.get(k)?.trim();
    if (v) f[k] = k === 'q' ? v.slice(0, 100) : v;
  }
  return f;
}

/** The list endpoint's query for these filters (paging is added by the caller). */
export function toQuery(f: LedgerFilters): Omit<TaskListQuery, 'page' | 'pageSize'> {
  const q: Omit<TaskListQuery, 'page' | 'pageSize'> = { sort: f.sort, order: f.order };
  if (f.status.length) q.status = f.status.join(',');
  if (f.warning.length) q.warning = f.warning.join(',');
  if (f.overdue) q.overdue = '1';
  for (const k of SINGLE_KEYS) if (f[k]) q[k] = f[k];
  return q;
}

export function activeFilterCount(f: LedgerFilters): number {
  return f.status.length + f.warning.length + (f.overdue ? 1 : 0) + SINGLE_KEYS.filter((k) => f[k]).length;
}

export function useLedgerFilters() {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialised params are the identity
  const filters = useMemo(() => filtersFromParams(params), [key]);
  const update = useCallback(
    (patch: Record<string, string | null>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const toggle = useCallback(
    (k: ListKey, value: string) => {
      const cur = filters[k];
      const next = cur.includes(value) ? cur.filter((v) => v !== value) : [...cur, value];
      update({ [k]: next.join(',') || null });
    },
    [filters, update],
  );
  const clear = useCallback(() => {
    const keep: Record<string, string | null> = {};
    for (const k of [...SINGLE_KEYS, 'status', 'warning', 'overdue']) keep[k] = null;
    update(keep);
  }, [update]);
  const sortBy = useCallback(
    (sort: TaskSortKey) => {
      const order = filters.sort === sort && filters.order === 'asc' ? 'desc' : 'asc';
      update({
        sort: sort === 'code' && order === 'asc' ? null : sort,
        order: order === 'asc' ? null : order,
      });
    },
    [filters.sort, filters.order, update],
  );
  return { filters, update, toggle, clear, sortBy };
}
