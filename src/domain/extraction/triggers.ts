// Stage "triggers": the shape at the start of a clause that opens a directive (要 / addressee + 要 /
// topic + 要 / 一是 / 在X上Y / 就是要), where its heading starts, and where a measure's text starts.
// Pure functions over [start, end) offsets of the text.
import {
  CONNECTIVE_RE,
  ENUM_RE,
  isAddressee,
  isNonAction,
  isTimeWord,
  isTopic,
  isZaiShang,
  MEASURE_LEAD,
  stripModalTail,
  YAO_PREV_BAD,
  yaoWordAfter,
} from './lexicon';
import { CONDITION_CONSEQUENT, CONDITION_SUBJECT, HARD_YAO_WORD } from './prose';
import type { Clause } from './segment';
import type { DirectiveKind } from './types';

const PAGE_JUMP = /^[（(](?:下转|上接|转|接)[^）)]{1,8}[)）]/;

export interface Lead {
  enumerated: boolean;
  yao: boolean;
  zai: boolean;
  addressee: boolean;
  timeLead: boolean;
  elaborate: boolean;
  /** 特别是要 / 尤其要: an emphasis inside an open directive, not a new one */
  emphasis: boolean;
  /** a topic before 要 (积极的财政政策要…): a trigger only at the start of a sentence */
  topic: string | null;
  headStart: number;
}

const OUTLINE_RE = /怎么|怎样|如何|什么|哪/;
const MEASURE_MODAL = /(?:必须|应该|应当|务必|一定要|要)/g;
/** Trigger shape at the start of [s, e): enumerator, connective, addressee, 要, 在X上Y. */
export function analyzeLead(text: string, s: number, e: number): Lead | null {
  let i = s;
  // whitespace and an opening quotation mark (李明说：“各部门要…)
  while (i < e && (/\s/.test(text[i]!) || text[i] === '“' || text[i] === '"')) i++;
  // a newspaper's page-jump markers ((下转A2版) (上接第1版)) are not part of the text
  for (
    let m = PAGE_JUMP.exec(text.slice(i, Math.min(e, i + 16)));
    m;
    m = PAGE_JUMP.exec(text.slice(i, Math.min(e, i + 16)))
  ) {
    i += m[0].length;
    while (i < e && /\s/.test(text[i]!)) i++;
  }
  if (i >= e) return null;
  const lead: Lead = {
    enumerated: false,
    yao: false,
    zai: false,
    addressee: false,
    timeLead: false,
    elaborate: false,
    emphasis: false,
    topic: null,
    headStart: i,
  };
  // 首先，必须… opens an enumerated series (首先，必须… 第二，必须…)
  if (
    text.startsWith('首先', i) &&
    (i + 2 === e ? /^[，,]\s*必须/.test(text.slice(e, e + 4)) : text.startsWith('必须', i + 2))
  ) {
    lead.enumerated = true;
    i += 2;
  }
  const em = lead.enumerated ? null : ENUM_RE.exec(text.slice(i, Math.min(e, i + 24)));
  if (em) {
    lead.enumerated = true;
    i += em[0].length;
    if (em[0].endsWith('要')) lead.yao = true;
  }
  for (let n = 0; n < 2 && !lead.yao; n++) {
    const cm = CONNECTIVE_RE.exec(text.slice(i, Math.min(e, i + 12)));
    if (!cm) break;
    if (/^(?:特别是|尤其是)$/.test(cm[0]) && text[i + cm[0].length] === '要') lead.emphasis = true;
    i += cm[0].length;
  }
  if (!lead.yao) {
    const lim = Math.min(e - 1, i + 16);
    for (let k = i; k < lim; k++) {
      if (text[k] !== '要') continue;
      if (yaoWordAfter(text, k)) continue;
      const prefix = text.slice(i, k);
      // 界首要 in 临泉、界首要…: 首 ends a place name, but 主要/重要/需要 stay words
      if (
        k > s &&
        YAO_PREV_BAD.has(text[k - 1]!) &&
        !(prefix.includes('、') && !HARD_YAO_WORD.has(text[k - 1]!) && isAddressee(prefix))
      )
        continue;
      if (/(?:就是|重点是|关键是|核心是|根本是)$/.test(prefix)) {
        lead.elaborate = true;
        lead.headStart = k + 1;
        return lead;
      }
      const core = stripModalTail(prefix);
      if (/^(?:特别|尤其|特别是|尤其是)$/.test(prefix)) lead.emphasis = true;
      if (core === '') lead.yao = true;
      else if (isTimeWord(core)) {
        lead.yao = true;
        lead.timeLead = true;
      } else if (isAddressee(core)) {
        lead.yao = true;
        lead.addressee = !isTimeWord(core);
      } else if (!lead.enumerated && isTopic(core)) {
        lead.yao = true;
        lead.topic = core;
      }
      if (lead.yao) {
        i = k + 1;
        break;
      }
      break;
    }
  }
  while (i < e && /\s/.test(text[i]!)) i++;
  lead.headStart = i;
  if (!lead.yao && !lead.enumerated) {
    if (isZaiShang(text.slice(i, Math.min(e, i + 60)))) lead.zai = true;
    else return null;
  }
  if (lead.enumerated && OUTLINE_RE.test(text.slice(i, Math.min(e, i + 16)))) return null;
  if (lead.headStart >= e && !lead.enumerated) return null;
  return lead;
}

/** A clause that is only a connective / time word / addressee (特别是各级教育部门，要…). */
export function isFrameOnly(s: string): boolean {
  const m = CONNECTIVE_RE.exec(s);
  const rest = m ? s.slice(m[0].length) : s;
  if (rest === '' || isTimeWord(rest)) return true;
  return m !== null && rest.length <= 14 && isAddressee(rest);
}

/** Start of the measure text inside [s, e): drops 特别是要 / 必须 / 各部门要 … */
export function measureStart(text: string, s: number, e: number, lead: Lead | null): number {
  let i = s;
  // 既要…，又要… stay whole; otherwise the lead (addressee, modal) is not part of the measure
  if (
    lead &&
    (lead.elaborate || (lead.yao && !lead.timeLead && lead.topic === null)) &&
    !/又要\s*$/.test(text.slice(s, lead.headStart))
  )
    i = lead.headStart;
  const m = MEASURE_LEAD.exec(text.slice(i, Math.min(e, i + 6)));
  if (m && i + m[0].length < e) i += m[0].length;
  else {
    const head = text.slice(i, Math.min(e, i + 18));
    MEASURE_MODAL.lastIndex = 0;
    let mm = MEASURE_MODAL.exec(head);
    while (
      mm &&
      mm[0] === '要' &&
      (yaoWordAfter(head, mm.index) || YAO_PREV_BAD.has(head[mm.index - 1] ?? ''))
    )
      mm = MEASURE_MODAL.exec(head);
    if (mm && mm.index > 0) {
      const prefix = stripModalTail(head.slice(0, mm.index));
      if (prefix && isAddressee(prefix) && !isTimeWord(prefix) && i + mm.index + mm[0].length < e)
        i += mm.index + mm[0].length;
    }
  }
  return i;
}

export function headingKind(heading: string, lead: Lead | null): DirectiveKind {
  if (lead?.enumerated) return 'enumerated';
  if (lead?.addressee) return 'addressee';
  if (heading.startsWith('在') && /下(?:足|苦|真)?功夫$/.test(heading)) return 'xia-gongfu';
  if (isZaiShang(heading.slice(0, 60))) return 'zai-shang';
  return 'yao';
}

/** What the scan knows when a 要 clause comes up. */
export interface YaoContext {
  /** the sentence reports another body or person (党代会提出，… / a quotation in a speech) */
  reportedOther: boolean;
  /** the clause follows a speech verb (李明强调，要…) */
  afterSpeech: boolean;
  /** a directive opened earlier in the same sentence */
  openInSent: boolean;
  /** the open directive, if any */
  open: { heading: boolean; text: string } | null;
  /** the speech verb opens the clause without a subject (强调要…) */
  bareVerb: boolean;
  /** the clause is in the section of a numbered heading that states a task */
  inSection: boolean;
}

/**
 * Whether a clause with a 要 lead opens a directive ('trigger'), is a measure of the open one
 * ('measure'), or is neither ('drop': the conditional subject of 我省要走在前列，必须…).
 */
export function decideYao(
  text: string,
  clauses: readonly Clause[],
  ci: number,
  from: number,
  lead: Lead,
  ctx: YaoContext,
): 'trigger' | 'measure' | 'drop' {
  const c = clauses[ci]!;
  const prv = clauses[ci - 1];
  const nxt = clauses[ci + 1];
  const nextInSent = nxt !== undefined && nxt.sent === c.sent;
  if (
    lead.addressee &&
    nextInSent &&
    CONDITION_SUBJECT.test(stripModalTail(text.slice(from, lead.headStart - 1))) &&
    CONDITION_CONSEQUENT.test(text.slice(nxt.s, Math.min(nxt.e, nxt.s + 6)))
  )
    return 'drop';
  if (ctx.reportedOther) return 'measure';
  const opensHere = c.itemFirst || ctx.afterSpeech || !ctx.openInSent;
  if (!opensHere) return 'measure';
  // 特别是要… elaborates the open directive
  // (inside a sentence, or anywhere in a numbered heading's section; a sentence of its own outside
  // one is a directive: 。特别是要把A和B结合起来，…)
  if (lead.emphasis && ctx.open !== null && (!c.sentFirst || ctx.inSection)) return 'measure';
  // …，经济大省要真正挑起大梁 — a comma-embedded addressee inside an open directive is a measure
  // (after an action clause; a connective, time word or background clause leaves the trigger)
  if (lead.addressee && ctx.open !== null && !c.itemFirst && !ctx.afterSpeech && prv && prv.sent === c.sent) {
    const pt = text.slice(prv.s, prv.e);
    if (!isFrameOnly(pt) && !isNonAction(pt)) return 'measure';
  }
  if (lead.topic !== null) {
    if (!c.sentFirst && !c.itemFirst) return 'measure';
    // 乡村建设要… under a heading about 乡村建设 elaborates the heading
    if (ctx.open?.heading && ctx.open.text.includes(lead.topic)) return 'measure';
  }
  // 既要…，更要/又要… is one paired statement, not a new directive
  if (
    !c.itemFirst &&
    prv &&
    prv.sent === c.sent &&
    /既要/.test(text.slice(prv.s, Math.min(prv.e, prv.s + 30)))
  )
    return 'measure';
  if (!ctx.bareVerb) {
    // attributive 要 (我们要建成的…是…)
    const after = text.slice(lead.headStart, Math.min(c.e, lead.headStart + 40));
    if (/^[^，,]{1,3}的/.test(after) && (/的[^，,]*是/.test(after) || (nextInSent && text[nxt.s] === '是')))
      return 'measure';
  }
  return 'trigger';
}
