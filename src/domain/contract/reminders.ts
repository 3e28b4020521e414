import { z } from 'zod';
import {
  CHANNELS,
  REMINDER_RULES,
  reminderPrefsSchema,
  reminderRulesSchema,
  WEBHOOK_KINDS,
} from '../reminders/rules';
import { dateSchema, idSchema, instantSchema } from '../schemas';
import { endpoint, pageSchema } from './endpoint';

/**
 * 催办 delivery: the outbox (发送记录) of every e-mail and group-robot message, the rules (督查室,
 * audited), each person's own preferences, and the channels' settings, whose secrets are write-only.
 */
export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'failed', 'dead'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
export const outboxStateSchema = z.enum(OUTBOX_STATES);
export const outboxRuleSchema = z.enum([...REMINDER_RULES, 'digest']);
export const channelSchema = z.enum(CHANNELS);

export const outboxItemSchema = z.object({
  /** The idempotency key: rule | task | recipient | day (or the 催办's id) | channel. */
  key: z.string(),
  rule: z.enum(REMINDER_RULES),
  taskId: idSchema,
  code: z.string(),
  title: z.string(),
  day: dateSchema,
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export const outboxMessageSchema = z.object({
  id: z.string(),
  /** One reminder, or a daily digest of several. */
  kind: z.enum(['single', 'digest']),
  rule: outboxRuleSchema,
  channel: channelSchema,
  recipientId: idSchema,
  recipientName: z.string(),
  /** The e-mail address, or the unit whose group robot receives it (its address is never shown). */
  target: z.string(),
  lang: z.enum(['zh', 'en']),
  state: outboxStateSchema,
  attempts: z.number().int().min(0),
  /** When the next attempt is due (queued and failed messages). */
  nextAttemptAt: instantSchema.nullable(),
  lastError: z.string().nullable(),
  createdAt: instantSchema,
  sentAt: instantSchema.nullable(),
  /** How often the 督查室 sent it again by hand. */
  resent: z.number().int().min(0),
  items: z.array(outboxItemSchema),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const outboxQuerySchema = z.object({
  channel: channelSchema.optional(),
  state: outboxStateSchema.optional(),
  rule: outboxRuleSchema.optional(),
  taskId: idSchema.optional(),
  recipientId: idSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type OutboxQuery = z.input<typeof outboxQuerySchema>;
export type OutboxFilter = z.output<typeof outboxQuerySchema>;

export const outboxPageSchema = pageSchema(outboxMessageSchema).extend({
  /** Messages per state under the same filters but the state's own. */
  counts: z.record(z.string(), z.number().int().min(0)),
});
export type OutboxPage = z.infer<typeof outboxPageSchema>;

export const channelSettingsSchema = z.object({
  /** E-mail works when the server has SMTP (LUOSHI_SMTP_URL); the demo simulates it. */
  email: z.object({ available: z.boolean(), from: z.string().nullable(), simulated: z.boolean() }),
  webhooks: z.array(
    z.object({
      unitId: idSchema,
      kind: z.enum(WEBHOOK_KINDS),
      /** Only the host, e.g. `qyapi.weixin.qq.com`: the full address holds the robot's key. */
      host: z.string(),
      hasSecret: z.boolean(),
    }),
  ),
});
export type ChannelSettings = z.infer<typeof channelSettingsSchema>;

export const webhookBodySchema = z.object({
  /** Remove the unit's robot. */
  remove: z.boolean().optional(),
  kind: z.enum(WEBHOOK_KINDS).optional(),
  /** Omitted: keep the stored address. */
  url: z.string().max(500).optional(),
  /** Omitted: keep; null: clear (DingTalk 加签 secret). */
  secret: z.string().max(200).nullable().optional(),
});
export type WebhookBody = z.infer<typeof webhookBodySchema>;

export const reminderEndpoints = {
  outbox: endpoint({
    method: 'GET',
    path: '/api/reminders/outbox',
    summary: 'The outbox (发送记录): every reminder message, newest first (督查室)',
    query: outboxQuerySchema,
    response: outboxPageSchema,
  }),
  resendReminder: endpoint({
    method: 'POST',
    path: '/api/reminders/outbox/:id/resend',
    summary: 'Send a message again now, with fresh attempts (督查室; not while it is being sent)',
    response: outboxMessageSchema,
  }),
  reminderRules: endpoint({
    method: 'GET',
    path: '/api/reminders/rules',
    summary: 'The 催办 rules: when reminders fire and whom they reach',
    response: reminderRulesSchema,
  }),
  updateReminderRules: endpoint({
    method: 'PUT',
    path: '/api/reminders/rules',
    summary: 'Change the 催办 rules (督查室; audited)',
    body: reminderRulesSchema,
    response: reminderRulesSchema,
  }),
  myReminderPrefs: endpoint({
    method: 'GET',
    path: '/api/reminders/preferences',
    summary: "The caller's reminder preferences: channels, digest, quiet hours, language",
    response: reminderPrefsSchema,
  }),
  updateMyReminderPrefs: endpoint({
    method: 'PUT',
    path: '/api/reminders/preferences',
    summary: "Change the caller's own reminder preferences",
    body: reminderPrefsSchema,
    response: reminderPrefsSchema,
  }),
  reminderChannels: endpoint({
    method: 'GET',
    path: '/api/reminders/channels',
    summary:
      'Delivery channels: e-mail availability and the units’ group robots, without their secrets (督查室)',
    response: channelSettingsSchema,
  }),
  updateReminderChannel: endpoint({
    method: 'PUT',
    path: '/api/reminders/channels/:unitId',
    summary:
      "Set or remove a unit's group robot (企业微信 / 钉钉); the address and secret are write-only (督查室; audited)",
    body: webhookBodySchema,
    response: channelSettingsSchema,
  }),
};
