import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/** What is worth compressing: text. Images, fonts (woff2 is compressed already) and archives are not. */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.map', '.wasm']);
/** Smaller files gain less than the Content-Encoding round costs (the same threshold as hono's compress). */
const MIN_BYTES = 1024;
/**
 * Brotli's best quality (11) costs about ten times the CPU of 9 for a few per cent less; files above
 * this size (the spreadsheet and document libraries, loaded only on demand) get 9 so a build stays quick.
 */
const BEST_QUALITY_MAX_BYTES = 256 * 1024;
const br = promisify(brotliCompress);
const gz = promisify(gzip);

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/**
 * Writes `x.br` (brotli, quality 11) and `x.gz` (gzip -9) beside every text file of a build, once,
 * at build time: the Node server sends the variant the browser accepts (server/static.ts) without
 * compressing anything per request, and brotli at its best quality is too slow to do per request.
 * Only the hashed `assets/` are compressed; index.html is small and served with an ETag instead.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'luoshi:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      // zlib's async calls run on libuv's thread pool: the files compress in parallel.
      const jobs = [...files(join(outDir, 'assets'))].map(async (path) => {
        if (!COMPRESSIBLE.has(extname(path))) return;
        const raw = readFileSync(path);
        if (raw.length < MIN_BYTES) return;
        const quality = raw.length <= BEST_QUALITY_MAX_BYTES ? constants.BROTLI_MAX_QUALITY : 9;
        const [b, g] = await Promise.all([
          br(raw, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: quality,
              [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          }),
          gz(raw, { level: 9 }),
        ]);
        writeFileSync(`${path}.br`, b);
        writeFileSync(`${path}.gz`, g);
      });
      await Promise.all(jobs);
    },
  };
}
