import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './server/precompress.ts';

// Three modes:
// - development (`npm run dev`): msw mock API on, seeded demo data.
// - demo (`npm run build:demo`): static build with the mock API, written to dist-demo/.
// - production (`npm run build`): no mock code, API base URL from VITE_API_BASE_URL.
export default defineConfig(({ mode }) => {
  const demo = mode === 'demo' || mode === 'development' || mode === 'test';
  return {
    // The production build is served by the Node server, which sends the precompressed files.
    plugins: demo ? [react()] : [react(), precompress()],
    base: './',
    // The mock service worker ships only with builds that run the mock API.
    publicDir: demo ? 'public' : false,
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
