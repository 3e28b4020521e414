/**
 * The one clock. Every "today" in the app and in the mock API comes from here, so a pinned demo
 * date (or a test's pinned date) moves the whole system at once.
 * Times are reported in China Standard Time (UTC+08:00, no DST) because the offices keep it.
 */
const CST_OFFSET_MIN = 8 * 60;

let offsetMs = 0;
const DAY_MS = 86_400_000;
/** When this page loaded: the demo's time of day runs from here. */
const loadedAt = Date.now();

let pinned: number | null = null;
/** The demo day (its midnight), while the demo clock runs. */
let demoDay: number | null = null;

/** Pin the clock to an instant (ms since epoch), or `null` to follow the system clock. Tests pin it. */
export function pinClock(at: number | null): void {
  pinned = at;
  demoDay = null;
}

/**
 * The demo's clock: the pinned date stays, and its time of day starts at 10:00 when the page loads and
 * runs on with real time, so actions taken one after another get times in that order. It stops at
 * 23:59:59 rather than roll over into a date nobody chose.
 */
export function runDemoClock(date: string): void {
  pinned = null;
  demoDay = cstMidnightMs(date);
}

/**
 * Follow another clock that runs at the system clock's pace (the server's, whose time the page
 * learns at boot): every "today" on screen is then the server's day.
 */
export function followClock(serverNowMs: number): void {
  offsetMs = serverNowMs - Date.now();
}

export function nowMs(): number {
  if (pinned !== null) return pinned;
  if (demoDay !== null)
    return Math.min(demoDay + 10 * 3_600_000 + (Date.now() - loadedAt), demoDay + DAY_MS - 1000);
  return Date.now() + offsetMs;
}

/** The current instant as ISO-8601 in +08:00, e.g. `2024-03-31T17:20:05+08:00`. */
export function nowIso(): string {
  return toCstIso(nowMs());
}

/** Today's calendar date in Beijing time, `YYYY-MM-DD`. */
export function today(): string {
  return toCstIso(nowMs()).slice(0, 10);
}

export function toCstIso(ms: number): string {
  const d = new Date(ms + CST_OFFSET_MIN * 60_000);
  return `${d.toISOString().slice(0, 19)}+08:00`;
}

/** Parse `YYYY-MM-DD` as midnight Beijing time. */
export function cstMidnightMs(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`);
}
