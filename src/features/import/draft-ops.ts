import type { ExtractionResult } from '../../domain/extraction';
import type {
  DraftDirective,
  DraftMeasure,
  DraftMeeting,
  ImportDraft,
  Span,
  TaskChoice,
} from '../../shared/stores/import-draft';
import { type MarkedMeasure, marksFrom, measureRanOn, settleDoubts } from './doubts';

/**
 * Pure edits of the import draft. Each returns the changed fields, so the store applies them in one
 * step. Spans follow the wording where they can (a split of untouched text splits the span exactly)
 * and otherwise keep pointing at the source sentence, which is what traceability needs.
 */
type Patch = Partial<ImportDraft>;

const chosen = (): TaskChoice => ({ chosen: true });
const BOUNDARY = /^[\s，,；;。、：:]+|[\s，,；;。、：:]+$/g;

/** Trims punctuation and blanks from both ends, moving the span with the text when it still matches. */
function trimmed(text: string, span: Span, source: string): { text: string; span: Span } {
  const t = text.replace(BOUNDARY, '');
  if (source.slice(span[0], span[1]) !== text || t.length === 0) return { text: t, span };
  const start = span[0] + text.indexOf(t);
  return { text: t, span: [start, start + t.length] };
}

export function fromExtraction(r: ExtractionResult, text: string, meeting: DraftMeeting): Patch {
  const directives: DraftDirective[] = r.directives.map((d) => ({
    ...marksFrom(d),
    id: d.id,
    speaker: d.speaker,
    heading: d.heading,
    headingSpan: d.headingSpan,
    kind: d.kind,
    parentId: d.parentId,
    measures: d.measures.map(
      (m, i): MarkedMeasure => ({
        id: `${d.id}.${i + 1}`,
        text: m,
        span: d.measureSpans[i]!,
        task: chosen(),
        ...(d.measureRules?.[i] === 'ran-on' ? { ranOn: true } : {}),
      }),
    ),
    // A parent whose work is in its children (下功夫 series) does not become a task of its own.
    task: { chosen: d.measures.length === 0 && !r.directives.some((c) => c.parentId === d.id) },
  }));
  return {
    text,
    extractedText: text,
    directives,
    speakers: r.speakers,
    warnings: r.warnings,
    selectedId: null,
    meeting: {
      ...meeting,
      title: meeting.title || r.meeting.title || '',
      date: meeting.date || r.meeting.date || '',
      place: meeting.place || r.meeting.place || '',
      source: meeting.source || r.meeting.source || '',
    },
  };
}

const mapDirective = (d: ImportDraft, id: string, fn: (x: DraftDirective) => DraftDirective): Patch => ({
  directives: d.directives.map((x) => (x.id === id ? fn(x) : x)),
});

export const editDirective = (d: ImportDraft, id: string, patch: Partial<DraftDirective>): Patch =>
  mapDirective(d, id, (x) => ({ ...settleDoubts(x, patch), ...patch }));

export const editMeasure = (
  d: ImportDraft,
  dirId: string,
  mId: string,
  patch: Partial<DraftMeasure>,
): Patch =>
  mapDirective(d, dirId, (x) => ({
    ...x,
    // an edited wording settles the mark of a measure that ran on
    measures: x.measures.map((m) =>
      m.id === mId
        ? { ...m, ...patch, ...(patch.text !== undefined && measureRanOn(m) ? { ranOn: false } : {}) }
        : m,
    ),
  }));

export const setTaskChoice = (
  d: ImportDraft,
  dirId: string,
  mId: string | null,
  patch: Partial<TaskChoice>,
): Patch =>
  mapDirective(d, dirId, (x) =>
    mId === null
      ? { ...x, task: { ...x.task, ...patch } }
      : {
          ...x,
          measures: x.measures.map((m) => (m.id === mId ? { ...m, task: { ...m.task, ...patch } } : m)),
        },
  );

/** Splits a measure at a character offset of its wording; both halves keep the task choice. */
export function splitMeasure(d: ImportDraft, dirId: string, mId: string, at: number): Patch {
  const src = d.extractedText ?? d.text;
  let seq = d.seq;
  const out = mapDirective(d, dirId, (x) => {
    const i = x.measures.findIndex((m) => m.id === mId);
    const m = x.measures[i];
    if (!m || at <= 0 || at >= m.text.length) return x;
    const exact = src.slice(m.span[0], m.span[1]) === m.text;
    const cut = m.span[0] + at;
    const a = trimmed(m.text.slice(0, at), exact ? [m.span[0], cut] : m.span, src);
    const b = trimmed(m.text.slice(at), exact ? [cut, m.span[1]] : m.span, src);
    if (!a.text || !b.text) return x;
    seq += 1;
    const second: DraftMeasure = { ...m, id: `n${seq}`, ...b, task: { ...m.task } };
    return {
      ...x,
      measures: [...x.measures.slice(0, i), { ...m, ...a }, second, ...x.measures.slice(i + 1)],
    };
  });
  return { ...out, seq };
}

/** Joins a measure with the next one; untouched source wording is re-read from the text. */
export function mergeMeasureWithNext(d: ImportDraft, dirId: string, mId: string): Patch {
  const src = d.extractedText ?? d.text;
  return mapDirective(d, dirId, (x) => {
    const i = x.measures.findIndex((m) => m.id === mId);
    const a = x.measures[i];
    const b = x.measures[i + 1];
    if (!a || !b) return x;
    const exact = src.slice(a.span[0], a.span[1]) === a.text && src.slice(b.span[0], b.span[1]) === b.text;
    const span: Span = [Math.min(a.span[0], b.span[0]), Math.max(a.span[1], b.span[1])];
    const text = exact && a.span[1] <= b.span[0] ? src.slice(span[0], span[1]) : `${a.text}，${b.text}`;
    return { ...x, measures: [...x.measures.slice(0, i), { ...a, text, span }, ...x.measures.slice(i + 2)] };
  });
}

export const deleteMeasure = (d: ImportDraft, dirId: string, mId: string): Patch =>
  mapDirective(d, dirId, (x) => ({ ...x, measures: x.measures.filter((m) => m.id !== mId) }));

export function addMeasure(d: ImportDraft, dirId: string, text: string, span: Span | null): Patch {
  const seq = d.seq + 1;
  return {
    seq,
    ...mapDirective(d, dirId, (x) => {
      const at = span ?? ([x.headingSpan[1], x.headingSpan[1]] as Span);
      return { ...x, measures: [...x.measures, { id: `n${seq}`, text, span: at, task: chosen() }] };
    }),
  };
}

/** Removes a directive; its children move up to its parent so nothing below it is lost. */
export function deleteDirective(d: ImportDraft, id: string): Patch {
  const gone = d.directives.find((x) => x.id === id);
  const rest = d.directives.filter((x) => x.id !== id);
  return {
    directives: rest.map((x) => (x.parentId === id ? { ...x, parentId: gone?.parentId ?? null } : x)),
    selectedId: d.selectedId === id ? (rest[0]?.id ?? null) : d.selectedId,
  };
}

/** Joins a directive with the next: the next heading becomes a measure, its measures follow. */
export function mergeDirectiveWithNext(d: ImportDraft, id: string): Patch {
  const i = d.directives.findIndex((x) => x.id === id);
  const a = d.directives[i];
  const b = d.directives[i + 1];
  if (!a || !b) return {};
  const joined: DraftDirective = {
    ...a,
    measures: [
      ...a.measures,
      { id: `${b.id}.h`, text: b.heading, span: b.headingSpan, task: chosen() },
      ...b.measures,
    ],
  };
  const directives = d.directives
    .filter((x) => x.id !== b.id)
    .map((x) => (x.id === a.id ? joined : x.parentId === b.id ? { ...x, parentId: a.id } : x));
  return { directives, selectedId: a.id };
}

/** Starts a new directive at a measure: it becomes the heading, the measures after it follow. */
export function splitDirectiveAt(d: ImportDraft, id: string, mId: string): Patch {
  const i = d.directives.findIndex((x) => x.id === id);
  const a = d.directives[i];
  const k = a ? a.measures.findIndex((m) => m.id === mId) : -1;
  const head = a?.measures[k];
  if (!a || !head) return {};
  const seq = d.seq + 1;
  const b: DraftDirective = {
    ...a,
    id: `n${seq}`,
    heading: head.text,
    headingSpan: head.span,
    measures: a.measures.slice(k + 1),
    task: { chosen: k + 1 >= a.measures.length },
  };
  const directives = [
    ...d.directives.slice(0, i),
    { ...a, measures: a.measures.slice(0, k) },
    b,
    ...d.directives.slice(i + 1),
  ];
  return { seq, directives, selectedId: b.id };
}

/** Adds a directive after `afterId` (or at the end), from a selection of the text when there is one. */
export function addDirective(
  d: ImportDraft,
  afterId: string | null,
  heading: string,
  span: Span | null,
): Patch {
  const seq = d.seq + 1;
  const after = d.directives.find((x) => x.id === afterId);
  const at = span ?? ([after?.headingSpan[1] ?? 0, after?.headingSpan[1] ?? 0] as Span);
  const nd: DraftDirective = {
    id: `n${seq}`,
    speaker: after?.speaker ?? null,
    heading,
    headingSpan: at,
    kind: 'yao',
    parentId: after?.parentId ?? null,
    measures: [],
    task: chosen(),
  };
  const i = after ? d.directives.indexOf(after) + 1 : d.directives.length;
  return { seq, directives: [...d.directives.slice(0, i), nd, ...d.directives.slice(i)], selectedId: nd.id };
}
