// @vitest-environment node
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/auth/demo-accounts';
import { isLoopback, parsePort } from '../../server/config';
import { createLogger } from '../../server/logger';
import { precompress } from '../../server/precompress';
import {
  type AppDeps,
  IDENTITY_NOTE_OFF,
  IDENTITY_NOTE_ON,
  type RunningServer,
  startServer,
} from '../../server/serve';
import { type Store, StoreUnavailable } from '../../src/service/port';

// PGlite's first start compiles its wasm: slow on a shared 2-core machine.
const START_TIMEOUT_MS = 120_000;
const ROOT = join(import.meta.dirname, '../..');

function captureLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, logger: createLogger({ destination }) };
}

describe('the Node server (in-memory PGlite, the real HTTP app)', () => {
  let server: RunningServer;
  let dist: string;
  const { lines, logger } = captureLogger();
  let deps: AppDeps | undefined;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'luoshi-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>落实</title><div id="root"></div>');
    writeFileSync(
      join(dist, 'assets', 'index-abc123.js'),
      `console.log(${JSON.stringify('x'.repeat(4000))});`,
    );
    writeFileSync(join(dist, 'assets', 'tiny-abc123.js'), 'export {};');
    // What `npm run build` does last: the .br and .gz files beside the assets.
    const plugin = precompress() as unknown as {
      configResolved(c: { root: string; build: { outDir: string } }): void;
      closeBundle(): Promise<void>;
    };
    plugin.configResolved({ root: dist, build: { outDir: '.' } });
    await plugin.closeBundle();
    const { createApp } = await import('../../src/http/app');
    server = await startServer({
      port: 0,
      memory: true,
      distDir: dist,
      logger,
      print: () => {},
      createApp: (d) => {
        deps = d;
        return createApp(d);
      },
    });
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await server?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('says first how it identifies people: sign-in, the identity header refused even on loopback', () => {
    expect(lines[0]).toMatchObject({ identity: IDENTITY_NOTE_OFF, loopback: true });
    expect(deps?.allowIdentityHeader).toBe(false);
    expect(deps?.auth).toBeDefined();
  });

  it(
    'believes the header only when a test turns the switch on in code',
    async () => {
      const { lines: testLines, logger: testLogger } = captureLogger();
      const test = await startServer({
        port: 0,
        memory: true,
        distDir: dist,
        logger: testLogger,
        testIdentityHeader: true,
        print: () => {},
      });
      try {
        expect(testLines[0]).toMatchObject({ identity: IDENTITY_NOTE_ON });
        const res = await fetch(`${test.url}/api/session`, { headers: { 'X-Luoshi-User': 'u-sup' } });
        expect(res.status).toBe(200);
      } finally {
        await test.close();
      }
    },
    START_TIMEOUT_MS,
  );

  it('answers the probes', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ready' });
  });

  it('serves the API with a request id and logs one line per request without bodies', async () => {
    const signIn = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ login: 'sup', password: DEMO_PASSWORD }),
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const res = await fetch(`${server.url}/api/session`, {
      headers: { Cookie: cookie, 'X-Request-Id': 'req-test-1' },
    });
    expect(res.headers.get('x-request-id')).toBe('req-test-1');
    expect(res.headers.get('x-luoshi-actor')).toBeNull();
    await res.text();
    const line = lines.find((l) => l.reqId === 'req-test-1');
    expect(line).toMatchObject({ actor: 'u-sup', method: 'GET', path: '/api/session', status: 200 });
    const login = lines.find((l) => l.path === '/api/session' && l.method === 'POST');
    expect(JSON.stringify(login)).not.toContain(DEMO_PASSWORD);
    expect(typeof line?.ms).toBe('number');
    expect(Object.keys(line ?? {})).not.toContain('body');
  });

  it('never answers /api with the SPA', async () => {
    const res = await fetch(`${server.url}/api/no-such-thing`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/json/);
  });

  it('serves the SPA: immutable assets, revalidated index, fallback for client routes, gzip', async () => {
    const asset = await fetch(`${server.url}/assets/index-abc123.js`, {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(await asset.text()).toContain('xxxx');
    const deep = await fetch(`${server.url}/tasks/T-0001`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    expect(await deep.text()).toContain('<div id="root">');
    expect((await fetch(`${server.url}/assets/gone-123.js`)).status).toBe(404);
  });

  it('sends each asset brotli, gzip or raw as the browser accepts, always with Vary: Accept-Encoding', async () => {
    const file = join(dist, 'assets', 'index-abc123.js');
    const raw = readFileSync(file, 'utf8');
    const get = (encoding: string, name = 'index-abc123.js') =>
      fetch(`${server.url}/assets/${name}`, { headers: { 'Accept-Encoding': encoding } });
    for (const [accept, encoding, suffix] of [
      ['gzip, deflate, br, zstd', 'br', '.br'],
      ['gzip, deflate', 'gzip', '.gz'],
      ['identity', null, ''],
    ] as const) {
      const res = await get(accept);
      expect(res.headers.get('content-encoding'), accept).toBe(encoding);
      expect(res.headers.get('vary'), accept).toMatch(/Accept-Encoding/i);
      expect(res.headers.get('cache-control'), accept).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type'), accept).toMatch(/javascript/);
      // The precompressed file as written at build time (no compression per request).
      expect(Number(res.headers.get('content-length')), accept).toBe(readFileSync(file + suffix).length);
      expect(await res.text(), accept).toBe(raw);
    }
    // A file under 1 KiB is not worth a compressed copy: sent as it is.
    expect(existsSync(join(dist, 'assets', 'tiny-abc123.js.br'))).toBe(false);
    const tiny = await get('gzip, br', 'tiny-abc123.js');
    expect(tiny.headers.get('content-encoding')).toBeNull();
    expect(await tiny.text()).toBe('export {};');
  });

  it('revalidates index.html with an ETag: unchanged, the answer is an empty 304', async () => {
    const first = await fetch(`${server.url}/`);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^(W\/)?"[\w-]+"$/);
    for (const path of ['/', '/index.html', '/ledger']) {
      const again = await fetch(`${server.url}${path}`, { headers: { 'If-None-Match': etag! } });
      expect(again.status, path).toBe(304);
      expect(await again.text(), path).toBe('');
    }
    const other = await fetch(`${server.url}/`, { headers: { 'If-None-Match': '"something-else"' } });
    expect(other.status).toBe(200);
    expect(await other.text()).toContain('<div id="root">');
  });
});

describe('the server shell with a stub app and a store whose database is gone', () => {
  const deadStore: Store = {
    read: () => Promise.reject(new StoreUnavailable('gone')),
    write: () => Promise.reject(new StoreUnavailable('gone')),
    canReset: false,
    ping: async () => false,
    close: async () => {},
  };
  const stubApp = (seen: AppDeps[]) => (d: AppDeps) => {
    seen.push(d);
    return { fetch: () => new Response('{}', { headers: { 'content-type': 'application/json' } }) };
  };

  it('answers /readyz 503 while /healthz stays 200', async () => {
    const server = await startServer({ port: 0, store: deadStore, createApp: stubApp([]), quiet: true });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(503);
    } finally {
      await server.close();
    }
  });

  it('refuses the identity header on a non-loopback address, and says so first', async () => {
    const seen: AppDeps[] = [];
    const { lines, logger } = captureLogger();
    const server = await startServer({
      host: '0.0.0.0',
      port: 0,
      store: deadStore,
      createApp: stubApp(seen),
      logger,
    });
    try {
      expect(seen[0]?.allowIdentityHeader).toBe(false);
      expect(lines[0]).toMatchObject({ identity: IDENTITY_NOTE_OFF });
      await (
        await fetch(`http://127.0.0.1:${server.port}/api/x`, { headers: { 'X-Luoshi-User': 'u-sup' } })
      ).text();
      expect(lines.find((l) => l.path === '/api/x')).toMatchObject({ actor: null });
    } finally {
      await server.close();
    }
  });
});

describe('the server configuration', () => {
  it('believes the identity header only on loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.8.9.10', 'localhost', '::1', '[::1]'])
      expect(isLoopback(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.5', '192.168.1.2', 'example.org', '127.0.0.256'])
      expect(isLoopback(h)).toBe(false);
  });

  it('refuses a bad PORT', () => {
    expect(parsePort('8080', 1)).toBe(8080);
    expect(parsePort(undefined, 8080)).toBe(8080);
    for (const p of ['abc', '-1', '70000', '80.5']) expect(() => parsePort(p, 8080)).toThrow(/PORT/);
  });
});

/** Run `tsx server/main.ts` with `env`; resolves with its exit code and stderr. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('a bad environment ends the process with one clear line', () => {
  const oneLine = (s: string) => s.trimEnd().split('\n');

  it('bad PORT', async () => {
    const { code, stderr } = await runMain({ PORT: 'eighty' });
    expect(code).not.toBe(0);
    expect(oneLine(stderr)).toEqual([expect.stringMatching(/^luoshi: PORT must be a number/)]);
  });

  it('unreachable DATABASE_URL', async () => {
    const { code, stderr } = await runMain({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    expect(code).not.toBe(0);
    expect(oneLine(stderr)).toEqual([
      expect.stringMatching(/^luoshi: cannot reach the database at .*ECONNREFUSED/),
    ]);
  });

  it('unwritable data folder', async () => {
    const { code, stderr } = await runMain({ LUOSHI_DATA_DIR: '/dev/null/luoshi' });
    expect(code).not.toBe(0);
    expect(oneLine(stderr)).toEqual([
      expect.stringMatching(/^luoshi: LUOSHI_DATA_DIR .* is not a writable folder/),
    ]);
  });

  it(
    'port in use',
    async () => {
      const blocker = createServer();
      await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
      const port = (blocker.address() as { port: number }).port;
      const dir = mkdtempSync(join(tmpdir(), 'luoshi-data-'));
      try {
        const { code, stderr } = await runMain({ PORT: String(port), LUOSHI_DATA_DIR: join(dir, 'data') });
        expect(code).not.toBe(0);
        expect(oneLine(stderr)).toEqual([expect.stringMatching(/already in use \(EADDRINUSE\)/)]);
      } finally {
        blocker.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    START_TIMEOUT_MS,
  );
});
