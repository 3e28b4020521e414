import { type Kysely, sql, type Transaction } from 'kysely';
import { quarterRange } from '../../../src/domain/quarter';
import type { ScoreItem } from '../../../src/domain/schemas';
import {
  type Adjustment,
  duePeriods,
  itemNote,
  type RuleId,
  type ScoringScheme,
  scoresFromItems,
  scoringAsOf,
  type UnitScore,
} from '../../../src/domain/scoring';
import type { AnyDb } from '../connect';
import { cstDay } from './warning';

/**
 * 季度考核's rule items found by the database (src/domain/scoring.ts `ruleItems`, rule for rule):
 * one statement scans the quarter's tasks and only the reports it needs (by index), and returns each
 * unit's items in task order; the scores, caps and ratings then come from the same
 * `scoresFromItems` as in process. tests/server/read-models-sql.test.ts compares the two.
 */

type Executor = Kysely<AnyDb> | Transaction<AnyDb>;

type ItemRow = [unitId: string, rule: RuleId, taskId: string, days: number | null, period: string | null];

/** The statement that finds a quarter's units and rule items (exported for EXPLAIN and benchmarks). */
export function scoringStatement(quarter: string, today: string, scheme: ScoringScheme) {
  const { start } = quarterRange(quarter);
  const asOf = scoringAsOf(quarter, today);
  const due = duePeriods(start, asOf);
  const S = sql`${start}::date`;
  const A = sql`${asOf}::date`;
  const missing = due.length
    ? sql`union all
      select s.ord, 2, d.n, s.lead_unit_id, 'missing-report', s.id, null::int, d.period
      from scope s
      cross join (values ${sql.join(due.map((p, n) => sql`(${p.period}::text, ${p.end}::date, ${n}::int)`))}) as d(period, ends, n)
      -- The periods' reports once (an index range per period), anti-joined by hash: one probe per
      -- task and period into a table, not an index lookup each.
      left join (select distinct r.task_id, r.period from reports r
                 where r.period in (${sql.join(due.map((p) => p.period))})) have
        on have.task_id = s.id and have.period = d.period
      where s.status <> 'suspended' and s.start_date <= d.ends and (s.closed is null or s.closed > d.ends)
        and have.task_id is null`
    : sql``;
  return sql<{ units: string[] | null; items: ItemRow[] | null }>`
    with scope as materialized (
      select t.id, t.ord, t.lead_unit_id, t.co_unit_ids, t.status, t.start_date, t.deadline,
        ${cstDay(sql`t.closed_at`)} as closed
      from tasks t
      where t.start_date <= ${A} and (t.closed_at is null or ${cstDay(sql`t.closed_at`)} >= ${S})
    ),
    late as (
      select s.*, (case when s.closed is not null and s.closed <= ${A} then s.closed else ${A} end) - s.deadline as days
      from scope s
      where s.status <> 'suspended' and s.deadline < ${A}
        and (s.closed is null or s.closed > ${A} or (s.closed > s.deadline and s.closed >= ${S}))
    ),
    items (ord, seq, sub, unit_id, rule, task_id, days, period) as (
      select l.ord, 0, 0::bigint, l.lead_unit_id, 'overdue-lead', l.id, l.days, null::text from late l
      union all
      select l.ord, 1, e.n, e.unit, 'overdue-co', l.id, l.days, null::text
      from late l cross join lateral jsonb_array_elements_text(l.co_unit_ids) with ordinality as e(unit, n)
      ${missing}
      union all
      -- From the quarter's sent-back reports (a range on the partial index) to their tasks by key;
      -- the scope test is repeated on the task, as a CTE offers no index to join on.
      select t.ord, 3, r.ord, t.lead_unit_id, 'returned-report', t.id, null::int, r.period
      from reports r join tasks t on t.id = r.task_id
      where r.review_state = 'returned'
        and r.reviewed_at >= (${S}::timestamp at time zone interval '+08:00')
        and r.reviewed_at < ((${A} + 1)::timestamp at time zone interval '+08:00')
        and t.start_date <= ${A} and (t.closed_at is null or ${cstDay(sql`t.closed_at`)} >= ${S})
      union all
      select s.ord, 4, 0, s.lead_unit_id, 'early', s.id, s.deadline - s.closed, null::text
      from scope s
      where s.closed is not null and s.closed between ${S} and ${A} and s.deadline - s.closed >= ${scheme.earlyDays}
    )
    select
      (select json_agg(distinct u) from (
        select lead_unit_id as u from scope
        union select e from scope cross join lateral jsonb_array_elements_text(co_unit_ids) as e) x) as units,
      (select json_agg(json_build_array(unit_id, rule, task_id, days, period) order by ord, seq, sub) from items) as items`;
}

export async function quarterScoresSql(
  db: Executor,
  quarter: string,
  today: string,
  scheme: ScoringScheme,
  adjustments: ReadonlyMap<string, Adjustment>,
): Promise<UnitScore[]> {
  const res = await scoringStatement(quarter, today, scheme).execute(db);
  const row = res.rows[0];
  const byUnit = new Map<string, ScoreItem[]>((row?.units ?? []).map((u) => [u, []]));
  const points: Record<string, number> = {
    'overdue-lead': scheme.overdueLead,
    'overdue-co': scheme.overdueCo,
    'missing-report': scheme.missingReport,
    'returned-report': scheme.returnedReport,
    early: scheme.earlyBonus,
  };
  for (const [unitId, ruleId, taskId, days, period] of row?.items ?? []) {
    const detail = days !== null ? { days } : { period: period! };
    byUnit
      .get(unitId)
      ?.push({ ruleId, taskId, points: points[ruleId]!, note: itemNote(ruleId, detail), ...detail });
  }
  return scoresFromItems(byUnit, scheme, adjustments);
}
