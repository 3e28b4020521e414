import type { z } from 'zod';
import type { Api, Endpoint } from '../domain/contract';
import { buildPath, IDENTITY_HEADER } from '../domain/contract/plain';

/**
 * The typed API client. Every response is parsed with the contract, so a server that drifts from it
 * fails loudly here instead of somewhere in a component.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
    readonly current?: unknown,
    /** On 429: the `Retry-After` header, in seconds (when the server sent one). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const base = (import.meta.env.VITE_API_BASE_URL ?? '').replace(/\/$/, '');
/** The API's origin prefix ('' = the page's own origin, as when the Node server serves the SPA). */
export const apiBase = () => base;

let identity: string | null = null;
/** The demo identity (a person id) sent with every request; a real deployment uses its own session. */
export function setIdentity(personId: string | null): void {
  identity = personId;
}
export function getIdentity(): string | null {
  return identity;
}

let ready: Promise<unknown> = Promise.resolve();

/** How a request reaches the server: `fetch`, or in the demo the mock API's handlers in this tab. */
export type Transport = (request: Request) => Promise<Response>;
let transport: Transport = (request) => fetch(request);
export function setTransport(next: Transport): void {
  transport = next;
}
export function currentTransport(): Transport {
  return transport;
}
/** Requests wait for this (the demo's mock worker), so the shell can paint before the API is up. */
export function setApiReady(p: Promise<unknown>): void {
  ready = p;
}

type Contract = typeof import('../domain/contract');
let contract: Promise<Contract> | null = null;
/**
 * The contract's schemas (zod and every endpoint, about a fifth of the first screen's script) are a
 * chunk of their own: the boot starts fetching it at once (server-boot.ts), in parallel with the first
 * requests, and every response is still parsed with it.
 */
export function loadContract(): Promise<Contract> {
  contract ??= import('../domain/contract').catch((e: unknown) => {
    contract = null; // a failed chunk (offline) is fetched again by the next request
    throw e;
  });
  return contract;
}

/** An endpoint, or its name in the contract (`'dashboard'`): the name needs no schema code up front. */
export type EndpointName = keyof Api;
type Resolve<E> = E extends EndpointName ? Api[E] : E;
type Output<E> = Resolve<E> extends Endpoint<z.ZodType, z.ZodType, infer R> ? z.output<R> : never;

/** GETs sent before the app knew it needed them (see `sendEarly`), each answered once. */
const early = new Map<string, Promise<Response>>();

/**
 * Send a GET now, before the boot has finished and before React's first render (the main thread is
 * then busy for a while): the first `call` for the same path takes this answer instead of asking
 * again. It carries no identity header, so only a call that sends none (a session cookie, or a
 * server that needs no identity) takes it; any other call asks as usual.
 */
export function sendEarly(path: string): void {
  if (early.has(path)) return;
  const answer = fetch(new URL(`${base}${path}`, globalThis.location?.href ?? 'http://localhost/'), {
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
  });
  answer.catch(() => {}); // a network error is met again by the call that takes it
  early.set(path, answer);
}

function takeEarly(path: string, method: string): Promise<Response> | undefined {
  const answer = early.get(path);
  early.delete(path);
  return method === 'GET' && identity === null ? answer : undefined;
}

export interface CallOptions<E extends Endpoint> {
  params?: Record<string, string>;
  query?: E extends Endpoint<infer Q, z.ZodType, z.ZodType> ? z.input<Q> : never;
  body?: E extends Endpoint<z.ZodType, infer B, z.ZodType> ? z.input<B> : never;
  /** The task version for `If-Match` on versioned writes. */
  version?: number;
  signal?: AbortSignal;
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    sp.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

export async function call<E extends Endpoint | EndpointName>(
  name: E,
  opts: CallOptions<Resolve<E>> = {},
): Promise<Output<E>> {
  // First the API (the demo's starts after the first paint), then the schemas: evaluating them is
  // main-thread work the first paint should not wait for. The server boot fetches both in parallel.
  await ready;
  const { api, errorBodySchema } = await loadContract();
  const ep = typeof name === 'string' ? (api[name as EndpointName] as Endpoint) : (name as Endpoint);
  // A performance mark per request: the benchmark counts the first screen's requests and their timing.
  performance.mark?.('luoshi:api', { detail: `${ep.method} ${ep.path}` });
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (identity) headers[IDENTITY_HEADER] = identity;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.version !== undefined) headers['If-Match'] = String(opts.version);
  const path = `${buildPath(ep.path, opts.params)}${queryString(opts.query as Record<string, unknown>)}`;
  const url = `${base}${path}`;
  let res: Response;
  try {
    const sent = takeEarly(path, ep.method);
    res = sent
      ? await sent
      : await transport(
          new Request(new URL(url, globalThis.location?.href ?? 'http://localhost/'), {
            method: ep.method,
            headers,
            // The session cookie (sign-in on the Node server) goes with same-origin requests only.
            credentials: 'same-origin',
            body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
            signal: opts.signal,
          }),
        );
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', '网络连接失败 (network error)');
  }
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    json = null;
  }
  if (!res.ok) {
    const parsed = errorBodySchema.safeParse(json);
    if (parsed.success) {
      const e = parsed.data.error;
      const retryAfter = Number(res.headers.get('Retry-After') ?? Number.NaN);
      throw new ApiError(
        res.status,
        e.code,
        e.message,
        e.fields ?? [],
        e.current,
        Number.isFinite(retryAfter) ? retryAfter : undefined,
      );
    }
    throw new ApiError(res.status, 'server-error', `HTTP ${res.status}`);
  }
  const parsed = ep.response.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(res.status, 'contract', `响应不符合接口约定 (${ep.method} ${ep.path})`);
  }
  return parsed.data as never;
}
