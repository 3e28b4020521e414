// Benchmark: prints JSON { aggregateMs, indexMs, quartersMs } — median times to aggregate 10,000 tasks
// over 8 quarters (every review chart: by unit, directive, speaker, meeting, warnings). Target: < 20 ms.
// aggregateMs is the whole job from raw tasks and reports; indexMs the one-off indexing part (a server
// keeps the index while the data is unchanged); quartersMs the 8 quarters from a ready index.
// Uses the large demo generator (mocks/seed/build-large.ts) when present, else synthetic tasks of the same shape.
import {
  type AggReport,
  type AggTask,
  aggregateIndexed,
  aggregateQuarters,
  indexForAggregation,
} from '../src/domain/aggregations.ts';
import { addDays } from '../src/domain/dates.ts';
import { quartersBetween } from '../src/domain/quarter.ts';

const TODAY = '2024-05-20';
const QUARTERS = quartersBetween('2022Q3', '2024Q2');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A small deterministic PRNG (mulberry32), so every run measures the same data. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function synthetic(n: number) {
  const r = rng(42);
  const tasks: AggTask[] = [];
  const reports: AggReport[] = [];
  const directives = new Map<string, { speaker: string | null; meetingId: string }>();
  for (let d = 0; d < 400; d++)
    directives.set(`d-${d}`, { speaker: `speaker-${d % 12}`, meetingId: `m-${d % 40}` });
  for (let i = 0; i < n; i++) {
    const start = addDays('2022-07-01', Math.floor(r() * 650));
    const deadline = addDays(start, 30 + Math.floor(r() * 300));
    const closeDay = r() < 0.55 ? addDays(deadline, Math.floor(r() * 60) - 40) : null;
    const closed = closeDay && closeDay <= TODAY ? closeDay : null;
    const id = `T-${i}`;
    tasks.push({
      id,
      leadUnitId: `u-${Math.floor(r() * 120)}`,
      directiveId: `d-${Math.floor(r() * 400)}`,
      startDate: start,
      deadline,
      status: closed ? 'closed' : r() < 0.03 ? 'suspended' : 'in-progress',
      closedAt: closed ? `${closed}T10:00:00+08:00` : null,
      progress: closed ? 100 : Math.floor(r() * 100),
    });
    for (let m = 0; m < 8; m++) {
      const day = addDays(start, 25 + m * 30);
      if (day > TODAY || (closed && day > closed)) break;
      if (r() < 0.85)
        reports.push({ taskId: id, submittedAt: `${day}T09:00:00+08:00`, progress: Math.min(100, m * 12) });
    }
  }
  return { tasks, reports, directives };
}

async function dataset() {
  try {
    const path = '../mocks/seed/build-large.ts';
    const mod = (await import(path)) as {
      buildLargeDb?: () => {
        tasks: AggTask[];
        reports: AggReport[];
        directives: { id: string; speaker: string | null; meetingId: string }[];
      };
    };
    if (mod.buildLargeDb) {
      const db = mod.buildLargeDb();
      return {
        source: 'build-large',
        tasks: db.tasks,
        reports: db.reports,
        directives: new Map(db.directives.map((d) => [d.id, d])),
      };
    }
  } catch {
    // The large generator is not there (yet): measure synthetic data of the same size.
  }
  return { source: 'synthetic', ...synthetic(10_000) };
}

const data = await dataset();
function timeIt(fn: () => unknown, runs = 21): number {
  for (let i = 0; i < 5; i++) fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}
const aggregateMs = timeIt(() =>
  aggregateQuarters(QUARTERS, data.tasks, data.reports, data.directives, TODAY),
);
const indexMs = timeIt(() => indexForAggregation(data.tasks, data.reports, data.directives));
const index = indexForAggregation(data.tasks, data.reports, data.directives);
const quartersMs = timeIt(() => aggregateIndexed(index, QUARTERS, TODAY));
const round = (x: number) => Math.round(x * 1000) / 1000;
process.stderr.write(
  `aggregate: ${data.source}, ${data.tasks.length} tasks, ${data.reports.length} reports, ${QUARTERS.length} quarters\n`,
);
process.stdout.write(
  `${JSON.stringify({ aggregateMs: round(aggregateMs), indexMs: round(indexMs), quartersMs: round(quartersMs) })}\n`,
);
