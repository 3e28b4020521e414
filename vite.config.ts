import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { precompress } from './server/precompress.ts';

// Three modes:
// - development (`npm run dev`): msw mock API on, seeded demo data.
// - demo (`npm run build:demo`): static build with the mock API, written to dist-demo/.
// - production (`npm run build`): no mock code, API base URL from VITE_API_BASE_URL.
/**
 * The production build's first request, /api/server-info (src/app/server-boot.ts), starts while the
 * HTML is parsed, in parallel with the scripts, instead of after them. Only when the API is this
 * origin: the preload must match the boot's fetch exactly (same URL, no custom headers).
 */
function preloadServerInfo(apiBase: string | undefined): Plugin {
  return {
    name: 'luoshi:preload-server-info',
    transformIndexHtml: () =>
      apiBase
        ? []
        : [
            {
              tag: 'link',
              attrs: { rel: 'preload', href: '/api/server-info', as: 'fetch', crossorigin: '' },
              injectTo: 'head',
            },
          ],
  };
}

export default defineConfig(({ mode }) => {
  const demo = mode === 'demo' || mode === 'development' || mode === 'test';
  const build = mode === 'demo' || mode === 'production';
  return {
    // The production build is served by the Node server, which sends the precompressed files.
    plugins: demo
      ? [react()]
      : [react(), preloadServerInfo(loadEnv(mode, process.cwd()).VITE_API_BASE_URL), precompress()],
    base: './',
    // The mock service worker ships only with builds that run the mock API.
    publicDir: demo ? 'public' : false,
    // react-router's package exports only its development build (dev warnings on: extra checks at
    // every render). Built bundles take the production build from the same package; tests keep warnings.
    resolve: build
      ? {
          alias: [
            {
              find: /^react-router$/,
              replacement: fileURLToPath(
                new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
              ),
            },
          ],
        }
      : {},
    define: {
      __LUOSHI_DEMO__: JSON.stringify(demo),
    },
    build: {
      outDir: mode === 'demo' ? 'dist-demo' : 'dist',
      sourcemap: false,
      chunkSizeWarningLimit: 1200,
    },
    preview: { port: 4173, strictPort: true },
    server: { port: 5173 },
  };
});
