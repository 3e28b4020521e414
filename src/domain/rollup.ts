import { addDays } from './dates';
import type { Directive, ProgressReport, Task, TaskStatus } from './schemas';
import { computeWarning, WARNING_LEVEL, type Warning, type WarningKind } from './warnings';

/**
 * Progress roll-up (speaker → directive → tasks) and the dashboard's counts. Pure: the mock API
 * computes the dashboard with it, and a real server can port it rule for rule.
 *
 * Rules:
 * - a task counts 100 once closed, its own progress otherwise; suspended tasks are left out of the mean
 *   (paused work should neither pull a directive down nor count as done);
 * - a directive's progress is the mean over the tasks of the directive and of all its sub-directives,
 *   each task weighing the same (a parent with no measures of its own, like 以更大力度创建国家创新型城市,
 *   is the sum of its 下功夫 children);
 * - a speaker's progress is the mean over every task of their directives;
 * - no counted task → progress `null` (shown as “no tasks”, never as 0%).
 */
export interface RollupTask {
  id: string;
  directiveId: string | null;
  progress: number;
  status: TaskStatus;
  warning: Pick<Warning, 'kind'>;
}

/** Where open tasks stand; the buckets partition every task, so they add up to `total`. */
export interface TaskCounts {
  total: number;
  closed: number;
  suspended: number;
  onTrack: number;
  atRisk: number;
  overdue: number;
  noReport: number;
}

export type RollupDirective = Pick<
  Directive,
  'id' | 'meetingId' | 'seq' | 'speaker' | 'speakerTitle' | 'heading' | 'kind' | 'parentId'
>;

export interface DirectiveNode {
  id: string;
  heading: string;
  kind: Directive['kind'];
  progress: number | null;
  counts: TaskCounts;
  /** How many tasks are attached to this directive itself (its rows load when the row is opened). */
  ownTaskCount: number;
  children: DirectiveNode[];
}

export interface SpeakerNode {
  /** `meetingId|speaker`: the same person may speak at two meetings. */
  key: string;
  meetingId: string;
  speaker: string;
  speakerTitle: string | null;
  progress: number | null;
  counts: TaskCounts;
  directives: DirectiveNode[];
}

export const emptyCounts = (): TaskCounts => ({
  total: 0,
  closed: 0,
  suspended: 0,
  onTrack: 0,
  atRisk: 0,
  overdue: 0,
  noReport: 0,
});

/** Which bucket a task falls in. Closed and suspended first: they carry no warning. */
export function bucketOf(t: Pick<RollupTask, 'status' | 'warning'>): Exclude<keyof TaskCounts, 'total'> {
  if (t.status === 'closed') return 'closed';
  if (t.status === 'suspended') return 'suspended';
  const level = WARNING_LEVEL[t.warning.kind];
  if (level === 'red') return 'overdue';
  if (level === 'amber') return 'atRisk';
  if (level === 'grey') return 'noReport';
  return 'onTrack';
}

export function countTasks(tasks: readonly Pick<RollupTask, 'status' | 'warning'>[]): TaskCounts {
  const c = emptyCounts();
  for (const t of tasks) {
    c.total += 1;
    c[bucketOf(t)] += 1;
  }
  return c;
}

/** Mean progress of the tasks (closed = 100, suspended left out), rounded to a whole percent. */
export function meanProgress(tasks: readonly Pick<RollupTask, 'status' | 'progress'>[]): number | null {
  let sum = 0;
  let n = 0;
  for (const t of tasks) {
    if (t.status === 'suspended') continue;
    sum += t.status === 'closed' ? 100 : t.progress;
    n += 1;
  }
  return n === 0 ? null : Math.round(sum / n);
}

/**
 * What the roll-up needs of one directive's own tasks: their counts, and
 * the sum and number of the progress values the mean takes (closed = 100, suspended left out).
 * Sums add up along the tree, so a database can hand these over instead of every task.
 */
export interface DirectiveAggregate {
  counts: TaskCounts;
  progressSum: number;
  progressN: number;
}

export function aggregateTasks(tasks: readonly RollupTask[]): Map<string, DirectiveAggregate> {
  const out = new Map<string, DirectiveAggregate>();
  for (const t of tasks) {
    if (!t.directiveId) continue;
    let a = out.get(t.directiveId);
    if (!a) {
      a = { counts: emptyCounts(), progressSum: 0, progressN: 0 };
      out.set(t.directiveId, a);
    }
    a.counts.total += 1;
    a.counts[bucketOf(t)] += 1;
    if (t.status !== 'suspended') {
      a.progressSum += t.status === 'closed' ? 100 : t.progress;
      a.progressN += 1;
    }
  }
  return out;
}

export function rollup(directives: readonly RollupDirective[], tasks: readonly RollupTask[]): SpeakerNode[] {
  return rollupOf(directives, aggregateTasks(tasks));
}

interface Sums {
  counts: TaskCounts;
  sum: number;
  n: number;
}

const addSums = (into: Sums, from: Sums) => {
  for (const k of Object.keys(into.counts) as (keyof TaskCounts)[]) into.counts[k] += from.counts[k];
  into.sum += from.sum;
  into.n += from.n;
};
const meanOf = (s: Sums) => (s.n === 0 ? null : Math.round(s.sum / s.n));

export function rollupOf(
  directives: readonly RollupDirective[],
  byDirective: ReadonlyMap<string, DirectiveAggregate>,
): SpeakerNode[] {
  const ordered = [...directives].sort((a, b) => a.meetingId.localeCompare(b.meetingId) || a.seq - b.seq);
  const known = new Set(ordered.map((d) => d.id));
  const childrenOf = new Map<string, RollupDirective[]>();
  for (const d of ordered) {
    if (d.parentId && known.has(d.parentId)) {
      const list = childrenOf.get(d.parentId);
      if (list) list.push(d);
      else childrenOf.set(d.parentId, [d]);
    }
  }
  const ownSums = (id: string): Sums => {
    const a = byDirective.get(id);
    return a
      ? { counts: { ...a.counts }, sum: a.progressSum, n: a.progressN }
      : { counts: emptyCounts(), sum: 0, n: 0 };
  };
  // Returns the node and its subtree's sums, so parents never re-walk their children.
  const build = (d: RollupDirective, depth: number): { node: DirectiveNode; sums: Sums } => {
    const sums = ownSums(d.id);
    const children: DirectiveNode[] = [];
    // The depth guard stops a corrupt parent cycle from recursing forever.
    if (depth < 8) {
      for (const c of childrenOf.get(d.id) ?? []) {
        const sub = build(c, depth + 1);
        children.push(sub.node);
        addSums(sums, sub.sums);
      }
    }
    const node: DirectiveNode = {
      id: d.id,
      heading: d.heading,
      kind: d.kind,
      progress: meanOf(sums),
      counts: sums.counts,
      ownTaskCount: byDirective.get(d.id)?.counts.total ?? 0,
      children,
    };
    return { node, sums };
  };
  const speakers = new Map<string, { head: RollupDirective; nodes: DirectiveNode[]; sums: Sums }>();
  for (const d of ordered) {
    if (d.parentId && known.has(d.parentId)) continue;
    const key = `${d.meetingId}|${d.speaker ?? ''}`;
    const { node, sums } = build(d, 0);
    const s = speakers.get(key);
    if (s) {
      s.nodes.push(node);
      addSums(s.sums, sums);
    } else speakers.set(key, { head: d, nodes: [node], sums: { ...sums, counts: { ...sums.counts } } });
  }
  return [...speakers.entries()].map(([key, s]) => ({
    key,
    meetingId: s.head.meetingId,
    speaker: s.head.speaker ?? '',
    speakerTitle: s.head.speakerTitle,
    progress: meanOf(s.sums),
    counts: s.sums.counts,
    directives: s.nodes,
  }));
}

export type SnapshotTask = Pick<
  Task,
  'id' | 'directiveId' | 'status' | 'progress' | 'startDate' | 'deadline' | 'closedAt' | 'createdAt'
>;
export type SnapshotReport = Pick<
  ProgressReport,
  'taskId' | 'submittedAt' | 'progress' | 'reviewState' | 'final'
>;

/**
 * A task as it stood at the end of `date`, rebuilt from what is stored (closing time, reports), so the
 * dashboard can say what changed since the start of the quarter without storing snapshots.
 * Approximations, documented: the deadline is today's (an approved extension is taken as always known);
 * progress on a past day is the newest report's by then; null when the task did not exist yet.
 */
export function taskAsOf(
  task: SnapshotTask,
  reports: readonly SnapshotReport[],
  date: string,
): (RollupTask & { warning: Warning }) | null {
  if (task.createdAt.slice(0, 10) > date) return null;
  const closedDay = task.closedAt?.slice(0, 10) ?? null;
  let last: SnapshotReport | null = null;
  for (const r of reports)
    if (r.submittedAt.slice(0, 10) <= date && (!last || r.submittedAt > last.submittedAt)) last = r;
  let status: TaskStatus;
  let progress: number;
  if (closedDay !== null && closedDay <= date) {
    status = 'closed';
    progress = 100;
  } else {
    // Before it was closed the task was being worked on; a final report on file means it waited for review.
    const reopened =
      task.status === 'closed' || (task.status === 'pending-review' && !(last?.final ?? false));
    status = reopened
      ? last?.final && last.reviewState !== 'returned'
        ? 'pending-review'
        : 'in-progress'
      : task.status;
    progress = last ? last.progress : 0;
  }
  const warning = computeWarning(
    { status, deadline: task.deadline, startDate: task.startDate, progress },
    date,
    last ? last.submittedAt.slice(0, 10) : null,
  );
  return { id: task.id, directiveId: task.directiveId, status, progress, warning };
}

/** Every task as of `date` (tasks not yet created are left out). */
export function snapshot(
  tasks: readonly SnapshotTask[],
  reportsByTask: ReadonlyMap<string, readonly SnapshotReport[]>,
  date: string,
) {
  const out: (RollupTask & { warning: Warning })[] = [];
  for (const t of tasks) {
    const s = taskAsOf(t, reportsByTask.get(t.id) ?? [], date);
    if (s) out.push(s);
  }
  return out;
}

/** Sample days for a trend line: every `step` days from `start`, always ending on `end`. */
export function sampleDays(start: string, end: string, step = 7): string[] {
  const out: string[] = [];
  for (let d = start; d < end; d = addDays(d, step)) out.push(d);
  out.push(end);
  return out;
}

export type { WarningKind };
