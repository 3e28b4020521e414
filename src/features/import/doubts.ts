import type { Doubt, ExtractedDirective } from '../../domain/extraction';
import type { DraftDirective, DraftMeasure } from '../../shared/stores/import-draft';

/**
 * Low-confidence marks from the extraction, carried on the draft (and saved with it) so the person
 * checking the import knows where to look first. A mark goes away once the marked part is edited:
 * the clerk has looked at it.
 */
export type MarkedDirective = DraftDirective & { doubts?: Doubt[] };
export type MarkedMeasure = DraftMeasure & { ranOn?: boolean };

export const directiveDoubts = (d: DraftDirective): Doubt[] => (d as MarkedDirective).doubts ?? [];
export const measureRanOn = (m: DraftMeasure): boolean => (m as MarkedMeasure).ranOn === true;

/** The marks of one extracted directive, for the draft. */
export function marksFrom(d: ExtractedDirective): { doubts?: Doubt[] } {
  return d.doubts && d.doubts.length > 0 ? { doubts: d.doubts.slice() } : {};
}

/** Which doubt an edit of each field settles. */
const SETTLES: Partial<Record<keyof DraftDirective, Doubt>> = {
  heading: 'heading-merged',
  speaker: 'speaker-carried',
};

/** The directive after an edit: the doubts about the edited fields are settled. */
export function settleDoubts(x: DraftDirective, patch: Partial<DraftDirective>): DraftDirective {
  const doubts = directiveDoubts(x);
  if (doubts.length === 0) return x;
  const settled = new Set(Object.keys(patch).map((k) => SETTLES[k as keyof DraftDirective]));
  const left = doubts.filter((d) => !settled.has(d));
  return left.length === doubts.length ? x : ({ ...x, doubts: left } as MarkedDirective);
}
