import { z } from 'zod';

/**
 * Entity schemas shared by the typed client, the mock API and any future real server.
 * Dates are calendar days `YYYY-MM-DD` (Beijing time, the offices' working calendar);
 * instants are ISO-8601 strings with an explicit offset, e.g. `2024-03-31T17:20:00+08:00`.
 */

export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');
export const instantSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$/,
    'instant must be ISO-8601 with offset',
  );
export const idSchema = z.string().min(1).max(64);
export const quarterSchema = z.string().regex(/^\d{4}Q[1-4]$/, 'quarter must look like 2024Q1');

export const unitLevelSchema = z.enum(['province-dept', 'city', 'city-bureau']);
export type UnitLevel = z.infer<typeof unitLevelSchema>;

export const unitSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  shortName: z.string().min(1),
  level: unitLevelSchema,
  parentId: idSchema.nullable(),
});
export type Unit = z.infer<typeof unitSchema>;

export const roleSchema = z.enum(['leader', 'supervisor', 'staff']);
export type Role = z.infer<typeof roleSchema>;

export const personSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  unitId: idSchema,
  role: roleSchema,
  title: z.string(),
});
export type Person = z.infer<typeof personSchema>;

export const speakerSchema = z.object({ name: z.string().min(1), title: z.string().nullable() });
export type Speaker = z.infer<typeof speakerSchema>;

export const meetingLevelSchema = z.enum(['province', 'city']);
export const meetingSchema = z.object({
  id: idSchema,
  title: z.string().min(1).max(200),
  date: dateSchema,
  place: z.string().max(100),
  source: z.string().max(300),
  level: meetingLevelSchema,
  /** The body that held the meeting; lower-level meetings take up higher-level directives. */
  hostUnitId: idSchema.nullable(),
  speakers: z.array(speakerSchema),
  text: z.string(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const directiveKindSchema = z.enum([
  'zai-shang',
  'xia-gongfu',
  'yao',
  'enumerated',
  'addressee',
  'numbered-heading',
]);
export type DirectiveKind = z.infer<typeof directiveKindSchema>;

export const spanSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]);
export type Span = z.infer<typeof spanSchema>;

export const directiveSchema = z.object({
  id: idSchema,
  meetingId: idSchema,
  /** Display order inside the meeting. */
  seq: z.number().int().min(0),
  speaker: z.string().nullable(),
  speakerTitle: z.string().nullable(),
  heading: z.string().min(1),
  measures: z.array(z.string().min(1)),
  kind: directiveKindSchema,
  parentId: idSchema.nullable(),
  headingSpan: spanSchema,
  measureSpans: z.array(spanSchema),
  /** Higher-level directives this one carries out (上下贯通, many to many). */
  implements: z.array(idSchema),
});
export type Directive = z.infer<typeof directiveSchema>;

export const taskStatusSchema = z.enum([
  'assigned',
  'in-progress',
  'pending-review',
  'closed',
  'returned',
  'extension-requested',
  'suspended',
]);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

export const prioritySchema = z.enum(['high', 'normal', 'low']);
export type Priority = z.infer<typeof prioritySchema>;

export const extensionRequestSchema = z.object({
  requestedDeadline: dateSchema,
  reason: z.string().min(1).max(500),
  requestedAt: instantSchema,
  requestedBy: idSchema,
});
export type ExtensionRequest = z.infer<typeof extensionRequestSchema>;

export const taskSchema = z.object({
  id: idSchema,
  /** 编号 as printed in the ledger, e.g. DB-2023-0007. */
  code: z.string().min(1),
  title: z.string().min(1).max(300),
  directiveId: idSchema.nullable(),
  /** Index into the directive's measures; null when the task is the directive's heading itself. */
  measureIndex: z.number().int().min(0).nullable(),
  leadUnitId: idSchema,
  coUnitIds: z.array(idSchema),
  responsiblePersonId: idSchema.nullable(),
  startDate: dateSchema,
  deadline: dateSchema,
  /** The deadline first set; approved extensions move `deadline` and keep this. */
  originalDeadline: dateSchema,
  status: taskStatusSchema,
  /** The status to return to when a pending extension is decided or a suspension is lifted. */
  resumeStatus: taskStatusSchema.nullable(),
  progress: z.number().int().min(0).max(100),
  priority: prioritySchema,
  tags: z.array(z.string().min(1).max(20)),
  extension: extensionRequestSchema.nullable(),
  closedAt: instantSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  version: z.number().int().min(1),
});
export type Task = z.infer<typeof taskSchema>;

export const reviewStateSchema = z.enum(['pending', 'accepted', 'returned']);
export type ReviewState = z.infer<typeof reviewStateSchema>;

/**
 * An evidence link: web addresses only. `javascript:` would run in the reviewer's page when clicked,
 * and `file:` points into someone's own disk; neither is evidence anyone else can open.
 */
export const evidenceLinkSchema = z
  .url({ protocol: /^https?$/, error: 'evidence links must be http: or https:' })
  .max(500);

export const progressReportSchema = z.object({
  id: idSchema,
  taskId: idSchema,
  /** Reporting period, `YYYY-MM` for the default monthly calendar. */
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  text: z.string().min(1).max(2000),
  progress: z.number().int().min(0).max(100),
  evidence: z.array(evidenceLinkSchema).max(10),
  submitterId: idSchema,
  submittedAt: instantSchema,
  reviewState: reviewStateSchema,
  reviewComment: z.string().max(500).nullable(),
  reviewerId: idSchema.nullable(),
  reviewedAt: instantSchema.nullable(),
  /** Whether the report marked the task as done (moves it to pending review). */
  final: z.boolean(),
});
export type ProgressReport = z.infer<typeof progressReportSchema>;

export const scoreItemSchema = z.object({
  ruleId: z.string().min(1),
  taskId: idSchema.nullable(),
  points: z.number(),
  note: z.string(),
  /** What the note says, for other languages: days overdue / early, or the report period. */
  days: z.number().int().optional(),
  period: z.string().optional(),
});
export type ScoreItem = z.infer<typeof scoreItemSchema>;

export const ratingSchema = z.enum(['excellent', 'good', 'fair', 'poor']);
export type Rating = z.infer<typeof ratingSchema>;

export const adjustmentSchema = z.object({ points: z.number(), reason: z.string().min(2).max(500) });

export const assessmentSchema = z.object({
  id: idSchema,
  quarter: quarterSchema,
  unitId: idSchema,
  score: z.number(),
  rating: ratingSchema,
  breakdown: z.array(scoreItemSchema),
  adjustment: adjustmentSchema.nullable(),
  published: z.boolean(),
  publishedAt: instantSchema.nullable(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const auditOutcomeSchema = z.enum(['ok', 'denied', 'invalid', 'conflict', 'not-found', 'error']);
export type AuditOutcome = z.infer<typeof auditOutcomeSchema>;

export const auditEntrySchema = z.object({
  id: idSchema,
  at: instantSchema,
  actorId: idSchema,
  actorName: z.string(),
  /** Null for an attempt without a known identity (it is audited too). */
  role: roleSchema.nullable(),
  /** Verb on a resource, e.g. `task.update`, `report.create`, `assessment.publish`. */
  action: z.string().min(1),
  /** `task:T-0001`, `meeting:M-1`, ... */
  target: z.string(),
  outcome: auditOutcomeSchema,
  detail: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const sessionSchema = z.object({
  person: personSchema,
  unit: unitSchema,
  role: roleSchema,
  /** The pinned demo clock (ISO instant) or the real time for a real server. */
  now: instantSchema,
  demo: z.boolean(),
  /** On a server with sign-in: when the session ends if unused (idle) and at the latest (absolute). */
  idleExpiresAt: instantSchema.nullable().optional(),
  expiresAt: instantSchema.nullable().optional(),
});
export type Session = z.infer<typeof sessionSchema>;
