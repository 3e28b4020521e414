import { createInterface } from 'node:readline';
import type { Person } from '../src/domain/schemas';
import { useCases } from '../src/service';
import { DEFAULT_SESSION_SETTINGS } from '../src/service/auth/policy';
import { runRead, runWrite, type ServiceDeps } from '../src/service/runner';
import { createPasswords } from './auth/passwords';
import { ConfigError, loadConfig } from './config';
import { seedOptions } from './serve';
import { createPgStore } from './store/pg-store';

/**
 * The operators' command line, on the same database and the same use cases as the server (every
 * change audited, as 运维命令行):
 *   npm run luoshi -- user add --login L --name 姓名 --unit UNIT --role supervisor|leader|staff [--title T]
 *   npm run luoshi -- user disable|enable LOGIN
 *   npm run luoshi -- user reset-password LOGIN
 *   npm run luoshi -- user list
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

async function main() {
  const [group, command, ...rest] = process.argv.slice(2);
  if (group !== 'user' || !command) {
    fail('usage: luoshi user add|disable|enable|reset-password|list …');
  }
  let cfg: ReturnType<typeof loadConfig>;
  try {
    cfg = loadConfig();
  } catch (e) {
    fail(e instanceof ConfigError ? e.message : String(e));
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
