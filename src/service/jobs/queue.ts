import type { OutboxFilter, OutboxMessage } from '../../domain/contract/reminders';
import type { ReminderFacts } from '../../domain/reminders/due';
import type { PlannedItem } from '../../domain/reminders/plan';
import type { Channel, ReminderRule } from '../../domain/reminders/rules';

/**
 * The reminder queue, two sides. The outbox side (read by the API; a resend is a store operation, so
 * it commits with its audit entry) and the jobs side (the scheduler adds, workers claim and finish).
 * Two implementations: PostgreSQL tables (server/jobs/pg-queue.ts) and memory (the demo, tests).
 * Neither is part of the cached `Db`: queue traffic never bumps the data revision.
 */
export interface OutboxReader {
  list(
    filter: OutboxFilter,
  ): Promise<{ items: OutboxMessage[]; total: number; counts: Record<string, number> }>;
  get(id: string): Promise<OutboxMessage | null>;
}

/** Changes to the queue made by a use case, replayed in the store's write transaction. */
export type OutboxOp = { kind: 'resend'; id: string; atMs: number };

export interface ClaimedJob {
  id: string;
  kind: 'single' | 'digest';
  channel: Channel;
  recipientId: string;
  recipientName: string;
  target: string;
  lang: 'zh' | 'en';
  /** Attempts including this one. */
  attempts: number;
  /** The digest's day, or the single item's day. */
  day: string;
  items: { rule: ReminderRule; facts: ReminderFacts }[];
}

export type FinishOutcome = { ok: true } | { ok: false; error: string; retryAtMs: number | null };

export interface JobQueue {
  /**
   * Add what is not there yet: an item whose key exists is skipped (exactly once across restarts
   * and processes); a digest item joins its slot's queued digest, or the next day's if that one is
   * already on its way. Returns how many items were new.
   */
  schedule(items: readonly PlannedItem[], nowMs: number): Promise<number>;
  /**
   * Take up to `limit` messages due by `nowMs` (queued, failed and due again, or `sending` whose
   * lease ran out — a worker that died), marking them `sending` for `leaseMs`.
   */
  claim(nowMs: number, limit: number, workerId: string, leaseMs: number): Promise<ClaimedJob[]>;
  /** Record an attempt's outcome; ignored if the claim is no longer this worker's. */
  finish(id: string, workerId: string, outcome: FinishOutcome, nowMs: number): Promise<void>;
}

export const digestKey = (recipientId: string, channel: string, slot: string) =>
  `digest|${recipientId}|${channel}|${slot}`;
