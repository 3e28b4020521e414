// @vitest-environment node
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/serve';
import { canonicalJson, type PgStore } from '../../server/store/pg-store';
import { api, buildPath, type Endpoint } from '../../src/domain/contract';
import { type Client, LEAK, PORT_BASE, prng, rawRequest, signIn } from './faults-harness';
import { createTestDatabase, dropTestDatabase, IN_CI, pgReachable } from './pg-harness';

/**
 * The fuzzer: ≥ 2,000 generated bad requests across every endpoint of the contract (seeded, so a
 * failure replays), as a supervisor and anonymously: never a 5xx, never a stack trace or SQL in a
 * body, and the store's digest (audit entries aside, which every refused write adds) unchanged.
 * Then the transport limits: a body over 1 MB, headers too slow or too large, a client that leaves.
 */
const SEED = 20_240_520;
const PER_ENDPOINT = 52;
const pgUp = await pgReachable();
if (!pgUp && IN_CI) throw new Error('PostgreSQL is not reachable, and CI=true forbids skipping');

const NASTY = [
  "'; DROP TABLE tasks; --",
  '" OR 1=1 --',
  '../../../etc/passwd',
  '%00',
  '\u0000',
  '<script>alert(1)</script>',
  ['$', '{jndi:ldap://x}'].join(''),
  '{{7*7}}',
  '😀'.repeat(50),
  'ｘ'.repeat(3000),
  '-1',
  '1e309',
  'NaN',
  '__proto__',
  'constructor',
  'T-99999',
  '2024Q9',
  'null',
  ' ',
];

type Rand = ReturnType<typeof prng>;

function randomValue(r: Rand, depth = 0): unknown {
  switch (r.int(depth > 3 ? 6 : 9)) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, 101, 100000]);
    case 3:
      return r.pick(NASTY);
    case 4:
      return 'x'.repeat(r.int(5000));
    case 5:
      return '';
    case 6:
      return Array.from({ length: r.int(5) }, () => randomValue(r, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: r.int(6) }, () => [
          r.pick([...NASTY, 'title', 'id', 'items', 'text']),
          randomValue(r, depth + 1),
        ]),
      );
  }
}

/** The body schema's top-level keys, where zod exposes them (objects, refined objects). */
function keysOf(schema: unknown): string[] {
  let s = schema as { shape?: Record<string, unknown>; _zod?: { def?: { in?: unknown; schema?: unknown } } };
  for (let i = 0; i < 4 && s && !s.shape; i++) s = (s._zod?.def?.in ?? s._zod?.def?.schema) as typeof s;
  return s?.shape ? Object.keys(s.shape) : [];
}

interface Case {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  anonymous: boolean;
  label: string;
}

/** One bad request for `ep` (never one that could succeed: unknown ids, bodies the schema refuses). */
function badCase(name: string, ep: Endpoint, r: Rand): Case {
  const params: Record<string, string> = {};
  for (const m of ep.path.matchAll(/:([A-Za-z]+)/g)) params[m[1]!] = r.pick(NASTY);
  let path = buildPath(ep.path, params);
  if (r.chance(0.1)) path = path.replace(/\/[^/]*$/, `/%E0%A4%A${r.pick(['', '%ZZ', '%'])}`);
  const q = new URLSearchParams();
  for (let i = r.int(4); i > 0; i--)
    q.append(
      r.pick(['page', 'pageSize', 'sort', 'order', 'status', 'q', 'meetingId', 'quarter', r.pick(NASTY)]),
      r.pick(NASTY),
    );
  const query = q.size ? `?${q}` : r.chance(0.1) ? '?page=%FF%FE&pageSize=%' : '';
  const headers: Record<string, string> = {};
  let body: string | Uint8Array | undefined;
  let label = 'params/query';
  if (ep.body) {
    headers['Content-Type'] = 'application/json';
    const keys = keysOf(ep.body);
    const kind = r.int(9);
    if (kind === 0) {
      label = 'malformed JSON';
      body = r.pick(['{', '{"a":', '[1,2', 'nul', '{"title":"x"}}', '\u0000', "{'a':1}"]);
    } else if (kind === 1) {
      label = 'invalid UTF-8';
      body = new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]);
    } else if (kind === 2) {
      label = 'deeply nested';
      const depth = r.pick([100, 1000, 10_000, 100_000]);
      body = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    } else if (kind === 3) {
      label = 'huge (under the limit)';
      body = JSON.stringify(
        Object.fromEntries(keys.map((k) => [k, 'y'.repeat(Math.floor(900_000 / Math.max(1, keys.length)))])),
      );
    } else if (kind === 4) {
      label = 'wrong content type';
      headers['Content-Type'] = r.pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
      ]);
      body = 'title=x&progress=1';
    } else {
      label = 'wrong types';
      const obj = Object.fromEntries(keys.map((k) => [k, randomValue(r)]));
      body = JSON.stringify(r.chance(0.2) ? randomValue(r) : obj);
      // Never a request the contract accepts: it could change the data legitimately.
      if (ep.body.safeParse(JSON.parse(body)).success) body = JSON.stringify([JSON.parse(body)]);
    }
  }
  if (ep.versioned || r.chance(0.1))
    headers['If-Match'] = r.pick(['"1"', 'W/"x"', '-1', '99999999999999999999', "'; DROP"]);
  const anonymous = r.chance(0.15) || name === 'signOut';
  return { method: ep.method, path: `${path}${query}`, headers, body, anonymous, label };
}

/** The store as the API's data, audit entries aside (every refused write adds one, legitimately). */
async function digestWithoutAudit(store: PgStore): Promise<string> {
  const db = await store.loadFresh();
  const { audit: _a, ...rest } = db;
  const { audit: _s, ...seq } = db.seq;
  return createHash('sha256')
    .update(canonicalJson({ ...rest, seq }))
    .digest('hex');
}

const backends = [
  { name: 'PGlite', enabled: true, port: PORT_BASE + 30 },
  { name: 'PostgreSQL', enabled: pgUp, port: PORT_BASE + 31 },
];

describe.each(backends)('bad input ($name)', ({ name, enabled, port }) => {
  let server: RunningServer;
  let sup: Client;
  let dbName: string | undefined;
  let before: string;

  beforeAll(async () => {
    if (!enabled) return;
    let databaseUrl: string | undefined;
    if (name === 'PostgreSQL') {
      const db = await createTestDatabase();
      dbName = db.name;
      databaseUrl = db.url;
    }
    server = await startServer({
      port,
      memory: !databaseUrl,
      databaseUrl,
      quiet: true,
      print: () => {},
      limits: { headersTimeoutMs: 1_000, requestTimeoutMs: 5_000, checkEveryMs: 250 },
    });
    sup = await signIn(server.url, 'sup');
    before = await digestWithoutAudit(server.store as PgStore);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    if (dbName) await dropTestDatabase(dbName);
  });

  it.runIf(enabled)(
    `≥ 2,000 generated bad requests over every endpoint: no 5xx, no stack trace or SQL, digest unchanged`,
    async () => {
      const r = prng(SEED);
      const endpoints = Object.entries(api) as [string, Endpoint][];
      const cases: Case[] = [];
      for (let i = 0; i < PER_ENDPOINT; i++) for (const [n, ep] of endpoints) cases.push(badCase(n, ep, r));
      expect(cases.length).toBeGreaterThanOrEqual(2_000);
      const t0 = performance.now();
      const statuses = new Map<number, number>();
      // Eight at a time: concurrent, like a busy office, without drowning a 2-core machine.
      for (let i = 0; i < cases.length; i += 8) {
        await Promise.all(
          cases.slice(i, i + 8).map(async (c) => {
            const headers = new Headers(c.headers);
            if (!c.anonymous) {
              headers.set('Cookie', sup.cookie);
              headers.set('Origin', server.url);
            }
            const label = `${c.method} ${c.path.slice(0, 120)} [${c.label}${c.anonymous ? ', anonymous' : ''}]`;
            const res = await fetch(`${server.url}${c.path}`, {
              method: c.method,
              headers,
              body: c.body as BodyInit,
            }).catch((e: Error) => {
              throw new Error(`${label}: no answer (${String(e.cause ?? e)})`);
            });
            const text = await res.text();
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            const what = `${c.method} ${c.path.slice(0, 120)} [${c.label}${c.anonymous ? ', anonymous' : ''}] → ${res.status} ${text.slice(0, 300)}`;
            expect(res.status, what).toBeLessThan(500);
            expect(text, what).not.toMatch(LEAK);
          }),
        );
      }
      const ms = Math.round(performance.now() - t0);
      // Oversized headers on every endpoint: 431, and the server goes on.
      for (const [, ep] of endpoints) {
        const raw = await rawRequest(port, [
          `${ep.method} ${buildPath(ep.path, Object.fromEntries([...ep.path.matchAll(/:([A-Za-z]+)/g)].map((m) => [m[1]!, 'x'])))} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${sup.cookie}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
        ]);
        expect(raw.text).toMatch(/^HTTP\/1\.1 431 /);
        expect(raw.text).toContain('"code":"header-fields-too-large"');
      }
      expect(await digestWithoutAudit(server.store as PgStore)).toBe(before);
      expect((await sup.fetch('/api/session')).status).toBe(200);
      process.stdout.write(
        `fuzz ${name}: ${cases.length} requests in ${ms} ms (+${endpoints.length} oversized headers); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}\n`,
      );
    },
    180_000,
  );

  it.runIf(enabled)(
    'a body over 1 MB gets 413, with or without a (true or false) Content-Length',
    async () => {
      const big = JSON.stringify({ title: 'z'.repeat(1_100_000) });
      const withLength = await sup.fetch('/api/tasks', { method: 'POST', body: big });
      expect(withLength.status).toBe(413);
      expect(await withLength.json()).toEqual({
        error: { code: 'payload-too-large', message: expect.any(String) },
      });
      const chunked = await sup.fetch('/api/tasks', {
        method: 'POST',
        body: new Blob([big]).stream(),
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).toBe(413);
      // Content-Length says 20 bytes, 2 MB follow: the body is those 20 bytes (not JSON → 400) and the
      // rest is a malformed next request (the connection is closed): never a success, never a 5xx.
      const lying = await rawRequest(port, [
        `POST /api/tasks HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${server.url}\r\nCookie: ${sup.cookie}\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n{"title":"${'w'.repeat(2_000_000)}"}`,
      ]);
      expect(lying.text).not.toMatch(/^HTTP\/1\.1 [25]\d\d /);
      expect((await sup.fetch('/api/session')).status).toBe(200);
    },
  );

  it.runIf(enabled)(
    'a client that sends its headers too slowly is cut off (408, connection closed)',
    async () => {
      const slow = await rawRequest(
        port,
        [
          'GET /api/session HTTP/1.1\r\n',
          'Host: 127.0.0.1\r\n',
          'X-Slow: 1\r\n',
          'X-Slow: 2\r\n',
          'X-Slow: 3\r\n',
          'X-Slow: 4\r\n',
        ],
        { gapMs: 400, waitMs: 6_000 },
      );
      expect(slow.closedByServer).toBe(true);
      expect(slow.ms).toBeLessThan(4_000);
      expect(slow.text).toMatch(/^HTTP\/1\.1 408 /);
    },
  );

  it.runIf(enabled)(
    'a client that disconnects: its write is never half applied, and nothing breaks',
    async () => {
      const list = await (await sup.fetch('/api/tasks?status=in-progress&pageSize=5')).json();
      const task = list.items[0];
      const audits = async () =>
        (await (await sup.fetch(`/api/audit?target=task:${task.id}&pageSize=200`)).json()).items as {
          outcome: string;
          detail: string;
        }[];
      const seen = (await audits()).length;
      const body = JSON.stringify({ title: '断开的客户端', progress: 42 });
      const head = `PATCH /api/tasks/${task.id} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${server.url}\r\nCookie: ${sup.cookie}\r\nContent-Type: application/json\r\nIf-Match: ${task.version}\r\nContent-Length: ${body.length + 10}\r\n\r\n`;
      // 1. Gone in the middle of its body: refused, audited, nothing changed.
      await rawRequest(port, [head, body.slice(0, 10)], { destroyAfterWrite: true, gapMs: 50 });
      // 2. A whole request, gone before the answer: either all of it landed or nothing did.
      const whole = head.replace(
        `Content-Length: ${body.length + 10}`,
        `Content-Length: ${Buffer.byteLength(body)}`,
      );
      await rawRequest(port, [whole + body], { destroyAfterWrite: true });
      await new Promise((r) => setTimeout(r, 1_000));
      const now = (await (await sup.fetch(`/api/tasks/${task.id}`)).json()).task;
      const entries = (await audits()).slice(0, (await audits()).length - seen);
      if (now.version === task.version)
        expect(now).toMatchObject({ title: task.title, progress: task.progress });
      else expect(now).toMatchObject({ title: '断开的客户端', progress: 42, version: task.version + 1 });
      expect(entries.some((e) => e.outcome === 'error' && /disconnected/.test(e.detail))).toBe(true);
      expect(entries.length).toBeLessThanOrEqual(2);
      expect(entries.filter((e) => e.outcome === 'ok').length).toBe(now.version === task.version ? 0 : 1);
      expect((await sup.fetch('/api/session')).status).toBe(200);
    },
  );
});
