import { type ChannelsAvailable, planReminders } from '../../domain/reminders/plan';
import { type RenderedMessage, renderMessage } from '../../domain/reminders/render';
import { rulesOf, type Webhook, webhooksOf } from '../../domain/reminders/rules';
import { cstDayOf, retryDelayMs } from '../../domain/reminders/schedule';
import type { Db } from '../db';
import type { Store } from '../port';
import type { ClaimedJob, JobQueue } from './queue';

/**
 * The reminder jobs, transport-free: the scheduler turns today's due reminders into queue items,
 * workers deliver them. The server runs them over PostgreSQL with SMTP and webhooks, the demo over
 * its memory queue with simulated delivery; both against their own injected clock.
 */
export interface Channels {
  email?: (to: string, message: RenderedMessage) => Promise<void>;
  webhook?: (hook: Webhook, message: RenderedMessage) => Promise<void>;
}

export interface JobDeps {
  store: Store;
  queue: JobQueue;
  channels: Channels;
  clock: () => number;
  /** Where links in messages point: the app's address as its users open it. */
  baseUrl: string;
  /** Names this process's claims (several processes share one queue). */
  workerId: string;
  /** A claim not finished within this time is taken over (the worker died). Default 5 min. */
  leaseMs?: number;
  /** Messages per claim. Default 20. */
  batch?: number;
}

export const available = (c: Channels): ChannelsAvailable => ({ email: !!c.email, webhook: !!c.webhook });

/** Queue what is due today; returns how many items were new. */
export async function scheduleOnce(deps: JobDeps, data?: Db): Promise<number> {
  const now = deps.clock();
  const day = cstDayOf(now);
  const items = data
    ? planReminders(data, day, now, available(deps.channels))
    : await deps.store.read((d) => planReminders(d, day, now, available(deps.channels)));
  return items.length ? deps.queue.schedule(items, now) : 0;
}

async function deliver(deps: JobDeps, job: ClaimedJob, hooks: Record<string, Webhook>): Promise<void> {
  const message = renderMessage(job.items, {
    lang: job.lang,
    recipientName: job.recipientName,
    baseUrl: deps.baseUrl,
    digest: job.kind === 'digest',
    day: job.day,
  });
  if (job.channel === 'email') {
    if (!deps.channels.email) throw new Error('e-mail is not configured (LUOSHI_SMTP_URL)');
    await deps.channels.email(job.target, message);
    return;
  }
  const hook = hooks[job.target];
  if (!hook) throw new Error(`no group robot is set for unit ${job.target}`);
  if (!deps.channels.webhook) throw new Error('webhooks are switched off');
  await deps.channels.webhook(hook, message);
}

export interface WorkResult {
  sent: number;
  failed: number;
  dead: number;
}

/** Claim one batch and deliver it; a failure is retried with backoff, and after N attempts is dead. */
export async function workOnce(deps: JobDeps): Promise<WorkResult> {
  const result: WorkResult = { sent: 0, failed: 0, dead: 0 };
  const claimed = await deps.queue.claim(
    deps.clock(),
    deps.batch ?? 20,
    deps.workerId,
    deps.leaseMs ?? 300_000,
  );
  if (!claimed.length) return result;
  const { hooks, maxAttempts } = await deps.store.read((d) => ({
    hooks: webhooksOf(d.settings),
    maxAttempts: rulesOf(d.settings).maxAttempts,
  }));
  for (const job of claimed) {
    try {
      await deliver(deps, job, hooks);
      await deps.queue.finish(job.id, deps.workerId, { ok: true }, deps.clock());
      result.sent++;
    } catch (e) {
      const now = deps.clock();
      const dead = job.attempts >= maxAttempts;
      const error = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
      await deps.queue.finish(
        job.id,
        deps.workerId,
        { ok: false, error, retryAtMs: dead ? null : now + retryDelayMs(job.attempts) },
        now,
      );
      if (dead) result.dead++;
      else result.failed++;
    }
  }
  return result;
}

export interface JobLoop {
  /** One round now: schedule (if the data or the day changed), then deliver until nothing is due. */
  tick(): Promise<WorkResult>;
  /** Something changed (a write, e.g. a manual 催办): run a round soon, after the one in progress. */
  kick(): void;
  /** Stop the timer and wait for the round in progress (a restart loses nothing it had claimed). */
  stop(): Promise<void>;
}

/** A burst of writes (a bulk 催办 of 50 tasks is one write, an import several) costs one round. */
const KICK_DELAY_MS = 200;

/**
 * Run the jobs every `intervalMs` (0: only when `tick()` is called), never two rounds at once, never blocking whoever started them.
 * The scheduler re-plans only when the data or the day changed (planning the same day twice adds nothing).
 */
export function startJobLoop(
  deps: JobDeps & { intervalMs: number; onError?: (e: unknown) => void },
): JobLoop {
  let lastData: Db | null = null;
  let lastDay = '';
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let current: Promise<WorkResult> | null = null;
  let dirty = false;
  let kickTimer: ReturnType<typeof setTimeout> | null = null;
  // A write's wake plans again only for what must go out at once (a new manual 催办) or a new day:
  // planning reads every task, so under a stream of writes it waits for the next regular round.
  const urgent = (data: Db, day: string) =>
    day !== lastDay || (data.reminders?.length ?? 0) !== (lastData?.reminders?.length ?? 0);
  const round = async (woken: boolean): Promise<WorkResult> => {
    dirty = false;
    const day = cstDayOf(deps.clock());
    const data = await deps.store.read((d) => d);
    if ((data !== lastData || day !== lastDay) && (!woken || urgent(data, day))) {
      await scheduleOnce(deps, data);
      lastData = data;
      lastDay = day;
    }
    const total: WorkResult = { sent: 0, failed: 0, dead: 0 };
    for (let i = 0; i < 50 && !stopped; i++) {
      const r = await workOnce(deps);
      total.sent += r.sent;
      total.failed += r.failed;
      total.dead += r.dead;
      if (r.sent + r.failed + r.dead === 0) break;
    }
    return total;
  };
  const tick = (woken = false): Promise<WorkResult> => {
    current ??= round(woken).finally(() => {
      current = null;
      // A change during the round is planned by the next one.
      if (dirty && !stopped) kick();
    });
    return current;
  };
  const kick = () => {
    dirty = true;
    if (kickTimer || current || stopped) return;
    kickTimer = setTimeout(() => {
      kickTimer = null;
      tick(true).catch((e) => deps.onError?.(e));
    }, KICK_DELAY_MS);
  };
  const loop = () => {
    if (stopped || deps.intervalMs <= 0) return;
    tick()
      .catch((e) => deps.onError?.(e))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, deps.intervalMs);
      });
  };
  timer = setTimeout(loop, 0);
  return {
    tick: () => tick(),
    kick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (kickTimer) clearTimeout(kickTimer);
      await current?.catch(() => undefined);
    },
  };
}
