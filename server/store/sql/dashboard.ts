import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { TaskBrief } from '../../../src/domain/contract';
import { type DirectiveAggregate, emptyCounts, type TaskCounts } from '../../../src/domain/rollup';
import type { DashboardArgs, DashboardModel } from '../../../src/service/port';
import type { AnyDb } from '../connect';
import { bucketSql, cstDay, warningDayParams, warningKindAt } from './warning';

/**
 * The 总览 dashboard's read model in SQL (src/service/use-cases/dashboard.ts in process): the tasks
 * as they stood at the end of each day the dashboard shows — live rows for today, rows rebuilt from
 * the closing day and the newest report by then for a past day (src/domain/rollup.ts `taskAsOf`) —
 * counted per bucket, plus the directive sums of the roll-up and the two short lists. Only counts,
 * per-directive sums and list rows leave the database.
 */

type Executor = Kysely<AnyDb> | Transaction<AnyDb>;

/** The rows of every day in `days(d, due_start, owed_by, live)`, with status, progress and warning kind. */
function rowsAt(days: readonly string[], today: string): RawBuilder<unknown> {
  const values = days.map((d) => {
    const p = warningDayParams(d);
    return sql`(${p.day}::date, ${p.dueStart}::date, ${p.owedBy}::date, ${d >= today}::boolean)`;
  });
  const closed = cstDay(sql`t.closed_at`);
  return sql`
    days(d, due_start, owed_by, live) as (values ${sql.join(values)}),
    at_day as (
      select dd.d, t.id, t.ord, t.code, t.title, t.lead_unit_id, t.directive_id, t.start_date, t.deadline,
        t.status, t.progress, ${cstDay(sql`lr.submitted_at`)} as last_day
      from days dd cross join tasks t
      left join task_last_report lr on lr.task_id = t.id
      where dd.live
      union all
      select dd.d, t.id, t.ord, t.code, t.title, t.lead_unit_id, t.directive_id, t.start_date, t.deadline,
        case
          when ${closed} <= dd.d then 'closed'
          when t.status = 'closed' or (t.status = 'pending-review' and not coalesce(l.final, false))
            then case when l.final and l.review_state <> 'returned' then 'pending-review' else 'in-progress' end
          else t.status end,
        case when ${closed} <= dd.d then 100 else coalesce(l.progress, 0) end,
        l.day
      from days dd
      join tasks t on not dd.live and ${cstDay(sql`t.created_at`)} <= dd.d
      left join lateral (
        select r.progress, r.final, r.review_state, ${cstDay(sql`r.submitted_at`)} as day
        from reports r
        -- Submitted by the end of the day in CST: a range on (task_id, submitted_at), one index descent.
        where r.task_id = t.id and r.submitted_at < ((dd.d + 1)::timestamp at time zone interval '+08:00')
        order by r.submitted_at desc, r.ord asc
        limit 1) l on true
    ),
    classified as (
      select a.*, k.kind, ${bucketSql(sql`a.status`, sql`k.kind`)} as bucket
      from at_day a
      join days dd on dd.d = a.d
      cross join lateral (select ${warningKindAt(
        {
          status: sql`a.status`,
          progress: sql`a.progress`,
          startDate: sql`a.start_date`,
          deadline: sql`a.deadline`,
          lastDay: sql`a.last_day`,
        },
        { day: sql`dd.d`, dueStart: sql`dd.due_start`, owedBy: sql`dd.owed_by` },
      )} as kind) k
    )`;
}

type Brief = [string, string, string, string, string, number, string, string, number, number, string | null];

const briefOf = ([
  id,
  code,
  title,
  deadline,
  leadUnitId,
  progress,
  status,
  warning,
  overdueDays,
  daysLeft,
  directiveId,
]: Brief): TaskBrief =>
  ({
    id,
    code,
    title,
    deadline,
    leadUnitId,
    progress,
    status,
    warning,
    overdueDays,
    daysLeft,
    directiveId,
  }) as TaskBrief;

export async function dashboardSql(db: Executor, a: DashboardArgs): Promise<DashboardModel> {
  const countsRes = await sql<{ d: string; bucket: keyof TaskCounts; n: number }>`
    with ${rowsAt(a.days, a.today)}
    select to_char(d, 'YYYY-MM-DD') as d, bucket, count(*)::int as n from classified group by d, bucket`.execute(
    db,
  );
  const counts = new Map<string, TaskCounts>(a.days.map((d) => [d, emptyCounts()]));
  for (const r of countsRes.rows) {
    const c = counts.get(r.d)!;
    c[r.bucket] += r.n;
    c.total += r.n;
  }
  const brief = sql`json_build_array(b.id, b.code, b.title, to_char(b.deadline, 'YYYY-MM-DD'), b.lead_unit_id,
    case when b.status = 'closed' then 100 else b.progress end, b.status, b.kind, b.overdue_days, b.days_left, b.directive_id)`;
  const res = await sql<{
    directives: [string, Record<string, number>, number, number][] | null;
    upcoming: Brief[] | null;
    upcoming_total: number;
    overdue: Brief[] | null;
    overdue_total: number;
  }>`
    with ${rowsAt([a.asOf], a.today)},
    now as materialized (
      select c.*, c.deadline - c.d as days_left,
        case when c.status in ('closed', 'suspended') then 0 else greatest(0, c.d - c.deadline) end as overdue_days
      from classified c
    ),
    per_directive as (
      select directive_id,
        sum(case when status = 'suspended' then 0 when status = 'closed' then 100 else progress end)::int as psum,
        count(*) filter (where status <> 'suspended')::int as pn
      from now where directive_id is not null group by directive_id
    ),
    per_bucket as (
      select directive_id, json_object_agg(bucket, n) as buckets
      from (select directive_id, bucket, count(*)::int as n from now where directive_id is not null
            group by directive_id, bucket) x
      group by directive_id
    ),
    upcoming as (
      select * from now
      where status not in ('closed', 'suspended') and days_left between 0 and ${a.upcomingDays}
    ),
    late as (select * from now where kind = 'overdue')
    select
      (select json_agg(json_build_array(p.directive_id, b.buckets, p.psum, p.pn))
        from per_directive p join per_bucket b on b.directive_id = p.directive_id) as directives,
      (select json_agg(${brief} order by b.deadline, b.code collate "C")
        from (select * from upcoming order by deadline, code collate "C" limit ${a.upcomingLimit}) b) as upcoming,
      (select count(*)::int from upcoming) as upcoming_total,
      (select json_agg(${brief} order by b.overdue_days desc, b.code collate "C")
        from (select * from late order by overdue_days desc, code collate "C" limit ${a.overdueLimit}) b) as overdue,
      (select count(*)::int from late) as overdue_total`.execute(db);
  const row = res.rows[0]!;
  const directives = new Map<string, DirectiveAggregate>();
  for (const [id, buckets, progressSum, progressN] of row.directives ?? []) {
    const c = emptyCounts();
    for (const [k, n] of Object.entries(buckets)) {
      c[k as keyof TaskCounts] += n;
      c.total += n;
    }
    directives.set(id, { counts: c, progressSum, progressN });
  }
  return {
    counts,
    directives,
    upcoming: { items: (row.upcoming ?? []).map(briefOf), total: row.upcoming_total },
    overdue: { items: (row.overdue ?? []).map(briefOf), total: row.overdue_total },
  };
}
