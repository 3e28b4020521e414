import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import type { DirectiveKind, Priority, Speaker } from '../../domain/schemas';

/**
 * The import wizard's draft (导入讲话): everything the clerk has pasted, corrected and assigned, kept in
 * the browser until the import is confirmed, so a failed request, a 403, a reload or a closed tab
 * loses nothing. Suggested values (lead unit, deadline, responsible person) are not stored: only what
 * the clerk chose, so a changed meeting date still moves every deadline nobody has set by hand.
 */
export type Span = [number, number];

/** What the clerk chose for one prospective task; unset fields fall back to the suggestions. */
export interface TaskChoice {
  chosen: boolean;
  leadUnitId?: string;
  coUnitIds?: string[];
  responsiblePersonId?: string | null;
  deadline?: string;
  priority?: Priority;
}

export interface DraftMeasure {
  id: string;
  text: string;
  /** Where the measure sits in the source text; kept when the wording is corrected. */
  span: Span;
  task: TaskChoice;
}

export interface DraftDirective {
  id: string;
  speaker: string | null;
  heading: string;
  headingSpan: Span;
  kind: DirectiveKind;
  parentId: string | null;
  measures: DraftMeasure[];
  /** The heading itself as a task, for a directive without measures. */
  task: TaskChoice;
}

export interface DraftMeeting {
  title: string;
  date: string;
  place: string;
  source: string;
  level: 'province' | 'city';
  hostUnitId: string | null;
}

export type WizardStep = 1 | 2 | 3 | 4;

export interface ImportDraft {
  step: WizardStep;
  text: string;
  /** The text the directives were extracted from; spans index into it. */
  extractedText: string | null;
  meeting: DraftMeeting;
  speakers: Speaker[];
  directives: DraftDirective[];
  warnings: string[];
  selectedId: string | null;
  /** Counter for ids of directives and measures added or split by hand. */
  seq: number;
}

interface DraftStore extends ImportDraft {
  patch: (fn: (d: ImportDraft) => Partial<ImportDraft>) => void;
  reset: () => void;
}

export const emptyDraft = (): ImportDraft => ({
  step: 1,
  text: '',
  extractedText: null,
  meeting: { title: '', date: '', place: '', source: '', level: 'province', hostUnitId: null },
  speakers: [],
  directives: [],
  warnings: [],
  selectedId: null,
  seq: 0,
});

export const DRAFT_KEY = 'luoshi.import-draft';
const WRITE_DELAY_MS = 250;

/** Whether the last write to browser storage failed (a very long text can exceed the quota). */
export const useDraftSaveError = create<{ failed: boolean }>(() => ({ failed: false }));

let pending: { name: string; value: string } | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

function write() {
  if (timer) clearTimeout(timer);
  timer = null;
  if (!pending) return;
  const { name, value } = pending;
  pending = null;
  try {
    localStorage.setItem(name, value);
    if (useDraftSaveError.getState().failed) useDraftSaveError.setState({ failed: false });
  } catch {
    useDraftSaveError.setState({ failed: true });
  }
}

/** Writes are batched (a 1 MB text is re-serialised on every keystroke otherwise) and flushed on leave. */
const batchedStorage: StateStorage = {
  getItem: (name) => {
    try {
      return localStorage.getItem(name);
    } catch {
      return null;
    }
  },
  setItem: (name, value) => {
    pending = { name, value };
    if (!timer) timer = setTimeout(write, WRITE_DELAY_MS);
  },
  removeItem: (name) => {
    pending = null;
    if (timer) clearTimeout(timer);
    timer = null;
    try {
      localStorage.removeItem(name);
    } catch {
      // Nothing to lose: the draft is being discarded.
    }
  },
};

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', write);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') write();
  });
}

/** Writes any batched change now (tests, and before leaving the page). */
export const flushImportDraft = write;

export const useImportDraft = create<DraftStore>()(
  persist(
    (set) => ({
      ...emptyDraft(),
      patch: (fn) => set((s) => fn(s)),
      reset: () => set(emptyDraft()),
    }),
    { name: DRAFT_KEY, storage: createJSONStorage(() => batchedStorage), version: 1 },
  ),
);
