import { z } from 'zod';
import { idSchema } from '../schemas';

/**
 * 催办 rules, one place: which reminders exist, when they fire, whom they reach. The 督查室 edits them
 * (audited); what is not stored falls back to these defaults, so an older database needs no migration.
 */
export const REMINDER_RULES = ['due-soon', 'overdue', 'report-due', 'returned', 'manual'] as const;
export type ReminderRule = (typeof REMINDER_RULES)[number];

/** Delivery channels with an outbox. In-app (我的待办) always shows the same items and needs none. */
export const CHANNELS = ['email', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A time of day in Beijing time, `HH:MM`. */
export const hhmmSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM');

export const reminderRulesSchema = z.object({
  /** Which rules run at all (manual 催办 is a supervisor's own act; it can be muted here too). */
  enabled: z.object({
    'due-soon': z.boolean(),
    overdue: z.boolean(),
    'report-due': z.boolean(),
    returned: z.boolean(),
    manual: z.boolean(),
  }),
  /** 临期: days before the deadline, e.g. [7, 3]. */
  dueSoonDays: z
    .array(z.number().int().min(1).max(90))
    .max(5)
    .refine((a) => new Set(a).size === a.length, 'days must differ'),
  /** 逾期: the first day after the deadline, then every N days (7 = weekly). */
  overdueEveryDays: z.number().int().min(1).max(90),
  /** 报送: N days before the reporting period's cut-off (its last day), if no report yet. */
  reportDueDays: z.number().int().min(0).max(27),
  /** 退回: a sent-back report not resubmitted N days after it was sent back. */
  returnedAfterDays: z.number().int().min(1).max(60),
  /** After K reminders about one task, the lead unit's head is reminded too. */
  escalateAfter: z.number().int().min(1).max(50),
  /** Remind the cooperating units' contacts as well as the lead unit's. */
  includeCoUnits: z.boolean(),
  /** When the day's calendar reminders go out, and the digest. */
  sendAt: hhmmSchema,
  digestAt: hhmmSchema,
  /** Delivery attempts before a message is dead (dead-letter). */
  maxAttempts: z.number().int().min(1).max(20),
  /** Per unit: who is its contact (default: its first staff member) and its head (escalation). */
  unitContacts: z.record(idSchema, idSchema),
  unitHeads: z.record(idSchema, idSchema),
});
export type ReminderRules = z.infer<typeof reminderRulesSchema>;

export const DEFAULT_REMINDER_RULES: ReminderRules = {
  enabled: { 'due-soon': true, overdue: true, 'report-due': true, returned: true, manual: true },
  dueSoonDays: [7, 3],
  overdueEveryDays: 7,
  reportDueDays: 3,
  returnedAfterDays: 3,
  escalateAfter: 3,
  includeCoUnits: false,
  sendAt: '08:30',
  digestAt: '09:00',
  maxAttempts: 5,
  unitContacts: {},
  unitHeads: {},
};

/** A person's choices. E-mail needs an address; the webhook is the unit's group robot. */
export const reminderPrefsSchema = z.object({
  email: z.email('not an e-mail address').max(200).nullable(),
  channels: z.object({ email: z.boolean(), webhook: z.boolean() }),
  /** One message at the digest time listing the day's items instead of one per item. */
  digest: z.boolean(),
  /** Nothing is sent from `start` to `end` (may span midnight, e.g. 22:00–07:30). */
  quiet: z.object({ start: hhmmSchema, end: hhmmSchema }).nullable(),
  lang: z.enum(['zh', 'en']),
});
export type ReminderPrefs = z.infer<typeof reminderPrefsSchema>;

export const DEFAULT_PREFS: ReminderPrefs = {
  email: null,
  channels: { email: true, webhook: false },
  digest: false,
  quiet: null,
  lang: 'zh',
};

export const WEBHOOK_KINDS = ['wecom', 'dingtalk'] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

/** A unit's group robot. `url` carries the robot's key and `secret` DingTalk's signing secret: never shown back. */
export const webhookSchema = z.object({
  kind: z.enum(WEBHOOK_KINDS),
  url: z.string().max(500),
  secret: z.string().max(200).nullable(),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const reminderChannelsSchema = z.object({ webhooks: z.record(idSchema, webhookSchema) });
export type ReminderChannels = z.infer<typeof reminderChannelsSchema>;

/**
 * A robot address is accepted over https; over http only to this machine and only where the
 * deployment allows it (local receivers in tests) — plain http would send the robot's key in clear
 * text, and a loopback address lets whoever sets robots make the server call its own local services.
 */
export function webhookUrlProblem(url: string, allowLocalHttp = false): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (u.protocol === 'https:') return null;
  const loopback = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(u.hostname);
  return u.protocol === 'http:' && loopback && allowLocalHttp ? null : 'must be https://';
}

interface SettingsLike {
  reminders?: Partial<ReminderRules>;
  reminderPrefs?: Record<string, ReminderPrefs>;
  reminderChannels?: ReminderChannels;
}

export function rulesOf(settings: SettingsLike): ReminderRules {
  return { ...DEFAULT_REMINDER_RULES, ...settings.reminders };
}

export function prefsOf(settings: SettingsLike, personId: string): ReminderPrefs {
  return settings.reminderPrefs?.[personId] ?? DEFAULT_PREFS;
}

export function webhooksOf(settings: SettingsLike): Record<string, Webhook> {
  return settings.reminderChannels?.webhooks ?? {};
}
