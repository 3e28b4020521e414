import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/**
 * The production SPA from `dist/`: hashed `assets/*` cached for a year (their names change when
 * their content does), everything else revalidated, and any other GET that is not `/api` answered
 * with index.html so the client router takes the path (deep links, reloads).
 */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

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
  // serveStatic resolves `root` against the working directory.
  const root = relative(process.cwd(), distDir) || '.';
  app.use('/assets/*', serveStatic({ root, onFound: (_path, c) => c.header('Cache-Control', IMMUTABLE) }));
  app.use('*', serveStatic({ root, onFound: (_path, c) => c.header('Cache-Control', REVALIDATE) }));
  app.get('*', async (c) => {
    // A missing hashed asset is a real 404 (an old tab after a deploy), not the app's HTML.
    if (c.req.path.startsWith('/assets/')) return c.text('Not found', 404);
    return c.html(await readFile(index, 'utf8'), 200, { 'Cache-Control': REVALIDATE });
  });
}
