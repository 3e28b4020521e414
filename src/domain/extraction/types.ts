export type DirectiveKind =
  | 'zai-shang'
  | 'xia-gongfu'
  | 'yao'
  | 'enumerated'
  | 'addressee'
  | 'numbered-heading';

/** The trigger rule that opened a directive. */
export type TriggerRule =
  | 'yao' // 要… at a sentence or ；-item start, after 强调/指出 or a background clause
  | 'addressee-yao' // 各部门要… / 市环委办要…
  | 'topic-yao' // 积极的财政政策要…
  | 'enumerated' // 一是 / 一要 / 第一， / 首先，必须
  | 'zai-shang' // 在X上下功夫 / 在X上再发力
  | 'numbered-heading'; // 一、 / （一） / 1．

/** Where the current speaker came from (see discourse.ts). */
export type SpeakerRule =
  | 'speech-title'
  | 'byline'
  | 'paragraph-lead'
  | 'speech-verb'
  | 'pronoun'
  | 'meeting'
  | 'work-report';

/** How a measure was taken. */
export type MeasureRule =
  | 'clause' // one action clause in the directive's sentence
  | 'frame' // a frame merged with the clause it frames (按照…，… / 以…为重点，…)
  | 'chain' // one action of a 、-chain of distinct actions
  | 'ran-on' // a clause of a later sentence that has no trigger of its own
  | 'section'; // a clause of a numbered heading's section, in a later paragraph

/** Why a directive deserves a second look in review. */
export type Doubt =
  | 'speaker-carried' // the speaker was named several paragraphs (or > 600 characters) before
  | 'heading-merged' // the heading runs over a comma (a frame merged with its clause)
  | 'measure-ran-on'; // a measure was taken from a later sentence without a trigger

export interface ExtractedSpeaker {
  name: string;
  title: string | null;
}

export interface ExtractedDirective {
  /** 'd1', 'd2', ... in text order */
  id: string;
  /** name as in the text; null for 会议指出/会议强调/会议要求, or a work report */
  speaker: string | null;
  heading: string;
  measures: string[];
  kind: DirectiveKind;
  parentId: string | null;
  /** [start, end) UTF-16 offsets into the original text; text.slice(s, e) === heading */
  headingSpan: [number, number];
  measureSpans: [number, number][];
  /** YYYY-MM-DD, from a time phrase relative to the meeting date */
  suggestedDeadline?: string;
  /** a unit name from the keyword table */
  suggestedLeadUnit?: string;
  /** the trigger rule that opened the directive */
  rule?: TriggerRule;
  /** where the speaker came from; null when no event set one */
  speakerRule?: SpeakerRule | null;
  /** one per measure, in order */
  measureRules?: MeasureRule[];
  /** what to check first (empty when the extraction is a plain case) */
  doubts?: Doubt[];
}

export interface MeetingHints {
  title?: string;
  date?: string;
  place?: string;
  /** the publishing source (来源：XX日报) */
  source?: string;
}

export interface ExtractionResult {
  meeting: MeetingHints;
  speakers: ExtractedSpeaker[];
  directives: ExtractedDirective[];
  warnings: string[];
}

export interface UnitKeyword {
  keyword: string;
  unit: string;
}

export interface ExtractOptions {
  /** YYYY-MM-DD */
  meetingDate?: string;
  unitKeywords?: UnitKeyword[];
}
