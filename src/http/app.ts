import { Hono } from 'hono';
import { type Endpoint, IDENTITY_HEADER } from '../domain/contract';
import { openApiDocument } from '../domain/contract/openapi';
import { type DatasetSource, useCases } from '../service';
import type { Store } from '../service/port';
import { runRead, runWrite, type ServiceDeps, type ServiceRequest } from '../service/runner';

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
}

const NOT_JSON = '请求体不是有效的 JSON (body is not JSON)';

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
  };
  const app = new Hono();
  app.get('/api/openapi.json', (c) => c.json(openApiDocument('1')));
  for (const useCase of Object.values(useCases)) {
    const ep = useCase.endpoint as Endpoint;
    app.on(ep.method, ep.path, async (c) => {
      const req: ServiceRequest = {
        actorId: opts.allowIdentityHeader ? (c.req.header(IDENTITY_HEADER) ?? null) : null,
        params: c.req.param() as Record<string, string>,
        query: c.req.query(),
        ifMatch: c.req.header('If-Match') ?? null,
      };
      if (useCase.kind === 'write' && ep.body) {
        try {
          const text = await c.req.text();
          req.body = text.trim() === '' ? undefined : JSON.parse(text);
        } catch {
          req.bodyError = NOT_JSON;
        }
      }
      const answer =
        useCase.kind === 'read'
          ? await runRead(deps, useCase as never, req)
          : await runWrite(deps, useCase as never, req);
      return c.json(answer.body as object, answer.status as 200);
    });
  }
  app.all('/api/*', (c) =>
    c.json({ error: { code: 'not-found', message: `没有这个接口：${c.req.method} ${c.req.path}` } }, 404),
  );
  // Whatever goes wrong inside, the answer keeps the contract's error shape and carries no stack trace.
  app.onError((_e, c) =>
    c.json({ error: { code: 'server-error', message: '服务器内部错误 (internal error)' } }, 500),
  );
  return app;
}
