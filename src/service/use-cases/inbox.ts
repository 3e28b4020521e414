import { toCstIso } from '../../domain/clock';
import { api, type InboxItem, type InboxKind, type TaskRow } from '../../domain/contract';
import { addDays, diffDays } from '../../domain/dates';
import { type Actor, can, isOwnTask } from '../../domain/permissions';
import { lastDuePeriod, nextDueDate, periodEnd, periodOf } from '../../domain/reporting';
import type { ProgressReport, Role } from '../../domain/schemas';
import { REPORTABLE } from '../../domain/workflow';
import { defineRead } from '../runner';
import { reportsByTask, views } from '../views';

/** A report counts as "due" once the next due day is this close (the same week the office chases it). */
export const REPORT_DUE_WINDOW_DAYS = 7;
/** Without a previous visit, "gone red" looks back this many days. */
export const DEFAULT_LOOKBACK_DAYS = 7;

const DONE = new Set(['closed', 'suspended', 'pending-review']);

function item(row: TaskRow, kind: InboxKind, extra: Partial<InboxItem> = {}): InboxItem {
  const { id, code, title, status, deadline, warning } = row;
  return {
    kind,
    taskId: id,
    code,
    title,
    status,
    deadline,
    warning,
    reportId: null,
    due: null,
    note: null,
    at: null,
    ...extra,
  };
}

function staffItems(
  actor: Actor,
  rows: readonly TaskRow[],
  reports: Map<string, ProgressReport[]>,
  day: string,
): InboxItem[] {
  const out: InboxItem[] = [];
  const currentPeriod = periodOf(day);
  for (const row of rows) {
    if (!isOwnTask(actor, row)) continue;
    const own = reports.get(row.id) ?? [];
    if (row.status === 'assigned' && can(actor, 'task.accept', row))
      out.push(item(row, 'to-accept', { due: row.deadline }));
    if (row.status === 'returned') {
      const back = own
        .filter((r) => r.reviewState === 'returned')
        .sort((a, b) => (a.reviewedAt ?? '').localeCompare(b.reviewedAt ?? ''))
        .at(-1);
      out.push(
        item(row, 'sent-back', {
          reportId: back?.id ?? null,
          note: back?.reviewComment ?? null,
          at: back?.reviewedAt ?? null,
        }),
      );
    } else if (REPORTABLE.includes(row.status) && can(actor, 'task.report', row)) {
      const missed = row.warning.flags.includes('not-reported');
      const dueSoon =
        !own.some((r) => r.period === currentPeriod) &&
        diffDays(day, nextDueDate(day)) <= REPORT_DUE_WINDOW_DAYS;
      if (missed) out.push(item(row, 'report-due', { due: periodEnd(lastDuePeriod(day)) }));
      else if (dueSoon) out.push(item(row, 'report-due', { due: nextDueDate(day) }));
    }
    if (
      !DONE.has(row.status) &&
      row.warning.daysLeft >= 0 &&
      row.warning.daysLeft <= REPORT_DUE_WINDOW_DAYS
    ) {
      out.push(item(row, 'due-this-week', { due: row.deadline }));
    }
  }
  return out;
}

/** Tasks that turned red (their deadline passed) after the previous visit: red from the day after the deadline. */
function goneRed(rows: readonly TaskRow[], sinceDay: string): InboxItem[] {
  return rows
    .filter((r) => r.warning.kind === 'overdue' && addDays(r.deadline, 1) > sinceDay)
    .map((r) => item(r, 'gone-red', { due: r.deadline }));
}

function supervisorItems(
  rows: readonly TaskRow[],
  allReports: readonly ProgressReport[],
  sinceDay: string,
): InboxItem[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: InboxItem[] = [];
  for (const rep of allReports) {
    const row = byId.get(rep.taskId);
    if (rep.reviewState !== 'pending' || !row || row.status === 'closed') continue;
    out.push(item(row, 'report-to-review', { reportId: rep.id, note: rep.text, at: rep.submittedAt }));
  }
  for (const row of rows) {
    if (row.status === 'extension-requested' && row.extension) {
      out.push(
        item(row, 'extension-request', {
          due: row.extension.requestedDeadline,
          note: row.extension.reason,
          at: row.extension.requestedAt,
        }),
      );
    }
  }
  return [...out, ...goneRed(rows, sinceDay)];
}

/** The inbox of one identity on `day`; pure over the derived rows so tests can call it directly. */
export function computeInbox(
  actor: Actor & { role: Role },
  rows: readonly TaskRow[],
  reports: readonly ProgressReport[],
  day: string,
  sinceDay: string,
): InboxItem[] {
  if (actor.role === 'staff') return staffItems(actor, rows, reportsByTask(reports), day);
  if (actor.role === 'supervisor') return supervisorItems(rows, reports, sinceDay);
  return goneRed(rows, sinceDay);
}

export const inbox = defineRead(api.inbox, ({ data, actor, query: q, today: day, nowMs }) => {
  const since = q.since ?? `${addDays(day, -DEFAULT_LOOKBACK_DAYS)}T00:00:00+08:00`;
  const sinceDay = toCstIso(Date.parse(since)).slice(0, 10);
  const items = computeInbox(actor, views(data, day).rows, data.reports, day, sinceDay);
  const counts: Record<string, number> = {};
  for (const i of items) counts[i.kind] = (counts[i.kind] ?? 0) + 1;
  return { role: actor.role, since: toCstIso(Math.min(Date.parse(since), nowMs)), items, counts };
});
