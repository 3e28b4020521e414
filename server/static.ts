import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, MiddlewareHandler } from 'hono';

/**
 * The production SPA from `dist/`: hashed `assets/*` cached for a year (their names change when
 * their content does) and sent precompressed (the build writes `.br` and `.gz` beside each text
 * file, scripts/precompress.ts: brotli or gzip as the browser accepts, no CPU per request);
 * index.html revalidated every time (`no-cache` with an ETag, so a revalidation is a 304); any other
 * GET that is not `/api` answered with index.html so the client router takes the path.
 */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/** The types a compressed variant may exist for: whoever caches the answer must key it by encoding. */
const COMPRESSIBLE = /^(?:text\/|application\/(?:javascript|json|wasm)|image\/svg\+xml)/;

/**
 * The files under `root` with the given Cache-Control. The headers are set on the response itself:
 * serveStatic's `onFound` runs after the response is built, so headers set there would be lost.
 */
function staticFiles(root: string, cacheControl: string): MiddlewareHandler {
  const files = serveStatic({ root, precompressed: true });
  return async (c, next) => {
    let notAFile = false;
    const res = await files(c, async () => {
      notAFile = true;
      await next();
    });
    if (notAFile || !(res instanceof Response)) return res;
    res.headers.set('Cache-Control', cacheControl);
    // A compressible type may be sent encoded or not: whoever caches the answer must key it by encoding.
    const vary = res.headers.get('Vary');
    if (COMPRESSIBLE.test(res.headers.get('Content-Type') ?? '') && !/accept-encoding/i.test(vary ?? '')) {
      res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    }
    return res;
  };
}

/** index.html with a strong ETag of its bytes (re-read when the file changes: a new build). */
function indexHtml(file: string) {
  let cached: { mtimeMs: number; html: string; etag: string } | null = null;
  return async () => {
    const { mtimeMs } = await stat(file);
    if (cached?.mtimeMs !== mtimeMs) {
      const html = await readFile(file, 'utf8');
      const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 22)}"`;
      cached = { mtimeMs, html, etag };
    }
    return cached;
  };
}

/** RFC 9110 If-None-Match: weak comparison (compression may have turned our ETag into W/"…"). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

export function mountSpa(app: Hono, distDir: string): void {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) {
    app.get('*', (c) =>
      c.text(`The web app is not built: ${index} is missing (run \`npm run build\`).`, 503, {
        'Cache-Control': REVALIDATE,
      }),
    );
    return;
  }
  const readIndex = indexHtml(index);
  const sendIndex = async (c: Context) => {
    const { html, etag } = await readIndex();
    const headers = { 'Cache-Control': REVALIDATE, ETag: etag, Vary: 'Accept-Encoding' };
    if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
    return c.html(html, 200, headers);
  };
  // serveStatic resolves `root` against the working directory.
  const root = relative(process.cwd(), distDir) || '.';
  app.use('/assets/*', staticFiles(root, IMMUTABLE));
  app.get('/', sendIndex);
  app.get('/index.html', sendIndex);
  app.use('*', staticFiles(root, REVALIDATE));
  app.get('*', async (c) => {
    // A missing hashed asset is a real 404 (an old tab after a deploy), not the app's HTML.
    if (c.req.path.startsWith('/assets/')) return c.text('Not found', 404);
    return sendIndex(c);
  });
}
