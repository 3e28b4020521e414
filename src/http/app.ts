import { type Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { type Endpoint, IDENTITY_HEADER } from '../domain/contract';
import { openApiDocument } from '../domain/contract/openapi';
import { docxResponse } from '../domain/documents/http';
import type { DocxFile } from '../domain/documents/pack';
import { type AuthDeps, type DatasetSource, useCases } from '../service';
import type { DeliveryInfo } from '../service/context';
import type { Store } from '../service/port';
import { type Refusal, refuse } from '../service/result';
import { runDocument, runRead, runWrite, type ServiceDeps, type ServiceRequest } from '../service/runner';
import { DOCUMENT_ROUTES } from '../service/use-cases/documents';

export interface AppOptions {
  store: Store;
  /** The injected clock in ms; defaults to the domain clock (pinned in the demo and in tests). */
  clock: () => number;
  demo: boolean;
  /**
   * Whether the demo identity header is believed. The demo store always; the Node server only while
   * it listens on a loopback address, until sign-in lands.
   */
  allowIdentityHeader: boolean;
  /** Demo only: the failure-rate knob. */
  injectFailure?: () => boolean;
  /** Demo backends: what the demo reset restores (without it, the reset is refused). */
  datasets?: DatasetSource;
  /** Sign-in (the Node server): sessions in a cookie, CSRF checks on every unsafe request. */
  auth?: AuthDeps;
  /** Reminder delivery channels, as configured. */
  delivery?: DeliveryInfo;
}

/** Set by the Node server's outer handler: the client's address (not trusted from any client). */
export const CLIENT_ADDRESS_HEADER = 'x-luoshi-client-address';
/** Sent back to the Node server's request log (it removes it): who acted. */
export const ACTOR_HEADER = 'x-luoshi-actor';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF (OWASP ASVS 5 V3.5): an unsafe request must come from this origin (the browser says so in
 * `Sec-Fetch-Site`, or its `Origin` names this host) and carry JSON, which a cross-site form cannot.
 */
function csrfRefusal(req: Request, hasBody: boolean): Refusal | undefined {
  const site = req.headers.get('sec-fetch-site');
  const origin = req.headers.get('origin');
  const host = req.headers.get('host') ?? new URL(req.url).host;
  let sameOrigin = site === 'same-origin';
  if (!sameOrigin && origin) {
    try {
      sameOrigin = new URL(origin).host === host && (site === null || site === 'same-origin');
    } catch {
      sameOrigin = false;
    }
  }
  if (!sameOrigin)
    return refuse('forbidden', '拒绝跨站请求 (cross-origin request refused)', {
      detail: 'csrf: not same-origin',
    });
  const type = req.headers.get('content-type') ?? '';
  if (hasBody && !/^application\/json\b/i.test(type))
    return refuse('unsupported-media-type', '请求体必须是 JSON (application/json)', {
      detail: `content-type: ${type || 'none'}`,
    });
  return undefined;
}

const NOT_JSON = '请求体不是有效的 JSON (body is not JSON)';
const NUL_REFUSED = '请求中含有 NUL 字符 (U+0000 is not accepted)';
const hasNul = (o: Record<string, string>) =>
  Object.entries(o).some(([k, v]) => k.includes('\u0000') || v.includes('\u0000'));
const NOT_UTF8 = '请求体不是有效的 UTF-8 文本 (body is not UTF-8)';
const CLIENT_GONE = '请求体未读完，客户端已断开 (client disconnected)';

/** The largest request body accepted (an import of a long speech with its tasks fits many times). */
export const MAX_BODY_BYTES = 1024 * 1024;

type BodyRead = { text: string } | { refusal: Refusal } | { bodyError: string };

/**
 * The body as text, counted while it streams in: a declared or actual size over `max` is refused
 * (413) without reading the rest into memory, whatever Content-Length said or if it was absent
 * (chunked). Bytes that are not UTF-8 are refused (400) rather than replaced by U+FFFD and stored.
 */
export async function readBody(raw: Request, max = MAX_BODY_BYTES): Promise<BodyRead> {
  const tooLarge = (size: string) => ({
    refusal: refuse('payload-too-large', `请求体超过 ${max / 1024 / 1024} MB (body too large)`, {
      detail: `body: ${size}`,
    }),
  });
  const declared = Number(raw.headers.get('content-length') ?? Number.NaN);
  if (declared > max) return tooLarge(`${declared} bytes declared`);
  if (!raw.body) return { text: '' };
  const reader = raw.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      // Stop reading; the server drains or drops the rest of the connection.
      if (size > max) return tooLarge(`over ${max} bytes`);
      chunks.push(value);
    }
  } catch {
    return { refusal: refuse('request-timeout', CLIENT_GONE) };
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { bodyError: NOT_UTF8 };
  }
}

/**
 * The one HTTP application, generated from the contract: each endpoint's route calls its use case.
 * It speaks only `Request`/`Response`, so msw runs it in the browser and Node serves the same object.
 */
export function createApp(opts: AppOptions): Hono {
  const deps: ServiceDeps = {
    store: opts.store,
    clock: opts.clock,
    demo: opts.demo,
    identityHeader: opts.allowIdentityHeader,
    injectFailure: opts.injectFailure,
    datasets: opts.datasets,
    auth: opts.auth,
    delivery: opts.delivery,
  };
  const cookieName = opts.auth?.sessions.secure ? '__Host-luoshi-session' : 'luoshi-session';
  // What the service needs of a request: who (header where believed, session cookie), from where, what.
  const requestOf = (c: Context): ServiceRequest => ({
    actorId: opts.allowIdentityHeader ? (c.req.header(IDENTITY_HEADER) ?? null) : null,
    sessionToken: opts.auth ? (getCookie(c, cookieName) ?? null) : null,
    clientAddress: c.req.header(CLIENT_ADDRESS_HEADER) ?? '',
    params: c.req.param() as Record<string, string>,
    query: c.req.query(),
    ifMatch: c.req.header('If-Match') ?? null,
    signal: c.req.raw.signal,
  });
  const app = new Hono();
  app.get('/api/openapi.json', (c) => c.json(openApiDocument('1')));
  for (const [name, uc] of Object.entries(useCases)) {
    const useCase = uc.kind === 'read' ? { ...uc, name } : uc;
    const ep = useCase.endpoint as Endpoint;
    app.on(ep.method, ep.path, async (c) => {
      const req = requestOf(c);
      // The body is read (up to the limit) even for a request about to be refused: answering while
      // the client still uploads would cut its connection before it sees the answer.
      if (useCase.kind === 'write' && ep.body) {
        const read = await readBody(c.req.raw);
        if ('refusal' in read) req.transportRefusal = read.refusal;
        else if ('bodyError' in read) req.bodyError = read.bodyError;
        else {
          try {
            let nul = false;
            req.body =
              read.text.trim() === ''
                ? undefined
                : JSON.parse(read.text, (k, v) => {
                    if (k.includes('\u0000') || (typeof v === 'string' && v.includes('\u0000'))) nul = true;
                    return v;
                  });
            if (nul) req.bodyError = NUL_REFUSED;
          } catch {
            req.bodyError = NOT_JSON;
          }
        }
      }
      // PostgreSQL text cannot hold U+0000: refused here, before it reaches a query or the audit log.
      if (hasNul(req.params) || hasNul(req.query))
        return c.json({ error: { code: 'bad-request', message: NUL_REFUSED } }, 400);
      // Cross-site first: a forged request learns nothing about its body.
      if (opts.auth && UNSAFE.has(ep.method))
        req.transportRefusal = csrfRefusal(c.req.raw, ep.body !== undefined) ?? req.transportRefusal;
      const answer =
        useCase.kind === 'read'
          ? await runRead(deps, useCase as never, req)
          : await runWrite(deps, useCase as never, req);
      if (answer.setSession && opts.auth) {
        const secure = opts.auth.sessions.secure;
        if (answer.setSession === 'clear') {
          if (getCookie(c, cookieName) !== undefined)
            setCookie(c, cookieName, '', { path: '/', httpOnly: true, sameSite: 'Lax', secure, maxAge: 0 });
        } else
          setCookie(c, cookieName, answer.setSession.token, {
            path: '/',
            httpOnly: true,
            sameSite: 'Lax',
            secure,
            maxAge: answer.setSession.maxAgeSec,
          });
      }
      for (const [k, v] of Object.entries(answer.headers ?? {})) c.header(k, v);
      if (answer.actorId) c.header(ACTOR_HEADER, answer.actorId);
      // The unread rest of a too large body would otherwise arrive as the next request.
      if (answer.status === 413) c.header('Connection', 'close');
      return c.json(answer.body as object, answer.status as 200);
    });
  }
  // 公文: Word documents from the same generators as the demo (binary answers, not in the JSON contract).
  for (const route of DOCUMENT_ROUTES) {
    app.get(route.path, async (c) => {
      const req = requestOf(c);
      const answer = await runDocument(deps, route, req);
      if (answer.file) return docxResponse(answer.file as DocxFile);
      return c.json(answer.body as object, answer.status as 200);
    });
  }
  app.all('/api/*', (c) => {
    // A body left unread: the client must not send its next request on this connection.
    if (c.req.header('content-length') || c.req.header('transfer-encoding')) c.header('Connection', 'close');
    return c.json(
      { error: { code: 'not-found', message: `没有这个接口：${c.req.method} ${c.req.path}` } },
      404,
    );
  });
  // Whatever goes wrong inside, the answer keeps the contract's error shape and carries no stack trace.
  app.onError((_e, c) =>
    c.json({ error: { code: 'server-error', message: '服务器内部错误 (internal error)' } }, 500),
  );
  return app;
}
