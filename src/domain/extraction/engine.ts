// The extraction pipeline. Each stage is its own module with typed inputs and outputs:
//   segment (segment.ts)      paragraphs → sentences → ；-items → clauses, with offsets
//   speakers (discourse.ts)   who speaks where: events carried forward, looked up by offset
//   structure (structure.ts)  numbered headings and the kind of section each opens
//   triggers (triggers.ts)    the clause shapes that open a directive, where its heading starts
//   merge (merge.ts)          frames merged with the clause they frame, in headings and measures
//   measures (measures.ts)    the action clauses of the open directive
//   spans (spans.ts)          drafts → directives: exact spans, rules, doubts, suggestions
// This file is the scan that runs the per-clause stages in text order and keeps what carries over
// between clauses: the open directive, the heading outline, the quotation and background state.
import { analyzeDiscourse, isNarrative, speakerAt } from './discourse';
import { BACKGROUND_OPENER, COGNITION_RE, isClosingClause } from './lexicon';
import { readMeasure } from './measures';
import { meetingHints } from './meeting';
import { mergeHeadingFrames } from './merge';
import { QUOTED_SOURCE, REPORTED_DOCUMENT, sentenceFlags, TURN_TO_ACTION } from './prose';
import { paragraphs, segmentParagraph } from './segment';
import { buildDirectives, type Draft } from './spans';
import { parseSpeech } from './speakers';
import { readNumberedHeading } from './structure';
import { analyzeLead, decideYao, headingKind, type Lead } from './triggers';
import type { DirectiveKind, ExtractedSpeaker, ExtractionResult, ExtractOptions, TriggerRule } from './types';

interface HeadingFrame {
  level: number;
  draft: Draft | null;
  review: boolean;
}

const triggerRule = (lead: Lead): TriggerRule =>
  lead.enumerated
    ? 'enumerated'
    : lead.addressee
      ? 'addressee-yao'
      : lead.topic !== null
        ? 'topic-yao'
        : lead.zai
          ? 'zai-shang'
          : 'yao';

const COUNT_RE = /[一二三四五六七八九十两几\d]+(?:个方面|方面|点|项|件|条|个)/;

export function runExtraction(text: string, options: ExtractOptions): ExtractionResult {
  const warnings: string[] = [];
  const meeting = meetingHints(text);
  const drafts: Draft[] = [];
  const speakers: ExtractedSpeaker[] = [];
  let open: Draft | null = null;
  const stack: HeadingFrame[] = [];
  let enumParent: string | null = null;
  const paras = paragraphs(text);
  const segmented = paras.map(([s, e]) => ({ s, e, clauses: segmentParagraph(text, s, e).clauses }));
  const discourse = analyzeDiscourse(text, segmented);
  const known = discourse.known;

  const newDraft = (
    kind: DirectiveKind,
    rule: TriggerRule,
    hs: number,
    he: number,
    parentId: string | null,
    para: number,
    sent: number,
    heading = false,
    headingMerged = false,
  ): Draft => {
    const speaker = speakerAt(discourse, hs).speaker;
    const d: Draft = {
      id: `d${drafts.length + 1}`,
      kind,
      rule,
      speaker,
      hs,
      he,
      measures: [],
      measureRules: [],
      parentId,
      heading,
      headingMerged,
      para,
      sent,
    };
    drafts.push(d);
    if (speaker !== null && !speakers.some((x) => x.name === speaker)) {
      speakers.push({ name: speaker, title: discourse.titles.get(speaker) ?? known.get(speaker) ?? null });
    }
    return d;
  };
  const headingParent = (): string | null => {
    for (let k = stack.length - 1; k >= 0; k--) {
      const d = stack[k]!.draft;
      if (d) return d.id;
    }
    return null;
  };

  for (let p = 0; p < paras.length; p++) {
    const [ps, pe] = paras[p]!;
    const clauses = segmented[p]!.clauses.slice();
    const ctexts = clauses.map((c) => text.slice(c.s, c.e));
    if (clauses.length === 0) continue;
    let start = 0;
    const authorMode = discourse.authorMode[p]!;
    const role = discourse.roles[p]!;
    if (role === 'ignored-byline') continue;
    if (role !== 'body') {
      // a speech title or byline: a new speech starts its own outline
      open = null;
      stack.length = 0;
      continue;
    }

    // numbered heading (一、 / （一） / 1． / 第一，)
    const nh = readNumberedHeading(text, ps, pe, clauses);
    if (nh) {
      open = null;
      while (stack.length > 0 && stack[stack.length - 1]!.level >= nh.level) stack.pop();
      const first = clauses[nh.first]!;
      const parentReview = stack.some((f) => f.review);
      if (nh.label || parentReview) {
        stack.push({ level: nh.level, draft: null, review: parentReview || nh.reviewsSection });
      } else {
        const sent = nh.bodyAt >= 0 ? first.sent : clauses[nh.last]!.sent;
        const d = newDraft(
          'numbered-heading',
          'numbered-heading',
          nh.hs,
          nh.he,
          headingParent(),
          p,
          sent,
          true,
        );
        stack.push({ level: nh.level, draft: d, review: false });
        open = d;
      }
      enumParent = null;
      start = nh.last + 1;
      if (nh.bodyAt >= 0) {
        // the rest of the first clause is body text
        clauses[nh.first] = { ...first, s: nh.bodyAt };
        ctexts[nh.first] = text.slice(nh.bodyAt, first.e);
        start = nh.first;
      }
    }

    // news report: a paragraph that opens with a new person ends the previous directive
    if (discourse.leadChanged[p] && start === 0 && open && !open.heading) open = null;

    // a speech-closing paragraph (同志们，… / 各位代表！…) ends a numbered heading's section
    const closing = /^(?:同志们|各位代表|各位委员|朋友们)[，,！!]/.test(text.slice(ps, Math.min(pe, ps + 6)));
    if (closing || /^(?:同志们|各位代表|各位委员|朋友们)[：:]/.test(text.slice(ps, Math.min(pe, ps + 6))))
      open = null;

    let sentReportedOther = false;
    let sentSeriesParent: string | null = null;
    // quotation of another body over several sentences (总书记强调：“…。要…。”)
    let quoteDepth = 0;
    let quoteOther = false;
    let scan = ps;
    let afterSpeechIdx = -2;
    // review / background passage (今年以来，… / 要清醒看到，…): no measures until the next trigger
    let background = false;
    let sentCognition = false;
    let sentStatement = false;
    let sentOutline = false;
    for (let ci = start; ci < clauses.length; ci++) {
      const c = clauses[ci]!;
      if (c.sentFirst || ci === start) {
        // 党的二十大报告把制度建设摆在…: the sentence reports a document, not the speaker's words
        sentReportedOther = REPORTED_DOCUMENT.test(ctexts[ci]!);
        sentSeriesParent = null;
        sentStatement = false;
        sentOutline = false;
        sentCognition = false;
        // one look over the sentence's clauses (each sentence is scanned once: linear)
        const flags = sentenceFlags(text, clauses, ctexts, ci, closing);
        sentStatement = flags.statement;
        sentOutline = flags.outline;
        // 在…产业园，李强勉励大家… narrates a visit: no measures
        for (let j = ci; j < ci + 2 && j < clauses.length && clauses[j]!.sent === c.sent; j++)
          if (isNarrative(ctexts[j]!, known)) sentStatement = true;
        if (BACKGROUND_OPENER.test(text.slice(c.s, Math.min(c.e, c.s + 16)))) background = true;
        // 对此，我们必须… / 为此，… turns from background to action
        else if (background && TURN_TO_ACTION.test(ctexts[ci]!)) background = false;
      }
      for (; scan < c.s; scan++) {
        const ch = text[scan];
        if (ch === '“') {
          if (quoteDepth === 0)
            quoteOther = sentReportedOther || QUOTED_SOURCE.test(text.slice(Math.max(ps, scan - 24), scan));
          quoteDepth++;
        } else if (ch === '”' && quoteDepth > 0) quoteDepth--;
      }
      const quoted =
        (quoteDepth > 0 && quoteOther) ||
        (text[c.s] === '“' &&
          (sentReportedOther || QUOTED_SOURCE.test(text.slice(Math.max(ps, c.s - 24), c.s))));
      for (; scan < c.e; scan++) {
        const ch = text[scan];
        if (ch === '“') {
          if (quoteDepth === 0)
            quoteOther = sentReportedOther || QUOTED_SOURCE.test(text.slice(Math.max(ps, scan - 24), scan));
          quoteDepth++;
        } else if (ch === '”' && quoteDepth > 0) quoteDepth--;
      }
      if (sentOutline && c.term === ':') {
        sentOutline = false; // 下面，我讲三点意见：第一，要… — what follows the colon counts
        continue;
      }
      if (sentOutline || quoted) continue;
      const ctext = ctexts[ci]!;
      const sp = parseSpeech(ctext, known);
      let offs = 0;
      if (sp) {
        const t = sp.subject.type;
        if (t === 'person' && authorMode) {
          // in a speech, another person's words are quoted, the author still speaks
          sentReportedOther = true;
        } else if (t === 'person' || t === 'meeting') {
          open = null;
        } else if (t === 'pronoun') {
          open = null;
        } else if (t === 'other') {
          sentReportedOther = true;
        }
        if (t !== 'other' && !(t === 'person' && authorMode))
          afterSpeechIdx = c.s + offs >= c.e ? ci : ci - 1;
        offs = sp.restAt;
        if (c.s + offs >= c.e) continue;
      } else if (open && c.sentFirst && (open.para !== p || open.sent !== c.sent)) {
        if (isClosingClause(ctext)) open = null;
      }

      if (COGNITION_RE.test(ctext.slice(offs))) {
        sentCognition = true;
        continue;
      }
      const lead = analyzeLead(text, c.s + offs, c.e);
      const openInSent = open !== null && !open.heading && open.para === p && open.sent === c.sent;
      let trigger = false;
      let seriesParent: string | null = null;
      if (lead) {
        if (lead.enumerated) trigger = !sentReportedOther;
        else if (lead.elaborate) trigger = open === null;
        else if (lead.yao) {
          const yao = decideYao(text, clauses, ci, c.s + offs, lead, {
            reportedOther: sentReportedOther,
            afterSpeech: afterSpeechIdx === ci - 1,
            openInSent,
            open: open && { heading: open.heading, text: text.slice(open.hs, open.he) },
            bareVerb: sp?.subject.type === 'bare',
            inSection: stack.some((f) => f.draft !== null),
          });
          if (yao === 'drop') continue; // conditional subject 要 (我省要实现这个目标，必须…)
          trigger = yao === 'trigger';
        } else if (lead.zai) {
          if (c.itemFirst || c.sentFirst) {
            trigger = true;
            if (
              sentSeriesParent === null &&
              openInSent &&
              open &&
              open.kind !== 'xia-gongfu' &&
              open.kind !== 'zai-shang'
            )
              sentSeriesParent = open.id;
            seriesParent = sentSeriesParent;
          } else {
            // opens a series of ；-items?
            let j = ci;
            while (j + 1 < clauses.length && clauses[j + 1]!.item === c.item) j++;
            const nxt = clauses[j + 1];
            if (clauses[j]!.term === ';' && nxt && nxt.sent === c.sent) {
              const nl = analyzeLead(text, nxt.s, nxt.e);
              if (nl?.zai) {
                trigger = true;
                if (sentSeriesParent === null && openInSent && open) sentSeriesParent = open.id;
                seriesParent = sentSeriesParent;
              }
            }
          }
        }
      }

      if (trigger && lead) {
        let hs = lead.headStart;
        let he = c.e;
        let hsSent = c.sent;
        if (hs >= he) {
          const nxt = clauses[ci + 1];
          if (!nxt || nxt.sent !== c.sent) continue;
          ci++;
          const nl = analyzeLead(text, nxt.s, nxt.e);
          hs = nl && (nl.yao || nl.zai) && !nl.timeLead ? nl.headStart : nxt.s;
          he = nxt.e;
          hsSent = nxt.sent;
        }
        const hm = mergeHeadingFrames(text, clauses, ci, hs, he);
        he = hm.end;
        ci = hm.last;
        const headingText = text.slice(hs, he);
        const kind = headingKind(headingText, lead);
        let parentId = seriesParent ?? headingParent();
        if (lead.enumerated) {
          if (enumParent === null) {
            const prev = drafts[drafts.length - 1];
            if (
              prev &&
              prev.measures.length === 0 &&
              !prev.heading &&
              COUNT_RE.test(text.slice(prev.hs, prev.he))
            )
              enumParent = prev.id;
          }
          if (enumParent !== null) parentId = enumParent;
        } else enumParent = null;
        open = newDraft(kind, triggerRule(lead), hs, he, parentId, p, hsSent, false, hm.merged > 0);
        background = false;
        sentCognition = false;
        sentStatement = false; // 关键是，要抓好落实，强化责任。 — what follows the trigger counts
        continue;
      }

      if (!open) continue;
      if (sp && sp.subject.type !== 'other') continue;
      if (background || sentCognition || sentStatement || sentReportedOther) continue;
      const step = readMeasure(text, clauses, ctexts, ci, c.s + offs, lead, open, p);
      ci = step.last;
      if (step.type === 'extend') open.measures[open.measures.length - 1]![1] = step.end;
      else if (step.type === 'measures')
        for (const part of step.parts) {
          open.measures.push(part);
          open.measureRules.push(step.rule);
        }
    }
    // measures stop at the paragraph end, except in the section of a numbered heading
    if (open && !open.heading && !stack.some((f) => !f.review)) open = null;
  }

  const meetingDate = options.meetingDate ?? meeting.date;
  const directives = buildDirectives(text, drafts, discourse, options, meetingDate);
  if (directives.length === 0) warnings.push('未识别到部署');
  return { meeting, speakers, directives, warnings };
}
