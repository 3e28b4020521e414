import { z } from 'zod';
import { dateSchema, idSchema, instantSchema, roleSchema, taskStatusSchema } from '../schemas';
import { endpoint } from './endpoint';
import { warningSchema } from './tasks';

/**
 * 我的待办: what needs the caller's hand now, computed on the server from the caller's identity.
 * Unit staff: tasks to accept (签收), tasks sent back, reports due, deadlines within the week.
 * Supervision office: reports to review, extension requests, tasks gone red since the last visit.
 * Leaders act on nothing; they see the tasks gone red since their last visit.
 */
export const INBOX_KINDS = [
  'to-accept',
  'sent-back',
  'report-due',
  'due-this-week',
  'report-to-review',
  'extension-request',
  'gone-red',
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export const inboxItemSchema = z.object({
  kind: z.enum(INBOX_KINDS),
  taskId: idSchema,
  code: z.string(),
  title: z.string(),
  status: taskStatusSchema,
  deadline: dateSchema,
  warning: warningSchema,
  /** The report to review (report-to-review) or the report sent back (sent-back). */
  reportId: idSchema.nullable(),
  /** The day this item is due: the report's due day, the deadline, or the requested new deadline. */
  due: dateSchema.nullable(),
  /** The words that came with it: the send-back comment, the extension reason, the report's text. */
  note: z.string().nullable(),
  /** When it arrived (report submitted, extension requested); null for calendar items. */
  at: instantSchema.nullable(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxQuerySchema = z.object({
  /** The caller's previous visit (kept by the client); tasks that turned red after it are new. */
  since: instantSchema.optional(),
});

export const inboxResponseSchema = z.object({
  role: roleSchema,
  since: instantSchema,
  items: z.array(inboxItemSchema),
  /** Items per kind, so the navigation badge and group headers need no counting of their own. */
  counts: z.record(z.string(), z.number().int().min(0)),
});
export type InboxResponse = z.infer<typeof inboxResponseSchema>;

export const inboxEndpoints = {
  inbox: endpoint({
    method: 'GET',
    path: '/api/inbox',
    summary: "The caller's inbox (我的待办); `since` = previous visit for tasks gone red",
    query: inboxQuerySchema,
    response: inboxResponseSchema,
  }),
};
