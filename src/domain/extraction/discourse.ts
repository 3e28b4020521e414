// Stage "speakers": who is speaking where. A document is a sequence of paragraphs; each position
// has a current speaker, set by one of the events below and carried forward until the next one.
// The stage runs on the segmented paragraphs alone, so it can be tested without the trigger rules.
//
//   speech-title   X同志在…上的讲话 / X同志的讲话摘要 (a speech by X starts; an author mode)
//   byline         a name alone on a line under a title (the author of the whole speech)
//   paragraph-lead a news paragraph that opens with a titled person (市委书记王涛就…讲话)
//   speech-verb    a person + speech verb (赵立新强调, / 国务院总理李克强5日在…报告中指出，)
//   pronoun        他 / 她 + speech verb: the person last named as a subject
//   meeting        会议指出 / 会议强调: nobody's words (null)
//   work-report    an unattributed government work report: null throughout
import { AFTER_SUBJECT_VERB, isPersonName, numberedMarker, SURNAMES } from './lexicon';
import { SPEECH_TITLE_LINE, WORK_REPORT_RE } from './prose';
import type { Clause } from './segment';
import {
  bylineName,
  collectTitledNames,
  type KnownPerson,
  paragraphPerson,
  parseSpeech,
  titleAuthor,
} from './speakers';
import type { SpeakerRule } from './types';

export type { SpeakerRule };

export interface SpeakerEvent {
  /** offset where the speaker takes over */
  at: number;
  para: number;
  speaker: string | null;
  rule: SpeakerRule;
}

/** What a paragraph is to the document outline (titles and bylines are not body text). */
export type ParagraphRole = 'speech-title' | 'byline' | 'ignored-byline' | 'body';

export interface SegmentedParagraph {
  s: number;
  e: number;
  clauses: Clause[];
}

export interface Discourse {
  /** a government work report: nobody's speech */
  workReport: boolean;
  roles: ParagraphRole[];
  /** per paragraph: the text is a speech by its author, other people's words are quotations */
  authorMode: boolean[];
  /** per paragraph: a news paragraph that opens with a new person (ends the previous directive) */
  leadChanged: boolean[];
  /** in text order */
  events: SpeakerEvent[];
  /** titles as introduced in the text (市委书记), by name */
  titles: Map<string, string | null>;
  known: Map<string, string | null>;
}

export interface SpeakerAt {
  speaker: string | null;
  rule: SpeakerRule | null;
  /** offset of the event that set the speaker (-1 when none) */
  since: number;
  sincePara: number;
}

/** How many clauses back a pronoun looks for the person last named as a subject. */
const MAX_PRONOUN_LOOKBACK = 400;
const ATTENDANCE_END = /(?:参加|出席|列席|陪同)(?:会议|座谈会?|活动|调研)?$/;
const CLOSING_LINE = /^(?:作者|讲话人|主讲人)[：:]/;
/** A 讲话摘要 / 讲话要点 title line: X同志的讲话摘要 (the speech of X starts). */
const SUMMARY_TITLE =
  /^([^，,。；;：:“”]{2,30}?)(?:同志)?(?:的)?(?:讲话|发言|致辞)(?:摘要|要点|摘编|节选|全文)[。.]?$/;

/**
 * A sentence subject: a (titled) person at the start of a clause, followed by a predicate
 * (石泰峰主持会议 / 李强首先来到 / 副县长李明华带队调研). Names need a surname from the list.
 */
export function clauseSubject(clause: string, known: Map<string, string | null>): string | null {
  const head = clause.length > 40 ? clause.slice(0, 40) : clause;
  const titled = paragraphPerson(head, known);
  if (titled) return titled.name;
  for (const len of [3, 2]) {
    const cand = head.slice(0, len);
    if (!isPersonName(cand) || !SURNAMES.has(cand[0]!)) continue;
    if (AFTER_SUBJECT_VERB.test(head.slice(len, len + 4))) return cand;
  }
  return null;
}

const NARRATIVE_VERB =
  /^(?:勉励|鼓励|希望|看望|慰问|考察|来到|走进|察看|查看|询问|详细询问|了解|听取|主持召开|首先来到|随后来到|充分肯定|肯定|对[^，,]{1,20}(?:予以|给予|表示)肯定)/;

/**
 * A sentence that narrates what a person did (李强勉励大家… / 李强来到…了解…): a report of the
 * visit, not the person's words, so it gives no measures.
 */
export function isNarrative(clause: string, known: Map<string, string | null>): boolean {
  for (const len of [3, 2, 4]) {
    const cand = clause.slice(0, len);
    if (!known.has(cand) && !(isPersonName(cand) && SURNAMES.has(cand[0]!))) continue;
    if (NARRATIVE_VERB.test(clause.slice(len, len + 24))) return true;
  }
  return false;
}

function summaryAuthor(line: string, known: Map<string, string | null>): KnownPerson | null {
  const m = SUMMARY_TITLE.exec(line.trim());
  if (!m) return null;
  const name = m[1]!.replace(/[\s\u3000]+/g, '');
  if (known.has(name)) return { name, title: known.get(name) ?? null };
  // a title chain in front of the name (市委书记李明同志的讲话摘要)
  for (const len of [3, 2, 4]) {
    const cand = name.slice(name.length - len);
    if (isPersonName(cand) && SURNAMES.has(cand[0]!)) {
      const title = name.slice(0, name.length - len);
      return { name: cand, title: title || (known.get(cand) ?? null) };
    }
  }
  return null;
}

/** A work report that nobody is reported to deliver (政府工作报告 as a title, not 李克强在报告中指出). */
function isUnattributedWorkReport(
  text: string,
  paras: SegmentedParagraph[],
  known: Map<string, string | null>,
): boolean {
  for (let p = 0; p < paras.length && p < 6; p++) {
    const { s, e } = paras[p]!;
    const head = text.slice(s, Math.min(e, s + 120));
    const m = WORK_REPORT_RE.exec(head);
    if (!m) continue;
    // 国务院总理李克强5日在政府工作报告中指出: a news report about the report, with its speaker
    const before = head.slice(0, m.index).replace(/在$/, '');
    const last = before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf(',')) + 1);
    if (personAtEnd(last, known)) continue;
    return true;
  }
  return false;
}

/** The clause ends with a person's name, maybe followed by a date (李克强5日). */
function personAtEnd(s: string, known: Map<string, string | null>): boolean {
  const t = s.replace(/(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚)?$/, '');
  for (const len of [2, 3, 4]) {
    const cand = t.slice(t.length - len);
    if (known.has(cand) || (len === t.length && isPersonName(cand) && SURNAMES.has(cand[0]!))) return true;
  }
  return false;
}

/** Runs the speaker model over the segmented paragraphs. Linear in the number of clauses. */
export function analyzeDiscourse(text: string, paras: SegmentedParagraph[]): Discourse {
  const known = collectTitledNames(text);
  const titles = new Map<string, string | null>();
  const events: SpeakerEvent[] = [];
  const roles: ParagraphRole[] = [];
  const authorModes: boolean[] = [];
  const leadChanged: boolean[] = [];
  const workReport = isUnattributedWorkReport(text, paras, known);
  let authorMode = workReport;
  let speaker: string | null = null;
  let lastSubject: string | null = null;
  // clauses since lastSubject was set by an event: searched backwards for a subject only when a
  // pronoun needs one (subjects are rare to need, costly to look for in every clause)
  let pending: [number, number][] = [];
  const resolvePronoun = (): string | null => {
    for (let k = pending.length - 1; k >= 0 && k >= pending.length - MAX_PRONOUN_LOOKBACK; k--) {
      const [s, e] = pending[k]!;
      const subj = clauseSubject(text.slice(s, e), known);
      if (subj) return subj;
    }
    return lastSubject;
  };
  const named = (name: string) => {
    lastSubject = name;
    pending = [];
  };
  const setTitle = (who: KnownPerson, overwrite: boolean) => {
    if (who.title && (overwrite || !titles.has(who.name))) titles.set(who.name, who.title);
  };
  const emit = (at: number, para: number, who: string | null, rule: SpeakerRule) => {
    speaker = who;
    events.push({ at, para, speaker: who, rule });
  };
  if (workReport && paras.length > 0) emit(paras[0]!.s, 0, null, 'work-report');

  for (let p = 0; p < paras.length; p++) {
    const { s: ps, e: pe, clauses } = paras[p]!;
    const line = text.slice(ps, pe);
    let role: ParagraphRole = 'body';
    leadChanged.push(false);
    if (clauses.length === 0) {
      roles.push(role);
      authorModes.push(authorMode);
      continue;
    }
    // a speech title naming its author (李国栋同志在…大会上的讲话 / 李国栋同志的讲话摘要)
    if ((clauses.length === 1 || clauses.length === 2) && pe - ps <= 90 && !workReport) {
      const who = titleAuthor(line, known) ?? summaryAuthor(line, known);
      if (who) {
        setTitle(who, true);
        emit(ps, p, who.name, 'speech-title');
        named(who.name);
        authorMode = true;
        role = 'speech-title';
      }
    }
    // a speech title without the author (在全县…会议上的讲话): a new speech starts
    if (role === 'body' && clauses.length === 1 && pe - ps <= 90 && SPEECH_TITLE_LINE.test(line))
      role = 'speech-title';
    if (role === 'body' && (clauses.length === 1 || CLOSING_LINE.test(line.slice(0, 4))) && pe - ps <= 30) {
      const prev = p > 0 ? text.slice(paras[p - 1]!.s, paras[p - 1]!.e) : '';
      if (p < 8 || /讲话|致辞|报告|发言/.test(prev)) {
        const who = bylineName(line, known);
        if (workReport && who) role = 'ignored-byline';
        else if (who && !/^(?:会议|会上)/.test(who.name)) {
          setTitle(who, true);
          emit(ps, p, who.name, 'byline');
          named(who.name);
          authorMode = true;
          role = 'byline';
        }
      }
    }
    roles.push(role);
    authorModes.push(authorMode);
    if (role !== 'body') continue;

    // a numbered heading's own clauses (up to its first full stop) name nobody
    let start = 0;
    if (numberedMarker(text.slice(ps, Math.min(pe, ps + 8)))) {
      while (start < clauses.length - 1 && clauses[start]!.term !== '.' && clauses[start]!.term !== ':')
        start++;
      start++;
    }
    const first = clauses.filter((c) => c.sent === 0);
    const attendance =
      first.length > 0 &&
      first.length <= 2 &&
      ATTENDANCE_END.test(text.slice(first[first.length - 1]!.s, first[first.length - 1]!.e));
    if (!authorMode && start === 0) {
      const who = paragraphPerson(text.slice(ps, Math.min(pe, ps + 40)), known);
      if (who && !attendance) {
        setTitle(who, false);
        if (who.name !== speaker) {
          emit(ps, p, who.name, 'paragraph-lead');
          leadChanged[p] = true;
        }
      }
    }

    let quoteDepth = 0;
    let scan = ps;
    for (let ci = start; ci < clauses.length; ci++) {
      const c = clauses[ci]!;
      for (; scan < c.s; scan++) {
        if (text[scan] === '“') quoteDepth++;
        else if (text[scan] === '”' && quoteDepth > 0) quoteDepth--;
      }
      if (quoteDepth > 0) continue; // words inside a quotation are someone else's
      const ctext = text.slice(c.s, c.e);
      const sp = parseSpeech(ctext, known);
      if (sp) {
        const t = sp.subject;
        if (t.type === 'person') {
          named(t.name);
          if (!authorMode) {
            setTitle({ name: t.name, title: t.title }, false);
            emit(c.s, p, t.name, 'speech-verb');
          }
          continue;
        }
        if (t.type === 'meeting') {
          emit(c.s, p, null, 'meeting');
          continue;
        }
        if (t.type === 'pronoun') {
          // 他/她 refers to the person last named as a subject (in a speech: its author)
          if (!authorMode) {
            const who = resolvePronoun();
            if (who !== null) {
              emit(c.s, p, who, 'pronoun');
              named(who);
            }
          }
          continue;
        }
      }
      if (!authorMode) {
        pending.push([c.s, c.e]);
        if (pending.length > 2 * MAX_PRONOUN_LOOKBACK) pending = pending.slice(-MAX_PRONOUN_LOOKBACK);
      }
    }
  }
  return { workReport, roles, authorMode: authorModes, leadChanged, events, titles, known };
}

/** The speaker at an offset: the last event at or before it. Binary search over the events. */
export function speakerAt(d: Discourse, at: number): SpeakerAt {
  let lo = 0;
  let hi = d.events.length - 1;
  let hit = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (d.events[mid]!.at <= at) {
      hit = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (hit < 0) return { speaker: null, rule: null, since: -1, sincePara: -1 };
  const ev = d.events[hit]!;
  return { speaker: ev.speaker, rule: ev.rule, since: ev.at, sincePara: ev.para };
}
