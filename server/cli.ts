import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Person } from '../src/domain/schemas';
import { useCases } from '../src/service';
import { DEFAULT_SESSION_SETTINGS } from '../src/service/auth/policy';
import { runRead, runWrite, type ServiceDeps } from '../src/service/runner';
import { createPasswords } from './auth/passwords';
import { ConfigError, loadConfig } from './config';
import { seedOptions } from './serve';
import { BackupError, backup, restore } from './store/backup';
import { connect, DataDirBusy } from './store/connect';
import { migrate } from './store/migrations';
import { createPgStore } from './store/pg-store';

/**
 * The operators' command line, on the same database and the same use cases as the server (every
 * change audited, as 运维命令行):
 *   npm run luoshi -- user add --login L --name 姓名 --unit UNIT --role supervisor|leader|staff [--title T]
 *   npm run luoshi -- user disable|enable LOGIN
 *   npm run luoshi -- user reset-password LOGIN
 *   npm run luoshi -- user list
 *   npm run luoshi -- backup FILE     (a consistent snapshot of everything: docs/backup-format.md)
 *   npm run luoshi -- restore FILE    (into an EMPTY database only; exit code 2 when refused)
 * Passwords are read from standard input (a terminal hides nothing: pipe it, or type it alone), never
 * from an argument, so they do not land in the shell history.
 */
const OPERATOR: Person = { id: 'cli', name: '运维命令行', unitId: '', role: 'supervisor', title: 'operator' };

function fail(line: string): never {
  process.stderr.write(`luoshi: ${line}\n`);
  process.exit(2);
}

function flags(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      out[a.slice(2)] = args[i + 1] ?? '';
      i += 1;
    }
  }
  return out;
}

async function readPassword(prompt: string): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(prompt);
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return fail('no password on standard input');
}

/**
 * backup / restore on the database the server would use (DATABASE_URL, else LUOSHI_DATA_DIR): not
 * through the store, which would seed an empty database; a backup is audited as 运维命令行.
 */
async function backupOrRestore(
  command: 'backup' | 'restore',
  file: string | undefined,
  cfg: ReturnType<typeof loadConfig>,
) {
  if (!file) fail(`usage: luoshi ${command} FILE`);
  const path = resolve(file);
  if (command === 'backup' && !cfg.databaseUrl && !existsSync(join(cfg.dataDir, 'PG_VERSION')))
    fail(`backup refused: no embedded database in ${cfg.dataDir} (set LUOSHI_DATA_DIR or DATABASE_URL)`);
  let conn: Awaited<ReturnType<typeof connect>>;
  try {
    conn = await connect({
      databaseUrl: cfg.databaseUrl,
      dataDir: cfg.databaseUrl ? undefined : cfg.dataDir,
    });
  } catch (e) {
    if (e instanceof DataDirBusy)
      fail(`${command} refused: LUOSHI_DATA_DIR ${e.message}; stop the server first`);
    fail(`${command} failed: cannot open the database: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    if (command === 'backup') {
      const r = await backup(conn.kysely, path);
      process.stdout.write(
        `${JSON.stringify({ backup: path, bytes: r.bytes, ms: r.ms, counts: r.header.counts })}\n`,
      );
    } else {
      await migrate(conn.kysely);
      const r = await restore(conn.kysely, path);
      process.stdout.write(
        `${JSON.stringify({ restored: path, rows: r.rows, ms: r.ms, from: r.header.createdAt })}\n`,
      );
    }
  } catch (e) {
    await conn.close().catch(() => {});
    fail(
      `${command} refused: ${e instanceof BackupError ? e.message : e instanceof Error ? e.message : String(e)}`,
    );
  }
  await conn.close();
}

async function main() {
  const [group, command, ...rest] = process.argv.slice(2);
  let cfg: ReturnType<typeof loadConfig>;
  try {
    cfg = loadConfig();
  } catch (e) {
    fail(e instanceof ConfigError ? e.message : String(e));
  }
  if (group === 'backup' || group === 'restore') return backupOrRestore(group, command, cfg);
  if (group !== 'user' || !command) {
    fail('usage: luoshi user add|disable|enable|reset-password|list … | backup FILE | restore FILE');
  }
  const passwords = await createPasswords();
  const store = await createPgStore({
    databaseUrl: cfg.databaseUrl,
    dataDir: cfg.databaseUrl ? undefined : cfg.dataDir,
    ...seedOptions(cfg.seedMode, passwords, (text) => process.stderr.write(`${text}\n`)),
  });
  const deps: ServiceDeps = {
    store,
    clock: Date.now,
    demo: false,
    auth: { port: store.auth, passwords, sessions: DEFAULT_SESSION_SETTINGS },
  };
  const base = { actorId: null, systemActor: OPERATOR, query: {}, ifMatch: null, clientAddress: 'cli' };
  const personOf = async (login: string) => {
    const cred = await store.auth.credentialByLogin(login);
    return cred ? cred.personId : fail(`no account with login ${login}`);
  };
  try {
    let answer: { status: number; body: unknown };
    if (command === 'list') {
      answer = await runRead(deps, useCases.accounts as never, { ...base, params: {} });
    } else if (command === 'add') {
      const f = flags(rest);
      const password = await readPassword('password (at least 12 characters): ');
      answer = await runWrite(deps, useCases.createAccount as never, {
        ...base,
        params: {},
        body: { login: f.login, name: f.name, unitId: f.unit, role: f.role, title: f.title ?? '', password },
      });
    } else if (command === 'disable' || command === 'enable') {
      const id = await personOf(rest[0] ?? fail('which login?'));
      answer = await runWrite(deps, useCases.setAccountActive as never, {
        ...base,
        params: { id },
        body: { active: command === 'enable' },
      });
    } else if (command === 'reset-password') {
      const id = await personOf(rest[0] ?? fail('which login?'));
      const password = await readPassword('new password (at least 12 characters): ');
      answer = await runWrite(deps, useCases.resetPassword as never, {
        ...base,
        params: { id },
        body: { password },
      });
    } else fail(`unknown command: user ${command}`);
    const ok = answer.status < 300;
    const body = answer.body as { error?: { message: string; fields?: { path: string; message: string }[] } };
    if (!ok) {
      const fields = body.error?.fields?.map((x) => `${x.path}: ${x.message}`).join('; ');
      fail(`${body.error?.message ?? `HTTP ${answer.status}`}${fields ? ` (${fields})` : ''}`);
    }
    process.stdout.write(`${JSON.stringify(answer.body, null, 2)}\n`);
  } finally {
    await store.close();
  }
}

await main();
