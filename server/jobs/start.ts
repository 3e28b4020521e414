import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DeliveryInfo } from '../../src/service/context';
import { type Channels, type JobLoop, startJobLoop } from '../../src/service/jobs/jobs';
import type { Store } from '../../src/service/port';
import type { AnyDb } from '../store/connect';
import { smtpChannel } from './channels/smtp';
import { webhookChannel } from './channels/webhook';
import { pgJobQueue } from './pg-queue';

/** How the server's reminder jobs run (server/config.ts reads them from the environment). */
export interface JobsOptions {
  /** LUOSHI_JOBS=0 switches them off (another process delivers, or nobody should be reminded). */
  enabled?: boolean;
  smtpUrl?: string;
  smtpFrom?: string;
  /** Links in messages; default the server's own URL. */
  publicUrl?: string;
  /** How often the jobs run, ms (LUOSHI_JOBS_INTERVAL_MS; default 5 s); 0 = only when `tick()` is called (tests). */
  intervalMs?: number;
  /** Webhook and SMTP timeouts, ms. */
  timeoutMs?: number;
  /** Tests: replace the channels. */
  channels?: Channels;
  /** Tests only (no environment variable): accept robots at http://127.0.0.1 (the tests' receivers). */
  allowLocalWebhooks?: boolean;
}

export function deliveryInfo(o: JobsOptions): DeliveryInfo {
  return {
    email: !!(o.channels ? o.channels.email : o.smtpUrl),
    emailFrom: o.smtpFrom ?? null,
    webhook: o.channels ? !!o.channels.webhook : true,
    simulated: false,
    localWebhooks: o.allowLocalWebhooks === true,
  };
}

export interface RunningJobs extends JobLoop {
  workerId: string;
}

export function startJobs(
  o: JobsOptions & {
    store: Store;
    kysely: Kysely<AnyDb>;
    clock: () => number;
    baseUrl: string;
    logger: Logger;
  },
): RunningJobs {
  const smtp = o.smtpUrl
    ? smtpChannel({ url: o.smtpUrl, from: o.smtpFrom ?? 'luoshi@localhost', timeoutMs: o.timeoutMs })
    : null;
  const channels: Channels = o.channels ?? {
    ...(smtp ? { email: smtp.send } : {}),
    webhook: webhookChannel({ timeoutMs: o.timeoutMs }),
  };
  const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const log = o.logger.child({ jobs: 'reminders', workerId });
  const loop = startJobLoop({
    store: o.store,
    queue: pgJobQueue(o.kysely),
    channels,
    clock: o.clock,
    baseUrl: o.publicUrl ?? o.baseUrl,
    workerId,
    intervalMs: o.intervalMs ?? 5_000,
    onError: (e) => log.warn({ err: e }, 'reminder jobs round failed'),
  });
  log.info({ email: !!channels.email, webhook: !!channels.webhook }, 'reminder jobs started');
  return {
    workerId,
    tick: loop.tick,
    kick: loop.kick,
    async stop() {
      await loop.stop();
      smtp?.close();
    },
  };
}
