#!/usr/bin/env node
// Builds the demo (mock API inside the page) and the production build (served by the Node server),
// and runs the Playwright journeys in Debian's Chromium.
// With CI=true a missing browser is a failure, never a skip.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('/usr/bin/chromium')) {
  console.error(
    'e2e: /usr/bin/chromium is missing. Install it with: apt-get install -y chromium fonts-noto-cjk',
  );
  process.exit(1);
}
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (!process.argv.includes('--no-build')) {
  run('npx', ['vite', 'build', '--mode', 'demo', '--logLevel', 'warn']);
  // The server project serves the production build (no mock code) from dist/.
  run('npx', ['vite', 'build', '--logLevel', 'warn']);
}
run('npx', ['playwright', 'test', ...process.argv.slice(2).filter((a) => a !== '--no-build')]);
