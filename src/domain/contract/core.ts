import { z } from 'zod';
import {
  auditEntrySchema,
  directiveSchema,
  instantSchema,
  meetingSchema,
  personSchema,
  sessionSchema,
  unitSchema,
} from '../schemas';
import { endpoint, pageSchema } from './endpoint';

export const meetingSummarySchema = meetingSchema.omit({ text: true }).extend({
  directiveCount: z.number().int().min(0),
  taskCount: z.number().int().min(0),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const auditQuerySchema = z.object({
  target: z.string().optional(),
  actorId: z.string().optional(),
  action: z.string().optional(),
  outcome: z.string().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

export const serverInfoSchema = z.object({
  /**
   * How this backend knows who asks: `demo-header` (the demo, and test servers: the UI offers an
   * identity switch), `session` (sign-in with a password; a cookie) or `none`.
   */
  identity: z.enum(['demo-header', 'session', 'none']),
  demo: z.boolean(),
  version: z.string(),
  /** The server's clock (ISO instant): the page's "today" follows it. */
  now: instantSchema,
});
export type ServerInfo = z.infer<typeof serverInfoSchema>;

export const coreEndpoints = {
  serverInfo: endpoint({
    method: 'GET',
    path: '/api/server-info',
    summary: 'How this backend identifies people (public)',
    response: serverInfoSchema,
    public: true,
  }),
  session: endpoint({ method: 'GET', path: '/api/session', summary: 'Who am I', response: sessionSchema }),
  units: endpoint({
    method: 'GET',
    path: '/api/units',
    summary: 'All units (an org tree via parentId)',
    response: z.array(unitSchema),
  }),
  people: endpoint({
    method: 'GET',
    path: '/api/people',
    summary: 'All people',
    response: z.array(personSchema),
  }),
  meetings: endpoint({
    method: 'GET',
    path: '/api/meetings',
    summary: 'Meetings, newest first, without full text',
    response: z.array(meetingSummarySchema),
  }),
  meeting: endpoint({
    method: 'GET',
    path: '/api/meetings/:id',
    summary: 'One meeting with its full text',
    response: meetingSchema,
  }),
  directives: endpoint({
    method: 'GET',
    path: '/api/directives',
    summary: 'Directives, optionally of one meeting',
    query: z.object({ meetingId: z.string().optional() }),
    response: z.array(directiveSchema),
  }),
  audit: endpoint({
    method: 'GET',
    path: '/api/audit',
    summary: 'The audit log, newest first (read-only)',
    query: auditQuerySchema,
    response: pageSchema(auditEntrySchema),
  }),
  demoReset: endpoint({
    method: 'POST',
    path: '/api/demo/reset',
    summary: 'Demo only: restore the seeded data',
    body: z.object({ dataset: z.enum(['seed', 'large']).default('seed') }),
    response: z.object({ ok: z.literal(true) }),
  }),
};
