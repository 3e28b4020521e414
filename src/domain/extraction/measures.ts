// Stage "measures": the action clauses of an open directive. One clause (with the frames it carries)
// gives zero, one or several measures; the rule says how each was taken.
import { isNonAction } from './lexicon';
import { mergeMeasureFrames } from './merge';
import { isCausativeParallel, splitActionChain, TOPIC_CONSEQUENT } from './prose';
import type { Clause } from './segment';
import { isFrameOnly, type Lead, measureStart } from './triggers';
import type { MeasureRule } from './types';

/** Where the open directive sits: its paragraph and sentence, and whether it is a numbered heading. */
export interface OpenDirective {
  para: number;
  sent: number;
  heading: boolean;
  measures: readonly [number, number][];
}

export type MeasureStep =
  /** nothing to take from this clause */
  | { type: 'skip'; last: number }
  /** the clause continues the previous measure (使A不一样，B不一样): its end moves to `end` */
  | { type: 'extend'; last: number; end: number }
  | { type: 'measures'; last: number; parts: [number, number][]; rule: MeasureRule };

/**
 * Reads the measure(s) of clause `ci` (its text from `from`), merging the frames it carries. `last`
 * is the index of the last clause used, so the caller continues after it.
 */
export function readMeasure(
  text: string,
  clauses: readonly Clause[],
  ctexts: readonly string[],
  ci: number,
  from: number,
  lead: Lead | null,
  open: OpenDirective,
  para: number,
): MeasureStep {
  const c = clauses[ci]!;
  let ms = measureStart(text, from, c.e, lead);
  while (ms < c.e && /\s/.test(text[ms]!)) ms++;
  const mm = mergeMeasureFrames(text, clauses, ci, ms, c.e);
  const me = mm.end;
  const last = mm.last;
  const after = clauses[last + 1];
  const sameSentence = after !== undefined && after.sent === c.sent && c.term === ',';
  // the subject of a copula sentence (我们要打造的环境，是…) is not an action
  if (sameSentence && text[after.s] === '是') return { type: 'skip', last };
  // the topic of 全面从严治党，必须… / 推动振兴，关键是… names the aim; the action follows
  if (c.sentFirst && sameSentence && TOPIC_CONSEQUENT.test(ctexts[last + 1]!)) return { type: 'skip', last };
  const prev = open.measures[open.measures.length - 1];
  if (prev && isCausativeParallel(text, prev, ms, me)) return { type: 'extend', last, end: me };
  const t = text.slice(ms, me);
  if (me - ms < 2 || isNonAction(t) || isFrameOnly(t)) return { type: 'skip', last };
  const parts = splitActionChain(text, ms, me);
  // a measure outside the directive's own sentence: under a numbered heading it belongs to the
  // section; otherwise it ran on into a sentence without a trigger
  const rule: MeasureRule =
    open.heading && open.para !== para
      ? 'section'
      : !open.heading && (open.para !== para || open.sent !== c.sent)
        ? 'ran-on'
        : mm.merged > 0
          ? 'frame'
          : parts.length > 1
            ? 'chain'
            : 'clause';
  return { type: 'measures', last, parts, rule };
}
