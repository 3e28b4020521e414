import { z } from 'zod';
import { isValidDate } from '../dates';
import {
  dateSchema,
  directiveKindSchema,
  directiveSchema,
  idSchema,
  meetingLevelSchema,
  prioritySchema,
  spanSchema,
  speakerSchema,
} from '../schemas';
import { meetingSummarySchema } from './core';
import { endpoint } from './endpoint';
import { taskRowSchema } from './tasks';

const date = dateSchema.refine(isValidDate, 'not a calendar date');
/** 1 MB of speech is the largest text the engine is specified for; leave room for a long work report. */
export const MAX_IMPORT_TEXT = 2_000_000;

export const importMeetingSchema = z.object({
  title: z.string().trim().min(1, 'title is required').max(200),
  date,
  place: z.string().trim().max(100),
  source: z.string().trim().max(300),
  level: meetingLevelSchema,
  hostUnitId: idSchema.nullable(),
  speakers: z.array(speakerSchema).max(50),
  text: z.string().min(1, 'text is required').max(MAX_IMPORT_TEXT),
});

/** A directive as the wizard proposes it; `clientId` only links tasks and children inside the request. */
export const importDirectiveSchema = z.object({
  clientId: z.string().min(1).max(64),
  speaker: z.string().min(1).max(50).nullable(),
  speakerTitle: z.string().max(100).nullable(),
  heading: z.string().trim().min(1, 'heading is required').max(1000),
  measures: z.array(z.string().trim().min(1, 'measure is empty').max(1000)).max(100),
  kind: directiveKindSchema,
  parentClientId: z.string().min(1).max(64).nullable(),
  headingSpan: spanSchema,
  measureSpans: z.array(spanSchema),
});

export const importTaskSchema = z.object({
  directiveClientId: z.string().min(1).max(64),
  /** null: the directive's heading itself becomes the task (a directive without measures). */
  measureIndex: z.number().int().min(0).nullable(),
  title: z.string().trim().min(1, 'title is required').max(300),
  leadUnitId: idSchema,
  coUnitIds: z.array(idSchema).max(20),
  responsiblePersonId: idSchema.nullable(),
  startDate: date,
  deadline: date,
  priority: prioritySchema,
});

type Issue = { path: (string | number)[]; message: string };

/** Cross-field rules: references inside the request, spans inside the text, deadlines after starts. */
function checkImport(body: z.infer<typeof importBodyShape>): Issue[] {
  const issues: Issue[] = [];
  const n = body.meeting.text.length;
  const byId = new Map<string, (typeof body.directives)[number]>();
  const inText = (s: readonly [number, number]) => s[0] <= s[1] && s[1] <= n;
  body.directives.forEach((d, i) => {
    if (byId.has(d.clientId))
      issues.push({ path: ['directives', i, 'clientId'], message: 'duplicate clientId' });
    byId.set(d.clientId, d);
    if (!inText(d.headingSpan))
      issues.push({ path: ['directives', i, 'headingSpan'], message: 'span outside the text' });
    if (d.measureSpans.length !== d.measures.length)
      issues.push({ path: ['directives', i, 'measureSpans'], message: 'one span per measure' });
    d.measureSpans.forEach((s, j) => {
      if (!inText(s))
        issues.push({ path: ['directives', i, 'measureSpans', j], message: 'span outside the text' });
    });
  });
  body.directives.forEach((d, i) => {
    // A parent must come earlier, which also rules out cycles.
    const parentAt =
      d.parentClientId === null ? -1 : body.directives.findIndex((p) => p.clientId === d.parentClientId);
    if (d.parentClientId !== null && (parentAt < 0 || parentAt >= i))
      issues.push({ path: ['directives', i, 'parentClientId'], message: 'unknown or later parent' });
  });
  const seen = new Set<string>();
  body.tasks.forEach((t, i) => {
    const d = byId.get(t.directiveClientId);
    if (!d) issues.push({ path: ['tasks', i, 'directiveClientId'], message: 'unknown directive' });
    else if (t.measureIndex !== null && t.measureIndex >= d.measures.length)
      issues.push({ path: ['tasks', i, 'measureIndex'], message: 'no such measure' });
    const key = `${t.directiveClientId}:${t.measureIndex}`;
    if (seen.has(key)) issues.push({ path: ['tasks', i, 'measureIndex'], message: 'duplicate task' });
    seen.add(key);
    if (t.deadline < t.startDate)
      issues.push({ path: ['tasks', i, 'deadline'], message: 'deadline is before the start date' });
  });
  return issues;
}

const importBodyShape = z.object({
  meeting: importMeetingSchema,
  directives: z.array(importDirectiveSchema).min(1, 'at least one directive').max(2000),
  tasks: z.array(importTaskSchema).max(5000),
  /**
   * A speech that looks already imported (same text, or same title and date) is refused with 409
   * and the existing meeting in `error.current`; the person confirms with `allowDuplicate: true`.
   */
  allowDuplicate: z.boolean().default(false),
});

/** The 409 answer's `current` for a likely duplicate import. */
export const duplicateImportSchema = z.object({
  duplicateOf: z.object({ id: z.string(), title: z.string(), date: z.string() }),
});

export const importBodySchema = importBodyShape.superRefine((body, ctx) => {
  for (const issue of checkImport(body)) ctx.addIssue({ code: 'custom', ...issue });
});
export type ImportBody = z.input<typeof importBodySchema>;
export type ImportDirectiveInput = z.input<typeof importDirectiveSchema>;
export type ImportTaskInput = z.input<typeof importTaskSchema>;

export const importResultSchema = z.object({
  meeting: meetingSummarySchema,
  directives: z.array(directiveSchema),
  tasks: z.array(taskRowSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importEndpoints = {
  createImport: endpoint({
    method: 'POST',
    path: '/api/imports',
    summary: 'Import a speech (supervisor): the meeting, its directives and the chosen tasks, all or nothing',
    body: importBodySchema,
    response: importResultSchema,
  }),
};
