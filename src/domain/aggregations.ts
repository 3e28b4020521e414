import { quarterRange } from './quarter';
import type { Task } from './schemas';
import { DEFAULT_WARNING_CONFIG, WARNING_KINDS, type WarningConfig, type WarningKind } from './warnings';

/**
 * Chart aggregations for the quarterly review (季度考核). Pure and fast: 10,000 tasks over 8 quarters
 * aggregate in a few milliseconds, because every date is turned into a day number once and every
 * group (unit, directive, speaker, meeting) into an integer index, so the hot loop only adds integers.
 *
 * For a quarter Q and its as-of day A (the quarter's last day, or today while Q is running):
 * - a task is **in scope** (纳入考核) when it started by A and was not closed before Q began;
 * - **done** (完成): closed between Q's first day and A; **on time**: done by its deadline;
 * - **overdue** (逾期): not done by A, past its deadline, not suspended;
 * - **in progress** (推进中): every other task in scope;
 * - **due**: in scope and either done or with a deadline on or before A — what should be done by now.
 * completionRate = done / total; onTimeRate = onTime / due (percent, one decimal).
 * Warnings are the warning lights of the open tasks as they stood on A (see warnings.ts).
 */
export type AggTask = Pick<
  Task,
  'id' | 'leadUnitId' | 'directiveId' | 'startDate' | 'deadline' | 'status' | 'closedAt' | 'progress'
>;
export interface AggReport {
  taskId: string;
  submittedAt: string;
  progress: number;
}
export interface AggDirective {
  speaker: string | null;
  meetingId: string;
}

export interface Counts {
  total: number;
  done: number;
  onTime: number;
  due: number;
  inProgress: number;
  overdue: number;
}
export interface Rates {
  completionRate: number;
  onTimeRate: number;
}
export type GroupRow = Counts & Rates & { key: string };

export interface QuarterAggregate {
  quarter: string;
  asOf: string;
  totals: Counts & Rates;
  byUnit: GroupRow[];
  byDirective: GroupRow[];
  bySpeaker: GroupRow[];
  byMeeting: GroupRow[];
  warnings: Record<WarningKind, number>;
}

/** Tasks without a directive, or a directive without a speaker, are grouped under this key. */
export const NONE_KEY = '-';

const F = 6; // fields per group: total, done, onTime, due, inProgress, overdue

const CUM_DAYS = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Days since 1970-01-01 for `YYYY-MM-DD…` (years 1970–9999), without Date parsing: the hot path calls it 10^5 times. */
export function dayOf(s: string): number {
  // 53328 = '0' × 1111 and 528 = '0' × 11: the digits' char codes folded into one subtraction.
  const y =
    (s.charCodeAt(0) * 1000 + s.charCodeAt(1) * 100 + s.charCodeAt(2) * 10 + s.charCodeAt(3) - 53328) | 0;
  const m = (s.charCodeAt(5) * 10 + s.charCodeAt(6) - 528) | 0;
  const d = (s.charCodeAt(8) * 10 + s.charCodeAt(9) - 528) | 0;
  const yy = m <= 2 ? y - 1 : y;
  // Leap days between 1970 and the date's year; 477 is the count up to 1969.
  const leaps = ((yy / 4) | 0) - ((yy / 100) | 0) + ((yy / 400) | 0) - 477;
  return (y - 1970) * 365 + leaps + CUM_DAYS[m]! + d - 1;
}

export function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

export function withRates<T extends Counts>(c: T): T & Rates {
  return { ...c, completionRate: rate(c.done, c.total), onTimeRate: rate(c.onTime, c.due) };
}

class Index {
  readonly keys: string[] = [];
  private readonly pos = new Map<string, number>();
  private lastKey: string | null = null;
  private lastIndex = -1;
  of(key: string): number {
    // Rows often arrive grouped (by unit, by directive): repeat keys skip the hash lookup.
    if (key === this.lastKey) return this.lastIndex;
    let i = this.pos.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(key);
      this.pos.set(key, i);
    }
    this.lastKey = key;
    this.lastIndex = i;
    return i;
  }
}

function bump(acc: Int32Array, g: number, f: number, onTime: boolean, due: boolean): void {
  const o = g * F;
  acc[o]!++;
  acc[o + f]!++;
  if (onTime) acc[o + 2]!++;
  if (due) acc[o + 3]!++;
}

function rows(index: Index, acc: Int32Array): GroupRow[] {
  const out: GroupRow[] = [];
  index.keys.forEach((key, g) => {
    const o = g * F;
    if (acc[o] === 0) return;
    out.push(
      withRates({
        key,
        total: acc[o]!,
        done: acc[o + 1]!,
        onTime: acc[o + 2]!,
        due: acc[o + 3]!,
        inProgress: acc[o + 4]!,
        overdue: acc[o + 5]!,
      }),
    );
  });
  return out;
}

/**
 * The tasks turned into day numbers and group indexes, once per change of the data: a server keeps
 * it while the data stays the same and aggregates any quarter from it in about a millisecond.
 */
export type AggregationIndex = ReturnType<typeof indexForAggregation>;

export function indexForAggregation(
  tasks: readonly AggTask[],
  reports: readonly AggReport[],
  directives: ReadonlyMap<string, AggDirective>,
) {
  const n = tasks.length;
  const units = new Index();
  const dirs = new Index();
  const speakers = new Index();
  const meetings = new Index();
  const start = new Int32Array(n);
  const deadline = new Int32Array(n);
  const closed = new Float64Array(n);
  const unitOf = new Int32Array(n);
  const dirOf = new Int32Array(n);
  const speakerOf = new Int32Array(n);
  const meetingOf = new Int32Array(n);
  const suspended = new Uint8Array(n);
  const taskPos = new Map<string, number>();
  // Speaker and meeting follow from the directive: look them up once per directive, not per task.
  const speakerOfDir: number[] = [];
  const meetingOfDir: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = tasks[i]!;
    taskPos.set(t.id, i);
    start[i] = dayOf(t.startDate);
    deadline[i] = dayOf(t.deadline);
    closed[i] = t.closedAt ? dayOf(t.closedAt) : Number.POSITIVE_INFINITY;
    suspended[i] = t.status === 'suspended' ? 1 : 0;
    unitOf[i] = units.of(t.leadUnitId);
    const g = dirs.of(t.directiveId ?? NONE_KEY);
    dirOf[i] = g;
    if (speakerOfDir[g] === undefined) {
      const d = t.directiveId ? directives.get(t.directiveId) : undefined;
      speakerOfDir[g] = speakers.of(d?.speaker ?? NONE_KEY);
      meetingOfDir[g] = meetings.of(d?.meetingId ?? NONE_KEY);
    }
    speakerOf[i] = speakerOfDir[g]!;
    meetingOf[i] = meetingOfDir[g]!;
  }
  // Each task's reports as (day, progress), oldest first, in flat arrays (a counting sort by task,
  // then a tiny insertion sort per task): sorting 70,000 report strings would cost more than the rest.
  const m = reports.length;
  const owner = new Int32Array(m);
  const rDay = new Int32Array(m);
  const rProg = new Float64Array(m);
  const off = new Int32Array(n + 1);
  let prevId = '';
  let prevPos: number | undefined;
  for (let j = 0; j < m; j++) {
    // Reports usually come grouped by task: skip the map lookup for a run of the same task.
    const r = reports[j]!;
    const id = r.taskId;
    rDay[j] = dayOf(r.submittedAt);
    rProg[j] = r.progress;
    if (id !== prevId) {
      prevId = id;
      prevPos = taskPos.get(id);
    }
    owner[j] = prevPos ?? -1;
    if (prevPos !== undefined) off[prevPos + 1]!++;
  }
  for (let i = 0; i < n; i++) off[i + 1]! += off[i]!;
  const repDay = new Int32Array(off[n]!);
  const repProg = new Float64Array(off[n]!);
  const cursor = off.slice(0, n);
  for (let j = 0; j < m; j++) {
    const i = owner[j]!;
    if (i < 0) continue;
    let k = cursor[i]!++;
    const day = rDay[j]!;
    const prog = rProg[j]!;
    while (k > off[i]! && repDay[k - 1]! > day) {
      repDay[k] = repDay[k - 1]!;
      repProg[k] = repProg[k - 1]!;
      k--;
    }
    repDay[k] = day;
    repProg[k] = prog;
  }
  return {
    tasks,
    n,
    units,
    dirs,
    speakers,
    meetings,
    start,
    deadline,
    closed,
    suspended,
    unitOf,
    dirOf,
    speakerOf,
    meetingOf,
    off,
    repDay,
    repProg,
  };
}

/**
 * Aggregate the given quarters in one pass over the tasks per quarter. `today` bounds a running
 * quarter; the current status and progress only count for a quarter whose as-of day is today.
 */
export function aggregateQuarters(
  quarters: readonly string[],
  tasks: readonly AggTask[],
  reports: readonly AggReport[],
  directives: ReadonlyMap<string, AggDirective>,
  today: string,
  config: WarningConfig = DEFAULT_WARNING_CONFIG,
): QuarterAggregate[] {
  return aggregateIndexed(indexForAggregation(tasks, reports, directives), quarters, today, config);
}

export function aggregateIndexed(
  index: AggregationIndex,
  quarters: readonly string[],
  today: string,
  config: WarningConfig = DEFAULT_WARNING_CONFIG,
): QuarterAggregate[] {
  const {
    tasks,
    n,
    units,
    dirs,
    speakers,
    meetings,
    start,
    deadline,
    closed,
    suspended,
    unitOf,
    dirOf,
    speakerOf,
    meetingOf,
    off,
    repDay,
    repProg,
  } = index;
  const todayDay = dayOf(today);
  return quarters.map((quarter) => {
    const range = quarterRange(quarter);
    const asOf = today < range.end ? today : range.end;
    const qs = dayOf(range.start);
    const a = dayOf(asOf);
    const live = a >= todayDay;
    // The last monthly period whose report was due by A: A's month if A is its last day, else the month before.
    const [ay, am] = [Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7))];
    const monthEnd = dayOf(new Date(Date.UTC(ay, am, 0)).toISOString());
    const dueMonthStart =
      a >= monthEnd
        ? dayOf(`${asOf.slice(0, 7)}-01`)
        : dayOf(new Date(Date.UTC(ay, am - 2, 1)).toISOString());
    const dueMonthEnd = a >= monthEnd ? monthEnd : dayOf(`${asOf.slice(0, 7)}-01`) - 1;
    const tot = new Int32Array(F);
    const accU = new Int32Array(units.keys.length * F);
    const accD = new Int32Array(dirs.keys.length * F);
    const accS = new Int32Array(speakers.keys.length * F);
    const accM = new Int32Array(meetings.keys.length * F);
    const warn = [0, 0, 0, 0, 0]; // in WARNING_KINDS order
    for (let i = 0; i < n; i++) {
      if (start[i]! > a || closed[i]! < qs) continue;
      const done = closed[i]! <= a;
      const onTime = done && closed[i]! <= deadline[i]!;
      const due = done || deadline[i]! <= a;
      const overdue = !done && suspended[i] === 0 && deadline[i]! < a;
      // field offsets: 0 total, 1 done, 2 onTime, 3 due, 4 inProgress, 5 overdue
      const f = done ? 1 : overdue ? 5 : 4;
      tot[0]!++;
      tot[f]!++;
      if (onTime) tot[2]!++;
      if (due) tot[3]!++;
      bump(accU, unitOf[i]!, f, onTime, due);
      bump(accD, dirOf[i]!, f, onTime, due);
      bump(accS, speakerOf[i]!, f, onTime, due);
      bump(accM, meetingOf[i]!, f, onTime, due);
      if (done || suspended[i] === 1) continue;
      warn[warningIndex(i, a, live, dueMonthStart, dueMonthEnd)]!++;
    }
    const warnings = Object.fromEntries(WARNING_KINDS.map((k, j) => [k, warn[j]!])) as Record<
      WarningKind,
      number
    >;
    return {
      quarter,
      asOf,
      totals: withRates({
        total: tot[0]!,
        done: tot[1]!,
        onTime: tot[2]!,
        due: tot[3]!,
        inProgress: tot[4]!,
        overdue: tot[5]!,
      }),
      byUnit: rows(units, accU),
      byDirective: rows(dirs, accD),
      bySpeaker: rows(speakers, accS),
      byMeeting: rows(meetings, accM),
      warnings,
    };
  });

  /** computeWarning's rules on day numbers; progress is the last report's by A (or the live figure). */
  function warningIndex(
    i: number,
    a: number,
    live: boolean,
    dueMonthStart: number,
    dueMonthEnd: number,
  ): number {
    let lo = off[i]!;
    let hi = off[i + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (repDay[mid]! <= a) lo = mid + 1;
      else hi = mid;
    }
    const last = lo - 1 >= off[i]! ? lo - 1 : -1;
    const t = tasks[i]!;
    const progress = live ? t.progress : last >= 0 ? repProg[last]! : 0;
    const span = Math.max(1, deadline[i]! - start[i]!);
    const elapsedPct = Math.round((Math.min(span, Math.max(0, a - start[i]!)) / span) * 100);
    const daysLeft = deadline[i]! - a;
    if (daysLeft < 0) return 0;
    if (daysLeft <= config.dueSoonDays) return 1;
    if (progress < config.behindRatio * elapsedPct) return 2;
    const owed = start[i]! <= dueMonthEnd;
    const reported = last >= 0 && repDay[last]! >= dueMonthStart;
    if (owed && !reported && !(live && t.status === 'pending-review')) return 3;
    return 4;
  }
}

export interface Change {
  total: number;
  done: number;
  overdue: number;
  /** Percentage points. */
  completionRate: number;
  onTimeRate: number;
}

/** Change against the previous quarter (null when there is none to compare with). */
export function changeFrom(cur: Counts & Rates, prev: (Counts & Rates) | null | undefined): Change | null {
  if (!prev) return null;
  const pp = (x: number, y: number) => Math.round((x - y) * 10) / 10;
  return {
    total: cur.total - prev.total,
    done: cur.done - prev.done,
    overdue: cur.overdue - prev.overdue,
    completionRate: pp(cur.completionRate, prev.completionRate),
    onTimeRate: pp(cur.onTimeRate, prev.onTimeRate),
  };
}

export interface TrendPoint {
  quarter: string;
  completionRate: number;
  onTimeRate: number;
  overdue: number;
  /** Mean unit score of the quarter; null when no unit was scored. */
  averageScore: number | null;
}

/** The trend over quarters: rates from the aggregates, the mean score from each quarter's scores. */
export function trendOf(
  aggs: readonly QuarterAggregate[],
  scores: ReadonlyMap<string, readonly number[]>,
): TrendPoint[] {
  return aggs.map((g) => {
    const s = scores.get(g.quarter) ?? [];
    return {
      quarter: g.quarter,
      completionRate: g.totals.completionRate,
      onTimeRate: g.totals.onTimeRate,
      overdue: g.totals.overdue,
      averageScore: s.length ? Math.round((s.reduce((x, y) => x + y, 0) / s.length) * 10) / 10 : null,
    };
  });
}
