import { describe, expect, it } from 'vitest';
import { buildSeedDb, DEMO_TODAY } from '../../mocks/seed/build-seed';
import {
  type AggTask,
  aggregateQuarters,
  changeFrom,
  dayOf,
  NONE_KEY,
  trendOf,
} from '../../src/domain/aggregations';
import { dayNumber } from '../../src/domain/dates';
import { quarterRange } from '../../src/domain/quarter';
import { computeWarning, WARNING_KINDS } from '../../src/domain/warnings';

function task(over: Partial<AggTask> & { id: string }): AggTask {
  return {
    leadUnitId: 'u1',
    directiveId: 'd1',
    startDate: '2023-12-01',
    deadline: '2024-06-30',
    status: 'in-progress',
    closedAt: null,
    progress: 50,
    ...over,
  };
}
const closed = (d: string) => ({ status: 'closed' as const, closedAt: `${d}T10:00:00+08:00` });
const directives = new Map([
  ['d1', { speaker: '韩俊', meetingId: 'm1' }],
  ['d2', { speaker: null, meetingId: 'm1' }],
]);

describe('dayOf', () => {
  it('agrees with Date-based day numbers across leap years and month ends', () => {
    for (const d of [
      '1970-01-01',
      '1972-02-29',
      '1972-03-01',
      '2000-02-29',
      '2000-03-01',
      '2023-12-31',
      '2024-02-29',
      '2024-03-01',
      '2100-03-01',
    ]) {
      expect(dayOf(d)).toBe(dayNumber(d));
    }
    expect(dayOf('2024-03-31T17:20:00+08:00')).toBe(dayNumber('2024-03-31'));
  });
});

describe('aggregateQuarters', () => {
  const tasks: AggTask[] = [
    task({ id: 'early', deadline: '2024-03-31', ...closed('2024-02-01') }),
    task({ id: 'late', deadline: '2024-01-31', ...closed('2024-02-20') }),
    task({ id: 'overdue', deadline: '2024-02-15', leadUnitId: 'u2' }),
    task({ id: 'running', directiveId: 'd2', leadUnitId: 'u2' }),
    task({ id: 'suspended', deadline: '2024-01-15', status: 'suspended', directiveId: null }),
    task({ id: 'before', deadline: '2023-12-15', ...closed('2023-12-10') }),
    task({ id: 'future', startDate: '2024-04-10' }),
  ];
  const [q1] = aggregateQuarters(['2024Q1'], tasks, [], directives, DEMO_TODAY);

  it('counts tasks in scope by their state at the quarter end', () => {
    expect(q1!.asOf).toBe('2024-03-31');
    expect(q1!.totals).toEqual({
      total: 5,
      done: 2,
      onTime: 1,
      due: 4,
      inProgress: 2,
      overdue: 1,
      completionRate: 40,
      onTimeRate: 25,
    });
  });

  it('groups by lead unit, directive, speaker and meeting', () => {
    const pick = (rows: { key: string; total: number; done: number; overdue: number }[]) =>
      Object.fromEntries(rows.map((r) => [r.key, [r.total, r.done, r.overdue]]));
    expect(pick(q1!.byUnit)).toEqual({ u1: [3, 2, 0], u2: [2, 0, 1] });
    expect(pick(q1!.byDirective)).toEqual({ d1: [3, 2, 1], d2: [1, 0, 0], [NONE_KEY]: [1, 0, 0] });
    expect(pick(q1!.bySpeaker)).toEqual({ 韩俊: [3, 2, 1], [NONE_KEY]: [2, 0, 0] });
    expect(pick(q1!.byMeeting)).toEqual({ m1: [4, 2, 1], [NONE_KEY]: [1, 0, 0] });
  });

  it('puts open tasks under their warning light; closed and suspended ones under none', () => {
    expect(Object.values(q1!.warnings).reduce((a, b) => a + b, 0)).toBe(2);
    expect(q1!.warnings.overdue).toBe(1);
  });

  it("matches computeWarning on the seed's running quarter", () => {
    const db = buildSeedDb(DEMO_TODAY);
    const [agg] = aggregateQuarters(
      ['2024Q2'],
      db.tasks,
      db.reports,
      new Map(db.directives.map((d) => [d.id, d])),
      DEMO_TODAY,
    );
    const expected = Object.fromEntries(WARNING_KINDS.map((k) => [k, 0]));
    const { start } = quarterRange('2024Q2');
    for (const t of db.tasks) {
      const closedDay = t.closedAt?.slice(0, 10) ?? null;
      if (
        t.startDate > DEMO_TODAY ||
        (closedDay && closedDay < start) ||
        (closedDay && closedDay <= DEMO_TODAY) ||
        t.status === 'suspended'
      )
        continue;
      const last =
        db.reports
          .filter((r) => r.taskId === t.id)
          .map((r) => r.submittedAt.slice(0, 10))
          .sort()
          .at(-1) ?? null;
      expected[computeWarning(t, DEMO_TODAY, last).kind]! += 1;
    }
    expect(agg!.warnings).toEqual(expected);
    expect(agg!.totals.total).toBe(agg!.totals.done + agg!.totals.inProgress + agg!.totals.overdue);
  });

  it('sums every grouping back to the totals', () => {
    const db = buildSeedDb(DEMO_TODAY);
    const aggs = aggregateQuarters(
      ['2023Q3', '2023Q4', '2024Q1'],
      db.tasks,
      db.reports,
      new Map(db.directives.map((d) => [d.id, d])),
      DEMO_TODAY,
    );
    for (const a of aggs) {
      for (const rows of [a.byUnit, a.byDirective, a.bySpeaker, a.byMeeting]) {
        expect(rows.reduce((s, r) => s + r.total, 0)).toBe(a.totals.total);
        expect(rows.reduce((s, r) => s + r.done, 0)).toBe(a.totals.done);
      }
    }
  });
});

describe('change and trend', () => {
  const c = (total: number, done: number, overdue: number, completionRate: number, onTimeRate: number) => ({
    total,
    done,
    onTime: 0,
    due: 0,
    inProgress: 0,
    overdue,
    completionRate,
    onTimeRate,
  });

  it('reports change in counts and percentage points', () => {
    expect(changeFrom(c(40, 12, 3, 30, 62.5), c(38, 9, 5, 23.7, 50))).toEqual({
      total: 2,
      done: 3,
      overdue: -2,
      completionRate: 6.3,
      onTimeRate: 12.5,
    });
    expect(changeFrom(c(1, 1, 0, 100, 100), null)).toBeNull();
  });

  it('averages the scores of each quarter', () => {
    const [q1] = aggregateQuarters(['2024Q1'], [task({ id: 'a' })], [], directives, DEMO_TODAY);
    expect(trendOf([q1!], new Map([['2024Q1', [100, 95, 90.5]]]))).toEqual([
      { quarter: '2024Q1', completionRate: 0, onTimeRate: 0, overdue: 0, averageScore: 95.2 },
    ]);
    expect(trendOf([q1!], new Map())[0]!.averageScore).toBeNull();
  });
});
