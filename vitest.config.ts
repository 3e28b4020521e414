import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Projects: the app's unit and component tests (jsdom, msw), and the contract suite run once per
 * backend: the demo store through msw, and the Node server over real HTTP on PGlite and on the
 * machine's PostgreSQL. Server-side tests of the store and the process run in Node.
 */
const ORDER = { demo: 1, pglite: 2, postgres: 3 } as const;
const contract = (backend: 'demo' | 'pglite' | 'postgres') => ({
  extends: true as const,
  test: {
    name: `contract:${backend}`,
    environment: 'node',
    include: ['tests/contract/**/*.test.ts'],
    setupFiles: backend === 'demo' ? ['./vitest.setup.ts'] : ['./tests/contract/setup-server.ts'],
    env: { LUOSHI_BACKEND: backend },
    // Each file starts its own server and database; two at a time keep a 2-core machine responsive.
    maxWorkers: backend === 'demo' ? undefined : 2,
    // Projects run one after another (vitest needs a group per worker setting); each fills the machine.
    sequence: { groupOrder: ORDER[backend] },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  plugins: [react()],
  define: { __LUOSHI_DEMO__: 'true' },
  test: {
    globals: true,
    testTimeout: 20000,
    css: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          sequence: { groupOrder: 0 },
          setupFiles: ['./vitest.setup.ts'],
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'tests/contract/**', 'tests/server/**', 'node_modules/**'],
        },
      },
      contract('demo'),
      contract('pglite'),
      contract('postgres'),
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          sequence: { groupOrder: 4 },
          include: ['tests/server/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
