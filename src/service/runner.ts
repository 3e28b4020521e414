import type { z } from 'zod';
import { toCstIso } from '../domain/clock';
import { type Endpoint, type ErrorCode, STATUS_OF } from '../domain/contract';
import type { AuditOutcome, Person } from '../domain/schemas';
import type { BodyOf, DatasetSource, QueryOf, ReadCtx, WriteCtx } from './context';
import type { Db } from './db';
import { type Store, StoreConflict, StoreUnavailable } from './port';
import { type FieldError, isRefusal, type Refusal, type Result, refuse } from './result';

/** One request as the service sees it: no transport, only what the rules need. */
export interface ServiceRequest {
  /** The identity the transport vouches for (demo header or, later, a session), or null. */
  actorId: string | null;
  params: Record<string, string>;
  query: Record<string, string>;
  /** The parsed JSON body; `undefined` when there was none. */
  body?: unknown;
  /** Set when the body could not be read as JSON. */
  bodyError?: string;
  /** The raw `If-Match` header, or null. */
  ifMatch: string | null;
}

export interface ServiceAnswer {
  status: number;
  body: unknown;
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
}

export interface ReadDef<E extends Endpoint = Endpoint> {
  kind: 'read';
  endpoint: E;
  resolve: (ctx: ReadCtx<QueryOf<E>>) => unknown | Refusal;
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
};

export const zodFields = (error: z.ZodError): FieldError[] =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));

/** Who asks a public endpoint without an identity: no role, no unit, no rights. */
const ANONYMOUS: Person = { id: 'anonymous', name: '（未识别）', unitId: '', role: 'leader', title: '' };

const INJECTED = '演示故障注入：服务器暂时不可用 (injected failure)';
const UNKNOWN_USER = '未识别的用户 (unknown user)';

function answerOf(r: Result): ServiceAnswer {
  if (r.ok) return { status: r.status ?? 200, body: r.body };
  const { code, message, fields, current } = r;
  const error: Record<string, unknown> = { code, message };
  if (fields) error.fields = fields;
  if (current !== undefined) error.current = current;
  return { status: STATUS_OF[code], body: { error } };
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
    const result = await deps.store.read((data) => {
      const ep0 = def.endpoint as Endpoint;
      const actor = findActor(data, req.actorId) ?? (ep0.public ? ANONYMOUS : null);
      if (!actor) return refuse('unauthenticated', UNKNOWN_USER);
      let query: unknown;
      const ep = def.endpoint as Endpoint;
      if (ep.query) {
        const parsed = ep.query.safeParse(req.query);
        if (!parsed.success)
          return refuse('bad-request', '查询参数无效 (invalid query)', { fields: zodFields(parsed.error) });
        query = parsed.data;
      }
      const out = def.resolve({
        data,
        actor,
        params: req.params,
        query: query as never,
        demo: deps.demo,
        identityHeader: deps.identityHeader ?? false,
        ...clockOf(deps),
      });
      return isRefusal(out) ? out : ({ ok: true, body: out } as Result);
    });
    return answerOf(result);
  } catch (e) {
    return answerOf(failureOf(e));
  }
}

function findActor(data: Db, id: string | null): Person | null {
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
  const audit = (tx: WriteCtx['tx'], actor: Person | null, r: Result) =>
    tx.audit({
      at: clock.now,
      actorId: actor?.id ?? req.actorId ?? 'anonymous',
      actorName: actor?.name ?? '（未识别）',
      role: actor?.role ?? null,
      action: def.action,
      target,
      outcome: r.ok ? 'ok' : OUTCOME_OF[r.code],
      detail: (r.detail ?? (r.ok ? '' : r.message)).slice(0, 300),
    });
  try {
    const result = await deps.store.write(async (tx) => {
      const actor = findActor(tx.data, req.actorId);
      const finish = (r: Result): Result => {
        if (!r.ok) tx.discard();
        audit(tx, actor, r);
        return r;
      };
      if (!actor) return finish(refuse('unauthenticated', UNKNOWN_USER));
      if (deps.injectFailure?.()) return finish(refuse('server-error', INJECTED));
      const ep = def.endpoint as Endpoint;
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
      return finish(r);
    });
    return answerOf(result);
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
        audit(tx, findActor(tx.data, req.actorId), refusal);
      })
      .catch(() => undefined);
    return answerOf(refusal);
  }
}
