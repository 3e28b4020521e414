// Stage "structure": numbered headings (一、 / （一） / 第一， / 1．) and what kind of section each opens.
// A heading that states a task is a directive; labels (三、2026年主要工作), review headings (一、过去一年
// 工作回顾) and theses (一、X是Y的必由之路) open sections whose numbered children are not tasks.
import {
  isLabelHeading,
  isResultHeading,
  isStatementHeading,
  numberedMarker,
  REVIEW_HEADING,
  yaoWordAfter,
} from './lexicon';
import type { Clause } from './segment';

export interface NumberedHeading {
  /** 1 (一、), 1.5 (第一，), 2 (（一）), 3 (1．), 4 (（1）/①) */
  level: number;
  /** [hs, he): the heading text without the number, a leading 要 and trailing punctuation */
  hs: number;
  he: number;
  /** index of the clause where the heading text starts and of the one where it ends */
  first: number;
  last: number;
  /** body text on the same line after a wide space (一、坚定信心　当前，…), or -1 */
  bodyAt: number;
  /** not a task: a label, a thesis or too short */
  label: boolean;
  /** a 一、 heading whose section reviews or argues (its numbered children are not tasks) */
  reviewsSection: boolean;
}

/** Reads the numbered heading a paragraph opens with; null when it opens with none. */
export function readNumberedHeading(
  text: string,
  ps: number,
  pe: number,
  clauses: readonly Clause[],
): NumberedHeading | null {
  const nm = numberedMarker(text.slice(ps, Math.min(pe, ps + 8)));
  if (!nm || clauses.length === 0) return null;
  let hs = ps + nm.len;
  let k = 0;
  if (clauses[0]!.e <= hs) k = 1; // 第一， alone
  const firstIdx = k;
  // a run-in heading ends at its first full stop (1．全面落实立德树人根本任务。培养…)
  while (k < clauses.length - 1 && clauses[k]!.term !== '.' && clauses[k]!.term !== ':') k++;
  const last = clauses[k];
  const first = clauses[firstIdx];
  if (!first || !last) return null;
  hs = Math.max(hs, first.s);
  while (hs < last.e && /\s/.test(text[hs]!)) hs++;
  if (text[hs] === '要' && !yaoWordAfter(text, hs)) hs++;
  let he = last.e;
  let bodyAt = -1;
  // a heading set off from its body by a wide space on the same line (一、坚定信心　当前，…)
  for (let g = hs + 4; g < first.e && g < hs + 40; g++) {
    if (text[g] === '\u3000' || (text[g] === ' ' && text[g + 1] === ' ')) {
      let b = g;
      while (b < first.e && /\s/.test(text[b]!)) b++;
      if (first.e - b >= 2) {
        he = g;
        bodyAt = b;
      }
      break;
    }
  }
  const heading = text.slice(hs, he);
  const thesis = isStatementHeading(heading);
  return {
    level: nm.level,
    hs,
    he,
    first: firstIdx,
    last: k,
    bodyAt,
    label: he - hs < 2 || isLabelHeading(heading) || thesis,
    reviewsSection: nm.level === 1 && (REVIEW_HEADING.test(heading) || isResultHeading(heading) || thesis),
  };
}
