import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';

/**
 * The schema, as forward-only versioned migrations run at every start (Kysely's Migrator keeps the
 * applied ones in `kysely_migration` and takes a lock, so two servers starting together are safe).
 * A migration never changes once shipped: a new enum value or column is a new `00N_…` entry.
 * SQL is PostgreSQL 15 (the machine's server) and also runs on PGlite (PostgreSQL 18).
 */

// The allowed values as of 001; tests/server compares them with the zod enums so drift fails a test.
export const ENUMS_001 = {
  unitLevel: ['province-dept', 'city', 'city-bureau'],
  role: ['leader', 'supervisor', 'staff'],
  meetingLevel: ['province', 'city'],
  directiveKind: ['zai-shang', 'xia-gongfu', 'yao', 'enumerated', 'addressee', 'numbered-heading'],
  taskStatus: [
    'assigned',
    'in-progress',
    'pending-review',
    'closed',
    'returned',
    'extension-requested',
    'suspended',
  ],
  priority: ['high', 'normal', 'low'],
  reviewState: ['pending', 'accepted', 'returned'],
  rating: ['excellent', 'good', 'fair', 'poor'],
  outcome: ['ok', 'denied', 'invalid', 'conflict', 'not-found', 'error'],
} as const;

const inList = (values: readonly string[]) => `(${values.map((v) => `'${v}'`).join(', ')})`;
const E = ENUMS_001;

// `ord` keeps insertion order: the snapshot lists rows as the demo store does (units and people are
// not in id order), and it is stable under UPDATE.
const ORD = 'ord bigint generated always as identity';

const INITIAL: string[] = [
  `create table units (
    id text primary key,
    name text not null,
    short_name text not null,
    level text not null check (level in ${inList(E.unitLevel)}),
    parent_id text references units(id) deferrable initially deferred,
    ${ORD})`,
  `create table people (
    id text primary key,
    name text not null,
    unit_id text not null references units(id),
    role text not null check (role in ${inList(E.role)}),
    title text not null,
    ${ORD})`,
  `create table meetings (
    id text primary key,
    title text not null,
    date date not null,
    place text not null,
    source text not null,
    level text not null check (level in ${inList(E.meetingLevel)}),
    host_unit_id text references units(id),
    speakers jsonb not null,
    text text not null,
    ${ORD})`,
  `create table directives (
    id text primary key,
    meeting_id text not null references meetings(id),
    seq integer not null check (seq >= 0),
    speaker text,
    speaker_title text,
    heading text not null,
    measures jsonb not null,
    kind text not null check (kind in ${inList(E.directiveKind)}),
    parent_id text references directives(id) deferrable initially deferred,
    heading_span jsonb not null,
    measure_spans jsonb not null,
    "implements" jsonb not null,
    ${ORD})`,
  `create table tasks (
    id text primary key,
    code text not null unique,
    title text not null,
    directive_id text references directives(id),
    measure_index integer check (measure_index >= 0),
    lead_unit_id text not null references units(id),
    co_unit_ids jsonb not null,
    responsible_person_id text references people(id),
    start_date date not null,
    deadline date not null,
    original_deadline date not null,
    status text not null check (status in ${inList(E.taskStatus)}),
    resume_status text check (resume_status in ${inList(E.taskStatus)}),
    progress integer not null check (progress between 0 and 100),
    priority text not null check (priority in ${inList(E.priority)}),
    tags jsonb not null,
    extension jsonb,
    closed_at timestamptz,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version integer not null check (version >= 1),
    ${ORD},
    constraint tasks_deadline_after_start check (deadline >= start_date))`,
  'create index tasks_status_idx on tasks (status)',
  'create index tasks_lead_unit_idx on tasks (lead_unit_id)',
  'create index tasks_deadline_idx on tasks (deadline)',
  'create index tasks_directive_idx on tasks (directive_id)',
  'create index tasks_responsible_idx on tasks (responsible_person_id)',
  'create index tasks_updated_at_idx on tasks (updated_at)',
  `create table reports (
    id text primary key,
    task_id text not null references tasks(id),
    period text not null,
    text text not null,
    progress integer not null check (progress between 0 and 100),
    evidence jsonb not null,
    submitter_id text not null references people(id),
    submitted_at timestamptz not null,
    review_state text not null check (review_state in ${inList(E.reviewState)}),
    review_comment text,
    reviewer_id text,
    reviewed_at timestamptz,
    final boolean not null,
    ${ORD})`,
  'create index reports_task_submitted_idx on reports (task_id, submitted_at)',
  `create table assessments (
    id text primary key,
    quarter text not null,
    unit_id text not null references units(id),
    score double precision not null,
    rating text not null check (rating in ${inList(E.rating)}),
    breakdown jsonb not null,
    adjustment jsonb,
    published boolean not null,
    published_at timestamptz,
    ${ORD},
    constraint assessments_quarter_unit_key unique (quarter, unit_id))`,
  `create table reminders (
    id text primary key,
    task_id text not null references tasks(id),
    at timestamptz not null,
    by_id text not null,
    message text,
    ${ORD})`,
  'create index reminders_task_idx on reminders (task_id)',
  // role is nullable: an unauthenticated attempt is audited with no role.
  `create table audit (
    id text primary key,
    at timestamptz not null,
    actor_id text not null,
    actor_name text not null,
    role text check (role in ${inList(E.role)}),
    action text not null,
    target text not null,
    outcome text not null check (outcome in ${inList(E.outcome)}),
    detail text not null,
    ${ORD})`,
  'create index audit_target_idx on audit (target)',
  'create index audit_at_idx on audit (at)',
  // Append-only even with SQL access: any UPDATE or DELETE statement on audit fails (statement-level,
  // so a DELETE matching no row fails too), and TRUNCATE only inside the store's own reset.
  `create function audit_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit is append-only: % refused', tg_op;
    end
  $$`,
  `create trigger audit_no_update_delete before update or delete on audit
    for each statement execute function audit_refuse_change()`,
  `create function audit_guard_truncate() returns trigger language plpgsql as $$
    begin
      if coalesce(current_setting('luoshi.allow_reset', true), '') <> 'on' then
        raise exception 'audit is append-only: TRUNCATE refused outside the demo reset';
      end if;
      return null;
    end
  $$`,
  `create trigger audit_truncate_guard before truncate on audit
    for each statement execute function audit_guard_truncate()`,
  'create table settings (key text primary key, value jsonb not null)',
  'create table counters (name text primary key, value bigint not null)',
  `create table alignment_dismissed (
    directive_id text primary key references directives(id),
    ids jsonb not null)`,
  // One row: the revision every write bumps (the processes' shared cache key) and the dataset name.
  `create table meta (
    id integer primary key check (id = 1),
    revision bigint not null,
    dataset text)`,
];

/**
 * Sign-in's tables. Password hashes (argon2id, PHC strings) and session token hashes (SHA-256) only;
 * nothing here is ever loaded into the data snapshot. A person's credential and sessions go with
 * the person (ON DELETE CASCADE), and the demo reset empties them with the data.
 */
const SIGN_IN = [
  `create table credentials (
    person_id text primary key references people(id) on delete cascade deferrable initially deferred,
    login text not null unique check (login = lower(login) and length(login) between 2 and 64),
    password_hash text not null,
    active boolean not null,
    password_changed_at timestamptz)`,
  `create table sessions (
    id_hash text primary key check (length(id_hash) = 64),
    person_id text not null references people(id) on delete cascade deferrable initially deferred,
    created_at timestamptz not null,
    last_seen_at timestamptz not null check (last_seen_at >= created_at))`,
  'create index sessions_person_idx on sessions (person_id)',
  // Failed sign-ins, by key (login:<name> or addr:<ip>): the lock-out counts the recent ones.
  `create table login_failures (
    id bigint generated always as identity primary key,
    key text not null,
    at timestamptz not null)`,
  'create index login_failures_key_at_idx on login_failures (key, at)',
];

/**
 * The ledger's read model in SQL (issue 12): each task's newest report, kept by statement-level
 * triggers on `reports` (one upsert per INSERT/UPDATE statement, so a 5,000-row batch costs one
 * pass), and the indexes the ledger's filters and sorts use. The newest report is the one with the
 * latest `submitted_at`, the earliest inserted among equals: what the in-process view picks.
 */
const LEDGER_SQL: string[] = [
  `create table task_last_report (
    task_id text primary key references tasks(id),
    submitted_at timestamptz not null,
    review_state text not null)`,
  `create function refresh_task_last_report() returns trigger language plpgsql as $$
  begin
    insert into task_last_report (task_id, submitted_at, review_state)
    select distinct on (r.task_id) r.task_id, r.submitted_at, r.review_state
    from reports r
    where r.task_id in (select distinct c.task_id from changed c)
    order by r.task_id, r.submitted_at desc, r.ord asc
    on conflict (task_id) do update
      set submitted_at = excluded.submitted_at, review_state = excluded.review_state;
    return null;
  end $$`,
  `create trigger reports_last_after_insert after insert on reports
    referencing new table as changed for each statement execute function refresh_task_last_report()`,
  `create trigger reports_last_after_update after update on reports
    referencing new table as changed for each statement execute function refresh_task_last_report()`,
  `insert into task_last_report (task_id, submitted_at, review_state)
    select distinct on (r.task_id) r.task_id, r.submitted_at, r.review_state
    from reports r order by r.task_id, r.submitted_at desc, r.ord asc`,
  'create index tasks_co_units_idx on tasks using gin (co_unit_ids jsonb_path_ops)',
  'create index tasks_lead_deadline_idx on tasks (lead_unit_id, deadline)',
  // 季度考核 in SQL: a period's report looked up per task, and the quarter's sent-back reports.
  'create index reports_period_task_idx on reports (period, task_id)',
  "create index reports_returned_idx on reports (reviewed_at) where review_state = 'returned'",
];

/**
 * The reminder queue (催办 delivery), outside the data snapshot: its writes never bump
 * meta.revision. `reminder_items.key` is the idempotency key (rule, task, recipient, day or 催办 id,
 * channel): an item exists once, whatever restarts or processes. A job is one message (one item, or
 * a digest of several); workers claim jobs with FOR UPDATE SKIP LOCKED and a lease.
 */
export const REMINDER_STATES = ['queued', 'sending', 'sent', 'failed', 'dead'] as const;
const REMINDERS = [
  `create table reminder_jobs (
    id bigint generated always as identity primary key,
    key text not null unique,
    kind text not null check (kind in ('single', 'digest')),
    rule text not null,
    channel text not null check (channel in ('email', 'webhook')),
    recipient_id text not null,
    recipient_name text not null,
    target text not null,
    lang text not null check (lang in ('zh', 'en')),
    day date not null,
    state text not null check (state in ${inList(REMINDER_STATES)}),
    attempts integer not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz,
    lease_until timestamptz,
    claimed_by text,
    last_error text,
    resent integer not null default 0,
    created_at timestamptz not null,
    sent_at timestamptz)`,
  `create index reminder_jobs_due_idx on reminder_jobs (next_attempt_at) where state in ('queued', 'failed')`,
  `create index reminder_jobs_sending_idx on reminder_jobs (lease_until) where state = 'sending'`,
  `create table reminder_items (
    key text primary key,
    job_id bigint not null references reminder_jobs(id) on delete cascade,
    rule text not null,
    task_id text not null,
    day date not null,
    facts jsonb not null)`,
  'create index reminder_items_job_idx on reminder_items (job_id)',
  'create index reminder_items_task_idx on reminder_items (task_id)',
];

const MIGRATIONS: Record<string, Migration> = {
  '001_initial': {
    async up(db: Kysely<unknown>) {
      for (const statement of INITIAL) await sql.raw(statement).execute(db);
    },
  },
  '002_sign_in': {
    async up(db: Kysely<unknown>) {
      for (const statement of SIGN_IN) await sql.raw(statement).execute(db);
    },
  },
  '003_ledger_sql': {
    async up(db: Kysely<unknown>) {
      for (const statement of LEDGER_SQL) await sql.raw(statement).execute(db);
    },
  },
  '004_reminders': {
    async up(db: Kysely<unknown>) {
      for (const statement of REMINDERS) await sql.raw(statement).execute(db);
    },
  },
};

/** Every migration this code knows, in order (a backup from a database with others is refused). */
export const MIGRATION_NAMES = Object.keys(MIGRATIONS).sort();

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Apply every pending migration; throws the first failure. Returns the names applied now. */
export async function migrate(db: Kysely<unknown>): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
