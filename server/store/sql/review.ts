import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import {
  type Counts,
  type GroupRow,
  NONE_KEY,
  type QuarterAggregate,
  withRates,
} from '../../../src/domain/aggregations';
import type { LevelFilter, Review } from '../../../src/domain/contract';
import { quarterRange } from '../../../src/domain/quarter';
import { scoringAsOf } from '../../../src/domain/scoring';
import { DEFAULT_WARNING_CONFIG, WARNING_KINDS, type WarningKind } from '../../../src/domain/warnings';
import type { AnyDb } from '../connect';
import { cstDay, warningDayParams } from './warning';

/**
 * The 季度考核 review's charts and lists in SQL (src/domain/aggregations.ts `aggregateIndexed` and
 * use-cases/assessments-review.ts in process): per quarter, the tasks in scope counted per lead unit,
 * directive, speaker and meeting, the warning lights of the open ones as they stood on the as-of
 * day, and the overdue and sent-back lists. Only counts and list rows leave the database.
 */

type Executor = Kysely<AnyDb> | Transaction<AnyDb>;

export interface ReviewArgs {
  quarters: readonly string[];
  /** The selected quarter (the last of `quarters`): its lists. */
  quarter: string;
  level: LevelFilter;
  today: string;
  listLimit: number;
}

export interface ReviewModel {
  aggregates: QuarterAggregate[];
  overdue: Review['overdue'];
  sentBack: Review['sentBack'];
}

function levelCond(level: LevelFilter): RawBuilder<unknown> {
  if (level === 'province') return sql`u.level = 'province-dept'`;
  if (level === 'city') return sql`u.level <> 'province-dept'`;
  return sql`true`;
}

type Kind = 'unit' | 'dir' | 'speaker' | 'meeting' | 'total';
type GroupTuple = [
  q: string,
  kind: Kind,
  key: string,
  total: number,
  done: number,
  onTime: number,
  due: number,
  inProgress: number,
  overdue: number,
];

export async function reviewSql(db: Executor, a: ReviewArgs): Promise<ReviewModel> {
  const closed = cstDay(sql`t.closed_at`);
  const values = a.quarters.map((q) => {
    const asOf = scoringAsOf(q, a.today);
    const p = warningDayParams(asOf);
    return sql`(${q}::text, ${quarterRange(q).start}::date, ${asOf}::date, ${asOf >= a.today}::boolean, ${p.dueStart}::date, ${p.owedBy}::date)`;
  });
  const cfg = DEFAULT_WARNING_CONFIG;
  const res = await sql<{ groups: GroupTuple[] | null; warnings: [string, number, number][] | null }>`
    with qv(q, qs, a, live, dms, dme) as (values ${sql.join(values)}),
    lt as materialized (
      select t.id, t.ord, t.lead_unit_id, coalesce(t.directive_id, ${NONE_KEY}) as dir,
        coalesce(d.speaker, ${NONE_KEY}) as speaker, coalesce(d.meeting_id, ${NONE_KEY}) as meeting,
        t.start_date, t.deadline, ${closed} as closed, t.status, t.progress
      from tasks t join units u on u.id = t.lead_unit_id left join directives d on d.id = t.directive_id
      where ${levelCond(a.level)}
    ),
    -- Groups are listed in the order their first task appears (the in-process index's order).
    firsts as (
      select 'unit' as kind, lead_unit_id as key, min(ord) as o from lt group by lead_unit_id
      union all select 'dir', dir, min(ord) from lt group by dir
      union all select 'speaker', speaker, min(ord) from lt group by speaker
      union all select 'meeting', meeting, min(ord) from lt group by meeting
    ),
    sc as materialized (
      select qv.q, qv.a, qv.live, qv.dms, qv.dme, lt.*,
        (lt.closed is not null and lt.closed <= qv.a) as done,
        (lt.closed is not null and lt.closed <= qv.a and lt.closed <= lt.deadline) as on_time,
        ((lt.closed is not null and lt.closed <= qv.a) or lt.deadline <= qv.a) as is_due,
        (not (lt.closed is not null and lt.closed <= qv.a) and lt.status <> 'suspended' and lt.deadline < qv.a) as late
      from qv join lt on lt.start_date <= qv.a and (lt.closed is null or lt.closed >= qv.qs)
    ),
    grouped as (
      select q, kind, key, count(*)::int as total, count(*) filter (where done)::int as done,
        count(*) filter (where on_time)::int as on_time, count(*) filter (where is_due)::int as due,
        count(*) filter (where not done and not late)::int as in_progress, count(*) filter (where late)::int as overdue
      from (
        select q, 'unit' as kind, lead_unit_id as key, done, on_time, is_due, late from sc
        union all select q, 'dir', dir, done, on_time, is_due, late from sc
        union all select q, 'speaker', speaker, done, on_time, is_due, late from sc
        union all select q, 'meeting', meeting, done, on_time, is_due, late from sc
        union all select q, 'total', '', done, on_time, is_due, late from sc
      ) x group by q, kind, key
    ),
    open_rows as (
      select sc.q, sc.live, sc.a, sc.dms, sc.dme, sc.status, sc.start_date, sc.deadline,
        case when sc.live then sc.progress else coalesce(l.progress, 0) end as progress, l.day as last_day
      from sc
      left join lateral (
        -- The newest report by day (the latest stored among one day's), as the in-process index sorts.
        select ${cstDay(sql`r.submitted_at`)} as day, r.progress from reports r
        where r.task_id = sc.id and r.submitted_at < ((sc.a + 1)::timestamp at time zone interval '+08:00')
        order by 1 desc, r.ord desc limit 1) l on true
      where not sc.done and sc.status <> 'suspended'
    ),
    warned as (
      select q, case
        when deadline - a < 0 then 0
        when deadline - a <= ${cfg.dueSoonDays} then 1
        when progress < ${cfg.behindRatio}::float8
          * floor((least(greatest(1, deadline - start_date), greatest(0, a - start_date))::float8
            / greatest(1, deadline - start_date)) * 100 + 0.5) then 2
        when start_date <= dme and (last_day is null or last_day < dms)
          and not (live and status = 'pending-review') then 3
        else 4 end as w
      from open_rows
    )
    select
      (select json_agg(json_build_array(g.q, g.kind, g.key, g.total, g.done, g.on_time, g.due, g.in_progress, g.overdue)
         order by g.q, g.kind, f.o) from grouped g left join firsts f on f.kind = g.kind and f.key = g.key) as groups,
      (select json_agg(json_build_array(q, w, n)) from (select q, w, count(*)::int as n from warned group by q, w) x) as warnings`.execute(
    db,
  );
  const row = res.rows[0]!;
  const aggregates = a.quarters.map((quarter): QuarterAggregate => {
    const rowsOf = (kind: Kind): GroupRow[] =>
      (row.groups ?? [])
        .filter((g) => g[0] === quarter && g[1] === kind)
        .map(([, , key, total, done, onTime, due, inProgress, overdue]) =>
          withRates({ key, total, done, onTime, due, inProgress, overdue } as Counts & { key: string }),
        ) as GroupRow[];
    const totals =
      rowsOf('total')[0] ?? withRates({ total: 0, done: 0, onTime: 0, due: 0, inProgress: 0, overdue: 0 });
    const { key: _key, ...totalCounts } = totals as GroupRow;
    const warnings = Object.fromEntries(WARNING_KINDS.map((k) => [k, 0])) as Record<WarningKind, number>;
    for (const [q, w, n] of row.warnings ?? []) if (q === quarter) warnings[WARNING_KINDS[w]!] += n;
    return {
      quarter,
      asOf: scoringAsOf(quarter, a.today),
      totals: totalCounts,
      byUnit: rowsOf('unit'),
      byDirective: rowsOf('dir'),
      bySpeaker: rowsOf('speaker'),
      byMeeting: rowsOf('meeting'),
      warnings,
    };
  });
  const lists = await reviewListsSql(db, a);
  return { aggregates, ...lists };
}

async function reviewListsSql(db: Executor, a: ReviewArgs): Promise<Omit<ReviewModel, 'aggregates'>> {
  const { start } = quarterRange(a.quarter);
  const asOf = scoringAsOf(a.quarter, a.today);
  const closed = cstDay(sql`t.closed_at`);
  const reviewed = cstDay(sql`r.reviewed_at`);
  const res = await sql<{
    overdue: Review['overdue']['items'] | null;
    overdue_total: number;
    sent_back: Review['sentBack']['items'] | null;
    sent_back_total: number;
  }>`
    with late as (
      select t.id, t.code, t.title, coalesce(u.name, t.lead_unit_id) as unit_name,
        to_char(t.deadline, 'YYYY-MM-DD') as deadline, ${asOf}::date - t.deadline as overdue_days
      from tasks t join units u on u.id = t.lead_unit_id
      where ${levelCond(a.level)} and t.start_date <= ${asOf}::date and (t.closed_at is null or ${closed} > ${asOf}::date)
        and t.deadline < ${asOf}::date and t.status <> 'suspended'
    ),
    back as (
      select r.id as report_id, t.id as task_id, t.code, t.title, coalesce(u.name, t.lead_unit_id) as unit_name,
        r.period, r.review_comment as comment, to_char(${reviewed}, 'YYYY-MM-DD') as reviewed_at
      from reports r join tasks t on t.id = r.task_id join units u on u.id = t.lead_unit_id
      where r.review_state = 'returned' and ${levelCond(a.level)}
        and r.reviewed_at >= (${start}::date::timestamp at time zone interval '+08:00')
        and r.reviewed_at < ((${asOf}::date + 1)::timestamp at time zone interval '+08:00')
    )
    select
      (select json_agg(json_build_object('id', id, 'code', code, 'title', title, 'unitName', unit_name,
         'deadline', deadline, 'overdueDays', overdue_days) order by overdue_days desc, code collate "C")
       from (select * from late order by overdue_days desc, code collate "C" limit ${a.listLimit}) x) as overdue,
      (select count(*)::int from late) as overdue_total,
      (select json_agg(json_build_object('reportId', report_id, 'taskId', task_id, 'code', code, 'title', title,
         'unitName', unit_name, 'period', period, 'comment', comment, 'reviewedAt', reviewed_at)
         order by reviewed_at desc, code collate "C")
       from (select * from back order by reviewed_at desc, code collate "C" limit ${a.listLimit}) x) as sent_back,
      (select count(*)::int from back) as sent_back_total`.execute(db);
  const row = res.rows[0]!;
  return {
    overdue: { total: row.overdue_total, items: row.overdue ?? [] },
    sentBack: { total: row.sent_back_total, items: row.sent_back ?? [] },
  };
}
