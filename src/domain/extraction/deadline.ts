// Time phrases → a suggested deadline (YYYY-MM-DD) relative to the meeting date.

const CN_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** 1–99 from Arabic or Chinese numerals (三, 十二, 二十). NaN when not a number. */
export function parseSmallNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 0 || s.length > 3) return Number.NaN;
  if (s.length === 1) return CN_DIGIT[s] ?? Number.NaN;
  if (s[0] === '十') return 10 + (CN_DIGIT[s[1]!] ?? Number.NaN);
  if (s[1] === '十') {
    const tens = CN_DIGIT[s[0]!] ?? Number.NaN;
    return tens * 10 + (s.length === 3 ? (CN_DIGIT[s[2]!] ?? Number.NaN) : 0);
  }
  return Number.NaN;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const ymd = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;

export function parseIsoDate(s: string | undefined): { y: number; m: number; d: number } | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > lastDay(y, mo)) return null;
  return { y, m: mo, d };
}

function addMonths(base: { y: number; m: number; d: number }, months: number): string {
  const total = base.y * 12 + (base.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return ymd(y, m, Math.min(base.d, lastDay(y, m)));
}

const NUM = '(\\d{1,2}|[一二两三四五六七八九十]{1,3})';
const PHRASES: {
  re: RegExp;
  resolve: (m: RegExpExecArray, base: { y: number; m: number; d: number } | null) => string | null;
}[] = [
  {
    // 到2025年 / 2025年底前 / 2025年前 / 2025年底
    re: /(?:到|至|在)?(20\d{2})年(?:底前|年底|底|前|末)?/,
    resolve: (m) => {
      const y = Number(m[1]);
      const hasMarker = /^(?:到|至|在)/.test(m[0]) || /(?:底前|年底|底|前|末)$/.test(m[0]);
      return hasMarker ? ymd(y, 12, 31) : null;
    },
  },
  {
    re: new RegExp(`${NUM}月(?:底|末)?(?:前|以前|之前)`),
    resolve: (m, base) => {
      if (!base) return null;
      const mo = parseSmallNumber(m[1]!);
      if (!(mo >= 1 && mo <= 12)) return null;
      const y = mo < base.m ? base.y + 1 : base.y;
      return ymd(y, mo, lastDay(y, mo));
    },
  },
  {
    re: new RegExp(`${NUM}月底`),
    resolve: (m, base) => {
      if (!base) return null;
      const mo = parseSmallNumber(m[1]!);
      if (!(mo >= 1 && mo <= 12)) return null;
      const y = mo < base.m ? base.y + 1 : base.y;
      return ymd(y, mo, lastDay(y, mo));
    },
  },
  {
    re: new RegExp(`${NUM}个月(?:内|之内|以内)`),
    resolve: (m, base) => {
      const n = parseSmallNumber(m[1]!);
      return base && n > 0 ? addMonths(base, n) : null;
    },
  },
  {
    re: new RegExp(`${NUM}年(?:内|之内|以内|时间)`),
    resolve: (m, base) => {
      const n = parseSmallNumber(m[1]!);
      return base && n > 0 && n < 50 ? addMonths(base, n * 12) : null;
    },
  },
  {
    re: /(?:第)?([一二三四1-4])季度/,
    resolve: (m, base) => {
      if (!base) return null;
      const q = parseSmallNumber(m[1]!);
      const mo = q * 3;
      const y = mo < base.m ? base.y + 1 : base.y;
      return ymd(y, mo, lastDay(y, mo));
    },
  },
  { re: /上半年/, resolve: (_m, base) => (base ? ymd(base.m > 6 ? base.y + 1 : base.y, 6, 30) : null) },
  {
    re: /(?:今年底|年底前|年底|年内|今年内|本年度|下半年|全年)/,
    resolve: (_m, base) => (base ? ymd(base.y, 12, 31) : null),
  },
  {
    // 明年6月底前 / 明年上半年 / 明年一季度 / 明年底: the same phrases, one year on
    re: new RegExp(`明年(?:${NUM}月(?:底|末)?|上半年|(?:第)?([一二三四1-4])季度(?:末)?|年?底)?`),
    resolve: (m, base) => {
      if (!base) return null;
      const y = base.y + 1;
      if (m[1]) {
        const mo = parseSmallNumber(m[1]);
        return mo >= 1 && mo <= 12 ? ymd(y, mo, lastDay(y, mo)) : null;
      }
      if (m[0].endsWith('上半年')) return ymd(y, 6, 30);
      if (m[2]) {
        const mo = parseSmallNumber(m[2]) * 3;
        return ymd(y, mo, lastDay(y, mo));
      }
      return ymd(y, 12, 31);
    },
  },
];

/**
 * Suggests a deadline from the first time phrase in `phrase`, relative to `meetingDate` (YYYY-MM-DD).
 * Absolute phrases (到2025年) resolve without a meeting date. Returns undefined when nothing matches.
 */
export function suggestDeadline(phrase: string, meetingDate?: string): string | undefined {
  const base = parseIsoDate(meetingDate);
  let best: { at: number; value: string } | null = null;
  for (const p of PHRASES) {
    const m = p.re.exec(phrase);
    if (!m) continue;
    const v = p.resolve(m, base);
    if (v && (!best || m.index < best.at)) best = { at: m.index, value: v };
  }
  return best?.value;
}
