import { type RawBuilder, sql } from 'kysely';
import { lastDuePeriod, periodEnd } from '../../../src/domain/reporting';
import { DEFAULT_WARNING_CONFIG } from '../../../src/domain/warnings';

/**
 * `computeWarning`'s kind (src/domain/warnings.ts) as a SQL expression, for filters, counts and
 * sorting inside the database. The full warning object of a row shown to a person still comes from
 * `computeWarning` itself; tests/server/read-models-sql.test.ts checks the two agree.
 */
export interface WarningInputs {
  status: RawBuilder<unknown>;
  progress: RawBuilder<unknown>;
  startDate: RawBuilder<unknown>;
  deadline: RawBuilder<unknown>;
  /** The newest report's day (CST), null when none. */
  lastDay: RawBuilder<unknown>;
}

/** The day a warning is computed for, with the reporting period it owes (as parameters or columns). */
export interface WarningDay {
  day: RawBuilder<unknown>;
  /** `${lastDuePeriod(day)}-01`: a report on or after it counts for the period due. */
  dueStart: RawBuilder<unknown>;
  /** periodEnd(lastDuePeriod(day)): a task started by then owes that period's report. */
  owedBy: RawBuilder<unknown>;
}

/** The period parameters of a day, computed by the same reporting rules as in process. */
export function warningDayParams(day: string): { day: string; dueStart: string; owedBy: string } {
  const cycle = DEFAULT_WARNING_CONFIG.reportingCycle;
  const due = lastDuePeriod(day, cycle);
  return { day, dueStart: `${due}-01`, owedBy: periodEnd(due, cycle) };
}

export function warningDay(day: string): WarningDay {
  const p = warningDayParams(day);
  return { day: sql`${p.day}::date`, dueStart: sql`${p.dueStart}::date`, owedBy: sql`${p.owedBy}::date` };
}

export function warningKindAt(x: WarningInputs, w: WarningDay): RawBuilder<string> {
  const cfg = DEFAULT_WARNING_CONFIG;
  const span = sql`greatest(1, ${x.deadline} - ${x.startDate})`;
  // Math.round((elapsed / span) * 100) in IEEE doubles, as JavaScript computes it.
  const elapsedPct = sql`floor((least(${span}, greatest(0, ${w.day} - ${x.startDate}))::float8 / ${span}) * 100 + 0.5)`;
  return sql<string>`case
    when ${x.status} in ('closed', 'suspended') then 'normal'
    when ${x.deadline} < ${w.day} then 'overdue'
    when ${x.deadline} - ${w.day} <= ${cfg.dueSoonDays} then 'due-soon'
    when ${x.progress} < ${cfg.behindRatio}::float8 * ${elapsedPct} then 'behind'
    when ${x.startDate} <= ${w.owedBy} and ${x.status} <> 'pending-review'
      and (${x.lastDay} is null or ${x.lastDay} < ${w.dueStart}) then 'not-reported'
    else 'normal' end`;
}

/** A timestamptz column's calendar day in China Standard Time (UTC+8, no daylight saving). */
export const cstDay = (col: RawBuilder<unknown>) => sql`(${col} at time zone interval '+08:00')::date`;

/** The live warning of a task row `t` with its newest report `lr` (task_last_report). */
export function warningKindSql(today: string): RawBuilder<string> {
  return warningKindAt(
    {
      status: sql`t.status`,
      progress: sql`t.progress`,
      startDate: sql`t.start_date`,
      deadline: sql`t.deadline`,
      lastDay: cstDay(sql`lr.submitted_at`),
    },
    warningDay(today),
  );
}

/** The dashboard's bucket of a task (src/domain/rollup.ts `bucketOf`) from its status and warning kind. */
export const bucketSql = (status: RawBuilder<unknown>, kind: RawBuilder<unknown>) => sql<string>`case
  when ${status} = 'closed' then 'closed'
  when ${status} = 'suspended' then 'suspended'
  when ${kind} = 'overdue' then 'overdue'
  when ${kind} in ('due-soon', 'behind') then 'atRisk'
  when ${kind} = 'not-reported' then 'noReport'
  else 'onTrack' end`;
