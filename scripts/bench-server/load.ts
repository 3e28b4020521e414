import http from 'node:http';
import { DEMO_PASSWORD } from '../../server/auth/demo-accounts';

/** Latency figures in ms (from every response's own time, so p95 is exact rather than bucketed). */
export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Responses other than 2xx, by status. */
  non2xx: Record<string, number>;
  errors: number;
  timeouts: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const r1 = (n: number) => Math.round(n * 10) / 10;

export function summarise(latencies: number[]): { p50: number; p95: number; p99: number; max: number } {
  const s = [...latencies].sort((a, b) => a - b);
  return {
    p50: r1(percentile(s, 50)),
    p95: r1(percentile(s, 95)),
    p99: r1(percentile(s, 99)),
    max: r1(s.at(-1) ?? Number.NaN),
  };
}

/** Signs in with the demo password; returns the Cookie header value. */
export async function signIn(baseUrl: string, login: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl },
    body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in as ${login}: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.includes('luoshi-session='));
  if (!cookie) throw new Error(`sign-in as ${login}: no session cookie`);
  return cookie.split(';')[0]!;
}

/**
 * GETs over `connections` keep-alive connections for `seconds` (and at most `maxRequests`), from this
 * process; the server is another process. A closed loop: each connection sends its next request when
 * the last answer has fully arrived. Requests still running when the time is up are waited for (up to
 * `timeoutS`) and counted, so a slow endpoint's percentiles are not cut short; a request over
 * `timeoutS` is aborted and counted as a timeout. Bodies are asked gzip-compressed, as a browser does.
 */
export async function loadGet(opts: {
  url: string;
  /** Several paths: each connection cycles through them (e.g. a few units' pages). */
  paths?: readonly string[];
  cookie: string;
  connections: number;
  seconds: number;
  maxRequests?: number;
  timeoutS?: number;
}): Promise<LoadResult> {
  const base = new URL(opts.url);
  const paths = opts.paths?.length ? opts.paths : [`${base.pathname}${base.search}`];
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  const non2xx: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  let sent = 0;
  const max = opts.maxRequests ?? 200_000;
  const timeoutMs = (opts.timeoutS ?? 60) * 1000;
  const once = (path: string) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.get(
        {
          agent,
          host: base.hostname,
          port: base.port,
          path,
          headers: { cookie: opts.cookie, 'accept-encoding': 'gzip' },
          timeout: timeoutMs,
        },
        (res) => {
          res.on('data', () => {});
          res.on('end', () => {
            latencies.push(performance.now() - t0);
            const status = res.statusCode ?? 0;
            if (status < 200 || status > 299) non2xx[status] = (non2xx[status] ?? 0) + 1;
            resolve();
          });
          res.on('error', () => {
            errors++;
            resolve();
          });
        },
      );
      let timedOut = false;
      req.on('timeout', () => {
        timedOut = true;
        timeouts++;
        req.destroy(new Error('timeout'));
      });
      req.on('error', () => {
        if (!timedOut) errors++;
        resolve();
      });
    });
  const end = performance.now() + opts.seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: opts.connections }, async (_, c) => {
      for (let i = c; performance.now() < end && sent < max; i++) {
        sent++;
        await once(paths[i % paths.length]!);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  return {
    connections: opts.connections,
    seconds: r1(seconds),
    requests: latencies.length,
    rps: r1(latencies.length / seconds),
    ...summarise(latencies),
    non2xx,
    errors,
    timeouts,
  };
}
