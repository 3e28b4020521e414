import type { TaskRow } from '../domain/contract';
import type { Directive, ProgressReport, Task } from '../domain/schemas';
import type { RowLookups } from '../domain/task-query';
import { computeWarning } from '../domain/warnings';
import type { Db } from './db';

/**
 * Derived views over one snapshot of the data, computed once per snapshot and day: stores hand out
 * the same `Db` object until something changes, so the 10,000-task ledger answers a filter in
 * milliseconds instead of recomputing every row per request.
 */
export interface Views {
  rows: TaskRow[];
  rowById: Map<string, TaskRow>;
  lookups: RowLookups;
}

/** Per-snapshot memo for any derived value: dropped with the snapshot. */
const memos = new WeakMap<Db, Map<string, unknown>>();
export function memo<T>(data: Db, key: string, make: () => T): T {
  let m = memos.get(data);
  if (!m) {
    m = new Map();
    memos.set(data, m);
  }
  if (m.has(key)) return m.get(key) as T;
  const v = make();
  m.set(key, v);
  return v;
}

/** Put a value a store computed elsewhere (in SQL) where `memo(data, key, …)` will find it. */
export function memoPut<T>(data: Db, key: string, value: T): T {
  let m = memos.get(data);
  if (!m) {
    m = new Map();
    memos.set(data, m);
  }
  m.set(key, value);
  return value;
}

/**
 * An asynchronous derivation (a store's SQL read model) kept like `memo`: concurrent requests on one
 * snapshot share the one computation in flight; a failure is not kept, so the next request tries again.
 */
export function memoAsync<T>(data: Db, key: string, make: () => Promise<T>): Promise<T> {
  let m = memos.get(data);
  if (!m) {
    m = new Map();
    memos.set(data, m);
  }
  const hit = m.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const map = m;
  const p = make().catch((e: unknown) => {
    map.delete(key);
    throw e;
  });
  map.set(key, p);
  return p;
}

export const memoHas = (data: Db, key: string): boolean => memos.get(data)?.has(key) ?? false;

export function reportsByTask(reports: readonly ProgressReport[]): Map<string, ProgressReport[]> {
  const m = new Map<string, ProgressReport[]>();
  for (const r of reports) {
    const list = m.get(r.taskId);
    if (list) list.push(r);
    else m.set(r.taskId, [r]);
  }
  return m;
}

export function deriveRow(
  task: Task,
  own: readonly ProgressReport[],
  d: Directive | undefined,
  day: string,
): TaskRow {
  let last: ProgressReport | null = null;
  for (const r of own) if (!last || r.submittedAt > last.submittedAt) last = r;
  return {
    ...task,
    warning: computeWarning(task, day, last ? last.submittedAt.slice(0, 10) : null),
    lastReportAt: last?.submittedAt ?? null,
    lastReportState: last?.reviewState ?? null,
    directive: d ? { id: d.id, heading: d.heading, speaker: d.speaker, meetingId: d.meetingId } : null,
  };
}

/** One task's row, fresh (inside a write, before any view is rebuilt). */
export function toRow(data: Db, task: Task, day: string): TaskRow {
  const own = data.reports.filter((r) => r.taskId === task.id);
  const d = task.directiveId ? data.directives.find((x) => x.id === task.directiveId) : undefined;
  return deriveRow(task, own, d, day);
}

/** A task's reports in the order they were submitted (ids break ties: they are issued in order). */
export function reportsOf(data: Db, taskId: string): ProgressReport[] {
  return data.reports
    .filter((r) => r.taskId === taskId)
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id));
}

export function views(data: Db, day: string): Views {
  return memo(data, `views|${day}`, () => {
    const byTask = reportsByTask(data.reports);
    const directives = new Map(data.directives.map((d) => [d.id, d]));
    const units = new Map(data.units.map((u) => [u.id, u.name]));
    const people = new Map(data.people.map((p) => [p.id, p.name]));
    const rows = data.tasks.map((t) =>
      deriveRow(t, byTask.get(t.id) ?? [], t.directiveId ? directives.get(t.directiveId) : undefined, day),
    );
    return {
      rows,
      rowById: new Map(rows.map((r) => [r.id, r])),
      lookups: {
        unitName: (id) => units.get(id) ?? id,
        personName: (id) => (id ? (people.get(id) ?? id) : ''),
      },
    };
  });
}
