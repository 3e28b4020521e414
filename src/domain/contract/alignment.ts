import { z } from 'zod';
import type { DirectiveNode } from '../rollup';
import {
  dateSchema,
  directiveKindSchema,
  directiveSchema,
  idSchema,
  meetingLevelSchema,
  quarterSchema,
  ratingSchema,
  scoreItemSchema,
  taskStatusSchema,
  unitSchema,
} from '../schemas';
import { WARNING_KINDS, type WarningKind } from '../warnings';
import { endpoint } from './endpoint';
import { taskRowSchema } from './tasks';

/**
 * The leader's overview (总览), the unit pages (责任单位) and 上下贯通 (alignment of lower-level
 * directives with the higher-level ones they carry out). Each screen loads with one request.
 */
const count = z.number().int().min(0);
const warningKindSchema = z.enum(WARNING_KINDS as [string, ...string[]]).transform((k) => k as WarningKind);

export const taskCountsSchema = z.object({
  total: count,
  closed: count,
  suspended: count,
  onTrack: count,
  atRisk: count,
  overdue: count,
  noReport: count,
});

export const directiveNodeSchema: z.ZodType<DirectiveNode> = z.lazy(() =>
  z.object({
    id: idSchema,
    heading: z.string(),
    kind: directiveKindSchema,
    progress: z.number().nullable(),
    counts: taskCountsSchema,
    ownTaskCount: z.number().int().min(0),
    children: z.array(directiveNodeSchema),
  }),
);

export const speakerNodeSchema = z.object({
  key: z.string(),
  meetingId: idSchema,
  speaker: z.string(),
  speakerTitle: z.string().nullable(),
  progress: z.number().nullable(),
  counts: taskCountsSchema,
  directives: z.array(directiveNodeSchema),
});

/** A KPI now, at the start of the quarter, and the change between. */
export const kpiSchema = z.object({ value: count, start: count, delta: z.number().int() });
export { KPI_KEYS, type KpiKey } from './plain';

export const taskBriefSchema = z.object({
  id: idSchema,
  code: z.string(),
  title: z.string(),
  deadline: dateSchema,
  leadUnitId: idSchema,
  progress: z.number(),
  status: taskStatusSchema,
  warning: warningKindSchema,
  overdueDays: z.number().int(),
  daysLeft: z.number().int(),
  directiveId: idSchema.nullable(),
});
export type TaskBrief = z.infer<typeof taskBriefSchema>;

export const trendPointSchema = z.object({
  date: dateSchema,
  closed: count,
  onTrack: count,
  atRisk: count,
  overdue: count,
  noReport: count,
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

export const dashboardSchema = z.object({
  asOf: dateSchema,
  quarter: quarterSchema,
  quarterStart: dateSchema,
  kpis: z.object({
    scope: kpiSchema,
    closed: kpiSchema,
    onTrack: kpiSchema,
    atRisk: kpiSchema,
    overdue: kpiSchema,
    noReport: kpiSchema,
  }),
  rollup: z.array(speakerNodeSchema),
  /** The meetings the roll-up's speakers spoke at. */
  meetings: z.array(
    z.object({ id: idSchema, title: z.string(), date: dateSchema, level: meetingLevelSchema }),
  ),
  /** Open tasks due within `upcomingDays` days, soonest first (the first `upcoming.length` of `upcomingTotal`). */
  upcoming: z.array(taskBriefSchema),
  upcomingTotal: count,
  upcomingDays: z.number().int(),
  /** Overdue tasks, longest overdue first (the first `overdue.length` of `overdueTotal`). */
  overdue: z.array(taskBriefSchema),
  overdueTotal: count,
  /** 上下贯通 at a glance: provincial directives, and how many a lower-level directive takes up. */
  alignment: z.object({ higher: count, covered: count }),
  /** Weekly points from the quarter's first day to `asOf`. */
  trend: z.array(trendPointSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const unitScoreSchema = z.object({
  quarter: quarterSchema,
  score: z.number(),
  rating: ratingSchema,
  breakdown: z.array(scoreItemSchema),
  published: z.boolean(),
  /** The running quarter, scored so far: it moves until the quarter closes. */
  provisional: z.boolean(),
});
export type UnitScore = z.infer<typeof unitScoreSchema>;

export const unitSummarySchema = z.object({
  unit: unitSchema,
  lead: taskCountsSchema,
  co: taskCountsSchema,
  /** Without the breakdown: the list shows the figure; the unit's page has the detail. */
  latestScore: unitScoreSchema.omit({ breakdown: true }).nullable(),
});
export type UnitSummary = z.infer<typeof unitSummarySchema>;

export const reportDueSchema = z.object({
  taskId: idSchema,
  code: z.string(),
  title: z.string(),
  period: z.string(),
  dueDate: dateSchema,
  /** missing: the period is over and nothing came in; due: the current period, not reported yet. */
  state: z.enum(['missing', 'due']),
});
export type ReportDue = z.infer<typeof reportDueSchema>;

export const unitDetailSchema = z.object({
  unit: unitSchema,
  asOf: dateSchema,
  lead: z.array(taskRowSchema),
  co: z.array(taskRowSchema),
  reportsDue: z.array(reportDueSchema),
  /** Oldest quarter first. Non-supervisors see published quarters and the running one. */
  scores: z.array(unitScoreSchema),
});
export type UnitDetail = z.infer<typeof unitDetailSchema>;

export const suggestionSchema = z.object({ id: idSchema, score: z.number(), terms: z.array(z.string()) });
export type Suggestion = z.infer<typeof suggestionSchema>;

export const alignmentDirectiveSchema = directiveSchema
  .pick({
    id: true,
    meetingId: true,
    seq: true,
    speaker: true,
    heading: true,
    measures: true,
    kind: true,
    parentId: true,
    implements: true,
  })
  .extend({ dismissed: z.array(idSchema) });
export type AlignmentDirective = z.infer<typeof alignmentDirectiveSchema>;

export const directiveProgressSchema = z.object({
  progress: z.number().nullable(),
  total: count,
  closed: count,
  overdue: count,
});

/** Where one unit's lead tasks under one directive stand (its own tasks, not its sub-directives'). */
export const directiveUnitStatSchema = z.object({
  directiveId: idSchema,
  unitId: idSchema,
  total: count,
  /** Tasks that count towards progress (not suspended) and the sum of their progress (closed = 100). */
  counted: count,
  progressSum: z.number().min(0),
  closed: count,
  overdue: count,
});
export type DirectiveUnitStat = z.infer<typeof directiveUnitStatSchema>;

export const alignmentSchema = z.object({
  meetings: z.array(
    z.object({
      id: idSchema,
      title: z.string(),
      date: dateSchema,
      level: meetingLevelSchema,
      hostUnitId: idSchema.nullable(),
    }),
  ),
  directives: z.array(alignmentDirectiveSchema),
  /** Per directive, over its own tasks and its sub-directives' tasks. */
  progress: z.record(z.string(), directiveProgressSchema),
  /** Per directive and lead unit, for the matrix's unit columns. */
  unitStats: z.array(directiveUnitStatSchema),
  /** Per lower-level directive: higher-level candidates, best first (linked and dismissed ones included). */
  suggestions: z.record(z.string(), z.array(suggestionSchema)),
});
export type Alignment = z.infer<typeof alignmentSchema>;

export const alignmentEndpoints = {
  dashboard: endpoint({
    method: 'GET',
    path: '/api/dashboard',
    summary:
      'The leader overview: KPIs with change since the quarter began, roll-up, deadlines, overdue, trend',
    query: z.object({ quarter: quarterSchema.optional() }),
    response: dashboardSchema,
  }),
  unitSummaries: endpoint({
    method: 'GET',
    path: '/api/unit-summaries',
    summary: 'Every unit with its task counts (as lead, as cooperating unit) and latest quarterly score',
    response: z.array(unitSummarySchema),
  }),
  unitDetail: endpoint({
    method: 'GET',
    path: '/api/unit-summaries/:id',
    summary: "One unit's tasks, reports due and score trend over quarters",
    response: unitDetailSchema,
  }),
  alignment: endpoint({
    method: 'GET',
    path: '/api/alignment',
    summary: '上下贯通: directives with their links, progress and similarity suggestions',
    response: alignmentSchema,
  }),
  setImplements: endpoint({
    method: 'PUT',
    path: '/api/directives/:id/implements',
    summary: 'Set the higher-level directives a directive carries out (supervisor; audited)',
    body: z.object({ implements: z.array(idSchema).max(30) }),
    response: alignmentDirectiveSchema,
  }),
  setDismissed: endpoint({
    method: 'PUT',
    path: '/api/directives/:id/dismissed',
    summary: 'Set the suggestions the supervisor rejected for a directive (supervisor; audited)',
    body: z.object({ dismissed: z.array(idSchema).max(100) }),
    response: alignmentDirectiveSchema,
  }),
};
