import { diffDays } from './dates';
import { lastDuePeriod, periodEnd, type ReportingCycle } from './reporting';
import type { Task } from './schemas';

/**
 * Warning lights (预警). One documented config: change the numbers here, nowhere else.
 * - overdue 逾期 (red): past the deadline and not closed;
 * - due-soon 临期 (amber): due within `dueSoonDays` days;
 * - behind 滞后 (amber): progress below `behindRatio` × the elapsed share of the task's window;
 * - not-reported 未报送 (grey): no report for the most recently due reporting period;
 * - normal 正常 (green).
 * Closed and suspended tasks carry no warning.
 */
export interface WarningConfig {
  dueSoonDays: number;
  behindRatio: number;
  reportingCycle: ReportingCycle;
}

export const DEFAULT_WARNING_CONFIG: WarningConfig = {
  dueSoonDays: 7,
  behindRatio: 0.7,
  reportingCycle: 'monthly',
};

export type WarningKind = 'overdue' | 'due-soon' | 'behind' | 'not-reported' | 'normal';
export const WARNING_KINDS: ['overdue', 'due-soon', 'behind', 'not-reported', 'normal'] = [
  'overdue',
  'due-soon',
  'behind',
  'not-reported',
  'normal',
];
export type WarningLevel = 'red' | 'amber' | 'grey' | 'green';

export const WARNING_LEVEL: Record<WarningKind, WarningLevel> = {
  overdue: 'red',
  'due-soon': 'amber',
  behind: 'amber',
  'not-reported': 'grey',
  normal: 'green',
};

export interface Warning {
  kind: WarningKind;
  level: WarningLevel;
  /** Every rule that fired, most severe first (a task can be behind and unreported at once). */
  flags: WarningKind[];
  overdueDays: number;
  daysLeft: number;
  /** Elapsed share of the task's window, 0–100 (whole percent). */
  elapsedPct: number;
  progress: number;
}

export type WarnableTask = Pick<Task, 'status' | 'deadline' | 'startDate' | 'progress'>;

/**
 * `lastReportDate` is the submission day of the task's newest report (null when none).
 */
export function computeWarning(
  task: WarnableTask,
  today: string,
  lastReportDate: string | null,
  config: WarningConfig = DEFAULT_WARNING_CONFIG,
): Warning {
  const span = Math.max(1, diffDays(task.startDate, task.deadline));
  const elapsed = Math.min(span, Math.max(0, diffDays(task.startDate, today)));
  const elapsedPct = Math.round((elapsed / span) * 100);
  const daysLeft = diffDays(today, task.deadline);
  const base = { overdueDays: Math.max(0, -daysLeft), daysLeft, elapsedPct, progress: task.progress };
  if (task.status === 'closed' || task.status === 'suspended') {
    return { kind: 'normal', level: 'green', flags: [], ...base, overdueDays: 0 };
  }
  const flags: WarningKind[] = [];
  if (daysLeft < 0) flags.push('overdue');
  else if (daysLeft <= config.dueSoonDays) flags.push('due-soon');
  if (task.progress < config.behindRatio * elapsedPct) flags.push('behind');
  const due = lastDuePeriod(today, config.reportingCycle);
  const owed = task.startDate <= periodEnd(due, config.reportingCycle);
  const reportedSince = lastReportDate !== null && lastReportDate >= `${due}-01`;
  if (owed && !reportedSince && task.status !== 'pending-review') flags.push('not-reported');
  const kind = flags[0] ?? 'normal';
  return { kind, level: WARNING_LEVEL[kind], flags, ...base };
}
