import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * The server as production runs it: its own process (`node --import tsx server/main.ts`), configured
 * by the environment, on 127.0.0.1. The benchmark measures it from outside (HTTP, /proc).
 */
export const CLOCK = process.env.BENCH_CLOCK ?? '2024-05-20T10:00:00+08:00';

export interface ServerProc {
  url: string;
  pid: number;
  /** Spawn to the first 200 from /readyz, ms. */
  readyMs: number;
  /** VmRSS of the server process, MB. */
  rssMB(): number;
  /** Peak RSS (VmHWM) so far, MB. */
  peakMB(): number;
  /** The server's own start figures from its `luoshi listening` log line (storeMs, store timings). */
  startLog(): Record<string, unknown> | null;
  /** The last lines the server wrote on stderr (for a failure's report). */
  stderrTail(): string;
  stop(): Promise<void>;
}

function status(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startServerProc(opts: {
  port: number;
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<ServerProc> {
  const url = `http://127.0.0.1:${opts.port}`;
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      HOST: '127.0.0.1',
      PORT: String(opts.port),
      LUOSHI_CLOCK: CLOCK,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  let listening: Record<string, unknown> | null = null;
  let pending = '';
  // pino writes JSON lines on stdout: keep the start line, drain the rest (request logs) unread.
  child.stdout?.on('data', (d: Buffer) => {
    if (listening) return;
    pending += d.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines)
      if (line.includes('"luoshi listening"')) {
        try {
          const { storeMs, store } = JSON.parse(line) as Record<string, unknown>;
          listening = { storeMs, ...(store as object) };
        } catch {}
      }
  });
  child.stderr?.on('data', (d: Buffer) => {
    tail = (tail + d.toString()).slice(-4000);
  });
  let exited: number | null = null;
  const exit = new Promise<void>((r) =>
    child.once('exit', (code) => {
      exited = code ?? -1;
      r();
    }),
  );
  const deadline = t0 + (opts.timeoutMs ?? 120_000);
  for (;;) {
    if (exited !== null) throw new Error(`server exited (${exited}) before ready: ${tail.trim()}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready within ${opts.timeoutMs ?? 120_000} ms: ${tail.trim()}`);
    }
    const ok = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await sleep(25);
  }
  const readyMs = Math.round(performance.now() - t0);
  const pid = child.pid!;
  return {
    url,
    pid,
    readyMs,
    rssMB: () => status(pid, 'VmRSS'),
    peakMB: () => status(pid, 'VmHWM'),
    startLog: () => listening,
    stderrTail: () => tail,
    async stop() {
      if (exited !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(killer);
    },
  };
}
