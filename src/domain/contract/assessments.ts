import { z } from 'zod';
import {
  adjustmentSchema,
  dateSchema,
  idSchema,
  instantSchema,
  quarterSchema,
  ratingSchema,
  scoreItemSchema,
  unitLevelSchema,
} from '../schemas';
import { schemeProblems } from '../scoring';
import { WARNING_KINDS } from '../warnings';
import { endpoint } from './endpoint';

/**
 * 季度考核: scores per unit and quarter, publishing, adjustments, the scoring scheme, and the review
 * aggregates behind the charts. A published quarter is a frozen snapshot; any other quarter is
 * computed from the current data (plus stored adjustments) whenever it is read.
 */
export const levelFilterSchema = z.enum(['all', 'province', 'city']);
/** `province`: province departments; `city`: cities and their bureaus. */
export type LevelFilter = z.infer<typeof levelFilterSchema>;

export const quarterStateSchema = z.enum(['published', 'computed', 'running']);
export type QuarterState = z.infer<typeof quarterStateSchema>;

const num = (min: number, max: number) => z.number().min(min).max(max);
export const scoringSchemeSchema = z
  .object({
    base: num(0, 1000),
    overdueLead: num(-100, 0),
    overdueCo: num(-100, 0),
    missingReport: num(-100, 0),
    returnedReport: num(-100, 0),
    earlyBonus: num(0, 100),
    earlyDays: z.number().int().min(0).max(365),
    bonusCap: num(0, 100),
    adjustmentLimit: num(0, 50),
    min: num(0, 1000),
    max: num(0, 1000),
    bands: z.object({ excellent: num(0, 1000), good: num(0, 1000), fair: num(0, 1000) }),
  })
  .superRefine((s, ctx) => {
    for (const p of schemeProblems(s))
      ctx.addIssue({ code: 'custom', path: p.path.split('.'), message: p.message });
  });

const reviewQuerySchema = z.object({
  quarter: quarterSchema.optional(),
  level: levelFilterSchema.default('all'),
});
export type ReviewQuery = z.input<typeof reviewQuerySchema>;

export const quarterInfoSchema = z.object({
  quarter: quarterSchema,
  state: quarterStateSchema,
  publishedAt: instantSchema.nullable(),
});
export type QuarterInfo = z.infer<typeof quarterInfoSchema>;

export const quarterListSchema = z.object({
  /** The latest closed quarter: what the review opens on. */
  defaultQuarter: quarterSchema,
  quarters: z.array(quarterInfoSchema),
});

export const breakdownItemSchema = scoreItemSchema.extend({
  task: z.object({ id: idSchema, code: z.string(), title: z.string() }).nullable(),
});
export type BreakdownItem = z.infer<typeof breakdownItemSchema>;

export const unitAssessmentSchema = z.object({
  unitId: idSchema,
  unitName: z.string(),
  level: unitLevelSchema,
  rank: z.number().int().min(1),
  score: z.number(),
  rating: ratingSchema,
  /** The unit's score in the previous quarter, when it was scored then. */
  previousScore: z.number().nullable(),
  adjustment: adjustmentSchema.nullable(),
  breakdown: z.array(breakdownItemSchema),
});
export type UnitAssessment = z.infer<typeof unitAssessmentSchema>;

export const assessmentListSchema = z.object({
  quarter: quarterSchema,
  level: levelFilterSchema,
  state: quarterStateSchema,
  publishedAt: instantSchema.nullable(),
  asOf: dateSchema,
  adjustmentLimit: z.number(),
  items: z.array(unitAssessmentSchema),
});
export type AssessmentList = z.infer<typeof assessmentListSchema>;

const countsSchema = z.object({
  total: z.number().int(),
  done: z.number().int(),
  onTime: z.number().int(),
  due: z.number().int(),
  inProgress: z.number().int(),
  overdue: z.number().int(),
  completionRate: z.number(),
  onTimeRate: z.number(),
});
const groupRowSchema = countsSchema.extend({ key: z.string(), label: z.string() });
export type ReviewGroupRow = z.infer<typeof groupRowSchema>;

export const kpisSchema = countsSchema.extend({
  averageScore: z.number().nullable(),
  scoredUnits: z.number().int(),
});
export type Kpis = z.infer<typeof kpisSchema>;

export const reviewSchema = z.object({
  quarter: quarterSchema,
  level: levelFilterSchema,
  state: quarterStateSchema,
  publishedAt: instantSchema.nullable(),
  asOf: dateSchema,
  kpis: kpisSchema,
  /** The previous quarter's KPIs (same level), null for the first quarter. */
  previous: kpisSchema.extend({ quarter: quarterSchema }).nullable(),
  byUnit: z.array(groupRowSchema),
  byDirective: z.array(groupRowSchema.extend({ speaker: z.string().nullable() })),
  bySpeaker: z.array(groupRowSchema),
  byMeeting: z.array(groupRowSchema),
  warnings: z.record(z.enum(WARNING_KINDS as [string, ...string[]]), z.number().int()),
  trend: z.array(
    z.object({
      quarter: quarterSchema,
      completionRate: z.number(),
      onTimeRate: z.number(),
      overdue: z.number().int(),
      averageScore: z.number().nullable(),
    }),
  ),
  overdue: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        id: idSchema,
        code: z.string(),
        title: z.string(),
        unitName: z.string(),
        deadline: dateSchema,
        overdueDays: z.number().int(),
      }),
    ),
  }),
  sentBack: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        reportId: idSchema,
        taskId: idSchema,
        code: z.string(),
        title: z.string(),
        unitName: z.string(),
        period: z.string(),
        comment: z.string().nullable(),
        reviewedAt: dateSchema,
      }),
    ),
  }),
});
export type Review = z.infer<typeof reviewSchema>;

export const adjustmentBodySchema = z.object({
  points: z.number().refine(Number.isFinite, 'points must be a number'),
  reason: z.string().trim().min(2, 'a reason is required').max(500),
});

export const assessmentEndpoints = {
  assessmentQuarters: endpoint({
    method: 'GET',
    path: '/api/assessments/quarters',
    summary: 'Quarters that can be reviewed, with their state (published / computed / running)',
    response: quarterListSchema,
  }),
  assessments: endpoint({
    method: 'GET',
    path: '/api/assessments',
    summary: "Unit scores of a quarter with each point's rule and task; frozen once published",
    query: reviewQuerySchema,
    response: assessmentListSchema,
  }),
  publishQuarter: endpoint({
    method: 'POST',
    path: '/api/assessments/:quarter/publish',
    summary: 'Publish (发布) a closed quarter: freezes its scores (supervisor)',
    body: z.object({}),
    response: quarterInfoSchema,
  }),
  unpublishQuarter: endpoint({
    method: 'POST',
    path: '/api/assessments/:quarter/unpublish',
    summary: 'Withdraw a publication; a reason is required (supervisor)',
    body: z.object({ reason: z.string().trim().min(2, 'a reason is required').max(500) }),
    response: quarterInfoSchema,
  }),
  adjustAssessment: endpoint({
    method: 'PUT',
    path: '/api/assessments/:quarter/units/:unitId/adjustment',
    summary: "Set a unit's adjustment within the scheme's limit, with a reason; 0 removes it (supervisor)",
    body: adjustmentBodySchema,
    response: unitAssessmentSchema,
  }),
  scoringScheme: endpoint({
    method: 'GET',
    path: '/api/settings/scoring',
    summary: 'The scoring scheme in force (open to all: scores must explain themselves)',
    response: scoringSchemeSchema,
  }),
  updateScoringScheme: endpoint({
    method: 'PUT',
    path: '/api/settings/scoring',
    summary: 'Edit the scoring scheme (supervisor); published quarters keep their scores',
    body: scoringSchemeSchema,
    response: scoringSchemeSchema,
  }),
  review: endpoint({
    method: 'GET',
    path: '/api/review',
    summary: 'Aggregates for the review charts and report: KPIs, groupings, warnings, trend, lists',
    query: reviewQuerySchema,
    response: reviewSchema,
  }),
};
