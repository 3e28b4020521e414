import type { z } from 'zod';
import { toCstIso } from '../domain/clock';
import { type Endpoint, type ErrorCode, STATUS_OF } from '../domain/contract';
import type { AuditOutcome, Person } from '../domain/schemas';
import { TOUCH_EVERY_MS } from './auth/policy';
import type { SessionRow } from './auth/port';
import { sha256Hex } from './auth/tokens';
import {
  type AuthDeps,
  type BodyOf,
  type DatasetSource,
  type DeliveryInfo,
  NO_DELIVERY,
  type QueryOf,
  type ReadCtx,
  type WriteCtx,
} from './context';
import type { Db } from './db';
import { type Store, StoreConflict, StoreUnavailable } from './port';
import { mayRead } from './read-access';
import { type FieldError, isRefusal, type Refusal, type Result, refuse } from './result';

/** One request as the service sees it: no transport, only what the rules need. */
export interface ServiceRequest {
  /** The demo identity header's person id, or null (believed only where `identityHeader` is on). */
  actorId: string | null;
  /** The session cookie's token, or null. */
  sessionToken?: string | null;
  /** The client's address (rate limits, audit detail). */
  clientAddress?: string;
  /** A refusal the transport decided (cross-origin 403, not-JSON 415): audited like any other. */
  transportRefusal?: Refusal;
  /**
   * The operators' command line acts as itself (no HTTP transport can set this): it is audited by
   * its own name and may do what the 督查室 may.
   */
  systemActor?: Person;
  params: Record<string, string>;
  query: Record<string, string>;
  /** The parsed JSON body; `undefined` when there was none. */
  body?: unknown;
  /** Set when the body could not be read as JSON. */
  bodyError?: string;
  /** The raw `If-Match` header, or null. */
  ifMatch: string | null;
  /**
   * Aborted when the client goes away (the Node server passes the request's signal): a write not yet
   * committed is dropped (only its audit entry stays) and a read not yet started is skipped.
   */
  signal?: AbortSignal;
}

export interface ServiceAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  setSession?: { token: string; maxAgeSec: number } | 'clear';
  /** Who acted, for the request log. */
  actorId?: string | null;
}

export interface ServiceDeps {
  store: Store;
  /** The injected clock, ms since the epoch. */
  clock: () => number;
  /** Demo only: whether this request should fail as if the server broke (the failure-rate knob). */
  injectFailure?: () => boolean;
  /** Whether this backend is the demo (the session says so, the UI offers the demo controls). */
  demo: boolean;
  /** Whether the demo identity header is believed (the demo; a loopback server until sign-in). */
  identityHeader?: boolean;
  /** Demo backends only: the datasets a reset restores. */
  datasets?: DatasetSource;
  /** Sign-in (the Node server): sessions, password hashing, settings. */
  auth?: AuthDeps;
  /** Reminder delivery channels (default: none). */
  delivery?: DeliveryInfo;
}

export interface ReadDef<E extends Endpoint = Endpoint> {
  kind: 'read';
  endpoint: E;
  /** The endpoint's name in the contract (set by the use-case table): the read-access row. */
  name?: string;
  resolve: (ctx: ReadCtx<QueryOf<E>>) => unknown | Refusal | Promise<unknown | Refusal>;
}

export interface WriteDef<E extends Endpoint = Endpoint> {
  kind: 'write';
  endpoint: E;
  action: string;
  targetOf: (params: Record<string, string>) => string;
  run: (ctx: WriteCtx<BodyOf<E>>) => Result | Promise<Result>;
  /** Called when the store refused the change (a concurrent write moved the version on). */
  onConflict?: (data: Db, params: Record<string, string>, day: string) => Refusal;
}

export type UseCase = ReadDef<never> | WriteDef<never>;

export function defineRead<E extends Endpoint>(endpoint: E, resolve: ReadDef<E>['resolve']): ReadDef<E> {
  return { kind: 'read', endpoint, resolve };
}

export function defineWrite<E extends Endpoint>(
  endpoint: E,
  action: string,
  targetOf: (params: Record<string, string>) => string,
  run: WriteDef<E>['run'],
  onConflict?: WriteDef<E>['onConflict'],
): WriteDef<E> {
  return { kind: 'write', endpoint, action, targetOf, run, onConflict };
}

const OUTCOME_OF: Record<ErrorCode, AuditOutcome> = {
  'bad-request': 'invalid',
  unauthenticated: 'denied',
  forbidden: 'denied',
  'not-found': 'not-found',
  conflict: 'conflict',
  'precondition-failed': 'conflict',
  'precondition-required': 'invalid',
  'server-error': 'error',
  unavailable: 'error',
  'unsupported-media-type': 'invalid',
  'too-many-requests': 'denied',
  'payload-too-large': 'invalid',
  'request-timeout': 'error',
  'header-fields-too-large': 'invalid',
};

export const zodFields = (error: z.ZodError): FieldError[] =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));

/** Who asks a public endpoint without an identity: no role, no unit, no rights. */
const ANONYMOUS: Person = { id: 'anonymous', name: '（未识别）', unitId: '', role: 'leader', title: '' };

const INJECTED = '演示故障注入：服务器暂时不可用 (injected failure)';
const CLIENT_GONE = '客户端已断开，未执行 (client disconnected; nothing done)';
const UNKNOWN_USER = '未识别的用户 (unknown user)';

function answerOf(r: Result): ServiceAnswer {
  if (r.ok) return { status: r.status ?? 200, body: r.body, setSession: r.setSession };
  const { code, message, fields, current } = r;
  const error: Record<string, unknown> = { code, message };
  if (fields) error.fields = fields;
  if (current !== undefined) error.current = current;
  const answer: ServiceAnswer = { status: STATUS_OF[code], body: { error } };
  if (r.retryAfterSec !== undefined) answer.headers = { 'Retry-After': String(r.retryAfterSec) };
  // A request that came with a session the server no longer knows clears the stale cookie.
  if (code === 'unauthenticated') answer.setSession = 'clear';
  return answer;
}

interface Identity {
  personId: string | null;
  session: SessionRow | null;
}

/**
 * Who asks: the demo header where it is believed, else the session cookie — a session that is
 * unknown, idle too long, too old or of a disabled account counts as none (and is deleted).
 */
async function identify(deps: ServiceDeps, req: ServiceRequest, nowMs: number): Promise<Identity> {
  if (req.systemActor) return { personId: req.systemActor.id, session: null };
  if (deps.identityHeader && req.actorId) return { personId: req.actorId, session: null };
  const auth = deps.auth;
  if (!auth || !req.sessionToken) return { personId: null, session: null };
  const idHash = await sha256Hex(req.sessionToken);
  const row = await auth.port.session(idHash);
  if (!row) return { personId: null, session: null };
  const expired =
    nowMs - row.lastSeenAt > auth.sessions.idleMs || nowMs - row.createdAt > auth.sessions.absoluteMs;
  const cred = expired ? null : await auth.port.credentialByPerson(row.personId);
  if (expired || !cred?.active) {
    await auth.port.deleteSession(idHash);
    return { personId: null, session: null };
  }
  if (nowMs - row.lastSeenAt > TOUCH_EVERY_MS) {
    await auth.port.touchSession(idHash, nowMs);
    return { personId: row.personId, session: { ...row, lastSeenAt: nowMs } };
  }
  return { personId: row.personId, session: row };
}

function clockOf(deps: ServiceDeps) {
  const nowMs = deps.clock();
  const now = toCstIso(nowMs);
  return { nowMs, now, today: now.slice(0, 10) };
}

/** `If-Match: 3`, `"3"` or `W/"3"`; anything empty or unreadable counts as missing (428). */
export function parseIfMatch(raw: string | null): number | null {
  if (raw === null) return null;
  const v = raw.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
  if (!/^\d+$/.test(v)) return null;
  return Number(v);
}

export async function runRead(
  deps: ServiceDeps,
  def: ReadDef<never>,
  req: ServiceRequest,
): Promise<ServiceAnswer> {
  try {
    if (deps.injectFailure?.()) return answerOf(refuse('server-error', INJECTED));
    if (req.signal?.aborted) return answerOf(refuse('request-timeout', CLIENT_GONE));
    const clock = clockOf(deps);
    const who = await identify(deps, req, clock.nowMs);
    const result = await deps.store.read(async (data) => {
      const ep0 = def.endpoint as Endpoint;
      const actor = findActor(data, who.personId, req.systemActor) ?? (ep0.public ? ANONYMOUS : null);
      if (!actor) return refuse('unauthenticated', UNKNOWN_USER);
      if (def.name && !ep0.public && !mayRead(def.name, actor.role))
        return refuse('forbidden', '当前身份无权查看 (forbidden)');
      let query: unknown;
      const ep = def.endpoint as Endpoint;
      if (ep.query) {
        const parsed = ep.query.safeParse(req.query);
        if (!parsed.success)
          return refuse('bad-request', '查询参数无效 (invalid query)', { fields: zodFields(parsed.error) });
        query = parsed.data;
      }
      const out = await def.resolve(readCtx(deps, req, data, actor, query as never, who, clock));
      return isRefusal(out) ? out : ({ ok: true, body: out } as Result);
    });
    return { ...answerOf(result), actorId: who.personId };
  } catch (e) {
    return answerOf(failureOf(e));
  }
}

/** What a read sees: the snapshot, who asks, the validated query and the injected clock. */
function readCtx<Q>(
  deps: ServiceDeps,
  req: ServiceRequest,
  data: Db,
  actor: Person,
  query: Q,
  who: Identity,
  clock: ReturnType<typeof clockOf>,
): ReadCtx<Q> {
  return {
    data,
    models: deps.store.readModels ?? null,
    actor,
    params: req.params,
    query,
    demo: deps.demo,
    identityHeader: deps.identityHeader ?? false,
    auth: deps.auth ?? null,
    session: who.session,
    clientAddress: req.clientAddress ?? '',
    outbox: deps.store.outbox ?? null,
    delivery: deps.delivery ?? NO_DELIVERY,
    ...clock,
  };
}

/**
 * A document download (`GET /api/documents/...`): the same identity and read-access checks as any
 * read; the answer carries the file.
 */
export async function runDocument(
  deps: ServiceDeps,
  route: { name: string; build: (ctx: ReadCtx<Record<string, string>>) => Promise<unknown> },
  req: ServiceRequest,
): Promise<ServiceAnswer & { file?: unknown }> {
  try {
    const clock = clockOf(deps);
    const who = await identify(deps, req, clock.nowMs);
    const out = await deps.store.read(async (data) => {
      const actor = findActor(data, who.personId, req.systemActor);
      if (!actor) return refuse('unauthenticated', UNKNOWN_USER);
      if (!mayRead(route.name, actor.role)) return refuse('forbidden', '当前身份无权查看 (forbidden)');
      return route.build(readCtx(deps, req, data, actor, req.query, who, clock));
    });
    if (isRefusal(out)) return answerOf(out);
    return { status: 200, body: null, file: out, actorId: who.personId };
  } catch (e) {
    return answerOf(failureOf(e));
  }
}

function findActor(data: Db, id: string | null, system?: Person): Person | null {
  if (system && id === system.id) return system;
  return id ? (data.people.find((p) => p.id === id) ?? null) : null;
}

function failureOf(e: unknown): Refusal {
  if (e instanceof StoreUnavailable)
    return refuse('unavailable', '数据库暂时不可用，请稍后重试 (database unavailable)');
  return refuse('server-error', '服务器内部错误 (internal error)');
}

/**
 * Every write attempt, refused or not, leaves exactly one audit entry, and a refused or failed one
 * leaves nothing else: the use case runs inside one store transaction; a refusal or an exception
 * drops its changes and keeps only the audit entry.
 */
export async function runWrite(
  deps: ServiceDeps,
  def: WriteDef<never>,
  req: ServiceRequest,
): Promise<ServiceAnswer> {
  const clock = clockOf(deps);
  let target = def.targetOf(req.params);
  let auditAs: Person | undefined;
  let who: Identity = { personId: null, session: null };
  // Sign-in and account changes say where they came from (the address as the server saw it).
  const from = req.clientAddress && /^(session|account)\./.test(def.action) ? ` [${req.clientAddress}]` : '';
  const audit = (tx: WriteCtx['tx'], actor: Person | null, r: Result) => {
    const named = auditAs ?? actor;
    tx.audit({
      at: clock.now,
      actorId: named?.id ?? (deps.identityHeader ? req.actorId : null) ?? 'anonymous',
      actorName: named?.name ?? '（未识别）',
      role: named?.role ?? null,
      action: def.action,
      target,
      outcome: r.ok ? 'ok' : OUTCOME_OF[r.code],
      detail: `${r.detail ?? (r.ok ? '' : r.message)}${from}`.slice(0, 300),
    });
  };
  try {
    who = await identify(deps, req, clock.nowMs);
    const result = await deps.store.write(async (tx) => {
      const ep = def.endpoint as Endpoint;
      const found = findActor(tx.data, who.personId, req.systemActor);
      const actor = found ?? (ep.public ? ANONYMOUS : null);
      const finish = (r: Result): Result => {
        if (!r.ok && !r.keep) tx.discard();
        audit(tx, found, r);
        return r;
      };
      if (req.transportRefusal) return finish(req.transportRefusal);
      // Nobody waits for the answer: do nothing, but leave the attempt in the audit log.
      if (req.signal?.aborted) return finish(refuse('request-timeout', CLIENT_GONE));
      if (!actor) return finish(refuse('unauthenticated', UNKNOWN_USER));
      if (deps.injectFailure?.()) return finish(refuse('server-error', INJECTED));
      let body: unknown;
      if (ep.body) {
        if (req.bodyError) return finish(refuse('bad-request', req.bodyError));
        const parsed = ep.body.safeParse(req.body);
        if (!parsed.success)
          return finish(
            refuse('bad-request', '提交的内容有误 (invalid request body)', {
              fields: zodFields(parsed.error),
            }),
          );
        body = parsed.data;
      }
      const ctx: WriteCtx<never> = {
        data: tx.data,
        // Inside a write the rules read the transaction's own data, never a separate query.
        models: null,
        actor,
        params: req.params,
        query: req.query,
        tx,
        body: body as never,
        ifMatch: parseIfMatch(req.ifMatch),
        target,
        demo: deps.demo,
        identityHeader: deps.identityHeader ?? false,
        datasets: deps.datasets && deps.store.canReset ? deps.datasets : null,
        auth: deps.auth ?? null,
        session: who.session,
        clientAddress: req.clientAddress ?? '',
        outbox: tx.outbox ?? null,
        delivery: deps.delivery ?? NO_DELIVERY,
        ...clock,
      };
      let r: Result;
      try {
        r = await def.run(ctx);
      } catch (e) {
        if (e instanceof StoreUnavailable) throw e;
        r = refuse('server-error', e instanceof Error ? `服务器内部错误：${e.message}` : '服务器内部错误');
      }
      target = ctx.target;
      auditAs = ctx.auditAs;
      // The client left while the rules ran: abandon before the commit rather than apply unseen work.
      if (r.ok && req.signal?.aborted) r = refuse('request-timeout', CLIENT_GONE);
      return finish(r);
    });
    return { ...answerOf(result), actorId: auditAs?.id ?? who.personId };
  } catch (e) {
    // The store refused the transaction as a whole (stale version at commit, database gone):
    // nothing of it is stored, so the attempt is audited on its own.
    const refusal =
      e instanceof StoreConflict
        ? await deps.store
            .read(
              (data) =>
                def.onConflict?.(data, req.params, clock.today) ??
                refuse('precondition-failed', '数据已被他人修改'),
            )
            .catch(() => refuse('precondition-failed', '数据已被他人修改'))
        : failureOf(e);
    await deps.store
      .write((tx) => {
        audit(tx, findActor(tx.data, who.personId), refusal);
      })
      .catch(() => undefined);
    return answerOf(refusal);
  }
}
