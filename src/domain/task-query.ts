import type { ParsedTaskListQuery, TaskRow, TaskSortKey } from './contract/tasks';
import { quarterOf } from './quarter';
import { WARNING_KINDS } from './warnings';

/**
 * Server-side filtering, sorting, paging and facet counts for the ledger. Pure: the mock API uses it
 * and a real server can port it rule for rule.
 */
export interface RowLookups {
  unitName: (id: string) => string;
  personName: (id: string | null) => string;
}

const WARNING_RANK: Record<string, number> = Object.fromEntries(WARNING_KINDS.map((k, i) => [k, i]));
const STATUS_RANK: Record<string, number> = {
  assigned: 0,
  'in-progress': 1,
  returned: 2,
  'extension-requested': 3,
  'pending-review': 4,
  suspended: 5,
  closed: 6,
};

type Filter = (r: TaskRow) => boolean;

function filtersOf(q: ParsedTaskListQuery, today: string, except?: 'status' | 'warning'): Filter[] {
  const f: Filter[] = [];
  if (except !== 'status' && q.status.length) {
    const s = new Set(q.status);
    f.push((r) => s.has(r.status));
  }
  if (except !== 'warning' && q.warning.length) {
    const s = new Set(q.warning);
    f.push((r) => s.has(r.warning.kind));
  }
  if (q.unit) {
    const u = q.unit;
    f.push((r) => r.leadUnitId === u || r.coUnitIds.includes(u));
  }
  if (q.leadUnit) {
    const u = q.leadUnit;
    f.push((r) => r.leadUnitId === u);
  }
  if (q.directive) {
    const d = q.directive;
    f.push((r) => r.directiveId === d);
  }
  if (q.meeting) {
    const m = q.meeting;
    f.push((r) => r.directive?.meetingId === m);
  }
  if (q.speaker) {
    const s = q.speaker;
    f.push((r) => r.directive?.speaker === s);
  }
  if (q.dueQuarter) {
    const dq = q.dueQuarter;
    f.push((r) => quarterOf(r.deadline) === dq);
  }
  if (q.overdue) f.push((r) => r.status !== 'closed' && r.status !== 'suspended' && r.deadline < today);
  if (q.q?.trim()) {
    const needle = q.q.trim().toLowerCase();
    f.push(
      (r) =>
        r.title.toLowerCase().includes(needle) ||
        r.code.toLowerCase().includes(needle) ||
        (r.directive?.heading.includes(needle) ?? false),
    );
  }
  return f;
}

function comparator(key: TaskSortKey, look: RowLookups): (a: TaskRow, b: TaskRow) => number {
  switch (key) {
    case 'code':
      return (a, b) => a.code.localeCompare(b.code);
    case 'title':
      return (a, b) => a.title.localeCompare(b.title, 'zh-CN');
    case 'directive':
      return (a, b) => (a.directive?.heading ?? '').localeCompare(b.directive?.heading ?? '', 'zh-CN');
    case 'leadUnit':
      return (a, b) => look.unitName(a.leadUnitId).localeCompare(look.unitName(b.leadUnitId), 'zh-CN');
    case 'responsible':
      return (a, b) =>
        look.personName(a.responsiblePersonId).localeCompare(look.personName(b.responsiblePersonId), 'zh-CN');
    case 'deadline':
      return (a, b) => a.deadline.localeCompare(b.deadline);
    case 'progress':
      return (a, b) => a.progress - b.progress;
    case 'status':
      return (a, b) => (STATUS_RANK[a.status] ?? 0) - (STATUS_RANK[b.status] ?? 0);
    case 'warning':
      return (a, b) => (WARNING_RANK[a.warning.kind] ?? 0) - (WARNING_RANK[b.warning.kind] ?? 0);
    case 'lastReport':
      return (a, b) => (a.lastReportAt ?? '').localeCompare(b.lastReportAt ?? '');
  }
}

function count(rows: readonly TaskRow[], filters: Filter[], key: (r: TaskRow) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) {
    if (filters.every((f) => f(r))) {
      const k = key(r);
      out[k] = (out[k] ?? 0) + 1;
    }
  }
  return out;
}

export function queryTasks(rows: readonly TaskRow[], q: ParsedTaskListQuery, today: string, look: RowLookups) {
  const filters = filtersOf(q, today);
  const matched = rows.filter((r) => filters.every((f) => f(r)));
  const cmp = comparator(q.sort, look);
  const dir = q.order === 'desc' ? -1 : 1;
  // Ties fall back to the code so paging is stable.
  matched.sort((a, b) => cmp(a, b) * dir || a.code.localeCompare(b.code));
  const start = (q.page - 1) * q.pageSize;
  return {
    items: matched.slice(start, start + q.pageSize),
    total: matched.length,
    page: q.page,
    pageSize: q.pageSize,
    // Each facet counts with every other filter applied, so a chip shows what choosing it would give.
    facets: {
      status: count(rows, filtersOf(q, today, 'status'), (r) => r.status),
      warning: count(rows, filtersOf(q, today, 'warning'), (r) => r.warning.kind),
    },
  };
}
