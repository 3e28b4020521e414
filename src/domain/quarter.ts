import { addDays } from './dates';

/** Quarters are written `2024Q1`; Q1 = Jan–Mar, following the 季度考核 calendar. */
export type Quarter = `${number}Q${1 | 2 | 3 | 4}`;

export function quarterOf(date: string): Quarter {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return `${y}Q${Math.floor((m - 1) / 3) + 1}` as Quarter;
}

export function parseQuarter(q: string): { year: number; q: 1 | 2 | 3 | 4 } | null {
  const m = /^(\d{4})Q([1-4])$/.exec(q);
  if (!m) return null;
  return { year: Number(m[1]), q: Number(m[2]) as 1 | 2 | 3 | 4 };
}

/** First and last calendar day of the quarter (both inclusive). */
export function quarterRange(q: string): { start: string; end: string } {
  const p = parseQuarter(q);
  if (!p) throw new RangeError(`not a quarter: ${q}`);
  const startMonth = (p.q - 1) * 3 + 1;
  const start = `${p.year}-${String(startMonth).padStart(2, '0')}-01`;
  const nextStart =
    p.q === 4 ? `${p.year + 1}-01-01` : `${p.year}-${String(startMonth + 3).padStart(2, '0')}-01`;
  return { start, end: addDays(nextStart, -1) };
}

export function shiftQuarter(q: string, by: number): Quarter {
  const p = parseQuarter(q);
  if (!p) throw new RangeError(`not a quarter: ${q}`);
  const idx = p.year * 4 + (p.q - 1) + by;
  return `${Math.floor(idx / 4)}Q${(idx % 4) + 1}` as Quarter;
}

export function previousQuarter(q: string): Quarter {
  return shiftQuarter(q, -1);
}

/** Quarters from `from` to `to`, both inclusive, in order. */
export function quartersBetween(from: string, to: string): Quarter[] {
  const out: Quarter[] = [];
  let q = from as Quarter;
  for (let guard = 0; guard < 400; guard++) {
    out.push(q);
    if (q === to) break;
    q = shiftQuarter(q, 1);
  }
  return out;
}

const ZH_Q = ['一', '二', '三', '四'];

export function quarterLabel(q: string, lang: 'zh' | 'en'): string {
  const p = parseQuarter(q);
  if (!p) return q;
  return lang === 'zh' ? `${p.year}年第${ZH_Q[p.q - 1]}季度` : `Q${p.q} ${p.year}`;
}

/** A quarter has closed once its last day is before today. */
export function isQuarterClosed(q: string, today: string): boolean {
  return quarterRange(q).end < today;
}
