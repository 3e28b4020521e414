import { toCstIso } from '../../domain/clock';
import type { OutboxFilter, OutboxMessage, OutboxState } from '../../domain/contract/reminders';
import { addDays } from '../../domain/dates';
import type { ReminderFacts } from '../../domain/reminders/due';
import type { PlannedItem } from '../../domain/reminders/plan';
import type { Channel, ReminderRule } from '../../domain/reminders/rules';
import { digestSendAt } from '../../domain/reminders/schedule';
import {
  type ClaimedJob,
  digestKey,
  type FinishOutcome,
  type JobQueue,
  type OutboxOp,
  type OutboxReader,
} from './queue';

/**
 * The queue in memory: the demo's (persisted in the browser next to its data) and the tests'. Same
 * rules as the PostgreSQL tables: unique item keys, digests that take items while queued, leases.
 */
export interface MemJob {
  id: string;
  key: string;
  kind: 'single' | 'digest';
  rule: ReminderRule | 'digest';
  channel: Channel;
  recipientId: string;
  recipientName: string;
  target: string;
  lang: 'zh' | 'en';
  day: string;
  state: OutboxState;
  attempts: number;
  nextAttemptMs: number | null;
  leaseUntilMs: number | null;
  claimedBy: string | null;
  lastError: string | null;
  resent: number;
  createdMs: number;
  sentMs: number | null;
}

export interface MemItem {
  key: string;
  jobId: string;
  rule: ReminderRule;
  taskId: string;
  day: string;
  facts: ReminderFacts;
}

export interface MemState {
  seq: number;
  jobs: MemJob[];
  items: MemItem[];
}

/** Where the demo keeps the queue between page loads (another tab may have moved it on). */
export interface QueuePersistence {
  load(): MemState | null;
  save(state: MemState): void;
}

export interface MemoryQueue extends JobQueue, OutboxReader {
  apply(op: OutboxOp): void;
  clear(): void;
  readonly state: MemState;
}

const iso = (ms: number | null) => (ms === null ? null : toCstIso(ms));

export function toMessage(j: MemJob, items: readonly MemItem[]): OutboxMessage {
  return {
    id: j.id,
    kind: j.kind,
    rule: j.rule,
    channel: j.channel,
    recipientId: j.recipientId,
    recipientName: j.recipientName,
    target: j.target,
    lang: j.lang,
    state: j.state,
    attempts: j.attempts,
    nextAttemptAt: j.state === 'queued' || j.state === 'failed' ? iso(j.nextAttemptMs) : null,
    lastError: j.lastError,
    createdAt: toCstIso(j.createdMs),
    sentAt: iso(j.sentMs),
    resent: j.resent,
    items: items.map((i) => ({
      key: i.key,
      rule: i.rule,
      taskId: i.taskId,
      code: i.facts.code,
      title: i.facts.title,
      day: i.day,
    })),
  };
}

export function matches(f: OutboxFilter, j: MemJob, items: readonly MemItem[], withState = true): boolean {
  return (
    (!withState || !f.state || j.state === f.state) &&
    (!f.channel || j.channel === f.channel) &&
    (!f.rule || j.rule === f.rule) &&
    (!f.recipientId || j.recipientId === f.recipientId) &&
    (!f.taskId || items.some((i) => i.taskId === f.taskId))
  );
}

export function createMemoryQueue(persist?: QueuePersistence): MemoryQueue {
  let state: MemState = persist?.load() ?? { seq: 0, jobs: [], items: [] };
  const sync = () => {
    const stored = persist?.load();
    if (stored && stored.seq >= state.seq) state = stored;
  };
  const save = () => persist?.save(state);
  const itemsOf = (id: string) => state.items.filter((i) => i.jobId === id);
  const newJob = (
    p: PlannedItem,
    key: string,
    kind: MemJob['kind'],
    day: string,
    at: number,
    nowMs: number,
  ) => {
    const job: MemJob = {
      id: String(++state.seq),
      key,
      kind,
      rule: kind === 'digest' ? 'digest' : p.rule,
      channel: p.channel,
      recipientId: p.recipientId,
      recipientName: p.recipientName,
      target: p.target,
      lang: p.lang,
      day,
      state: 'queued',
      attempts: 0,
      nextAttemptMs: at,
      leaseUntilMs: null,
      claimedBy: null,
      lastError: null,
      resent: 0,
      createdMs: nowMs,
      sentMs: null,
    };
    state.jobs.push(job);
    return job;
  };
  const queue: MemoryQueue = {
    get state() {
      return state;
    },
    async schedule(planned, nowMs) {
      sync();
      const keys = new Set(state.items.map((i) => i.key));
      let added = 0;
      for (const p of planned) {
        if (keys.has(p.key)) continue;
        let job: MemJob;
        if (p.digest) {
          let slot = p.digest.slot;
          for (;;) {
            const key = digestKey(p.recipientId, p.channel, slot);
            const found = state.jobs.find((j) => j.key === key);
            const at = digestSendAt(slot, p.digest.at, p.digest.quiet);
            if (!found) {
              job = newJob(p, key, 'digest', slot, at, nowMs);
              break;
            }
            if (found.state === 'queued' && found.resent === 0) {
              job = found;
              break;
            }
            slot = addDays(slot, 1);
          }
        } else job = newJob(p, p.key, 'single', p.day, p.sendAtMs, nowMs);
        state.items.push({
          key: p.key,
          jobId: job.id,
          rule: p.rule,
          taskId: p.taskId,
          day: p.day,
          facts: p.facts,
        });
        keys.add(p.key);
        added++;
      }
      if (added) {
        state.seq++;
        save();
      }
      return added;
    },
    async claim(nowMs, limit, workerId, leaseMs) {
      sync();
      const due = state.jobs
        .filter(
          (j) =>
            ((j.state === 'queued' || j.state === 'failed') && (j.nextAttemptMs ?? 0) <= nowMs) ||
            (j.state === 'sending' && (j.leaseUntilMs ?? 0) < nowMs),
        )
        .sort((a, b) => (a.nextAttemptMs ?? 0) - (b.nextAttemptMs ?? 0) || Number(a.id) - Number(b.id))
        .slice(0, limit);
      for (const j of due)
        Object.assign(j, {
          state: 'sending',
          attempts: j.attempts + 1,
          leaseUntilMs: nowMs + leaseMs,
          claimedBy: workerId,
        });
      if (due.length) {
        state.seq++;
        save();
      }
      return due.map<ClaimedJob>((j) => ({
        id: j.id,
        kind: j.kind,
        channel: j.channel,
        recipientId: j.recipientId,
        recipientName: j.recipientName,
        target: j.target,
        lang: j.lang,
        attempts: j.attempts,
        day: j.day,
        items: itemsOf(j.id).map((i) => ({ rule: i.rule, facts: i.facts })),
      }));
    },
    async finish(id, workerId, outcome: FinishOutcome, nowMs) {
      sync();
      const j = state.jobs.find((x) => x.id === id);
      if (j?.state !== 'sending' || j.claimedBy !== workerId) return;
      if (outcome.ok)
        Object.assign(j, { state: 'sent', sentMs: nowMs, lastError: null, nextAttemptMs: null });
      else
        Object.assign(j, {
          state: outcome.retryAtMs === null ? 'dead' : 'failed',
          lastError: outcome.error.slice(0, 500),
          nextAttemptMs: outcome.retryAtMs,
        });
      Object.assign(j, { leaseUntilMs: null, claimedBy: null });
      state.seq++;
      save();
    },
    async list(f) {
      sync();
      const rows = state.jobs
        .map((j) => ({ j, items: itemsOf(j.id) }))
        .filter(({ j, items }) => matches(f, j, items, false));
      const counts: Record<string, number> = {};
      for (const { j } of rows) counts[j.state] = (counts[j.state] ?? 0) + 1;
      const shown = rows.filter(({ j }) => !f.state || j.state === f.state).reverse();
      const start = (f.page - 1) * f.pageSize;
      return {
        items: shown.slice(start, start + f.pageSize).map(({ j, items }) => toMessage(j, items)),
        total: shown.length,
        counts,
      };
    },
    async get(id) {
      sync();
      const j = state.jobs.find((x) => x.id === id);
      return j ? toMessage(j, itemsOf(id)) : null;
    },
    apply(op) {
      sync();
      const j = state.jobs.find((x) => x.id === op.id);
      if (!j || j.state === 'sending') return;
      Object.assign(j, {
        state: 'queued',
        attempts: 0,
        nextAttemptMs: op.atMs,
        lastError: null,
        resent: j.resent + 1,
      });
      state.seq++;
      save();
    },
    clear() {
      state = { seq: state.seq + 1, jobs: [], items: [] };
      save();
    },
  };
  return queue;
}
