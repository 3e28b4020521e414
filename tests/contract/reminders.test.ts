import { describe, expect, it } from 'vitest';
import { ApiError, call, setIdentity } from '../../src/api/client';
import { api } from '../../src/domain/contract';
import { DEFAULT_PREFS, DEFAULT_REMINDER_RULES } from '../../src/domain/reminders';
import { againstBackend, digest, runReminderJobs, stored } from './backend';

againstBackend();

async function expectStatus(p: Promise<unknown>, status: number): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).status).toBe(status);
    return e as ApiError;
  }
  throw new Error(`expected HTTP ${status}, got success`);
}
const lastAudit = () => stored().audit.at(-1)!;

describe('reminders: outbox, rules, preferences, channels', () => {
  it('only the 督查室 reads the outbox and the channels; everyone reads the rules and their own preferences', async () => {
    for (const who of ['u-leader', 'u-kjt']) {
      setIdentity(who);
      await expectStatus(call(api.outbox, { query: {} }), 403);
      await expectStatus(call(api.reminderChannels), 403);
      expect((await call(api.reminderRules)).dueSoonDays).toEqual([7, 3]);
      expect(await call(api.myReminderPrefs)).toMatchObject({ email: `${who.slice(2)}@luoshi.example` });
    }
  });

  it('a manual 催办 reaches the outbox as sent; filters and paging; a resend is queued again and audited', async () => {
    const t = stored().tasks.find((x) => x.status === 'in-progress')!;
    await call(api.bulkTasks, {
      body: { action: 'remind', items: [{ id: t.id, version: t.version }], message: '请加快' },
    });
    await runReminderJobs();
    const page = await call(api.outbox, { query: { rule: 'manual' } });
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((m) => m.rule === 'manual' && m.state === 'sent' && m.attempts === 1)).toBe(true);
    expect(page.items[0]!.items[0]).toMatchObject({ taskId: t.id, code: t.code });
    expect(page.counts.sent).toBe(page.total);
    const one = await call(api.outbox, { query: { rule: 'manual', pageSize: 1, page: 1 } });
    expect(one.items).toHaveLength(1);
    expect(one.total).toBe(page.total);
    expect((await call(api.outbox, { query: { state: 'dead' } })).total).toBe(0);
    const again = await call(api.resendReminder, { params: { id: page.items[0]!.id } });
    expect(again).toMatchObject({ state: 'queued', attempts: 0, resent: 1 });
    expect(lastAudit()).toMatchObject({
      action: 'reminder.resend',
      outcome: 'ok',
      target: `outbox:${again.id}`,
    });
    expect((await call(api.outbox, { query: { state: 'queued' } })).items.map((m) => m.id)).toContain(
      again.id,
    );
    await expectStatus(call(api.resendReminder, { params: { id: '999999' } }), 404);
    setIdentity('u-kjt');
    await expectStatus(call(api.resendReminder, { params: { id: again.id } }), 403);
    expect(lastAudit()).toMatchObject({ action: 'reminder.resend', outcome: 'denied' });
  });

  it('rules: the 督查室 changes them (audited with what changed); others are refused and nothing changes', async () => {
    const next = { ...DEFAULT_REMINDER_RULES, dueSoonDays: [3, 10], escalateAfter: 2 };
    expect((await call(api.updateReminderRules, { body: next })).dueSoonDays).toEqual([10, 3]);
    expect(lastAudit()).toMatchObject({ action: 'settings.reminders', outcome: 'ok' });
    expect(lastAudit().detail).toContain('escalateAfter: 3 → 2');
    expect((await call(api.reminderRules)).escalateAfter).toBe(2);
    await expectStatus(
      call(api.updateReminderRules, { body: { ...next, unitHeads: { 'p-kjt': 'u-nobody' } } }),
      400,
    );
    setIdentity('u-kjt');
    const before = digest();
    await expectStatus(call(api.updateReminderRules, { body: DEFAULT_REMINDER_RULES }), 403);
    expect(digest()).toBe(before);
  });

  it('preferences are each person’s own; e-mail needs an address', async () => {
    setIdentity('u-kjt');
    const mine = {
      ...DEFAULT_PREFS,
      email: 'liu@unit.example',
      digest: true,
      quiet: { start: '22:00', end: '07:30' },
      lang: 'en' as const,
    };
    expect(await call(api.updateMyReminderPrefs, { body: mine })).toEqual(mine);
    expect(await call(api.myReminderPrefs)).toEqual(mine);
    expect(lastAudit()).toMatchObject({
      action: 'reminder.preferences',
      target: 'person:u-kjt',
      outcome: 'ok',
    });
    await expectStatus(call(api.updateMyReminderPrefs, { body: { ...mine, email: null } }), 400);
    setIdentity('u-fgw');
    expect((await call(api.myReminderPrefs)).digest).toBe(false);
  });

  it('a group robot: its address and secret are write-only; http only to this machine', async () => {
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=TOP-SECRET';
    const set = await call(api.updateReminderChannel, {
      params: { unitId: 'p-kjt' },
      body: { kind: 'wecom', url },
    });
    expect(set.webhooks).toEqual([
      { unitId: 'p-kjt', kind: 'wecom', host: 'qyapi.weixin.qq.com', hasSecret: false },
    ]);
    expect(JSON.stringify(await call(api.reminderChannels))).not.toContain('TOP-SECRET');
    expect(lastAudit().detail).not.toContain('TOP-SECRET');
    const signed = await call(api.updateReminderChannel, {
      params: { unitId: 'p-kjt' },
      body: { kind: 'dingtalk', secret: 'S' },
    });
    expect(signed.webhooks[0]).toMatchObject({
      kind: 'dingtalk',
      hasSecret: true,
      host: 'qyapi.weixin.qq.com',
    });
    await expectStatus(
      call(api.updateReminderChannel, {
        params: { unitId: 'p-kjt' },
        body: { kind: 'wecom', url: 'http://robot.example/x' },
      }),
      400,
    );
    await expectStatus(
      call(api.updateReminderChannel, { params: { unitId: 'p-none' }, body: { remove: true } }),
      404,
    );
    expect(
      (await call(api.updateReminderChannel, { params: { unitId: 'p-kjt' }, body: { remove: true } }))
        .webhooks,
    ).toEqual([]);
  });
});
