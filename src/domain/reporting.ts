import { addDays, endOfMonth } from './dates';

/**
 * The reporting calendar. Units report monthly by default (one report per calendar month, due by the
 * month's last day); `quarterly` is the alternative offices use for slow, long tasks.
 */
export type ReportingCycle = 'monthly' | 'quarterly';

/** The period a report submitted on `date` belongs to, written `YYYY-MM` (its first month). */
export function periodOf(date: string, cycle: ReportingCycle = 'monthly'): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  if (cycle === 'monthly') return `${y}-${String(m).padStart(2, '0')}`;
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  return `${y}-${String(first).padStart(2, '0')}`;
}

export function periodStart(period: string): string {
  return `${period}-01`;
}

/** The last day of a period, which is also the day its report is due. */
export function periodEnd(period: string, cycle: ReportingCycle = 'monthly'): string {
  const start = periodStart(period);
  if (cycle === 'monthly') return endOfMonth(start);
  return endOfMonth(addDays(endOfMonth(addDays(endOfMonth(start), 1)), 1));
}

export function previousPeriod(period: string, cycle: ReportingCycle = 'monthly'): string {
  return periodOf(addDays(periodStart(period), -1), cycle);
}

/** The most recent period whose due day has passed by `today`, i.e. the one a report is now owed for. */
export function lastDuePeriod(today: string, cycle: ReportingCycle = 'monthly'): string {
  const current = periodOf(today, cycle);
  return today >= periodEnd(current, cycle) ? current : previousPeriod(current, cycle);
}

/** When the next report is due, counted from `today`. */
export function nextDueDate(today: string, cycle: ReportingCycle = 'monthly'): string {
  return periodEnd(periodOf(today, cycle), cycle);
}

/** Was a report submitted on `submittedDate` on time for `period`? */
export function isOnTime(period: string, submittedDate: string, cycle: ReportingCycle = 'monthly'): boolean {
  return submittedDate <= periodEnd(period, cycle);
}

/**
 * The period a new report is filed for. A unit that missed the period most recently due (and owed it:
 * the task had started by then) is catching up, so the report counts for that period, late; otherwise it
 * is the current period's report, on time. This is what offices do when they 补报 a missed month.
 */
export function reportPeriodFor(
  submittedDate: string,
  reportedPeriods: readonly string[],
  taskStartDate: string,
  cycle: ReportingCycle = 'monthly',
): string {
  const due = lastDuePeriod(submittedDate, cycle);
  const current = periodOf(submittedDate, cycle);
  const owed = due !== current && taskStartDate <= periodEnd(due, cycle);
  return owed && !reportedPeriods.includes(due) ? due : current;
}

/**
 * Periods that were due by `today` and have no report: from the task's first period to the period most
 * recently due, stopping at `until` (a closed task owes nothing after the period it was closed in).
 */
export function missedPeriods(
  startDate: string,
  reportedPeriods: readonly string[],
  today: string,
  until: string | null = null,
  cycle: ReportingCycle = 'monthly',
): string[] {
  const reported = new Set(reportedPeriods);
  const stop = lastDuePeriod(today, cycle);
  const last = until && periodOf(until, cycle) < stop ? previousPeriod(periodOf(until, cycle), cycle) : stop;
  const out: string[] = [];
  for (let p = periodOf(startDate, cycle); p <= last; p = periodOf(addDays(periodEnd(p, cycle), 1), cycle)) {
    if (!reported.has(p)) out.push(p);
  }
  return out;
}
