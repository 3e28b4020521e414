import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyDir, preparePglite10k, WORK_DIR } from './databases';
import { loadGet, signIn } from './load';
import { startServerProc } from './server-proc';

/**
 * The embedded default: a fresh data folder's first start (initdb, migrations, the demo seed) and a
 * restart, each from spawn to /readyz; then one client on the ledger with the 10,000-task set.
 */
export async function benchPglite(opts: {
  port: number;
  seconds: number;
  ledgerPath: string;
  fresh: boolean;
  log: (s: string) => void;
}) {
  const dir = join(WORK_DIR, `pglite-fresh-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(WORK_DIR, { recursive: true });
  let firstStartMs: number;
  let restartMs: number;
  let firstLog: Record<string, unknown> | null = null;
  let restartLog: Record<string, unknown> | null = null;
  try {
    const first = await startServerProc({
      port: opts.port,
      env: { LUOSHI_DATA_DIR: dir },
      logFile: join(WORK_DIR, 'server-pglite-first.log'),
    });
    firstStartMs = first.readyMs;
    firstLog = first.startLog();
    await first.stop();
    const again = await startServerProc({
      port: opts.port,
      env: { LUOSHI_DATA_DIR: dir },
      logFile: join(WORK_DIR, 'server-pglite-restart.log'),
    });
    restartMs = again.readyMs;
    restartLog = again.startLog();
    await again.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.lock`, { force: true });
  }
  opts.log(`pglite: first start ${firstStartMs} ms, restart ${restartMs} ms`);

  const prepared = await preparePglite10k(opts.fresh, opts.log);
  const run = copyDir(prepared.dir, 'ledger');
  try {
    const server = await startServerProc({
      port: opts.port,
      env: { LUOSHI_DATA_DIR: run.dir },
      logFile: join(WORK_DIR, 'server-pglite-10k.log'),
    });
    try {
      const cookie = await signIn(server.url, 'sup');
      const t0 = performance.now();
      await fetch(`${server.url}${opts.ledgerPath}`, { headers: { cookie } }).then((r) => r.arrayBuffer());
      const firstLedgerMs = Math.round(performance.now() - t0);
      const ledger = await loadGet({
        url: `${server.url}${opts.ledgerPath}`,
        cookie,
        connections: 1,
        seconds: opts.seconds,
      });
      return {
        firstStartMs,
        restartMs,
        // The server's own account (ms): storeMs = opening the store; connectMs includes PGlite's wasm.
        firstStartServerLog: firstLog,
        restartServerLog: restartLog,
        tasks10k: {
          startToReadyMs: server.readyMs,
          serverLog: server.startLog(),
          firstLedgerMs,
          ledger,
          rssMB: server.rssMB(),
          generatedMs: prepared.generated?.ms ?? null,
        },
        goals: { firstStartMs: 15_000, restartMs: 3_000, ledgerP95Ms: 50 },
        met: {
          firstStart: firstStartMs <= 15_000,
          restart: restartMs <= 3_000,
          ledgerP95: ledger.p95 <= 50,
        },
      };
    } finally {
      await server.stop();
    }
  } finally {
    run.drop();
  }
}
