// Sentence-level rules of running prose (long speeches, reports): statements, outline sentences,
// paired and parallel clauses, 、-chains. Each check runs on one clause or once per sentence.
import {
  ASSESSMENT_RE,
  CONNECTIVE_RE,
  isNonAction,
  isOutlineClause,
  isStatementClause,
  isTimeWord,
  YAO_PREV_BAD,
  yaoWordAfter,
} from './lexicon';
import type { Clause } from './segment';

export const TURN_TO_ACTION =
  /^(?:对此|为此|因此|今后|下一步|接下来|新的一年|(?:我们|大家|全省|全市|全县|各级)?(?:必须|务必|一定要|要(?![求素务点])(?![^，,]{1,4}的))|必须)/;
export const WORK_REPORT_RE = /政府工作报告|在[^，,。]{2,40}人民代表大会[^，,。]{0,20}(?:会议)?上/;
export const SPEECH_TITLE_LINE =
  /^在[^，,。；;]{2,60}?(?:上|中)的(?:讲话|致辞|报告|发言|总结讲话|主旨讲话|动员讲话)(?:[（(][^）)]{1,16}[）)])?[。.]?$/;
export const HARD_YAO_WORD = new Set(Array.from('重主需只必紧想将'));
/** Words before a quotation that make it someone else's (正如习近平总书记所指出的，“…”). */
export const QUOTED_SOURCE =
  /(?:总书记|习近平|党中央|中央|毛泽东|邓小平|古人|俗话|常言道|文件|规划|纲要)[^“”。]{0,12}(?:指出|强调|要求|提出|说|讲|所说|号召|明确)?(?:的|过|道)?[，,：:]?$/;
/** A sentence whose subject is a document (党的二十大报告把…摆在…): it reports, the speaker does not order. */
export const REPORTED_DOCUMENT =
  /^(?:党的[^，,。]{1,10}?(?:报告|决定|公报)|党章|[^，,。]{1,10}(?:规划纲要|决议|公报))(?![中里上的])/;
/** The clause after a topic: 全面从严治党，必须… / 推动振兴，关键是… */
export const TOPIC_CONSEQUENT = /^(?:就?必须|根本是|关键是|关键在|核心是|重点是)/;
const SPEECH_VERB_END = /(?:指出|强调|要求|表示|提出)$/;
/** Subjects of a conditional 要: a place or the collective self, not addressees of an order (各地). */
export const CONDITION_SUBJECT =
  /^(?:我省|我市|我县|我区|我镇|我们|咱们|全省|全市|全县|全区|[\u4e00-\u9fff]{1,4}(?:省|市|县|区))$/;
/** The clause after a conditional 要 (我省要走在前列，必须…). */
export const CONDITION_CONSEQUENT = /^(?:就?必须|就要|就得|首先要|关键(?:在|是))/;

/**
 * A causative measure continued by a parallel clause with the same ending (使…干与不干不一样,
 * 干好干差不一样): the second clause has no verb of its own.
 */
export function isCausativeParallel(text: string, prev: [number, number], ms: number, me: number): boolean {
  if (!/^[使让令]/.test(text[prev[0]]!)) return false;
  if (ms - prev[1] > 2 || me - ms > 10 || me - ms < 4) return false;
  const a = text.slice(prev[1] - 3, prev[1]);
  return a.length === 3 && text.slice(me - 3, me) === a;
}

export const CHAIN_VERB =
  /^(?:健全|完善|加强|强化|推进|推动|加快|提升|提高|深化|落实|建立|实施|开展|优化|扩大|严格|坚持|打造|培育|建设|促进|保障|做好|抓好|规范|严厉打击|严肃查处|依法|全面|深入|持续|大力|积极|切实)/;

/**
 * 、-chains stay one measure, except distinct verb–object actions of six characters or more each
 * (健全监测预警机制、完善应急处置预案).
 */
export function splitActionChain(text: string, ms: number, me: number): [number, number][] {
  const s = text.slice(ms, me);
  if (!s.includes('、') || /[“”"《》（）()]/.test(s)) return [[ms, me]];
  // 推动A与B、C相贯通: the 、 joins the objects of one action
  if (/[与和同跟及][^、]*、/.test(s) || /相[\u4e00-\u9fff]{1,3}$|结合起来$|统一起来$/.test(s))
    return [[ms, me]];
  const parts: [number, number][] = [];
  let a = ms;
  for (let k = ms; k <= me; k++) {
    if (k === me || text[k] === '、') {
      parts.push([a, k]);
      a = k + 1;
    }
  }
  const ok = parts.every(([x, y]) => y - x >= 6 && CHAIN_VERB.test(text.slice(x, Math.min(y, x + 4))));
  return ok && parts.length <= 6 ? parts : [[ms, me]];
}

/** A modal 要 in the clause (not 要求 / 重要 / 主要 …). */
export function hasModalYao(t: string): boolean {
  for (let k = t.indexOf('要'); k >= 0; k = t.indexOf('要', k + 1))
    if (!yaoWordAfter(t, k) && !YAO_PREV_BAD.has(t[k - 1] ?? '')) return true;
  return false;
}

/** What a sentence is, from one look over its clauses (starting at clause `ci`). */
export function sentenceFlags(
  text: string,
  clauses: Clause[],
  ctexts: string[],
  ci: number,
  closing: boolean,
): { statement: boolean; outline: boolean } {
  const c = clauses[ci]!;
  let statement = false;
  let outline = false;
  let hasYao = false;
  let outlineAny = false;
  let last = ci;
  for (let j = ci; j < clauses.length && clauses[j]!.sent === c.sent; j++) {
    const t = ctexts[j]!;
    last = j;
    if (!hasYao && hasModalYao(t)) hasYao = true;
    if (isStatementClause(t)) statement = true;
    if (j === ci && /^(?:下面|以下|接下来)(?:[，,]|$)/.test(t)) outline = true;
    // 就…精神，牛青山指出， — a topic frame before a speech verb, not an outline sentence
    else if (isOutlineClause(t) && !(j === ci && SPEECH_VERB_END.test(ctexts[j + 1] ?? ''))) {
      outlineAny = true;
      if (j === ci || outline || clauses[j]!.term === ':') outline = true;
    }
    // 总体要求是，A，B。 states what the requirement is
    if (j === ci && /是$/.test(t) && clauses[j]!.term === ',') statement = true;
  }
  // the rallying call that closes a speech (同志们，…我们要…奋力谱写新篇章！) is not a task
  if (closing && /[！!]/.test(text.slice(clauses[last]!.e, clauses[last]!.e + 1))) outline = true;
  // 围绕总体要求，重点抓好五个方面工作。 announces the parts that follow
  if (outlineAny && !hasYao) outline = true;
  // 当前，我市正处于转型期，矛盾易发多发。 — an assessment sentence
  const c0 = ctexts[ci]!;
  const c1 = clauses[ci + 1];
  const frameOnly = isTimeWord(c0) || CONNECTIVE_RE.exec(c0)?.[0].length === c0.length;
  const first = frameOnly ? (c1 && c1.sent === c.sent ? ctexts[ci + 1]! : '') : c0;
  if (!hasYao && ASSESSMENT_RE.test(first)) statement = true;
  // 我们党…，面临的考验将长期存在。 — an assessment clause anywhere in a sentence without 要
  if (!hasYao && !statement)
    for (let j = ci; j <= last; j++)
      if (ASSESSMENT_RE.test(ctexts[j]!) && isNonAction(ctexts[j]!)) statement = true;
  return { statement, outline };
}
