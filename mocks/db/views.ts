import { today } from '../../src/domain/clock';
import type { TaskRow } from '../../src/domain/contract';
import type { Directive, ProgressReport, Task } from '../../src/domain/schemas';
import type { RowLookups } from '../../src/domain/task-query';
import { computeWarning } from '../../src/domain/warnings';
import type { MockDb } from './store';

/**
 * Derived views over the store, rebuilt only when the data or the day changes (the 10,000-task
 * ledger must answer a filter in milliseconds, so rows are not recomputed per request).
 */
interface Cache {
  revision: number;
  day: string;
  data: unknown;
  rows: TaskRow[];
  rowById: Map<string, TaskRow>;
  lookups: RowLookups;
}
let cache: Cache | null = null;

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

/** One task's row, fresh (after a write, before the cache is rebuilt). */
export function toRow(db: MockDb, task: Task): TaskRow {
  const own = db.data.reports.filter((r) => r.taskId === task.id);
  const d = task.directiveId ? db.data.directives.find((x) => x.id === task.directiveId) : undefined;
  return deriveRow(task, own, d, today());
}

export function views(db: MockDb) {
  const day = today();
  if (cache && cache.revision === db.revision && cache.day === day && cache.data === db.data) return cache;
  const byTask = reportsByTask(db.data.reports);
  const directives = new Map(db.data.directives.map((d) => [d.id, d]));
  const units = new Map(db.data.units.map((u) => [u.id, u.name]));
  const people = new Map(db.data.people.map((p) => [p.id, p.name]));
  const rows = db.data.tasks.map((t) =>
    deriveRow(t, byTask.get(t.id) ?? [], t.directiveId ? directives.get(t.directiveId) : undefined, day),
  );
  cache = {
    revision: db.revision,
    day,
    data: db.data,
    rows,
    rowById: new Map(rows.map((r) => [r.id, r])),
    lookups: {
      unitName: (id) => units.get(id) ?? id,
      personName: (id) => (id ? (people.get(id) ?? id) : ''),
    },
  };
  return cache;
}
