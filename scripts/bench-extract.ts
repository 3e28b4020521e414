// Benchmark: prints JSON { seedMs, mbText, oneMbMs, extractMBps } (median of several runs).
import { SEED_ARTICLE } from '../src/domain/extraction/fixtures/seed-article.ts';
import { extract } from '../src/domain/extraction/index.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function time(fn: () => void, runs: number): number {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return median(out);
}

const ONE_MB = 1 << 20; // UTF-8 bytes
const encoder = new TextEncoder();
const seedBytes = encoder.encode(SEED_ARTICLE).length;
const copies = Math.ceil(ONE_MB / seedBytes);
const big = Array.from({ length: copies }, () => SEED_ARTICLE).join('\n');
const bigBytes = encoder.encode(big).length;

for (let i = 0; i < 5; i++) extract(SEED_ARTICLE); // warm-up
const seedMs = time(() => extract(SEED_ARTICLE), 31);
extract(big);
const oneMbMs = time(() => extract(big), 7) * (ONE_MB / bigBytes);
const round = (n: number) => Math.round(n * 1000) / 1000;
process.stdout.write(
  `${JSON.stringify({ seedMs: round(seedMs), mbText: 1, oneMbMs: round(oneMbMs), extractMBps: round(1000 / oneMbMs) })}\n`,
);
