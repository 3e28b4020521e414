import pg from 'pg';
import { runningClock } from '../../server/config';
import { startServer } from '../../server/serve';
import { createPgStore } from '../../server/store/pg-store';
import { signIn, summarise } from './load';
import { CLOCK } from './server-proc';

/**
 * The database floor of one request: the statements it runs, recorded in-process through the
 * store's `onQuery` hook (after a warm-up, so a cache the store keeps is warm as under load), then
 * replayed as they are over a plain `pg.Pool` at the same concurrency as the HTTP load.
 */
export interface Statement {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}

export async function captureStatements(opts: {
  databaseUrl: string;
  port: number;
  path: string;
  login: string;
  warmups?: number;
}): Promise<{ statements: Statement[]; coldMs: number; warmMs: number }> {
  let recording: Statement[] | null = null;
  const store = await createPgStore({
    databaseUrl: opts.databaseUrl,
    seed: () => {
      throw new Error('the benchmark database is not seeded');
    },
    onQuery: (sql, parameters, ms) => recording?.push({ sql, parameters, ms }),
  });
  const server = await startServer({
    store,
    host: '127.0.0.1',
    port: opts.port,
    quiet: true,
    clock: runningClock(Date.parse(CLOCK)),
    print: () => {},
  });
  try {
    const cookie = await signIn(server.url, opts.login);
    const get = async () => {
      const t0 = performance.now();
      const res = await fetch(`${server.url}${opts.path}`, { headers: { cookie } });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`capture ${opts.path}: HTTP ${res.status}`);
      return performance.now() - t0;
    };
    const coldMs = await get();
    for (let i = 1; i < (opts.warmups ?? 3); i++) await get();
    recording = [];
    const warmMs = await get();
    const statements = recording;
    recording = null;
    return { statements, coldMs: Math.round(coldMs), warmMs: Math.round(warmMs) };
  } finally {
    await server.close();
  }
}

/**
 * Replays the statements, in order on one pooled connection per iteration (as a transaction among
 * them needs), from `concurrency` loops for `seconds`. Latency per iteration, ms.
 */
export async function replay(opts: {
  databaseUrl: string;
  statements: readonly Statement[];
  concurrency: number;
  seconds: number;
  maxIterations?: number;
}) {
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + opts.seconds * 1000;
  const max = opts.maxIterations ?? 500_000;
  const loop = async () => {
    while (performance.now() < end && latencies.length < max) {
      const t0 = performance.now();
      const client = await pool.connect();
      try {
        for (const s of opts.statements) await client.query(s.sql, s.parameters as unknown[]);
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      } finally {
        client.release();
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: opts.concurrency }, loop));
  const seconds = (performance.now() - t0) / 1000;
  await pool.end();
  return {
    concurrency: opts.concurrency,
    iterations: latencies.length,
    perSecond: Math.round(latencies.length / seconds),
    ...summarise(latencies),
    errors,
  };
}
