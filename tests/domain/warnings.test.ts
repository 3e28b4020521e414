import { beforeEach, describe, expect, it } from 'vitest';
import { cstMidnightMs, pinClock, today } from '../../src/domain/clock';
import { addDays } from '../../src/domain/dates';
import type { TaskStatus } from '../../src/domain/schemas';
import { computeWarning, DEFAULT_WARNING_CONFIG, type WarnableTask } from '../../src/domain/warnings';

// The rules are checked on a pinned day, so "today" can never drift under them.
const TODAY = '2024-05-20';
beforeEach(() => pinClock(cstMidnightMs(TODAY) + 10 * 3_600_000));

const fresh = '2024-05-10'; // a report inside the last due period (2024-04) or later
const task = (p: Partial<WarnableTask> = {}): WarnableTask => ({
  status: 'in-progress',
  startDate: '2024-01-01',
  deadline: '2024-12-31',
  progress: 90,
  ...p,
});

describe('the documented thresholds', () => {
  it('are 7 days, 70 % and a monthly calendar', () => {
    expect(DEFAULT_WARNING_CONFIG).toEqual({ dueSoonDays: 7, behindRatio: 0.7, reportingCycle: 'monthly' });
    expect(today()).toBe(TODAY);
  });
});

describe('逾期 overdue (red)', () => {
  it('one day past the deadline is overdue by 1 day', () => {
    const w = computeWarning(task({ deadline: addDays(TODAY, -1) }), TODAY, fresh);
    expect(w).toMatchObject({ kind: 'overdue', level: 'red', overdueDays: 1, daysLeft: -1 });
  });
  it('12 days past reads as 12 days overdue', () => {
    expect(computeWarning(task({ deadline: addDays(TODAY, -12) }), TODAY, fresh).overdueDays).toBe(12);
  });
  it('the deadline day itself is not yet overdue, but due soon', () => {
    expect(computeWarning(task({ deadline: TODAY }), TODAY, fresh)).toMatchObject({
      kind: 'due-soon',
      daysLeft: 0,
      overdueDays: 0,
    });
  });
});

describe('临期 due soon (amber)', () => {
  it.each([
    [6, 'due-soon'],
    [7, 'due-soon'],
    [8, 'normal'],
  ] as const)('%i days left → %s', (days, kind) => {
    const w = computeWarning(task({ deadline: addDays(TODAY, days) }), TODAY, fresh);
    expect(w.kind).toBe(kind);
    expect(w.daysLeft).toBe(days);
  });
});

describe('滞后 behind (amber): progress under 70 % of the elapsed share', () => {
  // A 100-day window, 50 days in: the line is 0.7 × 50 % = 35 %.
  const start = addDays(TODAY, -50);
  const windowTask = (progress: number) =>
    task({ startDate: start, deadline: addDays(start, 100), progress });
  it.each([
    [34, 'behind'],
    [35, 'normal'],
    [36, 'normal'],
  ] as const)('progress %i %% at 50 %% elapsed → %s', (progress, kind) => {
    const w = computeWarning(windowTask(progress), TODAY, fresh);
    expect(w.elapsedPct).toBe(50);
    expect(w.kind).toBe(kind);
  });
  it('reports progress and elapsed share for the reason text (进度 30%，时间已过 60%)', () => {
    const s = addDays(TODAY, -60);
    const w = computeWarning(task({ startDate: s, deadline: addDays(s, 100), progress: 30 }), TODAY, fresh);
    expect(w).toMatchObject({ kind: 'behind', progress: 30, elapsedPct: 60 });
  });
  it('a task not started yet is never behind', () => {
    expect(
      computeWarning(task({ startDate: addDays(TODAY, 3), progress: 0 }), TODAY, null).flags,
    ).not.toContain('behind');
  });
});

describe('未报送 no report (grey): no report in the period most recently due', () => {
  // On 2024-05-20 the period due is April (due 2024-04-30); May is due on 2024-05-31.
  it.each([
    ['2024-04-01', 'normal'],
    ['2024-04-30', 'normal'],
    ['2024-05-19', 'normal'],
    ['2024-03-31', 'not-reported'],
  ] as const)('last report on %s → %s', (last, kind) => {
    expect(computeWarning(task(), TODAY, last).kind).toBe(kind);
  });
  it('no report at all is not-reported', () => {
    expect(computeWarning(task(), TODAY, null).kind).toBe('not-reported');
  });
  it('a task that started after the due period ended owes nothing yet', () => {
    expect(computeWarning(task({ startDate: '2024-05-01' }), TODAY, null).kind).toBe('normal');
  });
  it('a task started on the last day of the due period owes that report', () => {
    expect(computeWarning(task({ startDate: '2024-04-30' }), TODAY, null).kind).toBe('not-reported');
  });
  it('a task waiting for review owes no report', () => {
    expect(computeWarning(task({ status: 'pending-review', progress: 100 }), TODAY, null).kind).toBe(
      'normal',
    );
  });
  it('on the last day of May, May is the period due', () => {
    expect(computeWarning(task(), '2024-05-31', '2024-04-20').kind).toBe('not-reported');
    expect(computeWarning(task(), '2024-05-30', '2024-04-20').kind).toBe('normal');
  });
  it('a quarterly calendar asks once a quarter', () => {
    const quarterly = { ...DEFAULT_WARNING_CONFIG, reportingCycle: 'quarterly' as const };
    expect(computeWarning(task(), TODAY, '2024-02-01', quarterly).kind).toBe('normal');
    expect(computeWarning(task(), TODAY, '2023-12-31', quarterly).kind).toBe('not-reported');
  });
});

describe('several rules at once, and the quiet states', () => {
  it('lists every flag, most severe first', () => {
    const w = computeWarning(task({ deadline: addDays(TODAY, -3), progress: 10 }), TODAY, null);
    expect(w.flags).toEqual(['overdue', 'behind', 'not-reported']);
    expect(w.kind).toBe('overdue');
  });
  it.each(['closed', 'suspended'] as TaskStatus[])(
    '%s tasks carry no warning even when overdue and silent',
    (status) => {
      const w = computeWarning(task({ status, deadline: addDays(TODAY, -30), progress: 10 }), TODAY, null);
      expect(w).toMatchObject({ kind: 'normal', level: 'green', flags: [], overdueDays: 0 });
    },
  );
  it('a custom config moves the lines', () => {
    const cfg = { ...DEFAULT_WARNING_CONFIG, dueSoonDays: 14 };
    expect(computeWarning(task({ deadline: addDays(TODAY, 10) }), TODAY, fresh, cfg).kind).toBe('due-soon');
  });
});
