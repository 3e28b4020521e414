import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type {
  ParsedTaskListQuery,
  TaskListResponse,
  TaskRow,
  TaskSortKey,
} from '../../../src/domain/contract';
import type { Directive, ProgressReport, Task } from '../../../src/domain/schemas';
import { STATUS_RANK } from '../../../src/domain/task-query';
import { WARNING_KINDS } from '../../../src/domain/warnings';
import { deriveRow } from '../../../src/service/views';
import type { AnyDb } from '../connect';
import { fromJsonRecord, TABLE_COLUMNS } from '../tables';
import { warningKindSql } from './warning';

/**
 * The ledger list (filter, facets, sort, page) as ONE SQL statement, so its cost follows the rows
 * the filters select, not the size of the ledger: what `src/domain/task-query.ts` does in process,
 * rule for rule. The warning kind is computed in SQL only to filter, count and sort by it; the rows
 * of the page get their full warning from `deriveRow` (the same code as every other backend), and
 * `tests/server/ledger-sql.test.ts` checks both paths give identical answers.
 *
 * Text sorts follow Intl.Collator('zh-CN') (pinyin), so they need an ICU Chinese collation; a
 * database without one (PGlite) keeps the in-process ledger (`ledgerCollation` returns null).
 */

type Executor = Kysely<AnyDb> | Transaction<AnyDb>;

const COLLATIONS = ['zh-Hans-CN-x-icu', 'zh-Hans-x-icu', 'zh-x-icu'];

/** The ICU collation that sorts like Intl.Collator('zh-CN'), or null when the database has none. */
export async function ledgerCollation(db: Executor): Promise<string | null> {
  const res = await sql<{ collname: string }>`
    select collname from pg_collation where collname in (${sql.join(COLLATIONS)})`.execute(db);
  const have = new Set(res.rows.map((r) => r.collname));
  return COLLATIONS.find((c) => have.has(c)) ?? null;
}

const rankCase = (expr: RawBuilder<unknown>, ranks: Record<string, number>) =>
  sql`case ${expr} ${sql.join(
    Object.entries(ranks).map(([k, v]) => sql`when ${sql.lit(k)} then ${sql.lit(v)}`),
    sql` `,
  )} else 0 end`;

const WARNING_RANK = Object.fromEntries(WARNING_KINDS.map((k, i) => [k, i]));

// Names as the in-process lookups give them: the unit's or person's name, else the id itself.
// `lu` and `rp` are joined wherever these are used (hash joins: one pass, not a lookup per row).
const leadUnitName = sql`coalesce(lu.name, t.lead_unit_id)`;
const coUnitNames = (sep: RawBuilder<unknown>) =>
  sql`case when jsonb_array_length(t.co_unit_ids) > 0 then
       (select string_agg(coalesce(u.name, e.id), ${sep} order by e.n)
        from jsonb_array_elements_text(t.co_unit_ids) with ordinality as e(id, n)
        left join units u on u.id = e.id) end`;
const personName = sql`case when t.responsible_person_id is null then ''
  else coalesce(rp.name, t.responsible_person_id) end`;
const NAME_JOINS = sql`left join units lu on lu.id = t.lead_unit_id
  left join people rp on rp.id = t.responsible_person_id`;

function sortExpr(key: TaskSortKey, collation: string): RawBuilder<unknown> {
  const zh = (e: RawBuilder<unknown>) => sql`(${e}) collate ${sql.id(collation)}`;
  switch (key) {
    case 'code':
      return sql`t.code collate "C"`;
    case 'title':
      return zh(sql`t.title`);
    case 'directive':
      return zh(sql`coalesce(d.heading, '')`);
    case 'leadUnit':
      return zh(leadUnitName);
    case 'coUnits':
      return zh(sql`coalesce(${coUnitNames(sql`'、'`)}, '')`);
    case 'responsible':
      return zh(personName);
    case 'deadline':
      return sql`t.deadline`;
    case 'progress':
      return sql`t.progress`;
    case 'status':
      return rankCase(sql`t.status`, STATUS_RANK);
    case 'warning':
      return rankCase(sql`w.kind`, WARNING_RANK);
    case 'lastReport':
      return sql`lr.submitted_at`;
  }
}

/** The filters every facet shares (the in-process `predicates(…).base`). */
function baseFilters(q: ParsedTaskListQuery, today: string): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (q.unit)
    out.push(sql`(t.lead_unit_id = ${q.unit} or t.co_unit_ids @> ${JSON.stringify([q.unit])}::jsonb)`);
  if (q.leadUnit) out.push(sql`t.lead_unit_id = ${q.leadUnit}`);
  if (q.directive) out.push(sql`t.directive_id = ${q.directive}`);
  if (q.meeting) out.push(sql`d.meeting_id = ${q.meeting}`);
  if (q.speaker) out.push(sql`d.speaker = ${q.speaker}`);
  if (q.overdue) out.push(sql`(t.status not in ('closed', 'suspended') and t.deadline < ${today}::date)`);
  const needle = q.q?.trim().toLowerCase();
  if (needle?.includes(SEP)) {
    // A needle with the separator can match across fields: search the joined text itself.
    const sep = sql`chr(1)`;
    const hay = sql`lower(concat_ws(${sep}, t.code, t.title, coalesce(d.heading, ''), coalesce(d.speaker, ''),
      ${leadUnitName}, ${coUnitNames(sep)}, ${personName}))`;
    out.push(sql`strpos(${hay}, ${needle}) > 0`);
  } else if (needle) {
    // Otherwise a match lies inside one field, so each is searched alone, and the units whose names
    // match are found once in the small units table (co-units are checked ids: see checkRefs).
    const has = (e: RawBuilder<unknown>) => sql`strpos(lower(${e}), ${needle}) > 0`;
    const units = sql`array(select u.id from units u where ${has(sql`u.name`)})`;
    out.push(
      sql`(${sql.join(
        [
          has(sql`t.code`),
          has(sql`t.title`),
          has(sql`coalesce(d.heading, '')`),
          has(sql`coalesce(d.speaker, '')`),
          has(leadUnitName),
          sql`t.co_unit_ids ?| ${units}`,
          has(personName),
        ],
        sql` or `,
      )})`,
    );
  }
  return out;
}

/** Whether the statement uses the names (text search, a sort by lead unit or person). */
function needsNames(q: ParsedTaskListQuery): boolean {
  return !!q.q?.trim() || q.sort === 'leadUnit' || q.sort === 'responsible';
}

// The in-process search joins the fields with U+0001 (task-query.ts).
const SEP = '\u0001';

const where = (conds: RawBuilder<unknown>[]) =>
  conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``;

const TASK_COLUMNS = sql.raw(TABLE_COLUMNS.tasks.map((c) => `t."${c.column}"`).join(', '));

interface LedgerAnswer {
  cube: [string, string, string, number][] | null;
  page: Record<string, unknown>[] | null;
}

/** The statement one ledger request runs (exported for the benchmark's direct-SQL floor). */
export function ledgerStatement(
  q: ParsedTaskListQuery,
  today: string,
  collation: string,
): RawBuilder<LedgerAnswer> {
  const filters: RawBuilder<unknown>[] = [];
  if (q.status.length) filters.push(sql`status in (${sql.join(q.status)})`);
  if (q.warning.length) filters.push(sql`kind in (${sql.join(q.warning)})`);
  if (q.dueQuarter) filters.push(sql`dq = ${q.dueQuarter}`);
  const dir = q.order === 'desc' ? sql`desc` : sql`asc`;
  // JavaScript sorts a missing last report as '' (first when ascending, last when descending).
  const nulls = q.sort === 'lastReport' ? (q.order === 'desc' ? sql`nulls last` : sql`nulls first`) : sql``;
  const offset = (q.page - 1) * q.pageSize;
  return sql<LedgerAnswer>`
    with base as materialized (
      select t.id, t.code, t.status, w.kind, to_char(t.deadline, 'YYYY"Q"Q') as dq,
        ${sortExpr(q.sort, collation)} as sk
      from tasks t
      left join directives d on d.id = t.directive_id
      left join task_last_report lr on lr.task_id = t.id
      ${needsNames(q) ? NAME_JOINS : sql``}
      cross join lateral (select ${warningKindSql(today)} as kind) w
      ${where(baseFilters(q, today))}
    ),
    cube as (select status, kind, dq, count(*)::int as n from base group by status, kind, dq),
    pick as (
      select id, code, sk from base ${where(filters)}
      order by sk ${dir} ${nulls}, code collate "C" asc
      limit ${q.pageSize} offset ${offset}
    ),
    page as (
      select ${TASK_COLUMNS}, lr.submitted_at as last_at, lr.review_state as last_state,
        d.id as d_id, d.heading as d_heading, d.speaker as d_speaker, d.meeting_id as d_meeting,
        k.sk as sk
      from pick k
      join tasks t on t.id = k.id
      left join directives d on d.id = t.directive_id
      left join task_last_report lr on lr.task_id = t.id
    )
    select (select json_agg(json_build_array(status, kind, dq, n)) from cube) as cube,
           (select json_agg(p order by p.sk ${dir} ${nulls}, p.code collate "C" asc) from page p) as page`;
}

function facetsOf(cube: [string, string, string, number][], q: ParsedTaskListQuery) {
  const statuses = new Set(q.status);
  const warnings = new Set(q.warning);
  const facets = {
    status: {} as Record<string, number>,
    warning: {} as Record<string, number>,
    dueQuarter: {} as Record<string, number>,
  };
  let total = 0;
  const add = (m: Record<string, number>, k: string, n: number) => {
    m[k] = (m[k] ?? 0) + n;
  };
  for (const [status, kind, dq, n] of cube) {
    const s = !statuses.size || statuses.has(status);
    const w = !warnings.size || warnings.has(kind);
    const d = !q.dueQuarter || q.dueQuarter === dq;
    // Each facet counts with every other filter applied (as task-query.ts does).
    if (w && d) add(facets.status, status, n);
    if (s && d) add(facets.warning, kind, n);
    if (s && w) add(facets.dueQuarter, dq, n);
    if (s && w && d) total += n;
  }
  return { facets, total };
}

function rowOf(r: Record<string, unknown>, today: string): TaskRow {
  const task = fromJsonRecord('tasks', r) as unknown as Task;
  const lastAt = r.last_at as string | null;
  const last = lastAt
    ? [
        {
          submittedAt: fromJsonRecord('reports', { submitted_at: lastAt }).submittedAt,
          reviewState: r.last_state,
        } as ProgressReport,
      ]
    : [];
  const directive = r.d_id
    ? ({ id: r.d_id, heading: r.d_heading, speaker: r.d_speaker, meetingId: r.d_meeting } as Directive)
    : undefined;
  return deriveRow(task, last, directive, today);
}

export async function listTasksSql(
  db: Executor,
  q: ParsedTaskListQuery,
  today: string,
  collation: string,
): Promise<TaskListResponse> {
  const res = await ledgerStatement(q, today, collation).execute(db);
  const answer = res.rows[0] ?? { cube: null, page: null };
  const { facets, total } = facetsOf(answer.cube ?? [], q);
  const items = (answer.page ?? []).map((r) => rowOf(r, today));
  return { items, total, page: q.page, pageSize: q.pageSize, facets };
}

/** The task rows `where` selects, in insertion order (the in-process views' order), with their full warning. */
export async function taskRowsSql(
  db: Executor,
  cond: RawBuilder<unknown>,
  today: string,
): Promise<TaskRow[]> {
  const res = await sql<{ rows: Record<string, unknown>[] | null }>`
    select json_agg(p order by p.ord) as rows from (
      select ${TASK_COLUMNS}, t.ord, lr.submitted_at as last_at, lr.review_state as last_state,
        d.id as d_id, d.heading as d_heading, d.speaker as d_speaker, d.meeting_id as d_meeting
      from tasks t
      left join directives d on d.id = t.directive_id
      left join task_last_report lr on lr.task_id = t.id
      where ${cond}) p`.execute(db);
  return (res.rows[0]?.rows ?? []).map((r) => rowOf(r, today));
}
