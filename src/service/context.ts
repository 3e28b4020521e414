import type { z } from 'zod';
import type { Endpoint } from '../domain/contract';
import type { Person } from '../domain/schemas';
import type { SessionSettings } from './auth/policy';
import type { AuthPort, Passwords, SessionRow } from './auth/port';
import type { Db } from './db';
import type { OutboxReader } from './jobs/queue';
import type { ReadModels, WriteTx } from './port';

/** A use case's view of one request: who asks, when, and the already validated input. */
export interface ReadCtx<Q = unknown> {
  data: Db;
  /** Read models the store answers itself (in SQL), where it has them; else the use case derives them from `data`. */
  models: ReadModels | null;
  actor: Person;
  params: Record<string, string>;
  query: Q;
  /** The injected clock: this request's instant (ISO, +08:00) and calendar day. */
  now: string;
  today: string;
  nowMs: number;
  /** Whether this backend is the demo. */
  demo: boolean;
  identityHeader: boolean;
  /** Sign-in, where the backend has it (the Node server). */
  auth: AuthDeps | null;
  /** The session the request came with (null: the demo header, or none). */
  session: SessionRow | null;
  /** The client's address as the transport saw it (rate limits, audit). */
  clientAddress: string;
  /** The reminder outbox, where the backend has a queue. */
  outbox: OutboxReader | null;
  /** What this deployment can deliver reminders on. */
  delivery: DeliveryInfo;
}

/** Reminder delivery as configured (SMTP from the environment; the demo simulates both channels). */
export interface DeliveryInfo {
  email: boolean;
  emailFrom: string | null;
  webhook: boolean;
  simulated: boolean;
  /** Robots at http://127.0.0.1 are accepted (tests' local receivers; never in production). */
  localWebhooks?: boolean;
}

export const NO_DELIVERY: DeliveryInfo = { email: false, emailFrom: null, webhook: false, simulated: false };

export interface AuthDeps {
  port: AuthPort;
  passwords: Passwords;
  sessions: SessionSettings;
}

export interface WriteCtx<B = unknown> extends ReadCtx<unknown> {
  tx: WriteTx;
  body: B;
  /** The `If-Match` version, or null when the request carried none (or an empty one). */
  ifMatch: number | null;
  /** What the audit entry names, e.g. `task:T-0001`; a use case may narrow it. */
  target: string;
  /** Where the demo reset takes its data from; null on a backend that may not be reset. */
  datasets: DatasetSource | null;
  /** Whom the audit entry names when it is not the caller (a sign-in names who signed in). */
  auditAs?: Person;
}

/** The seeded datasets a demo backend can be reset to. */
export interface DatasetSource {
  build(dataset: 'seed' | 'large'): Db | Promise<Db>;
  /** The demo accounts that go with a dataset (servers with sign-in). */
  credentials?(data: Db): Promise<import('./auth/port').Credential[]>;
}

export type QueryOf<E> = E extends Endpoint<infer Q, z.ZodType, z.ZodType> ? z.output<Q> : never;
export type BodyOf<E> = E extends Endpoint<z.ZodType, infer B, z.ZodType> ? z.output<B> : never;
