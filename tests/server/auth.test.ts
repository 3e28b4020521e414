// @vitest-environment node
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/auth/demo-accounts';
import { type RunningServer, startServer } from '../../server/serve';
import type { PgStore } from '../../server/store/pg-store';
import { api } from '../../src/domain/contract';
import { READ_ACCESS } from '../../src/service/read-access';
import { createTestDatabase, dropTestDatabase, IN_CI, pgReachable } from './pg-harness';

/**
 * Sign-in over real HTTP, on the embedded PGlite and on the machine's PostgreSQL: every security
 * property of sessions, CSRF, lock-outs, disabled accounts and read access, each proved here.
 */
const START = Date.parse('2024-05-20T10:00:00+08:00');
const MIN = 60_000;

const backends = ['pglite', 'postgres'] as const;

describe.each(backends)('sign-in on %s', (backend) => {
  let server: RunningServer;
  let dbName: string | null = null;
  let now = START;

  beforeAll(async () => {
    let databaseUrl: string | undefined;
    if (backend === 'postgres') {
      if (!(await pgReachable()) && IN_CI) throw new Error('PostgreSQL is not reachable on 127.0.0.1:5432');
      const db = await createTestDatabase();
      databaseUrl = db.url;
      dbName = db.name;
    }
    server = await startServer({
      host: '127.0.0.1',
      port: 0,
      memory: backend === 'pglite',
      databaseUrl,
      clock: () => now,
      quiet: true,
      print: () => {},
      distDir: '/nonexistent',
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    if (dbName) await dropTestDatabase(dbName);
  });
  // Failures older than the lock-out window (15 min) no longer count: each test starts clean.
  afterEach(() => {
    now += 16 * MIN;
  });

  interface Answer {
    status: number;
    json: { error?: { code: string; message: string } } & Record<string, unknown>;
    headers: Headers;
    cookie: string | null;
  }
  async function send(
    method: string,
    path: string,
    opts: {
      body?: unknown;
      cookie?: string | null;
      origin?: string | null;
      type?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...opts.headers };
    const origin = opts.origin === undefined ? server.url : opts.origin;
    if (origin) headers.Origin = origin;
    if (opts.cookie) headers.Cookie = opts.cookie;
    if (opts.body !== undefined) headers['Content-Type'] = opts.type ?? 'application/json';
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers,
      body:
        opts.body === undefined
          ? undefined
          : typeof opts.body === 'string'
            ? opts.body
            : JSON.stringify(opts.body),
    });
    const text = await res.text();
    const setCookie = res.headers.get('set-cookie');
    return {
      status: res.status,
      json: text ? JSON.parse(text) : {},
      headers: res.headers,
      cookie: setCookie ? setCookie.split(';')[0]! : null,
    };
  }
  const signIn = (login: string, password = DEMO_PASSWORD, cookie?: string | null) =>
    send('POST', '/api/session', { body: { login, password }, cookie });
  async function sessionOf(login: string): Promise<string> {
    const r = await signIn(login);
    expect(r.status).toBe(200);
    return r.cookie!;
  }
  const store = () => server.store as PgStore;
  const sessionRows = async () =>
    (await store().kysely.selectFrom('sessions').selectAll().execute()) as {
      id_hash: string;
      person_id: string;
    }[];

  it('answers 401 on every endpoint but sign-in and server-info without a cookie', async () => {
    const statuses: Record<string, number> = {};
    for (const [name, ep] of Object.entries(api)) {
      const path = ep.path.replace(/:[A-Za-z]+/g, 'x');
      const r = await send(ep.method, path, {
        body: ep.method === 'GET' || ep.method === 'DELETE' ? undefined : {},
      });
      statuses[name] = r.status;
    }
    const expected = Object.fromEntries(
      Object.keys(api).map((n) => [n, n === 'serverInfo' ? 200 : n === 'signIn' ? 400 : 401]),
    );
    expect(statuses).toEqual(expected);
  });

  it('refuses the demo identity header: the server accepts no identity it did not issue', async () => {
    const r = await send('GET', '/api/session', { headers: { 'X-Luoshi-User': 'u-sup' } });
    expect(r.status).toBe(401);
    const info = await send('GET', '/api/server-info');
    expect(info.json.identity).toBe('session');
  });

  it('signs in with an HttpOnly, SameSite=Lax cookie of at least 160 bits, storing only its SHA-256', async () => {
    const r = await signIn('kjt');
    expect(r.status).toBe(200);
    expect((r.json as { person: { name: string } }).person.name).toBe('刘洋');
    const raw = r.headers.get('set-cookie')!;
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/SameSite=Lax/i);
    expect(raw).toMatch(/Path=\//);
    const token = r.cookie!.split('=')[1]!;
    expect(token.length * 5).toBeGreaterThanOrEqual(160);
    const hashes = (await sessionRows()).map((s) => s.id_hash);
    expect(hashes).toContain(createHash('sha256').update(token).digest('hex'));
    expect(hashes).not.toContain(token);
    const me = await send('GET', '/api/session', { cookie: r.cookie });
    expect(me.status).toBe(200);
    expect((me.json as { role: string }).role).toBe('staff');
  });

  it('answers a wrong password and an unknown login with the same generic message', async () => {
    const wrong = await signIn('kjt', 'not-the-password-at-all');
    const unknown = await signIn('nobody-here', 'not-the-password-at-all');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json.error!.message).toBe(unknown.json.error!.message);
    expect(wrong.cookie).toBeNull();
  });

  it('refuses a forged token', async () => {
    const r = await send('GET', '/api/session', {
      cookie: 'luoshi-session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    });
    expect(r.status).toBe(401);
  });

  it('issues a new token on every sign-in and ends the one the request carried (no fixation)', async () => {
    const first = await sessionOf('kjt2');
    const second = await signIn('kjt2', DEMO_PASSWORD, first);
    expect(second.cookie).not.toBe(first);
    expect((await send('GET', '/api/session', { cookie: first })).status).toBe(401);
    expect((await send('GET', '/api/session', { cookie: second.cookie })).status).toBe(200);
  });

  it('signs out by deleting the session on the server', async () => {
    const cookie = await sessionOf('fgw');
    const before = (await sessionRows()).length;
    const out = await send('DELETE', '/api/session', { cookie });
    expect(out.status).toBe(200);
    expect((await sessionRows()).length).toBe(before - 1);
    expect((await send('GET', '/api/session', { cookie })).status).toBe(401);
  });

  it('ends a session idle for 30 minutes, slides while in use, and ends every session after 12 hours', async () => {
    const idle = await sessionOf('jxt');
    now += 31 * MIN;
    expect((await send('GET', '/api/session', { cookie: idle })).status).toBe(401);

    const busy = await sessionOf('jxt');
    for (let h = 0; h < 11; h += 1) {
      for (let q = 0; q < 3; q += 1) {
        now += 20 * MIN;
        expect((await send('GET', '/api/session', { cookie: busy })).status).toBe(200);
      }
    }
    // 11 h in use so far; the absolute limit ends it at 12 h however busy it is.
    for (let q = 0; q < 3; q += 1) now += 20 * MIN;
    now += MIN;
    expect((await send('GET', '/api/session', { cookie: busy })).status).toBe(401);
  });

  it('refuses cross-origin writes (403) and form posts (415), sign-in included', async () => {
    const cookie = await sessionOf('sup');
    const evil = await send('POST', '/api/session', {
      body: { login: 'sup', password: DEMO_PASSWORD },
      origin: 'http://evil.example',
    });
    expect(evil.status).toBe(403);
    const none = await send('POST', '/api/tasks/bulk', {
      body: { action: 'remind', items: [] },
      cookie,
      origin: null,
    });
    expect(none.status).toBe(403);
    const form = await send('POST', '/api/session', {
      body: 'login=sup&password=x',
      type: 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    const sameOrigin = await send('GET', '/api/tasks/T-0003', { cookie });
    expect(sameOrigin.status).toBe(200);
  });

  it('locks an account after 5 failures with 429 and Retry-After, even for the right password', async () => {
    for (let i = 0; i < 5; i += 1) expect((await signIn('czt', `wrong-password-${i}-xx`)).status).toBe(401);
    const locked = await signIn('czt');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    now += 16 * MIN;
    expect((await signIn('czt')).status).toBe(200);
  });

  it('a successful sign-in resets the account counter', async () => {
    for (let i = 0; i < 4; i += 1) await signIn('rst', `wrong-password-${i}-xx`);
    expect((await signIn('rst')).status).toBe(200);
    for (let i = 0; i < 4; i += 1) await signIn('rst', `wrong-password-${i}-yy`);
    expect((await signIn('rst')).status).toBe(200);
  });

  it('locks a client address after 20 failures across logins', async () => {
    for (let i = 0; i < 20; i += 1) await signIn(`nobody-${i}`, 'wrong-password-xxxx');
    expect((await signIn('hf')).status).toBe(429);
  });

  it('disabling an account ends its open session at once; a password reset ends them too', async () => {
    const sup = await sessionOf('sup');
    const staff = await sessionOf('fy-kjj');
    expect((await send('GET', '/api/session', { cookie: staff })).status).toBe(200);
    const off = await send('POST', '/api/accounts/u-fy-kjj/active', { body: { active: false }, cookie: sup });
    expect(off.status).toBe(200);
    expect((await send('GET', '/api/session', { cookie: staff })).status).toBe(401);
    expect((await signIn('fy-kjj')).status).toBe(401);
    await send('POST', '/api/accounts/u-fy-kjj/active', { body: { active: true }, cookie: sup });
    const again = await sessionOf('fy-kjj');
    const weak = await send('POST', '/api/accounts/u-fy-kjj/password', {
      body: { password: 'short' },
      cookie: sup,
    });
    expect(weak.status).toBe(400);
    const reset = await send('POST', '/api/accounts/u-fy-kjj/password', {
      body: { password: '新的密码足够长也够特别-2024' },
      cookie: sup,
    });
    expect(reset.status).toBe(200);
    expect((await send('GET', '/api/session', { cookie: again })).status).toBe(401);
    expect((await signIn('fy-kjj', '新的密码足够长也够特别-2024')).status).toBe(200);
  });

  it('audits every sign-in, failure, lock-out and sign-out with who, from where and the outcome', async () => {
    await signIn('wh', 'wrong-password-zzzz');
    const cookie = await sessionOf('wh');
    await send('DELETE', '/api/session', { cookie });
    const sup = await sessionOf('sup');
    const log = await send('GET', '/api/audit?action=session.&pageSize=10', { cookie: sup });
    const items = (
      log.json as {
        items: { action: string; outcome: string; actorName: string; detail: string; target: string }[];
      }
    ).items;
    const wh = items.filter((e) => e.target === 'session:wh' || e.actorName === '唐宁');
    expect(wh.map((e) => `${e.action} ${e.outcome}`)).toEqual(
      expect.arrayContaining(['session.sign-in denied', 'session.sign-in ok', 'session.sign-out ok']),
    );
    expect(wh.every((e) => e.detail.includes('127.0.0.1'))).toBe(true);
    expect(JSON.stringify(items)).not.toContain(DEMO_PASSWORD);
  });

  describe('read access, role × endpoint, from the one table', () => {
    const asRole = { leader: 'leader', supervisor: 'sup', staff: 'kjt' } as const;
    const params: Record<string, string> = {
      meeting: 'm-2023-0424-ah',
      unitDetail: 'p-kjt',
      getTask: 'T-0003',
      listReports: 'T-0003',
    };
    for (const role of ['leader', 'supervisor', 'staff'] as const) {
      it(`${role}: every read endpoint answers as the table says`, async () => {
        const cookie = await sessionOf(asRole[role]);
        const got: Record<string, number> = {};
        const want: Record<string, number> = {};
        for (const [name, row] of Object.entries(READ_ACCESS) as [string, Record<string, string>][]) {
          const ep = api[name as keyof typeof api];
          const r = await send('GET', ep.path.replace(/:[A-Za-z]+/g, params[name] ?? 'x'), { cookie });
          got[name] = r.status;
          want[name] = row[role] === 'all' ? 200 : 403;
        }
        expect(got).toEqual(want);
      });
    }

    it("unit staff see another unit's reports only once accepted", async () => {
      const sup = await sessionOf('sup');
      const other = await sessionOf('hf-kjj');
      const own = await sessionOf('kjt');
      const all = (await send('GET', '/api/tasks/T-0003/reports', { cookie: sup })).json as unknown as {
        reviewState: string;
      }[];
      const theirs = (await send('GET', '/api/tasks/T-0003/reports', { cookie: other })).json as unknown as {
        reviewState: string;
      }[];
      const mine = (await send('GET', '/api/tasks/T-0003/reports', { cookie: own }))
        .json as unknown as unknown[];
      expect(mine).toHaveLength(all.length);
      expect(theirs.every((r) => r.reviewState === 'accepted')).toBe(true);
      expect(theirs.length).toBe(all.filter((r) => r.reviewState === 'accepted').length);
    });
  });
});
