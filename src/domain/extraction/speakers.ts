import {
  AFTER_NAME,
  isPersonName,
  MEETING_SUBJECT,
  PRONOUN_SUBJECT,
  SPEECH_HEAD,
  SURNAMES,
  TITLE_RE,
} from './lexicon';

export interface KnownPerson {
  name: string;
  title: string | null;
}

const OTHER_BODY =
  /(?:党代会|全会|中央|国务院|省委|市委|县委|区委|省政府|市政府|县政府|区政府|文件|规划|报告|纲要|意见|通知|方案|总书记|总理|主席|中央领导)(?:还|也|明确|多次|曾|反复|深刻)?$/;
const TITLE_CHAIN_STOP = /[，,。；;：:\s（()）“”"!！?？\n]/;

/** Title chain that ends at `end` (省委副书记、省长), walking back to the previous punctuation. */
function titleBefore(text: string, end: number, from: number): string | null {
  let s = end;
  const lim = Math.max(from, end - 24);
  while (s > lim && !TITLE_CHAIN_STOP.test(text[s - 1]!)) s--;
  let t = text.slice(s, end).replace(/^(?:会上|会议由|由)/, '');
  // 副市长赵刚、市政府秘书长孙华: the chain starts after the previous person's name
  const parts = t.split('、');
  for (let k = parts.length - 2; k >= 0; k--) {
    const part = parts[k]!;
    TITLE_RE.lastIndex = 0;
    let titleEnd = -1;
    for (let m = TITLE_RE.exec(part); m; m = TITLE_RE.exec(part)) titleEnd = m.index + m[0].length;
    if (titleEnd > 0 && titleEnd < part.length && isPersonName(part.slice(titleEnd))) {
      t = parts.slice(k + 1).join('、');
      break;
    }
  }
  return t.length >= 2 ? t : null;
}

/** Pre-pass: names introduced with a title anywhere in the text (市委书记孙正东). */
export function collectTitledNames(text: string): Map<string, string | null> {
  const out = new Map<string, string | null>();
  TITLE_RE.lastIndex = 0;
  for (let m = TITLE_RE.exec(text); m; m = TITLE_RE.exec(text)) {
    const p = m.index + m[0].length;
    for (const len of [2, 3, 4]) {
      const cand = text.slice(p, p + len);
      if (!isPersonName(cand)) continue;
      if (!AFTER_NAME.test(text.slice(p + len, p + len + 3))) continue;
      if (!out.has(cand)) out.set(cand, titleBefore(text, p, 0));
      break;
    }
    if (out.size > 500) break;
  }
  return out;
}

export type SpeechSubject =
  | { type: 'person'; name: string; title: string | null }
  | { type: 'meeting' }
  | { type: 'pronoun' }
  | { type: 'bare' } // verb-initial: 强调要…
  | { type: 'other' }; // another body or person quoted (党代会提出, 习近平总书记强调)

export interface SpeechMatch {
  subject: SpeechSubject;
  /** offset (relative to clause start) just after the speech verb(s) */
  restAt: number;
}

const GIVEN = new WeakMap<Map<string, string | null>, Map<string, string | null>>();
/** Given name → full name for the three-character names in `known` (null when ambiguous). */
function givenNames(known: Map<string, string | null>): Map<string, string | null> {
  let m = GIVEN.get(known);
  if (!m) {
    m = new Map();
    for (const k of known.keys()) {
      if (k.length !== 3) continue;
      const g = k.slice(1);
      m.set(g, m.has(g) ? null : k);
    }
    GIVEN.set(known, m);
  }
  return m;
}

function nameFromSubject(subj: string, known: Map<string, string | null>): KnownPerson | null {
  const s = subj.replace(/同志$/, '');
  if (known.has(s)) return { name: s, title: known.get(s) ?? null };
  // TITLE + NAME
  let lastTitleEnd = -1;
  TITLE_RE.lastIndex = 0;
  for (let m = TITLE_RE.exec(s); m; m = TITLE_RE.exec(s)) lastTitleEnd = m.index + m[0].length;
  if (lastTitleEnd > 0) {
    const name = s.slice(lastTitleEnd);
    if (name === '') {
      // NAME + TITLE (陈建华书记, 刘春梅市长) or GIVEN NAME + TITLE (振华书记)
      TITLE_RE.lastIndex = 0;
      const first = TITLE_RE.exec(s);
      const before = first ? s.slice(0, first.index) : '';
      if (before && known.has(before)) return { name: before, title: known.get(before) ?? null };
      if (before.length === 2) {
        const hit = givenNames(known).get(before);
        if (hit) return { name: hit, title: known.get(hit) ?? null };
      }
      if (isPersonName(before) && first && first.index + first[0].length === s.length)
        return { name: before, title: known.get(before) ?? null };
      return null;
    }
    if (isPersonName(name)) {
      const title = s.slice(0, lastTitleEnd).replace(/^(?:会上|会议由|由)/, '');
      return { name, title: title || (known.get(name) ?? null) };
    }
    return null;
  }
  if (isPersonName(s)) return { name: s, title: known.get(s) ?? null };
  return null;
}

/** Recognises 韩俊在讲话中指出 / 省委副书记、省长王清宪讲话 / 会议强调 / 他表示 / 强调要… */
export function parseSpeech(clause: string, known: Map<string, string | null>): SpeechMatch | null {
  const head = clause.length > 60 ? clause.slice(0, 60) : clause;
  const m = SPEECH_HEAD.exec(head);
  if (!m) return null;
  // 国务院总理李克强5日在…中指出: the date after the name is not part of it
  const subj = (m[1] ?? '')
    .replace(/[、\s]+$/, '')
    .replace(/(?:\d{1,2}月)?\d{1,2}日(?:至\d{1,2}日)?(?:上午|下午|晚上?)?$/, '');
  const restAt = m[0].length;
  const rest = clause.slice(restAt);
  const verb = m[2] ?? '';
  if (verb === '说' && rest.length > 0 && !/^[：:，,]/.test(rest)) return null;
  if (subj === '' || subj === '并') {
    // verb-initial: only meaningful when followed by a trigger (强调要…, 强调全市上下要…)
    if (rest.length === 0 || rest.includes('要')) return { subject: { type: 'bare' }, restAt };
    return null;
  }
  // 重要讲话精神 / 讲话的: the verb is a noun here
  if (/^(?:了|精神|稿|材料|内容|要点|摘要|的)/.test(rest)) return null;
  if (PRONOUN_SUBJECT.test(subj)) return { subject: { type: 'pronoun' }, restAt };
  if (MEETING_SUBJECT.test(subj) && !subj.includes('党代会')) return { subject: { type: 'meeting' }, restAt };
  let p = nameFromSubject(subj, known);
  if (!p) {
    // 李明对下一步工作提出要求 / 王涛就乡村振兴工作强调 / 会上，市长李明…
    const cut = /^(?:会上|会议上|随后|最后)?[，,]?([^，,]{2,24}?)(?:对|就|针对|围绕|结合|在听取)/.exec(subj);
    if (cut) p = nameFromSubject(cut[1]!, known);
  }
  // 习近平总书记强调 (the honorific after the name) quotes the leader in someone else's report;
  // the news form names him bare or titled first (习近平指出 / 中共中央总书记习近平指出)
  if (p && /总书记(?:还|也|曾|多次|反复)?$/.test(subj) && subj.startsWith(p.name))
    return { subject: { type: 'other' }, restAt };
  if (p) return { subject: { type: 'person', name: p.name, title: p.title }, restAt };
  if (subj.length <= 14 && OTHER_BODY.test(subj) && verb !== '讲话' && !/^[了的]/.test(rest))
    return { subject: { type: 'other' }, restAt };
  return null;
}

/** A byline paragraph of a speech: 张三 / 省委书记 张三 (spaces between characters allowed). */
export function bylineName(line: string, known: Map<string, string | null>): KnownPerson | null {
  if (line.length > 30) return null;
  // 作者：王振华 / 讲话人：县长 刘文斌
  const compact = line.replace(/[\s\u3000]+/g, '').replace(/^(?:作者|讲话人|主讲人|讲话者)[：:]/, '');
  if (compact.length < 2 || compact.length > 24) return null;
  if (!/^[\u4e00-\u9fff、]+$/.test(compact)) return null;
  if (isPersonName(compact)) {
    if (!SURNAMES.has(compact[0]!) && !known.has(compact)) return null;
    return { name: compact, title: known.get(compact) ?? null };
  }
  const p = nameFromSubject(compact, known);
  return p;
}

const SPEECH_TITLE =
  /^([^，,。；;：:“”]{2,30}?)(?:同志)?在[^，,。；;：:]{2,60}?(?:上|中|时)的(?:讲话|致辞|报告|发言|总结讲话|主旨讲话|讲话提纲|动员讲话|工作报告)(?:[（(][^）)]{1,16}[）)])?[。.]?$/;

/** A speech title naming its author (李国栋同志在全县…大会上的讲话 / 市长张三在…会议上的讲话). */
export function titleAuthor(line: string, known: Map<string, string | null>): KnownPerson | null {
  if (line.length > 90) return null;
  const clean = line.replace(/^[—－\-\s]+/, '');
  // 王振华：在全县…会议上的讲话
  const colon =
    /^([^：:，,。]{2,24})[：:]\s*在[^，,。；;]{2,60}?(?:上|中)的(?:讲话|致辞|报告|发言)(?:[（(][^）)]{1,16}[）)])?[。.]?$/.exec(
      clean,
    );
  if (colon) return nameFromSubject(colon[1]!.replace(/[\s\u3000]+/g, ''), known);
  const m = SPEECH_TITLE.exec(clean);
  if (!m) return null;
  return nameFromSubject(m[1]!.replace(/[、\s]+$/, ''), known);
}

const PARA_TITLE_STOP = /[，,。；;：:\s]/;
/** A known name followed by a predicate (not 的 / a list of names / the clause end). */
const followsName = (s: string, at: number): boolean => at < s.length && !/^[的、和与及等]/.test(s[at]!);

/**
 * The person a news paragraph opens with (市委副书记王涛就乡村振兴工作讲话 / 周敏通报了…): a title chain
 * and a name introduced elsewhere with a title, or such a name alone.
 */
export function paragraphPerson(head: string, known: Map<string, string | null>): KnownPerson | null {
  let end = 0;
  while (end < head.length && end < 40 && !PARA_TITLE_STOP.test(head[end]!)) end++;
  const first = head.slice(0, end);
  for (const len of [2, 3, 4]) {
    const cand = first.slice(0, len);
    if (known.has(cand) && followsName(first, len)) return { name: cand, title: known.get(cand) ?? null };
  }
  TITLE_RE.lastIndex = 0;
  for (let m = TITLE_RE.exec(first); m; m = TITLE_RE.exec(first)) {
    const at = m.index + m[0].length;
    for (const len of [2, 3, 4]) {
      const cand = first.slice(at, at + len);
      if (!known.has(cand)) continue;
      if (!followsName(first, at + len)) continue;
      const title = first.slice(0, at);
      // the title chain runs from the paragraph start (市委常委、常务副市长), no date or verb before it
      if (title.length > 24 || /[\d在对就和与了]/.test(title)) return null;
      // 市长李明、副市长王刚出席: the person named first is not the one after the list
      for (let k = 0; k + 2 <= title.length; k++)
        if (known.has(title.slice(k, k + 2)) || known.has(title.slice(k, k + 3))) return null;
      return { name: cand, title: known.get(cand) ?? title };
    }
  }
  return null;
}
