export type DirectiveKind =
  | 'zai-shang'
  | 'xia-gongfu'
  | 'yao'
  | 'enumerated'
  | 'addressee'
  | 'numbered-heading';

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
}

export interface ExtractionResult {
  meeting: { title?: string; date?: string; place?: string };
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
