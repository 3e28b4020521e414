import { addDays, diffDays } from '../dates';
import { periodEnd, periodOf } from '../reporting';
import type { Person, ProgressReport, Task, TaskStatus } from '../schemas';
import { REPORTABLE } from '../workflow';
import type { ReminderRule, ReminderRules } from './rules';

/** What the rules read: plain data, no store. */
export interface ReminderData {
  tasks: readonly Task[];
  reports: readonly ProgressReport[];
  people: readonly Person[];
  /** Manual 催办 from the ledger. */
  reminders?: readonly { id: string; taskId: string; at: string; byId: string; message: string | null }[];
}

export type RecipientRole = 'responsible' | 'lead-contact' | 'co-contact' | 'head';

/** What a message says about one task (rendered later, in the recipient's language). */
export interface ReminderFacts {
  taskId: string;
  code: string;
  title: string;
  deadline: string;
  /** 临期: days left; 逾期: days past the deadline. */
  days?: number;
  /** 报送: the period (`YYYY-MM`) and its cut-off day. */
  period?: string;
  cutoff?: string;
  /** 退回 / manual: the supervisor's words. */
  note?: string | null;
}

/** One reminder owed to one person on one day, before channels. */
export interface DueReminder {
  taskId: string;
  rule: ReminderRule;
  recipientId: string;
  role: RecipientRole;
  day: string;
  /** What makes it unique besides task, rule and person: the day, or a manual 催办's id. */
  ref: string;
  /** Manual 催办: when it was asked for (it goes out at once). */
  at?: string;
  facts: ReminderFacts;
}

/** Tasks nobody should be chased about: done, paused, or waiting on the 督查室's review. */
const QUIET_STATUSES: readonly TaskStatus[] = ['closed', 'suspended', 'pending-review'];

const facts = (t: Task, extra: Partial<ReminderFacts> = {}): ReminderFacts => ({
  taskId: t.id,
  code: t.code,
  title: t.title,
  deadline: t.deadline,
  ...extra,
});

/** The unit's contact: as configured, else its first staff member (the seed's usual responsible person). */
export function unitContact(people: readonly Person[], rules: ReminderRules, unitId: string): string | null {
  const set = rules.unitContacts[unitId];
  if (set && people.some((p) => p.id === set)) return set;
  return people.find((p) => p.unitId === unitId && p.role === 'staff')?.id ?? null;
}

/**
 * How many deadline reminders (临期, 逾期, manual) a task has had by the end of `day`: derived from
 * the calendar, so escalation needs no history table and every process counts the same.
 */
export function reminderCount(
  t: Task,
  day: string,
  rules: ReminderRules,
  manualDays: readonly string[],
): number {
  let n = manualDays.filter((d) => d <= day).length;
  if (rules.enabled['due-soon'])
    for (const o of rules.dueSoonDays) {
      const d = addDays(t.deadline, -o);
      if (d <= day && d >= t.startDate) n++;
    }
  const over = diffDays(t.deadline, day);
  if (rules.enabled.overdue && over >= 1) n += Math.floor((over - 1) / rules.overdueEveryDays) + 1;
  return n;
}

function recipients(
  data: ReminderData,
  rules: ReminderRules,
  t: Task,
  escalate: boolean,
  withCo: boolean,
): { id: string; role: RecipientRole }[] {
  const out: { id: string; role: RecipientRole }[] = [];
  const add = (id: string | null | undefined, role: RecipientRole) => {
    if (id && !out.some((r) => r.id === id) && data.people.some((p) => p.id === id)) out.push({ id, role });
  };
  add(t.responsiblePersonId, 'responsible');
  add(unitContact(data.people, rules, t.leadUnitId), 'lead-contact');
  if (withCo && rules.includeCoUnits)
    for (const u of t.coUnitIds) add(unitContact(data.people, rules, u), 'co-contact');
  if (escalate) add(rules.unitHeads[t.leadUnitId], 'head');
  return out;
}

const cstDay = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Every reminder owed on `day` (Beijing calendar), before channels and preferences. Pure and total:
 * the scheduler calls it for "today" as often as it likes, and the idempotency key makes repeats harmless.
 * Manual 催办 of `day` and the day before are included (a restart across midnight loses none).
 */
export function dueReminders(data: ReminderData, day: string, rules: ReminderRules): DueReminder[] {
  const out: DueReminder[] = [];
  const manualByTask = new Map<string, { id: string; at: string; byId: string; message: string | null }[]>();
  for (const r of data.reminders ?? []) {
    const list = manualByTask.get(r.taskId) ?? [];
    list.push(r);
    manualByTask.set(r.taskId, list);
  }
  const reportsByTask = new Map<string, ProgressReport[]>();
  for (const r of data.reports) {
    const list = reportsByTask.get(r.taskId) ?? [];
    list.push(r);
    reportsByTask.set(r.taskId, list);
  }
  const period = periodOf(day);
  const cutoff = periodEnd(period);
  for (const t of data.tasks) {
    const manual = manualByTask.get(t.id) ?? [];
    const manualDays = manual.map((m) => cstDay(m.at));
    const escalate = reminderCount(t, day, rules, manualDays) > rules.escalateAfter;
    const push = (rule: ReminderRule, f: ReminderFacts, withCo: boolean, ref = day, at?: string) => {
      for (const r of recipients(data, rules, t, escalate && rule !== 'report-due', withCo))
        out.push({
          taskId: t.id,
          rule,
          recipientId: r.id,
          role: r.role,
          day,
          ref,
          facts: f,
          ...(at ? { at } : {}),
        });
    };
    if (t.startDate > day) continue;
    const chased = !QUIET_STATUSES.includes(t.status);
    const left = diffDays(day, t.deadline);
    if (chased && rules.enabled['due-soon'] && rules.dueSoonDays.includes(left))
      push('due-soon', facts(t, { days: left }), true);
    if (chased && rules.enabled.overdue && left <= -1 && (-left - 1) % rules.overdueEveryDays === 0)
      push('overdue', facts(t, { days: -left }), true);
    const own = reportsByTask.get(t.id) ?? [];
    if (
      rules.enabled['report-due'] &&
      REPORTABLE.includes(t.status) &&
      diffDays(day, cutoff) === rules.reportDueDays &&
      t.startDate <= cutoff &&
      !own.some((r) => r.period === period)
    )
      push('report-due', facts(t, { period, cutoff }), false);
    const last = own
      .slice()
      .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))
      .at(-1);
    if (
      rules.enabled.returned &&
      t.status !== 'closed' &&
      last?.reviewState === 'returned' &&
      last.reviewedAt &&
      diffDays(cstDay(last.reviewedAt), day) === rules.returnedAfterDays
    )
      push('returned', facts(t, { note: last.reviewComment }), false);
    if (rules.enabled.manual && t.status !== 'closed')
      for (const m of manual) {
        const d = cstDay(m.at);
        if (d === day || d === addDays(day, -1))
          push('manual', facts(t, { note: m.message }), true, m.id, m.at);
      }
  }
  return out;
}

/** The idempotency key of one reminder on one channel: (rule, task, recipient, day or 催办 id, channel). */
export function reminderKey(
  r: Pick<DueReminder, 'rule' | 'taskId' | 'recipientId' | 'ref'>,
  channel: string,
) {
  return `${r.rule}|${r.taskId}|${r.recipientId}|${r.ref}|${channel}`;
}
