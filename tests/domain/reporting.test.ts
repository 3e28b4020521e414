import { describe, expect, it } from 'vitest';
import {
  isOnTime,
  lastDuePeriod,
  missedPeriods,
  nextDueDate,
  periodEnd,
  periodOf,
  previousPeriod,
  reportPeriodFor,
} from '../../src/domain/reporting';

describe('the reporting calendar', () => {
  it.each([
    ['2024-05-20', 'monthly', '2024-05'],
    ['2024-05-20', 'quarterly', '2024-04'],
    ['2024-01-01', 'quarterly', '2024-01'],
    ['2024-12-31', 'quarterly', '2024-10'],
  ] as const)('%s belongs to %s period %s', (date, cycle, period) => {
    expect(periodOf(date, cycle)).toBe(period);
  });
  it('a period is due on its last day (leap February, quarter end)', () => {
    expect(periodEnd('2024-02')).toBe('2024-02-29');
    expect(periodEnd('2023-02')).toBe('2023-02-28');
    expect(periodEnd('2024-04', 'quarterly')).toBe('2024-06-30');
    expect(periodEnd('2024-10', 'quarterly')).toBe('2024-12-31');
  });
  it('the previous period crosses years', () => {
    expect(previousPeriod('2024-01')).toBe('2023-12');
    expect(previousPeriod('2024-01', 'quarterly')).toBe('2023-10');
  });
  it.each([
    ['2024-05-20', '2024-04'],
    ['2024-05-30', '2024-04'],
    ['2024-05-31', '2024-05'],
    ['2024-06-01', '2024-05'],
  ])('on %s the period most recently due is %s', (day, period) => {
    expect(lastDuePeriod(day)).toBe(period);
  });
  it('the next report is due at the end of the current period', () => {
    expect(nextDueDate('2024-05-20')).toBe('2024-05-31');
    expect(nextDueDate('2024-05-20', 'quarterly')).toBe('2024-06-30');
  });
  it.each([
    ['2024-04', '2024-04-30', true],
    ['2024-04', '2024-05-01', false],
    ['2024-05', '2024-05-20', true],
  ] as const)('a %s report submitted %s is on time: %s', (period, date, onTime) => {
    expect(isOnTime(period, date)).toBe(onTime);
  });
});

describe('which period a new report is filed for', () => {
  it('a missed month is caught up first, late', () => {
    const p = reportPeriodFor('2024-05-20', ['2024-02', '2024-03'], '2024-01-01');
    expect(p).toBe('2024-04');
    expect(isOnTime(p, '2024-05-20')).toBe(false);
  });
  it('once the last due month is in, a report counts for the current month, on time', () => {
    const p = reportPeriodFor('2024-05-20', ['2024-04'], '2024-01-01');
    expect(p).toBe('2024-05');
    expect(isOnTime(p, '2024-05-20')).toBe(true);
  });
  it('a task that started after the due month owes nothing for it', () => {
    expect(reportPeriodFor('2024-05-20', [], '2024-05-02')).toBe('2024-05');
  });
  it('on the due day itself the report is the current period’s, on time', () => {
    expect(reportPeriodFor('2024-05-31', ['2024-04'], '2024-01-01')).toBe('2024-05');
  });
});

describe('missed periods', () => {
  it('lists every due month without a report, up to the one most recently due', () => {
    expect(missedPeriods('2024-01-15', ['2024-01', '2024-03'], '2024-05-20')).toEqual(['2024-02', '2024-04']);
  });
  it('the current month is not missed before its due day', () => {
    expect(missedPeriods('2024-05-02', [], '2024-05-20')).toEqual([]);
    expect(missedPeriods('2024-05-02', [], '2024-05-31')).toEqual(['2024-05']);
  });
  it('a closed task owes nothing from the period it was closed in', () => {
    expect(missedPeriods('2024-01-01', ['2024-01'], '2024-05-20', '2024-03-10')).toEqual(['2024-02']);
  });
  it('works across years and by quarter', () => {
    expect(missedPeriods('2023-11-20', ['2023-12'], '2024-02-01')).toEqual(['2023-11', '2024-01']);
    expect(missedPeriods('2023-08-01', ['2023-10'], '2024-05-20', null, 'quarterly')).toEqual([
      '2023-07',
      '2024-01',
    ]);
  });
});
