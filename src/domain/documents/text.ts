/**
 * Text helpers for official documents: characters XML 1.0 cannot carry are dropped (the docx library
 * escapes `<`, `&` and quotes itself), dates are written in Arabic numerals as §7.3.5 asks, and
 * Chinese ordinals number the headings.
 */

/** XML 1.0 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and the planes above; lone surrogates are not. */
function xmlChar(c: number): boolean {
  return (
    c === 9 ||
    c === 10 ||
    c === 13 ||
    (c >= 0x20 && c < 0xd800) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    c >= 0x10000
  );
}

export function clean(s: string | null | undefined): string {
  const str = s ?? '';
  let out = '';
  // for…of walks code points: a pair is one emoji, an unpaired surrogate comes alone and is dropped.
  for (const ch of str) if (xmlChar(ch.codePointAt(0)!)) out += ch;
  return out;
}

/** `2024-05-20` → `2024年5月20日`. */
export function zhDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五: the ordinals of 一、 and （一） headings. */
export function zhNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const tail =
    rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${zhNumber(rest)}` : zhNumber(rest);
  return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
}

const SENTENCE_END = /[。！？!?\n]/;

/**
 * The sentence of `text` around `span` (start, end): from after the previous 。！？ or line break to the
 * next one, inclusive, so a notice quotes what the leader said rather than the extracted measure alone.
 */
export function sentenceAround(text: string, span: readonly [number, number]): string {
  const [from, to] = span;
  if (from < 0 || to > text.length || from >= to) return '';
  let start = from;
  while (start > 0 && !SENTENCE_END.test(text[start - 1]!)) start--;
  let end = to;
  while (end < text.length && !SENTENCE_END.test(text[end - 1] ?? '')) end++;
  return text.slice(start, end).trim();
}

/** `n` as the offices write percentages: one decimal, none when whole (`87.5%`, `100%`). */
export function percent(n: number): string {
  return `${Math.round(n * 10) / 10}%`;
}
