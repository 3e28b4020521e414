// Stage "spans": the drafts found by the scan become the caller's directives: text slices of exact
// spans, the speaker and the rules that produced each part, what deserves a second look, and the
// suggested deadline and lead unit.
import { suggestDeadline } from './deadline';
import { type Discourse, speakerAt } from './discourse';
import type {
  DirectiveKind,
  Doubt,
  ExtractedDirective,
  ExtractOptions,
  MeasureRule,
  TriggerRule,
  UnitKeyword,
} from './types';
import { DEFAULT_UNIT_KEYWORDS, suggestLeadUnit } from './units';

export interface Draft {
  id: string;
  kind: DirectiveKind;
  rule: TriggerRule;
  speaker: string | null;
  hs: number;
  he: number;
  measures: [number, number][];
  measureRules: MeasureRule[];
  parentId: string | null;
  /** numbered heading: measures may cross paragraphs */
  heading: boolean;
  /** the heading runs over a comma: a frame merged with its clause */
  headingMerged: boolean;
  para: number;
  sent: number;
}

/** A speaker named this many paragraphs (or characters) before a directive is worth checking. */
const CARRIED_PARAGRAPHS = 3;
const CARRIED_CHARS = 600;

/** What the person checking the import should look at first. */
export function doubtsOf(d: Draft, discourse: Discourse): Doubt[] {
  const out: Doubt[] = [];
  const at = speakerAt(discourse, d.hs);
  // a speech's author (title, byline) and 会议 stay reliable however far back they were set
  const carried = at.rule === 'paragraph-lead' || at.rule === 'speech-verb' || at.rule === 'pronoun';
  if (carried && (d.para - at.sincePara >= CARRIED_PARAGRAPHS || d.hs - at.since > CARRIED_CHARS))
    out.push('speaker-carried');
  if (d.headingMerged) out.push('heading-merged');
  if (d.measureRules.includes('ran-on')) out.push('measure-ran-on');
  return out;
}

export function buildDirectives(
  text: string,
  drafts: readonly Draft[],
  discourse: Discourse,
  options: ExtractOptions,
  meetingDate: string | undefined,
): ExtractedDirective[] {
  const table: readonly UnitKeyword[] = Array.isArray(options.unitKeywords)
    ? options.unitKeywords
    : DEFAULT_UNIT_KEYWORDS;
  return drafts.map((d) => {
    const heading = text.slice(d.hs, d.he);
    const measures = d.measures.map(([s, e]) => text.slice(s, e));
    const out: ExtractedDirective = {
      id: d.id,
      speaker: d.speaker,
      heading,
      measures,
      kind: d.kind,
      parentId: d.parentId,
      headingSpan: [d.hs, d.he],
      measureSpans: d.measures.map(([s, e]) => [s, e] as [number, number]),
      rule: d.rule,
      speakerRule: speakerAt(discourse, d.hs).rule,
      measureRules: d.measureRules.slice(),
      doubts: doubtsOf(d, discourse),
    };
    const scope = [heading, ...measures].join('，');
    const deadline = suggestDeadline(scope.length > 4000 ? scope.slice(0, 4000) : scope, meetingDate);
    if (deadline) out.suggestedDeadline = deadline;
    const unit = suggestLeadUnit(
      heading.slice(0, 4000),
      measures.length > 200 ? measures.slice(0, 200) : measures,
      table,
    );
    if (unit) out.suggestedLeadUnit = unit;
    return out;
  });
}
