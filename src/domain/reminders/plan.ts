import type { Person } from '../schemas';
import { type DueReminder, dueReminders, type ReminderData, reminderKey } from './due';
import type { Lang } from './render';
import {
  type Channel,
  prefsOf,
  type ReminderChannels,
  type ReminderPrefs,
  type ReminderRules,
  rulesOf,
  webhooksOf,
} from './rules';
import { afterQuiet, digestSendAt, digestSlot, singleSendAt } from './schedule';

/** One reminder on one channel, ready for the queue: who, where, when, and the facts to render. */
export interface PlannedItem extends DueReminder {
  key: string;
  channel: Channel;
  recipientName: string;
  /** The e-mail address, or the unit id whose group robot gets it (its address stays in settings). */
  target: string;
  lang: Lang;
  /** Goes out alone at this instant, unless `digest` is set. */
  sendAtMs: number;
  /** Joins the recipient's daily digest of this slot (a day) on this channel. */
  digest: { slot: string; sendAtMs: number; at: string; quiet: ReminderPrefs['quiet'] } | null;
}

export interface PlanInput extends ReminderData {
  settings: {
    reminders?: Partial<ReminderRules>;
    reminderPrefs?: Record<string, ReminderPrefs>;
    reminderChannels?: ReminderChannels;
  };
}

/** Which channels this deployment can deliver on (no SMTP configured → no e-mail is queued). */
export interface ChannelsAvailable {
  email: boolean;
  webhook: boolean;
}

/**
 * Today's reminders on each person's channels, with send times: the calendar rules at `sendAt`, a
 * manual 催办 at once (never held for the digest: the 督查室 asked for it now), both after the
 * person's quiet hours; digest readers get the rest in one message at `digestAt`.
 */
export function planReminders(
  data: PlanInput,
  day: string,
  nowMs: number,
  available: ChannelsAvailable,
): PlannedItem[] {
  const rules = rulesOf(data.settings);
  const hooks = webhooksOf(data.settings);
  const people = new Map<string, Person>(data.people.map((p) => [p.id, p]));
  const out: PlannedItem[] = [];
  for (const due of dueReminders(data, day, rules)) {
    const person = people.get(due.recipientId)!;
    const prefs = prefsOf(data.settings, person.id);
    const targets: [Channel, string][] = [];
    if (available.email && prefs.channels.email && prefs.email) targets.push(['email', prefs.email]);
    if (available.webhook && prefs.channels.webhook && hooks[person.unitId])
      targets.push(['webhook', person.unitId]);
    for (const [channel, target] of targets) {
      const manual = due.rule === 'manual';
      const sendAtMs = manual
        ? afterQuiet(Math.max(nowMs, Date.parse(due.at ?? '') || nowMs), prefs.quiet)
        : singleSendAt(day, nowMs, rules.sendAt, prefs.quiet);
      const slot = prefs.digest && !manual ? digestSlot(nowMs, rules.digestAt) : null;
      out.push({
        ...due,
        key: reminderKey(due, channel),
        channel,
        recipientName: person.name,
        target,
        lang: prefs.lang,
        sendAtMs,
        digest: slot
          ? {
              slot,
              sendAtMs: digestSendAt(slot, rules.digestAt, prefs.quiet),
              at: rules.digestAt,
              quiet: prefs.quiet,
            }
          : null,
      });
    }
  }
  return out;
}
