import { type Kysely, sql, type Transaction } from 'kysely';
import { toCstIso } from '../../src/domain/clock';
import type { OutboxFilter, OutboxMessage } from '../../src/domain/contract/reminders';
import { addDays } from '../../src/domain/dates';
import type { PlannedItem } from '../../src/domain/reminders/plan';
import { digestSendAt } from '../../src/domain/reminders/schedule';
import {
  type ClaimedJob,
  digestKey,
  type FinishOutcome,
  type JobQueue,
  type OutboxOp,
  type OutboxReader,
} from '../../src/service/jobs/queue';
import type { AnyDb } from '../store/connect';

/**
 * The reminder queue in PostgreSQL (tables of migration 003). Every statement is short: the
 * scheduler's one transaction (serialised across processes by an advisory lock), a claim (one
 * UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)), a finish. Delivery happens between
 * statements, never inside a transaction, so PGlite's one connection is free for requests meanwhile.
 */
type Executor = Kysely<AnyDb> | Transaction<AnyDb>;

// pg_advisory_xact_lock key: one scheduler at a time across processes (items and digests stay consistent).
const SCHEDULE_LOCK = 7_345_015;

const isoOf = (ms: number) => new Date(ms).toISOString();

interface JobRow {
  id: number;
  key: string;
  kind: 'single' | 'digest';
  rule: string;
  channel: 'email' | 'webhook';
  recipient_id: string;
  recipient_name: string;
  target: string;
  lang: 'zh' | 'en';
  day: string;
  state: OutboxMessage['state'];
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  resent: number;
  created_at: string;
  sent_at: string | null;
}

interface ItemRow {
  key: string;
  job_id: number;
  rule: string;
  task_id: string;
  day: string;
  facts: { code: string; title: string } & Record<string, unknown>;
}

const cst = (v: string | null) => (v === null ? null : toCstIso(Date.parse(v)));

function toMessage(j: JobRow, items: readonly ItemRow[]): OutboxMessage {
  return {
    id: String(j.id),
    kind: j.kind,
    rule: j.rule as OutboxMessage['rule'],
    channel: j.channel,
    recipientId: j.recipient_id,
    recipientName: j.recipient_name,
    target: j.target,
    lang: j.lang,
    state: j.state,
    attempts: j.attempts,
    nextAttemptAt: j.state === 'queued' || j.state === 'failed' ? cst(j.next_attempt_at) : null,
    lastError: j.last_error,
    createdAt: cst(j.created_at)!,
    sentAt: cst(j.sent_at),
    resent: j.resent,
    items: items.map((i) => ({
      key: i.key,
      rule: i.rule as OutboxMessage['items'][number]['rule'],
      taskId: i.task_id,
      code: i.facts.code,
      title: i.facts.title,
      day: i.day,
    })),
  };
}

async function itemsOf(db: Executor, ids: readonly number[]): Promise<Map<number, ItemRow[]>> {
  const out = new Map<number, ItemRow[]>();
  if (!ids.length) return out;
  const rows = (await db
    .selectFrom('reminder_items')
    .selectAll()
    .where('job_id', 'in', ids as number[])
    .orderBy('key')
    .execute()) as ItemRow[];
  for (const r of rows) {
    const id = Number(r.job_id);
    out.set(id, [...(out.get(id) ?? []), r]);
  }
  return out;
}

/** The outbox as read by the API, on the pool or on a write transaction's connection. */
export function pgOutboxReader(db: Executor): OutboxReader {
  const filtered = (f: OutboxFilter) => {
    let q = db.selectFrom('reminder_jobs as j');
    if (f.channel) q = q.where('j.channel', '=', f.channel);
    if (f.rule) q = q.where('j.rule', '=', f.rule);
    if (f.recipientId) q = q.where('j.recipient_id', '=', f.recipientId);
    if (f.taskId)
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('reminder_items as i')
            .select('i.key')
            .whereRef('i.job_id', '=', 'j.id')
            .where('i.task_id', '=', f.taskId!),
        ),
      );
    return q;
  };
  return {
    async list(f) {
      const counted = await filtered(f)
        .select(['j.state', sql<number>`count(*)::int`.as('n')])
        .groupBy('j.state')
        .execute();
      const counts = Object.fromEntries(counted.map((r) => [r.state, Number(r.n)]));
      let q = filtered(f);
      if (f.state) q = q.where('j.state', '=', f.state);
      const total = f.state
        ? (counts[f.state] ?? 0)
        : (Object.values(counts) as number[]).reduce((a, b) => a + b, 0);
      const jobs = (await q
        .selectAll('j')
        .orderBy('j.id', 'desc')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute()) as JobRow[];
      const items = await itemsOf(
        db,
        jobs.map((j) => Number(j.id)),
      );
      return { items: jobs.map((j) => toMessage(j, items.get(Number(j.id)) ?? [])), total, counts };
    },
    async get(id) {
      if (!/^\d{1,15}$/.test(id)) return null;
      const j = (await db
        .selectFrom('reminder_jobs')
        .selectAll()
        .where('id', '=', Number(id))
        .executeTakeFirst()) as JobRow | undefined;
      if (!j) return null;
      return toMessage(j, (await itemsOf(db, [Number(j.id)])).get(Number(j.id)) ?? []);
    },
  };
}

/** A resend, inside the store's write transaction (so it commits with its audit entry). */
export async function replayOutbox(trx: Transaction<AnyDb>, op: OutboxOp): Promise<void> {
  await trx
    .updateTable('reminder_jobs')
    .set({
      state: 'queued',
      attempts: 0,
      next_attempt_at: isoOf(op.atMs),
      last_error: null,
      lease_until: null,
      claimed_by: null,
      resent: sql`resent + 1`,
    })
    .where('id', '=', Number(op.id))
    .where('state', '<>', 'sending')
    .execute();
}

export const REMINDER_TABLES = ['reminder_items', 'reminder_jobs'];

function jobRow(p: PlannedItem, key: string, kind: string, day: string, atMs: number, nowMs: number) {
  return {
    key,
    kind,
    rule: kind === 'digest' ? 'digest' : p.rule,
    channel: p.channel,
    recipient_id: p.recipientId,
    recipient_name: p.recipientName,
    target: p.target,
    lang: p.lang,
    day,
    state: 'queued',
    attempts: 0,
    next_attempt_at: isoOf(atMs),
    created_at: isoOf(nowMs),
  };
}

const itemRow = (p: PlannedItem, jobId: number) => ({
  key: p.key,
  job_id: jobId,
  rule: p.rule,
  task_id: p.taskId,
  day: p.day,
  facts: JSON.stringify(p.facts),
});

async function insertJob(
  trx: Transaction<AnyDb>,
  p: PlannedItem,
  key: string,
  kind: string,
  day: string,
  atMs: number,
  nowMs: number,
) {
  const row = await trx
    .insertInto('reminder_jobs')
    .values(jobRow(p, key, kind, day, atMs, nowMs))
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

// Rows per multi-row INSERT (13 parameters each, far below PostgreSQL's 65,535).
const INSERT_CHUNK = 500;

export function pgJobQueue(kysely: Kysely<AnyDb>): JobQueue {
  return {
    async schedule(planned, nowMs) {
      if (!planned.length) return 0;
      return kysely.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(${SCHEDULE_LOCK})`.execute(trx);
        const existing = new Set<string>();
        const keys = planned.map((p) => p.key);
        for (let i = 0; i < keys.length; i += 1000) {
          const rows = await trx
            .selectFrom('reminder_items')
            .select('key')
            .where('key', 'in', keys.slice(i, i + 1000))
            .execute();
          for (const r of rows) existing.add(r.key);
        }
        const seen = new Set(existing);
        const fresh = planned.filter((p) => !seen.has(p.key) && seen.add(p.key));
        // Single messages (nearly all) in a few multi-row statements: the lock is held for milliseconds.
        const singles = fresh.filter((p) => !p.digest);
        for (let i = 0; i < singles.length; i += INSERT_CHUNK) {
          const chunk = singles.slice(i, i + INSERT_CHUNK);
          const ids = await trx
            .insertInto('reminder_jobs')
            .values(chunk.map((p) => jobRow(p, p.key, 'single', p.day, p.sendAtMs, nowMs)))
            .onConflict((oc) => oc.column('key').doNothing())
            .returning(['id', 'key'])
            .execute();
          const idOf = new Map(ids.map((r) => [r.key as string, Number(r.id)]));
          const items = chunk.filter((p) => idOf.has(p.key)).map((p) => itemRow(p, idOf.get(p.key)!));
          if (items.length) await trx.insertInto('reminder_items').values(items).execute();
        }
        let added = singles.length;
        for (const p of fresh.filter((x) => x.digest)) {
          let jobId: number | null = null;
          // The slot's digest takes the item while it is queued; once on its way, the next day's.
          for (let slot = p.digest!.slot; jobId === null; slot = addDays(slot, 1)) {
            const key = digestKey(p.recipientId, p.channel, slot);
            const at = digestSendAt(slot, p.digest!.at, p.digest!.quiet);
            jobId = await insertJob(trx, p, key, 'digest', slot, at, nowMs);
            if (jobId !== null) break;
            const found = await trx
              .selectFrom('reminder_jobs')
              .select(['id', 'state', 'resent'])
              .where('key', '=', key)
              .forUpdate()
              .executeTakeFirstOrThrow();
            if (found.state === 'queued' && Number(found.resent) === 0) jobId = Number(found.id);
          }
          await trx.insertInto('reminder_items').values(itemRow(p, jobId)).execute();
          added++;
        }
        return added;
      });
    },

    async claim(nowMs, limit, workerId, leaseMs) {
      const now = isoOf(nowMs);
      const res = await sql<JobRow>`
        update reminder_jobs set state = 'sending', attempts = attempts + 1,
          lease_until = ${isoOf(nowMs + leaseMs)}, claimed_by = ${workerId}
        where id in (
          select id from reminder_jobs
          where (state in ('queued', 'failed') and next_attempt_at <= ${now})
             or (state = 'sending' and lease_until < ${now})
          order by next_attempt_at, id
          limit ${limit}
          for update skip locked)
        returning *`.execute(kysely);
      const jobs = res.rows;
      const items = await itemsOf(
        kysely,
        jobs.map((j) => Number(j.id)),
      );
      return jobs
        .sort((a, b) => Number(a.id) - Number(b.id))
        .map<ClaimedJob>((j) => ({
          id: String(j.id),
          kind: j.kind,
          channel: j.channel,
          recipientId: j.recipient_id,
          recipientName: j.recipient_name,
          target: j.target,
          lang: j.lang,
          attempts: j.attempts,
          day: j.day,
          items: (items.get(Number(j.id)) ?? []).map((i) => ({
            rule: i.rule as ClaimedJob['items'][number]['rule'],
            facts: i.facts as unknown as ClaimedJob['items'][number]['facts'],
          })),
        }));
    },

    async finish(id, workerId, outcome: FinishOutcome, nowMs) {
      const set = outcome.ok
        ? { state: 'sent', sent_at: isoOf(nowMs), last_error: null, next_attempt_at: null }
        : {
            state: outcome.retryAtMs === null ? 'dead' : 'failed',
            last_error: outcome.error.slice(0, 500),
            next_attempt_at: outcome.retryAtMs === null ? null : isoOf(outcome.retryAtMs),
          };
      await kysely
        .updateTable('reminder_jobs')
        .set({ ...set, lease_until: null, claimed_by: null })
        .where('id', '=', Number(id))
        .where('state', '=', 'sending')
        .where('claimed_by', '=', workerId)
        .execute();
    },
  };
}
