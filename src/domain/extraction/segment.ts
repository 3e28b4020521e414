// Splits text into paragraphs → sentences → ；-items → clauses, in one linear pass per paragraph.
// Offsets are UTF-16 indices into the original text. Short quotations and parentheses are
// protected: punctuation inside them does not split.

export type Term = ',' | ';' | ':' | '.' | '';

export interface Clause {
  s: number; // trimmed start
  e: number; // trimmed end (exclusive), before the terminating punctuation
  term: Term;
  sent: number; // sentence index within the paragraph
  item: number; // ；-item index within the paragraph (':' also opens a new item)
  sentFirst: boolean;
  itemFirst: boolean;
}

export interface Paragraph {
  s: number;
  e: number;
  clauses: Clause[];
}

const WS = new Set([' ', '\t', '\u3000', '\u00a0', '\r', '\u2002', '\u2003', '\ufeff', '\u200b']);
export const isWs = (ch: string | undefined): boolean => ch !== undefined && WS.has(ch);

const OPEN_CLOSE: Record<string, string> = {
  '“': '”',
  '「': '」',
  '『': '』',
  '（': '）',
  '(': ')',
  '《': '》',
};
const CLOSERS = new Set(Object.values(OPEN_CLOSE));
const MAX_QUOTE = 50;
const MAX_PAREN = 40;
const SAY_BEFORE = /(?:说|道|指出|强调|表示|要求|提出|讲)[：:，,]?$/;

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Matched short quotations/parentheses in [ps, pe): map open index → close index. */
function protectedRanges(text: string, ps: number, pe: number): Map<number, number> {
  const out = new Map<number, number>();
  const stack: { ch: string; at: number }[] = [];
  let straight = -1;
  for (let i = ps; i < pe; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      if (straight < 0) straight = i;
      else {
        if (i - straight - 1 <= MAX_QUOTE) out.set(straight, i);
        straight = -1;
      }
      continue;
    }
    if (OPEN_CLOSE[ch] !== undefined) {
      if (stack.length < 64) stack.push({ ch, at: i });
      continue;
    }
    if (!CLOSERS.has(ch)) continue;
    for (let k = stack.length - 1; k >= 0; k--) {
      const top = stack[k]!;
      if (OPEN_CLOSE[top.ch] === ch) {
        stack.length = k;
        const len = i - top.at - 1;
        const isParen = top.ch === '（' || top.ch === '(';
        const limit = isParen ? MAX_PAREN : MAX_QUOTE;
        let ok = len <= limit;
        if (ok && top.ch === '“') {
          const before = text.slice(Math.max(ps, top.at - 4), top.at);
          if (SAY_BEFORE.test(before)) ok = false; // the speaker's own words: keep them splittable
        }
        if (ok && k === 0) out.set(top.at, i);
        else if (ok) {
          // nested inside another open pair: keep it, the outer one may not close
          out.set(top.at, i);
        }
        break;
      }
    }
  }
  return out;
}

function termOf(text: string, i: number): Term | null {
  const ch = text[i];
  switch (ch) {
    case '，':
      return ',';
    case ',':
      return isDigit(text[i - 1]) && isDigit(text[i + 1]) ? null : ',';
    case '；':
    case ';':
      return ';';
    case '：':
      return ':';
    case ':':
      return isDigit(text[i - 1]) && isDigit(text[i + 1]) ? null : ':';
    case '。':
    case '！':
    case '？':
    case '!':
    case '?':
      return '.';
    default:
      return null;
  }
}

export function segmentParagraph(text: string, ps: number, pe: number): Paragraph {
  const prot = protectedRanges(text, ps, pe);
  const clauses: Clause[] = [];
  let sent = 0;
  let item = 0;
  let sentFirst = true;
  let itemFirst = true;
  let start = ps;
  const push = (s0: number, e0: number, term: Term) => {
    let s = s0;
    let e = e0;
    while (s < e && isWs(text[s])) s++;
    while (e > s && isWs(text[e - 1])) e--;
    if (e > s) {
      clauses.push({ s, e, term, sent, item, sentFirst, itemFirst });
      sentFirst = false;
      itemFirst = false;
    }
    if (term === '.') {
      sent++;
      item++;
      sentFirst = true;
      itemFirst = true;
    } else if (term === ';' || term === ':') {
      if (e > s || term === ';') {
        item++;
        itemFirst = true;
      }
    }
  };
  let i = ps;
  while (i < pe) {
    const close = prot.get(i);
    if (close !== undefined && close < pe) {
      i = close + 1;
      continue;
    }
    const t = termOf(text, i);
    if (t !== null) {
      push(start, i, t);
      // swallow runs of sentence punctuation (。” ！！ etc.)
      let j = i + 1;
      while (j < pe && (termOf(text, j) === '.' || text[j] === '”' || text[j] === '’')) {
        if (termOf(text, j) === '.' && t !== '.') {
          // "，。" oddities: treat as sentence end
          sent++;
          item++;
          sentFirst = true;
          itemFirst = true;
        }
        j++;
      }
      start = j;
      i = j;
      continue;
    }
    i++;
  }
  push(start, pe, '');
  return { s: ps, e: pe, clauses };
}

/** Paragraphs = lines; blank lines dropped. */
export function paragraphs(text: string): [number, number][] {
  const out: [number, number][] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (i === text.length || ch === '\n' || ch === '\u2028' || ch === '\u2029') {
      let a = s;
      let b = i;
      while (a < b && (isWs(text[a]) || text[a] === '\r')) a++;
      while (b > a && (isWs(text[b - 1]) || text[b - 1] === '\r')) b--;
      if (b > a) out.push([a, b]);
      s = i + 1;
    }
  }
  return out;
}
