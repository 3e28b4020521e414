import autocannon from 'autocannon';
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
 * GETs one path over `connections` keep-alive connections for `seconds` (and at most `maxRequests`),
 * from this process; the server is another process. Requests slower than `timeoutS` count as timeouts.
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
  const latencies: number[] = [];
  const non2xx: Record<string, number> = {};
  let done: (r: autocannon.Result) => void = () => {};
  let fail: (e: unknown) => void = () => {};
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    done = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: opts.url,
      connections: opts.connections,
      duration: opts.seconds,
      maxOverallRequests: opts.maxRequests ?? 200_000,
      timeout: opts.timeoutS ?? 30,
      headers: { cookie: opts.cookie, 'accept-encoding': 'gzip' },
      ...(opts.paths && opts.paths.length > 1
        ? { requests: opts.paths.map((path) => ({ method: 'GET' as const, path })) }
        : {}),
    },
    (err, res) => (err ? fail(err) : done(res)),
  );
  instance.on('response', (_client, status, _bytes, ms) => {
    latencies.push(ms);
    if (status < 200 || status > 299) non2xx[status] = (non2xx[status] ?? 0) + 1;
  });
  const result = await finished;
  return {
    connections: opts.connections,
    seconds: result.duration,
    requests: latencies.length,
    rps: r1(latencies.length / Math.max(result.duration, 0.001)),
    ...summarise(latencies),
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
