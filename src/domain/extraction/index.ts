// Speech → directives extraction engine (pure TypeScript: no DOM, no network, no node: imports).
import { suggestDeadline } from './deadline';
import { runExtraction } from './engine';
import type { ExtractionResult, ExtractOptions } from './types';

export { parseSmallNumber, suggestDeadline } from './deadline';
export { meetingHints } from './meeting';
export type {
  DirectiveKind,
  Doubt,
  ExtractedDirective,
  ExtractedSpeaker,
  ExtractionResult,
  ExtractOptions,
  MeasureRule,
  MeetingHints,
  SpeakerRule,
  TriggerRule,
  UnitKeyword,
} from './types';
export { DEFAULT_UNIT_KEYWORDS, suggestLeadUnit } from './units';

const emptyResult = (warning: string): ExtractionResult => ({
  meeting: {},
  speakers: [],
  directives: [],
  warnings: [warning],
});

/**
 * Extracts the directives (部署/要求) of a speech or meeting report. Never throws: unusable input
 * gives a result with a warning. Linear in the length of the text.
 */
export function extract(text: string, options?: ExtractOptions): ExtractionResult {
  try {
    if (typeof text !== 'string') return emptyResult('not a string');
    if (text.trim().length === 0) return emptyResult('empty text');
    const opts: ExtractOptions = options && typeof options === 'object' ? options : {};
    const safe: ExtractOptions = {};
    if (typeof opts.meetingDate === 'string' && suggestDeadline('年底前', opts.meetingDate))
      safe.meetingDate = opts.meetingDate;
    if (Array.isArray(opts.unitKeywords)) safe.unitKeywords = opts.unitKeywords;
    const result = runExtraction(text, safe);
    if (opts.meetingDate !== undefined && safe.meetingDate === undefined)
      result.warnings.push(`invalid meetingDate: ${String(opts.meetingDate)}`);
    return result;
  } catch (err) {
    return emptyResult(`internal error: ${err instanceof Error ? err.message : String(err)}`);
  }
}
