import { StoreUnavailable } from '../src/service/port';
import { ConfigError, loadConfig, redactUrl, runningClock } from './config';
import { createLogger } from './logger';
import { type RunningServer, startServer } from './serve';
import { DataDirBusy } from './store/connect';

/**
 * The process: read the environment, start, stop cleanly on SIGTERM/SIGINT. A start that cannot
 * work (bad PORT, port in use, unreachable database, unwritable data folder) prints ONE line on
 * stderr and exits 1.
 */
function fatal(line: string): never {
  process.stderr.write(`luoshi: ${line}\n`);
  process.exit(1);
}

function explain(e: unknown, cfg: ReturnType<typeof loadConfig>): string {
  if (e instanceof ConfigError) return e.message;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'EADDRINUSE')
    return `port ${cfg.port} on ${cfg.host} is already in use (EADDRINUSE); set PORT`;
  if (err?.code === 'EADDRNOTAVAIL')
    return `HOST ${cfg.host} is not an address of this machine (EADDRNOTAVAIL)`;
  if (err?.code === 'EACCES' && err.syscall === 'listen')
    return `not allowed to listen on port ${cfg.port} (EACCES)`;
  if (e instanceof DataDirBusy) return `LUOSHI_DATA_DIR ${e.message}`;
  if (e instanceof StoreUnavailable)
    return cfg.databaseUrl
      ? `cannot reach the database at ${redactUrl(cfg.databaseUrl)}: ${e.message}`
      : `cannot open the embedded database in ${cfg.dataDir}: ${e.message}`;
  const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  return cfg.databaseUrl
    ? `start failed (database ${redactUrl(cfg.databaseUrl)}): ${message}`
    : `start failed: ${message}`;
}

let cfg: ReturnType<typeof loadConfig>;
try {
  cfg = loadConfig();
} catch (e) {
  fatal(e instanceof Error ? e.message : String(e));
}

const logger = createLogger({ level: cfg.logLevel });
let running: RunningServer;
try {
  running = await startServer({
    host: cfg.host,
    port: cfg.port,
    databaseUrl: cfg.databaseUrl,
    dataDir: cfg.dataDir,
    demoReset: cfg.demoReset,
    distDir: cfg.distDir,
    clock: runningClock(cfg.clockStart),
    sessions: {
      idleMs: cfg.sessionIdleMinutes * 60_000,
      absoluteMs: cfg.sessionMaxHours * 3_600_000,
      secure: cfg.secureCookies,
    },
    seedMode: cfg.seedMode,
    limits: { headersTimeoutMs: cfg.headersTimeoutMs, requestTimeoutMs: cfg.requestTimeoutMs },
    jobs: cfg.jobs,
    logger,
  });
} catch (e) {
  fatal(explain(e, cfg));
}

let stopping = false;
const stop = (signal: string) => {
  if (stopping) {
    // A second Ctrl-C: the operator does not want to wait for the grace period.
    process.stderr.write(`luoshi: ${signal} again, exiting now\n`);
    process.exit(1);
  }
  stopping = true;
  logger.info({ signal }, 'luoshi stopping');
  running.close().then(
    () => process.exit(0),
    (e) => {
      logger.error({ err: e }, 'shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
