#!/usr/bin/env node
// Builds the production bundle and fails if any mock code, seed data or the mock service worker
// made it in: production talks to a real API at VITE_API_BASE_URL.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
  stdio: 'inherit',
  env: { ...process.env, VITE_API_BASE_URL: 'https://api.example.gov.cn' },
});
if (r.status !== 0) process.exit(r.status ?? 1);
const files = [];
const walk = (d) => {
  for (const f of readdirSync(d, { withFileTypes: true })) {
    if (f.isDirectory()) walk(join(d, f.name));
    else files.push(join(d, f.name));
  }
};
walk('dist');
const forbidden = [
  ['mock service worker', /mockServiceWorker/],
  ['msw', /setupWorker|MSW_COOKIE|msw\/browser/],
  ['seed article', /孙正东刘玉杰等在阜阳分会场参会/],
  ['seed people', /周立新|陈静/],
];
const problems = [];
if (existsSync('dist/mockServiceWorker.js')) problems.push('dist/mockServiceWorker.js exists');
for (const f of files.filter((f) => /\.(js|html|css)$/.test(f))) {
  const text = readFileSync(f, 'utf8');
  for (const [name, re] of forbidden) if (re.test(text)) problems.push(`${f}: contains ${name}`);
}
if (!files.some((f) => f.endsWith('.js') && readFileSync(f, 'utf8').includes('https://api.example.gov.cn'))) {
  problems.push('the API base URL from VITE_API_BASE_URL is not in the bundle');
}
if (problems.length) {
  console.error(`production build check failed:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`production build check: ${files.length} files, no mock code, API base URL set`);
