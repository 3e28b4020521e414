import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import pino, { type DestinationStream, type Logger } from 'pino';
import { ACTOR_HEADER } from '../src/http/app';

/** Structured JSON logs, one object a line, on stdout (or a given stream, for tests). */
export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      base: { service: 'luoshi' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    opts.destination,
  );
}

// A caller's request id is kept (correlation across a proxy) when it looks like one; else a new uuid.
const REQUEST_ID = /^[\w.:-]{1,64}$/;

const PROBES = new Set(['/healthz', '/readyz']);

export interface RequestLogOptions {
  /** The route pattern for a path (low-cardinality `route` field), or null when none matches. */
  routeOf?: (method: string, path: string) => string | null;
  /** Whether the demo identity header names the actor (loopback only). */
  allowIdentityHeader: boolean;
  identityHeader: string;
}

/**
 * One line per request: id (also sent back as X-Request-Id), actor, method, route, status, latency
 * in ms. Never bodies, never query strings (they may hold search text).
 */
export function requestLog(logger: Logger, opts: RequestLogOptions): MiddlewareHandler {
  return async (c, next) => {
    const t0 = performance.now();
    const incoming = c.req.header('x-request-id');
    const id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    c.header('X-Request-Id', id);
    let failed: unknown;
    try {
      await next();
    } catch (e) {
      failed = e;
      throw e;
    } finally {
      // Again after the handler: a Response passed through from the API app replaces the one set above.
      if (!failed) c.res.headers.set('X-Request-Id', id);
      const path = c.req.path;
      // The API app names who acted (session or test header) in an internal header, removed here.
      const actor = failed ? null : c.res.headers.get(ACTOR_HEADER);
      if (!failed) c.res.headers.delete(ACTOR_HEADER);
      const line = {
        reqId: id,
        actor: actor ?? (opts.allowIdentityHeader ? (c.req.header(opts.identityHeader) ?? null) : null),
        method: c.req.method,
        route: opts.routeOf?.(c.req.method, path) ?? (PROBES.has(path) ? path : 'static'),
        path,
        status: failed ? 500 : c.res.status,
        ms: Math.round((performance.now() - t0) * 10) / 10,
      };
      if (line.status >= 500) logger.error(line, 'request');
      else logger.info(line, 'request');
    }
  };
}
