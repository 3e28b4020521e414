import { z } from 'zod';
import { reminderChannelsSchema, reminderPrefsSchema, reminderRulesSchema } from '../domain/reminders/rules';
import {
  assessmentSchema,
  auditEntrySchema,
  directiveSchema,
  meetingSchema,
  personSchema,
  progressReportSchema,
  taskSchema,
  unitSchema,
} from '../domain/schemas';
import { DEFAULT_SCHEME } from '../domain/scoring';

/**
 * Everything the service stores, as one value: the demo store keeps it in memory, the PostgreSQL
 * store keeps one table per collection and loads it back into this shape.
 */
/** Bump when the stored shape changes, and add a step to the demo store's migrations. */
export const DB_VERSION = 1;

export const scoringSchemeSchema = z.object({
  base: z.number(),
  overdueLead: z.number().max(0),
  overdueCo: z.number().max(0),
  missingReport: z.number().max(0),
  returnedReport: z.number().max(0),
  earlyBonus: z.number().min(0),
  earlyDays: z.number().int().min(0),
  bonusCap: z.number().min(0),
  adjustmentLimit: z.number().min(0),
  min: z.number(),
  max: z.number(),
  bands: z.object({ excellent: z.number(), good: z.number(), fair: z.number() }),
});

export const reminderSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  at: z.string(),
  byId: z.string(),
  message: z.string().nullable(),
});
export type Reminder = z.infer<typeof reminderSchema>;

export const dbSchema = z.object({
  version: z.literal(DB_VERSION),
  dataset: z.enum(['seed', 'large']),
  units: z.array(unitSchema),
  people: z.array(personSchema),
  meetings: z.array(meetingSchema),
  directives: z.array(directiveSchema),
  tasks: z.array(taskSchema),
  reports: z.array(progressReportSchema),
  assessments: z.array(assessmentSchema),
  audit: z.array(auditEntrySchema),
  settings: z.object({
    scoring: scoringSchemeSchema,
    /** 催办 rules (defaults in src/domain/reminders/rules.ts fill what is not stored). */
    reminders: reminderRulesSchema.partial().optional(),
    /** Each person's reminder preferences, by person id. */
    reminderPrefs: z.record(z.string(), reminderPrefsSchema).optional(),
    /** The units' group robots (secrets: never returned by the API). */
    reminderChannels: reminderChannelsSchema.optional(),
  }),
  /** 催办 reminders sent from the ledger; optional so data stored before they existed still loads. */
  reminders: z.array(reminderSchema).optional(),
  /** 上下贯通 suggestions a supervisor rejected: directive id → rejected higher-level ids. Optional: older data loads. */
  alignmentDismissed: z.record(z.string(), z.array(z.string())).optional(),
  /** Counters for readable ids (T-0071, R-0412, ...). */
  seq: z.record(z.string(), z.number().int()),
});
export type Db = z.infer<typeof dbSchema>;

export const DEFAULT_SETTINGS: Db['settings'] = { scoring: DEFAULT_SCHEME };

/** The collections of entities with an `id`, each one table in PostgreSQL. */
export const ENTITY_TABLES = [
  'units',
  'people',
  'meetings',
  'directives',
  'tasks',
  'reports',
  'assessments',
  'reminders',
  'audit',
] as const;
export type EntityTable = (typeof ENTITY_TABLES)[number];
export type EntityOf<T extends EntityTable> = NonNullable<Db[T]>[number];
