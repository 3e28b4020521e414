import { api, type ChannelSettings, OUTBOX_STATES } from '../../domain/contract';
import { can } from '../../domain/permissions';
import {
  prefsOf,
  type ReminderChannels,
  type ReminderRules,
  rulesOf,
  webhooksOf,
  webhookUrlProblem,
} from '../../domain/reminders/rules';
import type { ReadCtx } from '../context';
import type { Db } from '../db';
import { okBody, refuse } from '../result';
import { defineRead, defineWrite } from '../runner';
import { forbidden } from './common';

const noQueue = () => refuse('not-found', '此后端没有提醒发送队列 (no reminder queue)');

export const outbox = defineRead(api.outbox, async (ctx) => {
  if (!ctx.outbox)
    return { items: [], total: 0, page: ctx.query.page, pageSize: ctx.query.pageSize, counts: {} };
  const { items, total, counts } = await ctx.outbox.list(ctx.query);
  const all = Object.fromEntries(OUTBOX_STATES.map((s) => [s, counts[s] ?? 0]));
  return { items, total, page: ctx.query.page, pageSize: ctx.query.pageSize, counts: all };
});

export const resendReminder = defineWrite(
  api.resendReminder,
  'reminder.resend',
  (p) => `outbox:${p.id}`,
  async (ctx) => {
    if (!can(ctx.actor, 'task.remind')) return forbidden('重发提醒');
    const reader = ctx.tx.outbox;
    if (!reader) return noQueue();
    const m = await reader.get(ctx.params.id ?? '');
    if (!m) return refuse('not-found', `发送记录不存在：${ctx.params.id}`);
    if (m.state === 'sending')
      return refuse('conflict', '该消息正在发送，请稍后再试 (being sent)', { current: m });
    ctx.tx.outboxOp({ kind: 'resend', id: m.id, atMs: ctx.nowMs });
    return okBody(
      { ...m, state: 'queued', attempts: 0, nextAttemptAt: ctx.now, lastError: null, resent: m.resent + 1 },
      {
        detail: `${m.channel} → ${m.recipientName}（${m.state}，${m.attempts} 次）${m.items.map((i) => i.code).join(', ')}`,
      },
    );
  },
);

export const reminderRules = defineRead(api.reminderRules, ({ data }) => rulesOf(data.settings));

/** People named in the rules must exist (a typo would silently drop someone's reminders). */
function unknownPeople(data: Db, rules: ReminderRules) {
  const ids = new Set(data.people.map((p) => p.id));
  const units = new Set(data.units.map((u) => u.id));
  const bad: { path: string; message: string }[] = [];
  for (const [field, map] of [
    ['unitContacts', rules.unitContacts],
    ['unitHeads', rules.unitHeads],
  ] as const)
    for (const [unit, person] of Object.entries(map)) {
      if (!units.has(unit)) bad.push({ path: `${field}.${unit}`, message: 'unknown unit' });
      else if (!ids.has(person)) bad.push({ path: `${field}.${unit}`, message: 'unknown person' });
    }
  return bad;
}

export const updateReminderRules = defineWrite(
  api.updateReminderRules,
  'settings.reminders',
  () => 'settings:reminders',
  (ctx) => {
    if (!can(ctx.actor, 'settings.update')) return forbidden('修改催办规则');
    const bad = unknownPeople(ctx.data, ctx.body);
    if (bad.length) return refuse('bad-request', '规则中的单位或人员不存在', { fields: bad });
    const old = rulesOf(ctx.data.settings) as Record<string, unknown>;
    const next = { ...ctx.body, dueSoonDays: [...ctx.body.dueSoonDays].sort((a, b) => b - a) };
    const changed = Object.keys(next).filter(
      (k) => JSON.stringify(old[k]) !== JSON.stringify((next as Record<string, unknown>)[k]),
    );
    ctx.tx.setSettings({ ...ctx.data.settings, reminders: next });
    return okBody(next, {
      detail: changed.length
        ? changed
            .map(
              (k) =>
                `${k}: ${JSON.stringify(old[k])} → ${JSON.stringify((next as Record<string, unknown>)[k])}`,
            )
            .join('; ')
        : '未修改',
    });
  },
);

export const myReminderPrefs = defineRead(api.myReminderPrefs, ({ data, actor }) =>
  prefsOf(data.settings, actor.id),
);

export const updateMyReminderPrefs = defineWrite(
  api.updateMyReminderPrefs,
  'reminder.preferences',
  () => 'preferences',
  (ctx) => {
    ctx.target = `person:${ctx.actor.id}`;
    if (!ctx.data.people.some((p) => p.id === ctx.actor.id)) return forbidden('设置提醒');
    if (ctx.body.channels.email && !ctx.body.email)
      return refuse('bad-request', '选择邮件提醒需要填写邮箱地址', {
        fields: [{ path: 'email', message: 'an address is needed for e-mail' }],
      });
    ctx.tx.setSettings({
      ...ctx.data.settings,
      reminderPrefs: { ...ctx.data.settings.reminderPrefs, [ctx.actor.id]: ctx.body },
    });
    const b = ctx.body;
    return okBody(b, {
      detail: `email:${b.channels.email ? 'on' : 'off'} webhook:${b.channels.webhook ? 'on' : 'off'} digest:${b.digest ? 'on' : 'off'} quiet:${b.quiet ? `${b.quiet.start}-${b.quiet.end}` : 'none'} lang:${b.lang}`,
    });
  },
);

function channelSettings(ctx: Pick<ReadCtx, 'delivery'>, data: Db): ChannelSettings {
  const hooks = webhooksOf(data.settings);
  return {
    email: { available: ctx.delivery.email, from: ctx.delivery.emailFrom, simulated: ctx.delivery.simulated },
    webhooks: Object.entries(hooks).map(([unitId, h]) => ({
      unitId,
      kind: h.kind,
      host: hostOf(h.url),
      hasSecret: !!h.secret,
    })),
  };
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
};

export const reminderChannels = defineRead(api.reminderChannels, (ctx) => channelSettings(ctx, ctx.data));

export const updateReminderChannel = defineWrite(
  api.updateReminderChannel,
  'settings.webhook',
  (p) => `unit:${p.unitId}`,
  (ctx) => {
    if (!can(ctx.actor, 'settings.update')) return forbidden('设置群机器人');
    const unitId = ctx.params.unitId ?? '';
    if (!ctx.data.units.some((u) => u.id === unitId)) return refuse('not-found', `单位不存在：${unitId}`);
    const b = ctx.body;
    const hooks = { ...webhooksOf(ctx.data.settings) };
    const old = hooks[unitId];
    let detail: string;
    if (b.remove) {
      delete hooks[unitId];
      detail = 'removed';
    } else {
      const url = b.url ?? old?.url;
      const kind = b.kind ?? old?.kind;
      if (!url || !kind)
        return refuse('bad-request', '请填写机器人类型和地址', {
          fields: [{ path: url ? 'kind' : 'url', message: 'required' }],
        });
      const problem = webhookUrlProblem(url, ctx.delivery.localWebhooks === true);
      if (problem)
        return refuse('bad-request', `机器人地址无效：${problem}`, {
          fields: [{ path: 'url', message: problem }],
        });
      const secret = b.secret === undefined ? (old?.secret ?? null) : b.secret || null;
      hooks[unitId] = { kind, url, secret };
      // The address and the secret are secrets: the log names the host and what changed, never them.
      detail = `${kind} ${hostOf(url)}${b.url !== undefined ? ' (address set)' : ''}${b.secret !== undefined ? ` (secret ${secret ? 'set' : 'cleared'})` : ''}`;
    }
    const reminderChannels: ReminderChannels = { webhooks: hooks };
    ctx.tx.setSettings({ ...ctx.data.settings, reminderChannels });
    return okBody(channelSettings(ctx, ctx.tx.data), { detail });
  },
);
