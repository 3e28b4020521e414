// Stage "heading and frame merge": an adverbial frame (在…的基础上， / 以…为指导， / 按照…， / 对…的问题，)
// is not a clause of its own; it merges with the clause it frames, into a heading or a measure.
import { isFrame } from './lexicon';
import type { Clause } from './segment';
import { analyzeLead } from './triggers';

/** A clause coordinated with the one before it: that one was an action, not a frame. */
export const COORDINATE_START = /^(?:并|并且|同时|还)/;

export interface Merged {
  /** end offset of the merged text */
  end: number;
  /** index of the last clause taken */
  last: number;
  /** how many following clauses were merged in (0: none) */
  merged: number;
}

/**
 * Extends the text [from, end) of clause `ci` over the clauses it frames: up to `max` frames in a
 * chain (在…领导下，以…为指导，全面贯彻…), within the sentence, never into a 并-clause and, for
 * measures, never into a clause that opens a directive of its own.
 */
function mergeFrames(
  text: string,
  clauses: readonly Clause[],
  ci: number,
  from: number,
  end: number,
  max: number,
  stopAtTrigger: boolean,
): Merged {
  let last = ci;
  let fs = from;
  let e = end;
  let merged = 0;
  while (merged < max && isFrame(text.slice(fs, e)) && clauses[last]!.term === ',') {
    const nxt = clauses[last + 1];
    if (!nxt || nxt.sent !== clauses[last]!.sent || COORDINATE_START.test(text.slice(nxt.s, nxt.s + 2)))
      break;
    if (stopAtTrigger) {
      const nl = analyzeLead(text, nxt.s, nxt.e);
      if (nl && (nl.enumerated || nl.yao)) break;
    }
    fs = nxt.s;
    e = nxt.e;
    last++;
    merged++;
  }
  return { end: e, last, merged };
}

/** A heading's frames merge with the clause they frame (up to three in a chain). */
export function mergeHeadingFrames(
  text: string,
  clauses: readonly Clause[],
  ci: number,
  hs: number,
  he: number,
): Merged {
  return mergeFrames(text, clauses, ci, hs, he, 3, false);
}

/** A measure's frames merge with the clause they frame (以…为底线，以…为重点，推动…: up to four). */
export function mergeMeasureFrames(
  text: string,
  clauses: readonly Clause[],
  ci: number,
  ms: number,
  me: number,
): Merged {
  return mergeFrames(text, clauses, ci, ms, me, 4, true);
}
