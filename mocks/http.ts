import { delay, HttpResponse, http } from 'msw';
import type { z } from 'zod';
import { nowIso } from '../src/domain/clock';
import { buildPath, type Endpoint, type ErrorCode, IDENTITY_HEADER, STATUS_OF } from '../src/domain/contract';
import type { AuditOutcome, Person, Task } from '../src/domain/schemas';
import { mockControls } from './controls';
import { getDb } from './db/instance';
import type { MockDb } from './db/store';

/** Served under this prefix in every mode; a real server mounts the same paths. */
export const API_ORIGIN = '*';

export function errorResponse(
  code: ErrorCode,
  message: string,
  extra: { fields?: { path: string; message: string }[]; current?: unknown } = {},
) {
  return HttpResponse.json({ error: { code, message, ...extra } }, { status: STATUS_OF[code] });
}

export function mswPath(ep: Endpoint): string {
  return `${API_ORIGIN}${ep.path}`;
}

export function zodFields(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));
}

export function identify(request: Request, db: MockDb): Person | null {
  const id = request.headers.get(IDENTITY_HEADER);
  if (!id) return null;
  return db.data.people.find((p) => p.id === id) ?? null;
}

async function simulateNetwork(): Promise<Response | null> {
  if (mockControls.latencyMs > 0) await delay(mockControls.latencyMs);
  if (mockControls.errorRate > 0 && Math.random() < mockControls.errorRate) {
    return errorResponse('server-error', '演示故障注入：服务器暂时不可用 (injected failure)');
  }
  return null;
}

const METHOD = {
  GET: http.get,
  POST: http.post,
  PUT: http.put,
  PATCH: http.patch,
  DELETE: http.delete,
} as const;

export interface ReadContext {
  db: MockDb;
  actor: Person;
  params: Record<string, string>;
  query: URLSearchParams;
  request: Request;
}

/** A read endpoint: identity required, query parsed with the contract. */
type QueryOf<E> = E extends Endpoint<infer Q, z.ZodType, z.ZodType> ? z.output<Q> : never;
type BodyOf<E> = E extends Endpoint<z.ZodType, infer B, z.ZodType> ? z.output<B> : never;

export function read<E extends Endpoint>(
  ep: E,
  resolve: (ctx: ReadContext, query: QueryOf<E>) => Response | unknown,
) {
  return METHOD[ep.method](mswPath(ep), async ({ request, params }) => {
    const failure = await simulateNetwork();
    if (failure) return failure;
    const db = getDb();
    const actor = identify(request, db);
    if (!actor) return errorResponse('unauthenticated', '未识别的用户 (unknown user)');
    const url = new URL(request.url);
    let query: unknown;
    if (ep.query) {
      const parsed = ep.query.safeParse(Object.fromEntries(url.searchParams));
      if (!parsed.success)
        return errorResponse('bad-request', '查询参数无效 (invalid query)', {
          fields: zodFields(parsed.error),
        });
      query = parsed.data;
    }
    const out = resolve(
      { db, actor, params: params as Record<string, string>, query: url.searchParams, request },
      query as never,
    );
    return out instanceof Response ? out : HttpResponse.json(out as never);
  });
}

export type MutationResult =
  | { ok: true; body: unknown; detail?: string; status?: number }
  | {
      ok: false;
      code: ErrorCode;
      message: string;
      fields?: { path: string; message: string }[];
      current?: unknown;
      detail?: string;
    };

export interface MutationContext<B> extends ReadContext {
  body: B;
  /** The `If-Match` version, or null when the request carried none. */
  ifMatch: number | null;
  /** Set by the handler: what the audit entry names, e.g. `task:T-0001`. */
  target: string;
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
};

export function appendAudit(
  db: MockDb,
  actor: Person,
  action: string,
  target: string,
  outcome: AuditOutcome,
  detail: string,
) {
  db.data.seq.audit = (db.data.seq.audit ?? db.data.audit.length) + 1;
  db.data.audit.push({
    id: `A-${String(db.data.seq.audit).padStart(6, '0')}`,
    at: nowIso(),
    actorId: actor.id,
    actorName: actor.name,
    role: actor.role,
    action,
    target,
    outcome,
    detail: detail.slice(0, 300),
  });
}

/**
 * A write endpoint. Every attempt, refused or not, leaves exactly one audit entry; a refused write
 * stores nothing else (handlers must check before they change anything).
 */
export function mutate<E extends Endpoint>(
  ep: E,
  action: string,
  targetOf: (params: Record<string, string>) => string,
  run: (ctx: MutationContext<BodyOf<E>>) => MutationResult,
) {
  return METHOD[ep.method](mswPath(ep), async ({ request, params }) => {
    const failure = await simulateNetwork();
    const db = getDb();
    const actor = identify(request, db);
    if (!actor) return errorResponse('unauthenticated', '未识别的用户 (unknown user)');
    const p = params as Record<string, string>;
    const ctx: MutationContext<never> = {
      db,
      actor,
      params: p,
      query: new URL(request.url).searchParams,
      request,
      body: undefined as never,
      ifMatch: null,
      target: targetOf(p),
    };
    const finish = (result: MutationResult): Response => {
      appendAudit(
        db,
        actor,
        action,
        ctx.target,
        result.ok ? 'ok' : OUTCOME_OF[result.code],
        result.detail ?? (result.ok ? '' : result.message),
      );
      db.commit();
      if (result.ok) return HttpResponse.json(result.body as never, { status: result.status ?? 200 });
      return errorResponse(result.code, result.message, { fields: result.fields, current: result.current });
    };
    if (failure)
      return finish({
        ok: false,
        code: 'server-error',
        message: '演示故障注入：服务器暂时不可用 (injected failure)',
      });
    const ifMatch = request.headers.get('If-Match');
    ctx.ifMatch = ifMatch === null ? null : Number(ifMatch.replace(/["W/]/g, ''));
    if (ep.body) {
      let raw: unknown;
      try {
        raw = await request.json();
      } catch {
        return finish({
          ok: false,
          code: 'bad-request',
          message: '请求体不是有效的 JSON (body is not JSON)',
        });
      }
      const parsed = ep.body.safeParse(raw);
      if (!parsed.success) {
        return finish({
          ok: false,
          code: 'bad-request',
          message: '提交的内容有误 (invalid request body)',
          fields: zodFields(parsed.error),
        });
      }
      ctx.body = parsed.data as never;
    }
    try {
      return finish(run(ctx as never));
    } catch (e) {
      return finish({
        ok: false,
        code: 'server-error',
        message: e instanceof Error ? e.message : 'unexpected error',
      });
    }
  });
}

/** Optimistic concurrency: 428 without If-Match, 412 (with the current copy) when it is stale. */
export function checkVersion(
  ctx: MutationContext<unknown>,
  task: Task,
  current: () => unknown,
): MutationResult | null {
  if (ctx.ifMatch === null || Number.isNaN(ctx.ifMatch)) {
    return { ok: false, code: 'precondition-required', message: '缺少版本号 If-Match (version required)' };
  }
  if (ctx.ifMatch !== task.version) {
    return {
      ok: false,
      code: 'precondition-failed',
      message: `任务已被他人修改（当前版本 ${task.version}）(stale version)`,
      current: current(),
    };
  }
  return null;
}

export { buildPath };
