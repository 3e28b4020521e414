import { defineConfig } from '@playwright/test';

// Browser journeys in Debian's Chromium (never a downloaded browser), in two projects:
// - demo: the demo build (mock API in the page) served by `vite preview`;
// - server: the production build served by the Node server on a fresh embedded database (PGlite),
//   on loopback with the demo identities (until sign-in lands), its clock started at the demo date.
// E2E_PORT lets a second run (another checkout on the same machine) use its own ports.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const SERVER_PORT = PORT + 7;
const SERVER_PG_PORT = PORT + 8;
const SERVER_DATA = '.e2e-data';
// The same journeys on the machine's PostgreSQL: a database of their own, made anew for each run.
const PG_ADMIN = process.env.LUOSHI_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_E2E = PG_ADMIN.replace(/\/[^/]*$/, `/luoshi_e2e_${PORT}`);
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  projects: [
    { name: 'demo', testIgnore: /server\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${PORT}/` } },
    { name: 'server', testMatch: /server\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${SERVER_PORT}/` } },
    {
      name: 'server-postgres',
      testMatch: /server\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${SERVER_PG_PORT}/` },
    },
  ],
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: [
    {
      command: `npx vite preview --outDir dist-demo --port ${PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `rm -rf ${SERVER_DATA} ${SERVER_DATA}.lock && npx tsx server/main.ts`,
      url: `http://127.0.0.1:${SERVER_PORT}/readyz`,
      env: {
        HOST: '127.0.0.1',
        PORT: String(SERVER_PORT),
        LUOSHI_DATA_DIR: SERVER_DATA,
        LUOSHI_DEMO_RESET: '1',
        LUOSHI_CLOCK: '2024-05-20T10:00:00+08:00',
        LOG_LEVEL: 'warn',
      },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: `psql "${PG_ADMIN}" -qc "drop database if exists luoshi_e2e_${PORT} with (force)" -c "create database luoshi_e2e_${PORT}" && npx tsx server/main.ts`,
      url: `http://127.0.0.1:${SERVER_PG_PORT}/readyz`,
      env: {
        HOST: '127.0.0.1',
        PORT: String(SERVER_PG_PORT),
        DATABASE_URL: PG_E2E,
        LUOSHI_DEMO_RESET: '1',
        LUOSHI_CLOCK: '2024-05-20T10:00:00+08:00',
        LOG_LEVEL: 'warn',
      },
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
