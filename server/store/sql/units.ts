import { type Kysely, sql, type Transaction } from 'kysely';
import type { TaskRow } from '../../../src/domain/contract';
import { emptyCounts, type TaskCounts } from '../../../src/domain/rollup';
import type { AnyDb } from '../connect';
import { taskRowsSql } from './ledger';
import { bucketSql, warningKindSql } from './warning';

/**
 * The unit pages' read models in SQL: task counts per unit as lead and as cooperating unit (the
 * buckets of src/domain/rollup.ts `bucketOf`), and one unit's rows and report periods. Only the
 * counts (one row per unit and bucket) or the unit's own rows leave the database.
 */

type Executor = Kysely<AnyDb> | Transaction<AnyDb>;

export interface UnitCounts {
  lead: TaskCounts;
  co: TaskCounts;
}

type Bucket = Exclude<keyof TaskCounts, 'total'>;

export async function unitCountsSql(db: Executor, today: string): Promise<Map<string, UnitCounts>> {
  const res = await sql<{ rows: ['lead' | 'co', string, Bucket, number][] | null }>`
    with w as (
      select t.lead_unit_id, t.co_unit_ids, ${bucketSql(sql`t.status`, sql`k.kind`)} as bucket
      from tasks t
      left join task_last_report lr on lr.task_id = t.id
      cross join lateral (select ${warningKindSql(today)} as kind) k
    )
    select json_agg(json_build_array(role, unit, bucket, n)) as rows from (
      select 'lead' as role, lead_unit_id as unit, bucket, count(*)::int as n from w group by lead_unit_id, bucket
      union all
      select 'co', e, bucket, count(*)::int from w cross join lateral jsonb_array_elements_text(co_unit_ids) as e
      group by e, bucket) x`.execute(db);
  const out = new Map<string, UnitCounts>();
  for (const [role, unit, bucket, n] of res.rows[0]?.rows ?? []) {
    let c = out.get(unit);
    if (!c) {
      c = { lead: emptyCounts(), co: emptyCounts() };
      out.set(unit, c);
    }
    c[role][bucket] += n;
    c[role].total += n;
  }
  return out;
}

export interface UnitTasks {
  lead: TaskRow[];
  co: TaskRow[];
  /** The periods each lead task has a report for. */
  periods: Map<string, Set<string>>;
}

export async function unitTasksSql(db: Executor, unitId: string, today: string): Promise<UnitTasks> {
  const [lead, co, periods] = await Promise.all([
    taskRowsSql(db, sql`t.lead_unit_id = ${unitId}`, today),
    taskRowsSql(db, sql`t.co_unit_ids @> ${JSON.stringify([unitId])}::jsonb`, today),
    sql<{ task_id: string; periods: string[] }>`
      select r.task_id, json_agg(distinct r.period) as periods
      from reports r join tasks t on t.id = r.task_id
      where t.lead_unit_id = ${unitId} group by r.task_id`.execute(db),
  ]);
  return { lead, co, periods: new Map(periods.rows.map((r) => [r.task_id, new Set(r.periods)])) };
}
