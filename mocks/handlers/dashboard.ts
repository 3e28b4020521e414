import { today } from '../../src/domain/clock';
import { api, type KpiKey, type TaskBrief, type TaskRow, type UnitScore } from '../../src/domain/contract';
import { addDays } from '../../src/domain/dates';
import { quarterOf, quarterRange } from '../../src/domain/quarter';
import { lastDuePeriod, periodEnd, periodOf } from '../../src/domain/reporting';
import {
  countTasks,
  type RollupTask,
  rollup,
  sampleDays,
  snapshot,
  type TaskCounts,
} from '../../src/domain/rollup';
import type { Person, Task } from '../../src/domain/schemas';
import { scoreQuarter } from '../../src/domain/scoring';
import type { Warning } from '../../src/domain/warnings';
import type { MockDb } from '../db/store';
import { reportsByTask, views } from '../db/views';
import { errorResponse, read } from '../http';

const UPCOMING_DAYS = 30;
const OVERDUE_LIST = 10;
const UPCOMING_LIST = 12;

type Row = RollupTask & { warning: Pick<Warning, 'kind' | 'overdueDays' | 'daysLeft'> };

const isOpen = (r: Pick<Task, 'status'>) => r.status !== 'closed' && r.status !== 'suspended';

function brief(task: Task, row: Row): TaskBrief {
  return {
    id: task.id,
    code: task.code,
    title: task.title,
    deadline: task.deadline,
    leadUnitId: task.leadUnitId,
    progress: row.status === 'closed' ? 100 : row.progress,
    status: row.status,
    warning: row.warning.kind,
    overdueDays: row.warning.overdueDays,
    daysLeft: row.warning.daysLeft,
    directiveId: task.directiveId,
  };
}

const kpiValues = (c: TaskCounts): Record<KpiKey, number> => ({
  scope: c.total,
  closed: c.closed,
  onTrack: c.onTrack,
  atRisk: c.atRisk,
  overdue: c.overdue,
  noReport: c.noReport,
});

/** Rows as they stood at the end of `date`; today's are the live rows, so the ledger agrees exactly. */
function rowsAt(db: MockDb, date: string, byTask: () => ReturnType<typeof reportsByTask>): Row[] {
  if (date >= today()) return views(db).rows;
  return snapshot(db.data.tasks, byTask(), date);
}

/** Supervisors see scores before they are published; everyone else sees published ones only. */
const seesUnpublished = (actor: Person) => actor.role === 'supervisor';

function scoresOf(db: MockDb, actor: Person, unitId: string, withRunning: boolean): UnitScore[] {
  const out: UnitScore[] = db.data.assessments
    .filter((a) => a.unitId === unitId && (a.published || seesUnpublished(actor)))
    .sort((a, b) => a.quarter.localeCompare(b.quarter))
    .map((a) => ({
      quarter: a.quarter,
      score: a.score,
      rating: a.rating,
      breakdown: a.breakdown,
      published: a.published,
      provisional: false,
    }));
  if (withRunning) {
    const day = today();
    const running = quarterOf(day);
    if (!out.some((s) => s.quarter === running)) {
      const s = scoreQuarter(running, db.data.tasks, db.data.reports, day, db.data.settings.scoring).find(
        (x) => x.unitId === unitId,
      );
      if (s)
        out.push({
          quarter: running,
          score: s.score,
          rating: s.rating,
          breakdown: s.breakdown,
          published: false,
          provisional: true,
        });
    }
  }
  return out;
}

/** Reports the unit owes as lead: the current month's (not in yet) and a missed last month. */
function reportsDueOf(db: MockDb, lead: readonly TaskRow[]) {
  const day = today();
  const current = periodOf(day);
  const missedPeriod = lastDuePeriod(day);
  const byTask = reportsByTask(db.data.reports);
  const out = [];
  for (const r of lead) {
    if (!isOpen(r) || r.status === 'pending-review' || r.status === 'assigned') continue;
    const periods = new Set((byTask.get(r.id) ?? []).map((x) => x.period));
    if (r.warning.flags.includes('not-reported')) {
      out.push({
        taskId: r.id,
        code: r.code,
        title: r.title,
        period: missedPeriod,
        dueDate: periodEnd(missedPeriod),
        state: 'missing' as const,
      });
    }
    if (!periods.has(current))
      out.push({
        taskId: r.id,
        code: r.code,
        title: r.title,
        period: current,
        dueDate: periodEnd(current),
        state: 'due' as const,
      });
  }
  return out.sort((a, b) =>
    a.state === b.state ? a.code.localeCompare(b.code) : a.state === 'missing' ? -1 : 1,
  );
}

/** Provincial directives and how many of them some lower-level directive implements. */
function alignmentSummary(db: MockDb) {
  const province = new Set(db.data.meetings.filter((m) => m.level === 'province').map((m) => m.id));
  const higher = db.data.directives.filter((d) => province.has(d.meetingId));
  const implemented = new Set(db.data.directives.flatMap((d) => d.implements));
  return { higher: higher.length, covered: higher.filter((d) => implemented.has(d.id)).length };
}

let memo: { key: string; data: unknown; revision: number; value: unknown } | null = null;

export const dashboardHandlers = [
  read(api.dashboard, ({ db }, q) => {
    const day = today();
    const quarter = q.quarter ?? quarterOf(day);
    const { start, end } = quarterRange(quarter);
    if (start > day)
      return errorResponse('bad-request', `季度尚未开始：${quarter}`, {
        fields: [{ path: 'quarter', message: 'quarter has not started' }],
      });
    // A past quarter is seen as of its last day, the running one as of today (ISO dates sort as strings).
    const asOf = [end, day].sort()[0]!;
    // Rebuilding past days is the costly part on a large dataset; nothing changes until the data or the day does.
    const key = `${quarter}|${day}`;
    if (memo && memo.key === key && memo.data === db.data && memo.revision === db.revision) return memo.value;
    let grouped: ReturnType<typeof reportsByTask> | null = null;
    // Grouped once per request, and only when a past day has to be rebuilt.
    const byTask = () => (grouped ??= reportsByTask(db.data.reports));
    const now = rowsAt(db, asOf, byTask);
    const before = rowsAt(db, addDays(start, -1), byTask);
    const nowKpi = kpiValues(countTasks(now));
    const startKpi = kpiValues(countTasks(before));
    const kpis = Object.fromEntries(
      (Object.keys(nowKpi) as KpiKey[]).map((k) => [
        k,
        { value: nowKpi[k], start: startKpi[k], delta: nowKpi[k] - startKpi[k] },
      ]),
    ) as Record<KpiKey, { value: number; start: number; delta: number }>;
    const taskById = new Map(db.data.tasks.map((t) => [t.id, t]));
    const briefs = now.map((r) => brief(taskById.get(r.id)!, r));
    const upcoming = briefs
      .filter((b) => isOpen(b) && b.daysLeft >= 0 && b.daysLeft <= UPCOMING_DAYS)
      .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.code.localeCompare(b.code));
    const overdue = briefs
      .filter((b) => b.warning === 'overdue')
      .sort((a, b) => b.overdueDays - a.overdueDays || a.code.localeCompare(b.code));
    const trend = sampleDays(start, asOf).map((date) => {
      const c = countTasks(rowsAt(db, date, byTask));
      return {
        date,
        closed: c.closed,
        onTrack: c.onTrack,
        atRisk: c.atRisk,
        overdue: c.overdue,
        noReport: c.noReport,
      };
    });
    const value = {
      asOf,
      quarter,
      quarterStart: start,
      kpis,
      rollup: rollup(db.data.directives, now),
      meetings: db.data.meetings.map(({ id, title, date, level }) => ({ id, title, date, level })),
      alignment: alignmentSummary(db),
      upcoming: upcoming.slice(0, UPCOMING_LIST),
      upcomingTotal: upcoming.length,
      upcomingDays: UPCOMING_DAYS,
      overdue: overdue.slice(0, OVERDUE_LIST),
      overdueTotal: overdue.length,
      trend,
    };
    memo = { key, data: db.data, revision: db.revision, value };
    return value;
  }),
  read(api.unitSummaries, ({ db, actor }) => {
    const lead = new Map<string, TaskRow[]>();
    const co = new Map<string, TaskRow[]>();
    const push = (m: Map<string, TaskRow[]>, k: string, r: TaskRow) => {
      const list = m.get(k);
      if (list) list.push(r);
      else m.set(k, [r]);
    };
    for (const r of views(db).rows) {
      push(lead, r.leadUnitId, r);
      for (const u of r.coUnitIds) push(co, u, r);
    }
    return db.data.units.map((unit) => {
      const latest = scoresOf(db, actor, unit.id, false).at(-1);
      return {
        unit,
        lead: countTasks(lead.get(unit.id) ?? []),
        co: countTasks(co.get(unit.id) ?? []),
        latestScore: latest
          ? {
              quarter: latest.quarter,
              score: latest.score,
              rating: latest.rating,
              published: latest.published,
              provisional: latest.provisional,
            }
          : null,
      };
    });
  }),
  read(api.unitDetail, ({ db, actor, params }) => {
    const unit = db.data.units.find((u) => u.id === params.id);
    if (!unit) return errorResponse('not-found', `单位不存在：${params.id}`);
    const rows = views(db).rows;
    const lead = rows.filter((r) => r.leadUnitId === unit.id);
    return {
      unit,
      asOf: today(),
      lead,
      co: rows.filter((r) => r.coUnitIds.includes(unit.id)),
      reportsDue: reportsDueOf(db, lead),
      scores: scoresOf(db, actor, unit.id, true),
    };
  }),
];
