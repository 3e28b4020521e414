import { addDays } from '../dates';

/** Send times in Beijing time (UTC+08:00, no DST), as ms since the epoch. */
const CST_MS = 8 * 3_600_000;
const MIN_MS = 60_000;
const DAY_MS = 86_400_000;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** `day` at `hhmm` Beijing time. */
export function atTime(day: string, hhmm: string): number {
  return Date.parse(`${day}T00:00:00+08:00`) + minutesOf(hhmm) * MIN_MS;
}

/** The Beijing calendar day of an instant. */
export function cstDayOf(ms: number): string {
  return new Date(ms + CST_MS).toISOString().slice(0, 10);
}

/**
 * The first moment at or after `ms` outside the quiet hours [start, end) — which may span midnight
 * (22:00–07:30). Equal start and end mean no quiet hours.
 */
export function afterQuiet(ms: number, quiet: { start: string; end: string } | null): number {
  if (!quiet) return ms;
  const s = minutesOf(quiet.start);
  const e = minutesOf(quiet.end);
  if (s === e) return ms;
  const dayStart = Math.floor((ms + CST_MS) / DAY_MS) * DAY_MS - CST_MS;
  const m = (ms - dayStart) / MIN_MS;
  const inside = s < e ? m >= s && m < e : m >= s || m < e;
  if (!inside) return ms;
  // The end falls today (same-day window, or an overnight window after midnight) or tomorrow.
  const endToday = dayStart + e * MIN_MS;
  return s < e || m < e ? endToday : endToday + DAY_MS;
}

/**
 * When a calendar reminder of `day` goes out: at the day's send time, or now if that has passed,
 * then after the quiet hours.
 */
export function singleSendAt(
  day: string,
  nowMs: number,
  sendAt: string,
  quiet: { start: string; end: string } | null,
): number {
  return afterQuiet(Math.max(nowMs, atTime(day, sendAt)), quiet);
}

/**
 * The digest a new item joins: today's if its time has not come yet, else tomorrow's. Returns the
 * slot (the digest's day) — the send time is `digestSendAt`.
 */
export function digestSlot(nowMs: number, digestAt: string): string {
  const today = cstDayOf(nowMs);
  return nowMs < atTime(today, digestAt) ? today : addDays(today, 1);
}

export function digestSendAt(
  slot: string,
  digestAt: string,
  quiet: { start: string; end: string } | null,
): number {
  return afterQuiet(atTime(slot, digestAt), quiet);
}

/** Retry delays: 1, 2, 4, 8 … minutes after each failed attempt, at most an hour. */
export function retryDelayMs(attempt: number, baseMs = MIN_MS, capMs = 60 * MIN_MS): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
