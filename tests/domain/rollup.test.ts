import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  countTasks,
  meanProgress,
  type RollupDirective,
  type RollupTask,
  rollup,
  sampleDays,
  taskAsOf,
} from '../../src/domain/rollup';
import type { TaskStatus } from '../../src/domain/schemas';
import type { WarningKind } from '../../src/domain/warnings';

const task = (
  id: string,
  directiveId: string | null,
  progress: number,
  status: TaskStatus = 'in-progress',
  kind: WarningKind = 'normal',
): RollupTask => ({
  id,
  directiveId,
  progress,
  status,
  warning: { kind },
});

const dir = (
  id: string,
  speaker: string,
  seq: number,
  parentId: string | null = null,
  meetingId = 'm-1',
): RollupDirective => ({
  id,
  meetingId,
  seq,
  speaker,
  speakerTitle: null,
  heading: `部署 ${id}`,
  kind: parentId ? 'xia-gongfu' : 'yao',
  parentId,
});

describe('meanProgress', () => {
  it.each([
    { name: 'no tasks', tasks: [], expected: null },
    { name: 'one open task', tasks: [task('a', 'd', 40)], expected: 40 },
    {
      name: 'closed counts 100 whatever its stored progress',
      tasks: [task('a', 'd', 0, 'closed'), task('b', 'd', 50)],
      expected: 75,
    },
    {
      name: 'suspended is left out',
      tasks: [task('a', 'd', 10, 'suspended'), task('b', 'd', 60)],
      expected: 60,
    },
    { name: 'only suspended → no progress', tasks: [task('a', 'd', 10, 'suspended')], expected: null },
    {
      name: 'rounds to a whole percent',
      tasks: [task('a', 'd', 10), task('b', 'd', 20), task('c', 'd', 25)],
      expected: 18,
    },
  ])('$name → $expected', ({ tasks, expected }) => {
    expect(meanProgress(tasks)).toBe(expected);
  });
});

describe('bucketOf / countTasks', () => {
  it.each([
    { status: 'closed', kind: 'normal', bucket: 'closed' },
    { status: 'suspended', kind: 'normal', bucket: 'suspended' },
    { status: 'in-progress', kind: 'overdue', bucket: 'overdue' },
    { status: 'returned', kind: 'due-soon', bucket: 'atRisk' },
    { status: 'in-progress', kind: 'behind', bucket: 'atRisk' },
    { status: 'assigned', kind: 'not-reported', bucket: 'noReport' },
    { status: 'pending-review', kind: 'normal', bucket: 'onTrack' },
  ] as const)('$status + $kind → $bucket', ({ status, kind, bucket }) => {
    expect(bucketOf(task('x', null, 0, status, kind))).toBe(bucket);
  });

  it('partitions every task, so the buckets add up to the total', () => {
    const c = countTasks([
      task('a', 'd', 0, 'closed'),
      task('b', 'd', 0, 'in-progress', 'overdue'),
      task('c', 'd', 0, 'in-progress', 'behind'),
      task('d', 'd', 0, 'suspended'),
      task('e', 'd', 0, 'in-progress', 'not-reported'),
      task('f', 'd', 0),
    ]);
    expect(c).toEqual({ total: 6, closed: 1, suspended: 1, onTrack: 1, atRisk: 1, overdue: 1, noReport: 1 });
    expect(c.closed + c.suspended + c.onTrack + c.atRisk + c.overdue + c.noReport).toBe(c.total);
  });
});

describe('rollup', () => {
  const directives = [
    dir('p1', '韩俊', 0),
    dir('p2', '韩俊', 1),
    dir('c0', '孙正东', 0, null, 'm-2'),
    dir('c1', '孙正东', 1, 'c0', 'm-2'),
    dir('c2', '孙正东', 2, 'c0', 'm-2'),
  ];
  const tasks = [
    task('t1', 'p1', 40),
    task('t2', 'p1', 0, 'closed'),
    task('t3', 'p2', 20, 'in-progress', 'overdue'),
    task('t4', 'c1', 50),
    task('t5', 'c2', 10, 'in-progress', 'behind'),
    task('t6', 'c2', 30),
    task('t7', null, 90),
  ];
  const tree = rollup(directives, tasks);

  it('groups directives by speaker in meeting order', () => {
    expect(tree.map((s) => s.speaker)).toEqual(['韩俊', '孙正东']);
    expect(tree[0]!.directives.map((d) => d.id)).toEqual(['p1', 'p2']);
  });

  it('derives a directive from its tasks', () => {
    const p1 = tree[0]!.directives[0]!;
    expect(p1.progress).toBe(70);
    expect(p1.counts).toMatchObject({ total: 2, closed: 1, onTrack: 1 });
    expect(p1.ownTaskCount).toBe(2);
  });

  it('a parent without tasks of its own is the mean over its children’s tasks (each task weighs the same)', () => {
    const c0 = tree[1]!.directives[0]!;
    expect(c0.ownTaskCount).toBe(0);
    expect(c0.children.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(c0.children.map((c) => c.progress)).toEqual([50, 20]);
    // (50 + 10 + 30) / 3 = 30, not the mean of the children's means (35).
    expect(c0.progress).toBe(30);
    expect(c0.counts).toMatchObject({ total: 3, atRisk: 1, onTrack: 2 });
  });

  it('a speaker is the mean over all tasks of their directives; tasks without a directive are left out', () => {
    expect(tree[0]!.progress).toBe(Math.round((40 + 100 + 20) / 3));
    expect(tree[0]!.counts).toMatchObject({ total: 3, overdue: 1, closed: 1 });
    expect(tree.reduce((n, s) => n + s.counts.total, 0)).toBe(6);
  });

  it('a directive with no tasks has no progress rather than 0%', () => {
    const [s] = rollup([dir('x', '王清宪', 0)], []);
    expect(s!.directives[0]!.progress).toBeNull();
    expect(s!.progress).toBeNull();
  });
});

describe('taskAsOf', () => {
  const base = {
    id: 'T-1',
    directiveId: 'd-1',
    startDate: '2024-01-01',
    deadline: '2024-06-30',
    createdAt: '2024-01-01T09:00:00+08:00',
  };
  const reports = [
    {
      taskId: 'T-1',
      submittedAt: '2024-02-25T10:00:00+08:00',
      progress: 30,
      reviewState: 'accepted' as const,
      final: false,
    },
    {
      taskId: 'T-1',
      submittedAt: '2024-05-10T10:00:00+08:00',
      progress: 100,
      reviewState: 'accepted' as const,
      final: true,
    },
  ];
  const closed = { ...base, status: 'closed' as const, progress: 100, closedAt: '2024-05-12T17:00:00+08:00' };

  it('is absent before the task was created', () => {
    expect(taskAsOf(closed, reports, '2023-12-31')).toBeNull();
  });
  it('was open with the newest report’s progress before it closed', () => {
    const s = taskAsOf(closed, reports, '2024-03-31');
    expect(s).toMatchObject({ status: 'in-progress', progress: 30 });
  });
  it('waited for review between the final report and closing', () => {
    expect(taskAsOf(closed, reports, '2024-05-11')).toMatchObject({
      status: 'pending-review',
      progress: 100,
    });
  });
  it('is closed from its closing day', () => {
    expect(taskAsOf(closed, reports, '2024-05-12')).toMatchObject({ status: 'closed', progress: 100 });
  });
  it('a task past its deadline on that day was overdue then', () => {
    const open = {
      ...base,
      deadline: '2024-03-15',
      status: 'in-progress' as const,
      progress: 60,
      closedAt: null,
    };
    expect(taskAsOf(open, reports.slice(0, 1), '2024-03-31')?.warning.kind).toBe('overdue');
    expect(taskAsOf(open, reports.slice(0, 1), '2024-03-01')?.warning.kind).not.toBe('overdue');
  });
});

describe('sampleDays', () => {
  it.each([
    {
      start: '2024-04-01',
      end: '2024-04-20',
      expected: ['2024-04-01', '2024-04-08', '2024-04-15', '2024-04-20'],
    },
    { start: '2024-04-01', end: '2024-04-01', expected: ['2024-04-01'] },
  ])('$start → $end', ({ start, end, expected }) => {
    expect(sampleDays(start, end)).toEqual(expected);
  });
});
