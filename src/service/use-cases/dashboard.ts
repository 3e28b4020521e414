import { api, type KpiKey, type TaskBrief, type TaskRow, type UnitScore } from '../../domain/contract';
import { addDays } from '../../domain/dates';
import { quarterOf, quarterRange } from '../../domain/quarter';
import { lastDuePeriod, periodEnd, periodOf } from '../../domain/reporting';
import {
  aggregateTasks,
  countTasks,
  type DirectiveAggregate,
  emptyCounts,
  type RollupTask,
  rollupOf,
  sampleDays,
  snapshot,
  type TaskCounts,
} from '../../domain/rollup';
import type { Person, Task } from '../../domain/schemas';
import type { Warning } from '../../domain/warnings';
import type { Db } from '../db';
import { refuse } from '../result';
import { defineRead } from '../runner';
import { memo, memoAsync, memoHas, reportsByTask, views } from '../views';
import { maySee, prepareScores, scoresOf as quarterScores, reviewQuarters } from './assessments';

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
function rowsAt(data: Db, day: string, date: string, byTask: () => ReturnType<typeof reportsByTask>): Row[] {
  if (date >= day) return views(data, day).rows;
  return snapshot(data.tasks, byTask(), date);
}

/**
 * A unit's score per quarter, from the one scoring path of 季度考核 (published snapshot, or computed
 * with the stored adjustments). Unpublished quarters, the running one included, only for the 督查室.
 */
function scoresOf(data: Db, actor: Person, unitId: string, day: string, withRunning: boolean): UnitScore[] {
  const running = quarterOf(day);
  const out: UnitScore[] = [];
  for (const quarter of reviewQuarters(data, day)) {
    if (quarter === running && !withRunning) continue;
    if (!maySee(data, actor, quarter)) continue;
    // Looked up by unit (the unit list asks this for every unit and quarter).
    const s = memo(
      data,
      `scores-by-unit|${quarter}|${day}`,
      () => new Map(quarterScores(data, quarter, day).map((x) => [x.unitId, x])),
    ).get(unitId);
    if (!s) continue;
    // Reads only (a memo on a write's working set could go stale within the write).
    const published = memo(
      data,
      'published-quarters',
      () => new Set(data.assessments.filter((a) => a.published).map((a) => a.quarter)),
    ).has(quarter);
    out.push({
      quarter,
      score: s.score,
      rating: s.rating,
      breakdown: s.breakdown,
      published,
      provisional: quarter === running && !published,
    });
  }
  return out;
}

/** The quarters whose scores this person may see (the running one only for the 督查室). */
const visibleQuarters = (data: Db, actor: Person, day: string) =>
  reviewQuarters(data, day).filter((q) => maySee(data, actor, q));

/** Reports the unit owes as lead: the current month's (not in yet) and a missed last month. */
function reportsDueOf(
  lead: readonly TaskRow[],
  day: string,
  periodsOf: (taskId: string) => ReadonlySet<string>,
) {
  const current = periodOf(day);
  const missedPeriod = lastDuePeriod(day);
  const out = [];
  for (const r of lead) {
    if (!isOpen(r) || r.status === 'pending-review' || r.status === 'assigned') continue;
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
    if (!periodsOf(r.id).has(current))
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

/** Task counts per unit as lead and as cooperating unit, from the snapshot's rows. */
function unitCountsOf(data: Db, day: string): Map<string, { lead: TaskCounts; co: TaskCounts }> {
  const lead = new Map<string, TaskRow[]>();
  const co = new Map<string, TaskRow[]>();
  const push = (m: Map<string, TaskRow[]>, k: string, r: TaskRow) => {
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  };
  for (const r of views(data, day).rows) {
    push(lead, r.leadUnitId, r);
    for (const u of r.coUnitIds) push(co, u, r);
  }
  const out = new Map<string, { lead: TaskCounts; co: TaskCounts }>();
  for (const id of new Set([...lead.keys(), ...co.keys()]))
    out.set(id, { lead: countTasks(lead.get(id) ?? []), co: countTasks(co.get(id) ?? []) });
  return out;
}

/** Provincial directives and how many of them some lower-level directive implements. */
function alignmentSummary(data: Db) {
  const province = new Set(data.meetings.filter((m) => m.level === 'province').map((m) => m.id));
  const higher = data.directives.filter((d) => province.has(d.meetingId));
  const implemented = new Set(data.directives.flatMap((d) => d.implements));
  return { higher: higher.length, covered: higher.filter((d) => implemented.has(d.id)).length };
}

/** What the dashboard is made of, from the snapshot in process or from the store's SQL. */
interface DashboardParts {
  counts: (date: string) => TaskCounts;
  directives: Map<string, DirectiveAggregate>;
  upcoming: { items: TaskBrief[]; total: number };
  overdue: { items: TaskBrief[]; total: number };
}

function partsInProcess(data: Db, day: string, asOf: string): DashboardParts {
  let grouped: ReturnType<typeof reportsByTask> | null = null;
  // Grouped once per request, and only when a past day has to be rebuilt.
  const byTask = () => (grouped ??= reportsByTask(data.reports));
  const now = rowsAt(data, day, asOf, byTask);
  const taskById = new Map(data.tasks.map((t) => [t.id, t]));
  const briefs = now.map((r) => brief(taskById.get(r.id)!, r));
  const upcoming = briefs
    .filter((b) => isOpen(b) && b.daysLeft >= 0 && b.daysLeft <= UPCOMING_DAYS)
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.code.localeCompare(b.code));
  const overdue = briefs
    .filter((b) => b.warning === 'overdue')
    .sort((a, b) => b.overdueDays - a.overdueDays || a.code.localeCompare(b.code));
  return {
    counts: (date) => (date === asOf ? countTasks(now) : countTasks(rowsAt(data, day, date, byTask))),
    directives: aggregateTasks(now),
    upcoming: { items: upcoming.slice(0, UPCOMING_LIST), total: upcoming.length },
    overdue: { items: overdue.slice(0, OVERDUE_LIST), total: overdue.length },
  };
}

export const dashboard = defineRead(api.dashboard, async ({ data, models, query: q, today: day }) => {
  const quarter = q.quarter ?? quarterOf(day);
  const { start, end } = quarterRange(quarter);
  if (start > day)
    return refuse('bad-request', `季度尚未开始：${quarter}`, {
      fields: [{ path: 'quarter', message: 'quarter has not started' }],
    });
  // A past quarter is seen as of its last day, the running one as of today (ISO dates sort as strings).
  const asOf = [end, day].sort()[0]!;
  const before = addDays(start, -1);
  const trendDays = sampleDays(start, asOf);
  // Rebuilding past days is the costly part on a large dataset; nothing changes until the data or the day does.
  const key = `dashboard|${quarter}|${day}`;
  let parts: DashboardParts | null = null;
  if (models && !memoHas(data, key)) {
    const m = await memoAsync(data, `sql-${key}`, () =>
      models.dashboard({
        today: day,
        asOf,
        days: [...new Set([before, ...trendDays, asOf])],
        upcomingDays: UPCOMING_DAYS,
        upcomingLimit: UPCOMING_LIST,
        overdueLimit: OVERDUE_LIST,
      }),
    );
    parts = { ...m, counts: (date) => m.counts.get(date)! };
  }
  return memo(data, key, () => {
    const p = parts ?? partsInProcess(data, day, asOf);
    const nowKpi = kpiValues(p.counts(asOf));
    const startKpi = kpiValues(p.counts(before));
    const kpis = Object.fromEntries(
      (Object.keys(nowKpi) as KpiKey[]).map((k) => [
        k,
        { value: nowKpi[k], start: startKpi[k], delta: nowKpi[k] - startKpi[k] },
      ]),
    ) as Record<KpiKey, { value: number; start: number; delta: number }>;
    const trend = trendDays.map((date) => {
      const c = p.counts(date);
      return {
        date,
        closed: c.closed,
        onTrack: c.onTrack,
        atRisk: c.atRisk,
        overdue: c.overdue,
        noReport: c.noReport,
      };
    });
    return {
      asOf,
      quarter,
      quarterStart: start,
      kpis,
      rollup: rollupOf(data.directives, p.directives),
      meetings: data.meetings.map(({ id, title, date, level }) => ({ id, title, date, level })),
      alignment: alignmentSummary(data),
      upcoming: p.upcoming.items,
      upcomingTotal: p.upcoming.total,
      upcomingDays: UPCOMING_DAYS,
      overdue: p.overdue.items,
      overdueTotal: p.overdue.total,
      trend,
    };
  });
});

export const unitSummaries = defineRead(api.unitSummaries, async (ctx) => {
  const { data, actor, models, today: day } = ctx;
  await prepareScores(ctx, visibleQuarters(data, actor, day), day);
  const counts = models
    ? await memoAsync(data, `unit-counts|${day}`, () => models.unitCounts(day))
    : unitCountsOf(data, day);
  return data.units.map((unit) => {
    const latest = scoresOf(data, actor, unit.id, day, false).at(-1);
    const c = counts.get(unit.id);
    return {
      unit,
      lead: c?.lead ?? emptyCounts(),
      co: c?.co ?? emptyCounts(),
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
});

export const unitDetail = defineRead(api.unitDetail, async (ctx) => {
  const { data, actor, models, params, today: day } = ctx;
  const unit = data.units.find((u) => u.id === params.id);
  if (!unit) return refuse('not-found', `单位不存在：${params.id}`);
  await prepareScores(ctx, visibleQuarters(data, actor, day), day);
  let lead: TaskRow[];
  let co: TaskRow[];
  let periodsOf: (taskId: string) => ReadonlySet<string>;
  if (models) {
    const found = await memoAsync(data, `unit-tasks|${unit.id}|${day}`, () => models.unitTasks(unit.id, day));
    ({ lead, co } = found);
    periodsOf = (id) => found.periods.get(id) ?? new Set();
  } else {
    const rows = views(data, day).rows;
    lead = rows.filter((r) => r.leadUnitId === unit.id);
    co = rows.filter((r) => r.coUnitIds.includes(unit.id));
    const byTask = reportsByTask(data.reports);
    periodsOf = (id) => new Set((byTask.get(id) ?? []).map((x) => x.period));
  }
  return {
    unit,
    asOf: day,
    lead,
    co,
    reportsDue: reportsDueOf(lead, day, periodsOf),
    scores: scoresOf(data, actor, unit.id, day, true),
  };
});
