import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

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
  /** Warnings and errors the server logged, grouped by message, and its 5xx answers. */
  problems(): {
    logFile: string;
    warningsAndErrors: Record<string, number>;
    responses5xx: Record<string, number>;
  };
  /** The last lines the server wrote on stderr (for a failure's report). */
  stderrTail(): string;
  stop(): Promise<void>;
}

function status(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
}

function logLines(file: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n'))
    if (line.startsWith('{'))
      try {
        out.push(JSON.parse(line) as Record<string, unknown>);
      } catch {}
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startServerProc(opts: {
  port: number;
  env: Record<string, string>;
  /** Where the server's log (stdout) goes. */
  logFile: string;
  timeoutMs?: number;
}): Promise<ServerProc> {
  const url = `http://127.0.0.1:${opts.port}`;
  mkdirSync(dirname(opts.logFile), { recursive: true });
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
    // pino's JSON lines go to a file: the start figures are read from it, and warnings and errors
    // are summarised at the end (a 500 under load is then explained, not just counted).
    stdio: ['ignore', openSync(opts.logFile, 'w'), 'pipe'],
  });
  const tail = '';
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
    startLog: () => {
      const line = logLines(opts.logFile).find((l) => l.msg === 'luoshi listening');
      return line ? { storeMs: line.storeMs, ...(line.store as object) } : null;
    },
    problems: () => {
      const bad = logLines(opts.logFile).filter((l) => Number(l.level) >= 40);
      const byMsg: Record<string, number> = {};
      for (const l of bad) {
        const err = l.err as { message?: string } | undefined;
        const key = `${l.msg}${err?.message ? `: ${err.message.slice(0, 200)}` : ''}`;
        byMsg[key] = (byMsg[key] ?? 0) + 1;
      }
      const statuses: Record<string, number> = {};
      for (const l of logLines(opts.logFile)) {
        const st = Number(l.status ?? (l.res as { statusCode?: number } | undefined)?.statusCode);
        if (st >= 500) statuses[st] = (statuses[st] ?? 0) + 1;
      }
      return { logFile: opts.logFile, warningsAndErrors: byMsg, responses5xx: statuses };
    },
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
