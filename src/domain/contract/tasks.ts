import { z } from 'zod';
import { isValidDate } from '../dates';
import {
  dateSchema,
  evidenceLinkSchema,
  idSchema,
  prioritySchema,
  progressReportSchema,
  reviewStateSchema,
  taskSchema,
  taskStatusSchema,
} from '../schemas';
import { WARNING_KINDS } from '../warnings';
import { TRANSITION_ACTIONS } from '../workflow';
import { endpoint, pageSchema } from './endpoint';

export const warningSchema = z.object({
  kind: z.enum(WARNING_KINDS),
  level: z.enum(['red', 'amber', 'grey', 'green']),
  flags: z.array(z.enum(WARNING_KINDS)),
  overdueDays: z.number().int(),
  daysLeft: z.number().int(),
  elapsedPct: z.number(),
  progress: z.number(),
});

/** A ledger row: the task plus what the server derives for it (warning, last report, source). */
export const taskRowSchema = taskSchema.extend({
  warning: warningSchema,
  lastReportAt: z.string().nullable(),
  lastReportState: reviewStateSchema.nullable(),
  directive: z
    .object({ id: idSchema, heading: z.string(), speaker: z.string().nullable(), meetingId: idSchema })
    .nullable(),
});
export type TaskRow = z.infer<typeof taskRowSchema>;

const csv = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(',').filter(Boolean) : []));

export const TASK_SORT_KEYS = [
  'code',
  'title',
  'directive',
  'leadUnit',
  'coUnits',
  'responsible',
  'deadline',
  'progress',
  'status',
  'warning',
  'lastReport',
] as const;
export type TaskSortKey = (typeof TASK_SORT_KEYS)[number];

export const taskListQuerySchema = z.object({
  status: csv,
  warning: csv,
  /** Lead or cooperating unit. */
  unit: z.string().optional(),
  leadUnit: z.string().optional(),
  directive: z.string().optional(),
  meeting: z.string().optional(),
  speaker: z.string().optional(),
  dueQuarter: z.string().optional(),
  overdue: z
    .enum(['1', '0', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  q: z.string().max(100).optional(),
  sort: z.enum(TASK_SORT_KEYS).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(20000).default(50),
});
export type TaskListQuery = z.input<typeof taskListQuerySchema>;
export type ParsedTaskListQuery = z.output<typeof taskListQuerySchema>;

export const taskListResponseSchema = pageSchema(taskRowSchema).extend({
  facets: z.object({
    status: z.record(z.string(), z.number()),
    warning: z.record(z.string(), z.number()),
    /** Tasks per due quarter (2024Q2 → n) with every other filter applied. */
    dueQuarter: z.record(z.string(), z.number()).optional(),
  }),
});
export type TaskListResponse = z.infer<typeof taskListResponseSchema>;

const date = dateSchema.refine(isValidDate, 'not a calendar date');

export const taskFieldsSchema = z.object({
  title: z.string().trim().min(1, 'title is required').max(300),
  directiveId: idSchema.nullable(),
  measureIndex: z.number().int().min(0).nullable(),
  leadUnitId: idSchema,
  coUnitIds: z.array(idSchema).max(20),
  responsiblePersonId: idSchema.nullable(),
  startDate: date,
  deadline: date,
  priority: prioritySchema,
  tags: z.array(z.string().min(1).max(20)).max(10),
  progress: z.number().int().min(0).max(100),
});

function deadlineAfterStart<T extends { startDate?: string; deadline?: string }>(v: T, ctx: z.RefinementCtx) {
  if (v.startDate && v.deadline && v.deadline < v.startDate) {
    ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'deadline is before the start date' });
  }
}

export const createTaskBodySchema = taskFieldsSchema
  .extend({
    progress: taskFieldsSchema.shape.progress.default(0),
    tags: taskFieldsSchema.shape.tags.default([]),
  })
  .superRefine(deadlineAfterStart);
export const updateTaskBodySchema = taskFieldsSchema.partial().strict().superRefine(deadlineAfterStart);

export const transitionBodySchema = z.object({
  action: z
    .enum(TRANSITION_ACTIONS as [string, ...string[]])
    .transform((a) => a as (typeof TRANSITION_ACTIONS)[number]),
  reason: z.string().trim().max(500).optional(),
  newDeadline: date.optional(),
});

export const createReportBodySchema = z.object({
  text: z.string().trim().min(1, 'text is required').max(2000),
  progress: z.number().int().min(0).max(100),
  evidence: z.array(evidenceLinkSchema).max(10).default([]),
  /** true: the unit reports the task done, which asks the supervisor to close it. */
  final: z.boolean().default(false),
});

export const reviewReportBodySchema = z.object({
  decision: z.enum(['accept', 'return']),
  comment: z.string().trim().max(500).optional(),
});

/** The most tasks one bulk request may change (a filtered view of the 10,000-task ledger fits). */
export const BULK_MAX = 5000;
export const BULK_ACTIONS = ['assign-lead', 'assign-person', 'set-deadline', 'remind'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/**
 * Supervisor bulk actions on ledger rows. Each item carries the version the client saw: a stale one
 * refuses the whole request (412) so nobody's newer edit is overwritten silently.
 */
export const bulkTaskBodySchema = z
  .object({
    action: z.enum(BULK_ACTIONS),
    items: z
      .array(z.object({ id: idSchema, version: z.number().int().min(1) }))
      .min(1, 'select at least one task')
      .max(BULK_MAX),
    leadUnitId: idSchema.optional(),
    responsiblePersonId: idSchema.nullable().optional(),
    deadline: date.optional(),
    message: z.string().trim().max(200).optional(),
  })
  .superRefine((v, ctx) => {
    const need: Record<BulkAction, 'leadUnitId' | 'responsiblePersonId' | 'deadline' | null> = {
      'assign-lead': 'leadUnitId',
      'assign-person': 'responsiblePersonId',
      'set-deadline': 'deadline',
      remind: null,
    };
    const field = need[v.action];
    if (field && (v[field] === undefined || v[field] === null)) {
      ctx.addIssue({ code: 'custom', path: [field], message: `${field} is required for ${v.action}` });
    }
    if (new Set(v.items.map((i) => i.id)).size !== v.items.length) {
      ctx.addIssue({ code: 'custom', path: ['items'], message: 'duplicate task ids' });
    }
  });
export type BulkTaskBody = z.input<typeof bulkTaskBodySchema>;

export const bulkTaskResponseSchema = z.object({
  action: z.enum(BULK_ACTIONS),
  /** Tasks whose fields changed (their versions were bumped). */
  changed: z.array(z.object({ id: idSchema, version: z.number().int() })),
  /** Tasks left as they were (already had that value; reminders change no field). */
  unchanged: z.array(idSchema),
  reminded: z.number().int().min(0),
});
export type BulkTaskResponse = z.infer<typeof bulkTaskResponseSchema>;

export const taskDetailSchema = z.object({
  task: taskRowSchema,
  reports: z.array(progressReportSchema),
});
export type TaskDetail = z.infer<typeof taskDetailSchema>;

export const taskEndpoints = {
  listTasks: endpoint({
    method: 'GET',
    path: '/api/tasks',
    summary: 'Tasks: filter, sort and page on the server; facet counts for status and warning',
    query: taskListQuerySchema,
    response: taskListResponseSchema,
  }),
  bulkTasks: endpoint({
    method: 'POST',
    path: '/api/tasks/bulk',
    summary:
      'Bulk actions on tasks (supervisor): assign lead unit or person, set deadline, send a reminder (催办)',
    body: bulkTaskBodySchema,
    response: bulkTaskResponseSchema,
  }),
  getTask: endpoint({
    method: 'GET',
    path: '/api/tasks/:id',
    summary: 'One task with its derived fields and its progress reports',
    response: taskDetailSchema,
  }),
  createTask: endpoint({
    method: 'POST',
    path: '/api/tasks',
    summary: 'Create a task (supervisor)',
    body: createTaskBodySchema,
    response: taskRowSchema,
  }),
  updateTask: endpoint({
    method: 'PATCH',
    path: '/api/tasks/:id',
    summary: 'Edit task fields (supervisor); If-Match: version',
    body: updateTaskBodySchema,
    response: taskRowSchema,
    versioned: true,
  }),
  transitionTask: endpoint({
    method: 'POST',
    path: '/api/tasks/:id/transitions',
    summary: 'A workflow step; 409 when the state machine forbids it; If-Match: version',
    body: transitionBodySchema,
    response: taskRowSchema,
    versioned: true,
  }),
  listReports: endpoint({
    method: 'GET',
    path: '/api/tasks/:id/reports',
    summary: "A task's progress reports, oldest first",
    response: z.array(progressReportSchema),
  }),
  createReport: endpoint({
    method: 'POST',
    path: '/api/tasks/:id/reports',
    summary: "Submit a progress report (the task's units); If-Match: task version",
    body: createReportBodySchema,
    response: taskDetailSchema,
    versioned: true,
  }),
  reviewReport: endpoint({
    method: 'POST',
    path: '/api/reports/:id/review',
    summary: 'Accept a report or send it back with a comment (supervisor)',
    body: reviewReportBodySchema,
    response: taskDetailSchema,
  }),
};

export { taskStatusSchema };
