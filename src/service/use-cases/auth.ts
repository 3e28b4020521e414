import { toCstIso } from '../../domain/clock';
import { type Account, api } from '../../domain/contract';
import type { Person } from '../../domain/schemas';
import { passwordProblem, THROTTLE } from '../auth/policy';
import type { AuthPort, Credential } from '../auth/port';
import { newToken, sha256Hex } from '../auth/tokens';
import type { ReadCtx, WriteCtx } from '../context';
import { okBody, type Refusal, refuse } from '../result';
import { defineRead, defineWrite } from '../runner';

/**
 * Sign-in, sign-out and accounts (the Node server). One generic answer for an unknown login and a
 * wrong password, after the same argon2 work; lock-outs per account and per client address; every
 * attempt audited (never a password, not even a wrong one).
 */
const BAD_CREDENTIALS = '登录名或密码不正确 (wrong login or password)';
const NO_SIGN_IN = '此后端不使用登录（演示版请用顶栏切换身份）(no sign-in on this backend)';

export function sessionBody(ctx: ReadCtx<unknown>, person: Person, createdAt: number, lastSeenAt: number) {
  const auth = ctx.auth;
  return {
    person,
    unit: ctx.data.units.find((u) => u.id === person.unitId)!,
    role: person.role,
    now: ctx.now,
    demo: ctx.demo,
    idleExpiresAt: auth ? toCstIso(lastSeenAt + auth.sessions.idleMs) : null,
    expiresAt: auth ? toCstIso(createdAt + auth.sessions.absoluteMs) : null,
  };
}

async function lockedFor(port: AuthPort, keys: string[], nowMs: number): Promise<number> {
  let until = 0;
  for (const key of keys) {
    const f = await port.failures(key, nowMs - THROTTLE.windowMs);
    const max = key.startsWith('login:') ? THROTTLE.perAccount : THROTTLE.perAddress;
    if (f.count >= max && f.lastAt !== null) until = Math.max(until, f.lastAt + THROTTLE.lockMs);
  }
  return until > nowMs ? Math.ceil((until - nowMs) / 1000) : 0;
}

export const signIn = defineWrite(
  api.signIn,
  'session.sign-in',
  () => 'session',
  async (ctx) => {
    const auth = ctx.auth;
    if (!auth) return refuse('not-found', NO_SIGN_IN);
    const login = ctx.body.login.toLowerCase();
    ctx.target = `session:${login}`;
    const keys = [`login:${login}`, `addr:${ctx.clientAddress || 'unknown'}`];
    const port = ctx.tx.auth ?? auth.port;
    const wait = await lockedFor(port, keys, ctx.nowMs);
    if (wait > 0)
      return refuse('too-many-requests', `登录失败次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试 (locked)`, {
        retryAfterSec: wait,
        detail: `locked out for ${wait} s`,
      });
    const cred = await port.credentialByLogin(login);
    // The same argon2 work whether or not the login exists, so the answer's timing tells nothing.
    const matches = await auth.passwords.verify(
      cred?.passwordHash ?? auth.passwords.dummyHash,
      ctx.body.password,
    );
    const person = cred ? ctx.data.people.find((p) => p.id === cred.personId) : undefined;
    if (!cred || !matches || !cred.active || !person) {
      for (const key of keys) ctx.tx.authOp({ kind: 'failure', key, at: ctx.nowMs });
      const reason = !cred ? 'unknown login' : !matches ? 'wrong password' : 'account disabled';
      return refuse('unauthenticated', BAD_CREDENTIALS, { keep: true, detail: `failed: ${reason}` });
    }
    // A new token on every sign-in; a session the request already carried ends (no fixation).
    if (ctx.session) ctx.tx.authOp({ kind: 'session-delete', idHash: ctx.session.idHash });
    const token = newToken();
    const idHash = await sha256Hex(token);
    ctx.tx.authOp({
      kind: 'session-create',
      session: { idHash, personId: person.id, createdAt: ctx.nowMs, lastSeenAt: ctx.nowMs },
    });
    ctx.tx.authOp({ kind: 'failures-clear', key: keys[0]! });
    ctx.auditAs = person;
    return okBody(sessionBody(ctx, person, ctx.nowMs, ctx.nowMs), {
      detail: 'signed in',
      setSession: { token, maxAgeSec: Math.floor(auth.sessions.absoluteMs / 1000) },
    });
  },
);

export const signOut = defineWrite(
  api.signOut,
  'session.sign-out',
  () => 'session',
  (ctx) => {
    ctx.target = `session:${ctx.actor.id}`;
    if (ctx.session) ctx.tx.authOp({ kind: 'session-delete', idHash: ctx.session.idHash });
    return okBody({ ok: true }, { detail: 'signed out', setSession: 'clear' });
  },
);

const officeOnly = (): Refusal => refuse('forbidden', '只有督查室可以管理账号 (forbidden)');

function accountOf(person: Person, cred: Omit<Credential, 'passwordHash'>): Account {
  return {
    personId: person.id,
    login: cred.login,
    name: person.name,
    unitId: person.unitId,
    role: person.role,
    title: person.title,
    active: cred.active,
    passwordChangedAt: cred.passwordChangedAt,
  };
}

export const accounts = defineRead(api.accounts, async ({ data, actor, auth }) => {
  if (actor.role !== 'supervisor') return officeOnly();
  if (!auth) return refuse('not-found', NO_SIGN_IN);
  const creds = new Map((await auth.port.credentials()).map((c) => [c.personId, c]));
  return data.people.flatMap((p) => {
    const c = creds.get(p.id);
    return c ? [accountOf(p, c)] : [];
  });
});

const passwordRefusal = (problem: string): Refusal =>
  refuse('bad-request', problem, { fields: [{ path: 'password', message: problem }] });

export const createAccount = defineWrite(
  api.createAccount,
  'account.create',
  () => 'account:new',
  async (ctx) => {
    if (ctx.actor.role !== 'supervisor') return officeOnly();
    const auth = ctx.auth;
    if (!auth) return refuse('not-found', NO_SIGN_IN);
    const { login, name, unitId, role, title, password } = ctx.body;
    const key = login.toLowerCase();
    ctx.target = `account:${key}`;
    if (!ctx.data.units.some((u) => u.id === unitId))
      return refuse('bad-request', '单位不存在', { fields: [{ path: 'unitId', message: 'unknown unit' }] });
    if (await (ctx.tx.auth ?? auth.port).credentialByLogin(key))
      return refuse('conflict', `登录名已被使用：${key}`, { fields: [{ path: 'login', message: 'taken' }] });
    const problem = passwordProblem(password, key);
    if (problem) return passwordRefusal(problem);
    let id = `u-${key.replace(/[^a-z0-9-]/g, '-')}`.slice(0, 64);
    while (ctx.data.people.some((p) => p.id === id)) id = `u-${ctx.tx.nextSeq('person', 0)}`;
    const person: Person = { id, name, unitId, role, title };
    ctx.tx.insert('people', person);
    const credential: Credential = {
      personId: id,
      login: key,
      passwordHash: await auth.passwords.hash(password),
      active: true,
      passwordChangedAt: ctx.now,
    };
    ctx.tx.authOp({ kind: 'credential', credential });
    ctx.target = `account:${id}`;
    return okBody(accountOf(person, credential), {
      status: 201,
      detail: `创建账号 ${key}（${name}，${role}，${unitId}）`,
    });
  },
);

async function withAccount(ctx: WriteCtx<unknown>): Promise<{ person: Person; cred: Credential } | Refusal> {
  if (ctx.actor.role !== 'supervisor') return officeOnly();
  if (!ctx.auth) return refuse('not-found', NO_SIGN_IN);
  const person = ctx.data.people.find((p) => p.id === ctx.params.id);
  const cred = person ? await (ctx.tx.auth ?? ctx.auth.port).credentialByPerson(person.id) : null;
  if (!person || !cred) return refuse('not-found', `账号不存在：${ctx.params.id}`);
  return { person, cred };
}

export const setAccountActive = defineWrite(
  api.setAccountActive,
  'account.active',
  (p) => `account:${p.id}`,
  async (ctx) => {
    const found = await withAccount(ctx);
    if ('ok' in found) return found;
    const { person, cred } = found;
    if (!ctx.body.active && person.id === ctx.actor.id) return refuse('conflict', '不能停用自己的账号');
    const next = { ...cred, active: ctx.body.active };
    ctx.tx.authOp({ kind: 'credential', credential: next });
    // A disabled account's open sessions stop working at once.
    if (!ctx.body.active) ctx.tx.authOp({ kind: 'sessions-end', personId: person.id });
    return okBody(accountOf(person, next), {
      detail: ctx.body.active ? '启用账号' : '停用账号，已结束其全部会话',
    });
  },
);

export const resetPassword = defineWrite(
  api.resetPassword,
  'account.reset-password',
  (p) => `account:${p.id}`,
  async (ctx) => {
    const found = await withAccount(ctx);
    if ('ok' in found) return found;
    const { person, cred } = found;
    const problem = passwordProblem(ctx.body.password, cred.login);
    if (problem) return passwordRefusal(problem);
    const next = {
      ...cred,
      passwordHash: await ctx.auth!.passwords.hash(ctx.body.password),
      passwordChangedAt: ctx.now,
    };
    ctx.tx.authOp({ kind: 'credential', credential: next });
    ctx.tx.authOp({ kind: 'sessions-end', personId: person.id });
    return okBody(accountOf(person, next), { detail: '重置密码，已结束其全部会话' });
  },
);
