// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/serve';
import type { PgStore } from '../../server/store/pg-store';
import { addDays } from '../../src/domain/dates';
import {
  atTime,
  DEFAULT_PREFS,
  DEFAULT_REMINDER_RULES,
  type PlannedItem,
  planReminders,
  renderMessage,
  taskLink,
} from '../../src/domain/reminders';
import { createTestDatabase, dropTestDatabase, IN_CI, pgReachable } from './pg-harness';
import { type HttpReceiver, httpReceiver, type SmtpReceiver, smtpReceiver } from './receivers';

/**
 * 催办 delivery end to end, on PGlite and on PostgreSQL: local SMTP and HTTP receivers (127.0.0.1),
 * the injected clock moved day by day across the seed quarter (2024Q2), the jobs stepped by hand.
 * PostgreSQL runs two server processes on one database, ticking together; both backends restart
 * their server in the middle of the quarter.
 */
const PUBLIC = 'https://luoshi.test';
const fastPasswords = {
  dummyHash: 'x',
  hash: async (p: string) => `plain:${p}`,
  verify: async (h: string, p: string) => h === `plain:${p}`,
};

const backends = ['pglite', 'postgres'] as const;

describe.each(backends)('reminders on %s', (backend) => {
  let now = atTime('2024-03-31', '12:00');
  const clock = () => now;
  let smtp: SmtpReceiver;
  let hook: HttpReceiver;
  let servers: RunningServer[] = [];
  let databaseUrl: string | undefined;
  let dbName: string | null = null;
  let dataDir: string | null = null;

  const start = () =>
    startServer({
      host: '127.0.0.1',
      port: 0,
      databaseUrl,
      dataDir: dataDir ?? undefined,
      clock,
      quiet: true,
      print: () => {},
      distDir: '/nonexistent',
      testIdentityHeader: true,
      passwords: fastPasswords,
      jobs: {
        smtpUrl: `smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`,
        smtpFrom: 'luoshi@luoshi.test',
        publicUrl: PUBLIC,
        intervalMs: 0,
        timeoutMs: 2_000,
        allowLocalWebhooks: true,
      },
    });
  const tickAll = () => Promise.all(servers.map((s) => s.jobs!.tick()));

  async function send(method: string, path: string, as: string, body?: unknown) {
    const s = servers[0]!;
    const res = await fetch(`${s.url}${path}`, {
      method,
      headers: {
        Origin: s.url,
        'X-Luoshi-User': as,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: res.status,
      json: (await res.json()) as Record<string, unknown> & { items?: unknown[] },
    };
  }
  const outbox = async (q = '') =>
    (await send('GET', `/api/reminders/outbox?pageSize=200${q}`, 'u-sup')).json as unknown as {
      items: {
        id: string;
        state: string;
        attempts: number;
        lastError: string | null;
        channel: string;
        items: { taskId: string }[];
      }[];
      total: number;
      counts: Record<string, number>;
    };

  beforeAll(async () => {
    smtp = await smtpReceiver(clock);
    hook = await httpReceiver(clock);
    if (backend === 'postgres') {
      if (!(await pgReachable()) && IN_CI) throw new Error('PostgreSQL is not reachable on 127.0.0.1:5432');
      const db = await createTestDatabase();
      databaseUrl = db.url;
      dbName = db.name;
      servers = [await start(), await start()];
    } else {
      dataDir = join(mkdtempSync(join(tmpdir(), 'luoshi-rem-')), 'data');
      servers = [await start()];
    }
  }, 120_000);
  afterAll(async () => {
    for (const s of servers) await s.close();
    await smtp?.close();
    await hook?.close();
    if (dbName) await dropTestDatabase(dbName);
    if (dataDir) rmSync(join(dataDir, '..'), { recursive: true, force: true });
  }, 60_000);

  it('settings: robots per unit (secrets never shown back) and each person’s preferences', async () => {
    const wecom = await send('PUT', '/api/reminders/channels/p-kjt', 'u-sup', {
      kind: 'wecom',
      url: `${hook.url}/kjt?key=SECRET-KEY`,
    });
    expect(wecom.status).toBe(200);
    const ding = await send('PUT', '/api/reminders/channels/c-fy', 'u-sup', {
      kind: 'dingtalk',
      url: `${hook.url}/fy?access_token=TOKEN`,
      secret: 'SEC-123',
    });
    expect(ding.status).toBe(200);
    const shown = JSON.stringify((await send('GET', '/api/reminders/channels', 'u-sup')).json);
    expect(shown).not.toMatch(/SECRET-KEY|TOKEN|SEC-123/);
    expect(shown).toContain('"hasSecret":true');
    expect(
      (
        await send('PUT', '/api/reminders/channels/p-kjt', 'u-kjt', {
          kind: 'wecom',
          url: 'https://x.example/',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await send('PUT', '/api/reminders/channels/p-kjt', 'u-sup', {
          kind: 'wecom',
          url: 'http://example.com/',
        })
      ).status,
    ).toBe(400);
    const prefs = (who: string, patch: object) =>
      send('PUT', '/api/reminders/preferences', who, {
        ...DEFAULT_PREFS,
        email: `${who.slice(2)}@luoshi.example`,
        ...patch,
      });
    expect((await prefs('u-kjt', { channels: { email: true, webhook: true } })).status).toBe(200);
    expect((await prefs('u-fy', { digest: true, channels: { email: true, webhook: true } })).status).toBe(
      200,
    );
    expect((await prefs('u-zzb', { quiet: { start: '00:00', end: '11:00' } })).status).toBe(200);
    expect((await prefs('u-czt', { lang: 'en' })).status).toBe(200);
    expect((await send('GET', '/api/reminders/preferences', 'u-fy')).json).toMatchObject({ digest: true });
  });

  it('across the quarter, day by day: every reminder arrives once, to the right person, with subject and link', async () => {
    const data = await (servers[0]!.store as PgStore).loadFresh();
    const planned: PlannedItem[] = [];
    for (let day = '2024-04-01'; day <= '2024-06-30'; day = addDays(day, 1)) {
      planned.push(...planReminders(data, day, atTime(day, '00:10'), { email: true, webhook: true }));
      for (const t of ['00:10', '10:00', '12:00']) {
        now = atTime(day, t);
        await tickAll();
        // The restart in the middle: today's items are queued (due 08:30), none delivered yet.
        if (day === '2024-05-15' && t === '00:10') {
          await servers[0]!.close();
          servers[0] = await start();
        }
      }
    }
    const singles = planned.filter((p) => !p.digest);
    const digests = new Map<string, PlannedItem[]>();
    for (const p of planned.filter((x) => x.digest)) {
      const k = `${p.recipientId}|${p.channel}|${p.digest!.slot}`;
      digests.set(k, [...(digests.get(k) ?? []), p]);
    }
    const mailOf = (to: string, text: string) => smtp.mails.filter((m) => m.to === to && m.text === text);
    for (const p of singles.filter((x) => x.channel === 'email')) {
      const m = renderMessage([p], {
        lang: p.lang,
        recipientName: p.recipientName,
        baseUrl: PUBLIC,
        digest: false,
        day: p.day,
      });
      const got = mailOf(p.target, m.text);
      expect(got, `${p.key}`).toHaveLength(1);
      expect(got[0]!.subject).toBe(m.subject);
      expect(got[0]!.text).toContain(taskLink(PUBLIC, p.taskId));
    }
    // The digest: one message a day listing that day's items.
    const fyMails = smtp.mails.filter((m) => m.to === 'fy@luoshi.example');
    const fyDigests = [...digests.entries()].filter(([k]) => k.startsWith('u-fy|email'));
    expect(fyDigests.length).toBeGreaterThan(0);
    expect(fyMails).toHaveLength(fyDigests.length);
    for (const [, items] of fyDigests) {
      const slot = items[0]!.digest!.slot;
      const mail = fyMails.find((m) => m.subject.includes(slot))!;
      expect(mail.subject).toBe(`【督办提醒汇总】${slot} 共 ${items.length} 项`);
      for (const i of items) expect(mail.text).toContain(taskLink(PUBLIC, i.taskId));
      expect(new Date(mail.at + 8 * 3_600_000).toISOString().slice(0, 10)).toBe(slot);
    }
    // Quiet hours until 11:00: 林晓燕's mail goes out at the 12:00 round, never at 10:00.
    const hf = smtp.mails.filter((m) => m.to === 'zzb@luoshi.example');
    expect(hf.length).toBeGreaterThan(0);
    for (const m of hf) expect(new Date(m.at + 8 * 3_600_000).getUTCHours()).toBeGreaterThanOrEqual(11);
    // English where chosen.
    expect(smtp.mails.filter((m) => m.to === 'czt@luoshi.example').length).toBeGreaterThan(0);
    expect(
      smtp.mails.filter((m) => m.to === 'czt@luoshi.example').every((m) => m.subject.startsWith('[Luoshi')),
    ).toBe(true);
    // Robots: 企业微信 markdown.content and 钉钉 markdown.title/text, signed.
    const kjtHooks = hook.calls.filter((c) => c.path.startsWith('/kjt'));
    expect(kjtHooks).toHaveLength(
      singles.filter((p) => p.channel === 'webhook' && p.target === 'p-kjt').length,
    );
    for (const c of kjtHooks) {
      expect(c.body.msgtype).toBe('markdown');
      expect(c.body.markdown.content).toContain(`${PUBLIC}/#/ledger/`);
    }
    const fyHooks = hook.calls.filter((c) => c.path.startsWith('/fy'));
    expect(fyHooks).toHaveLength([...digests.keys()].filter((k) => k.startsWith('u-fy|webhook')).length);
    for (const c of fyHooks) {
      expect(c.body.markdown.title).toMatch(/^【督办提醒汇总】/);
      expect(c.path).toMatch(/[?&]timestamp=\d+&sign=/);
    }
    // Nothing twice, nothing extra.
    const expected = singles.length + digests.size;
    expect(smtp.mails.length + hook.calls.length).toBe(expected);
    expect(new Set(smtp.mails.map((m) => `${m.to}|${m.text}`)).size).toBe(smtp.mails.length);
    const box = await outbox();
    expect(box.total).toBe(expected);
    expect(box.counts.sent).toBe(expected);
    expect((await send('GET', '/api/reminders/outbox', 'u-kjt')).status).toBe(403);
    const perRule: Record<string, number> = {};
    for (const p of planned) perRule[`${p.rule}/${p.channel}`] = (perRule[`${p.rule}/${p.channel}`] ?? 0) + 1;
    console.info(`[${backend}] 2024Q2 items per rule/channel:`, perRule, 'messages:', expected);
  }, 120_000);

  it('a manual 催办 goes out at once; SMTP down for a while → retried, delivered later, once', async () => {
    const off = {
      ...DEFAULT_REMINDER_RULES.enabled,
      'due-soon': false,
      overdue: false,
      'report-due': false,
      returned: false,
    };
    expect(
      (
        await send('PUT', '/api/reminders/rules', 'u-sup', {
          ...DEFAULT_REMINDER_RULES,
          enabled: off,
          maxAttempts: 3,
        })
      ).status,
    ).toBe(200);
    now = atTime('2024-07-02', '10:00');
    const data = await (servers[0]!.store as PgStore).loadFresh();
    const task = data.tasks.find((t) => t.status === 'in-progress' && t.responsiblePersonId === 'u-jxt')!;
    await smtp.stop();
    const remind = await send('POST', '/api/tasks/bulk', 'u-sup', {
      action: 'remind',
      items: [{ id: task.id, version: task.version }],
      message: '请本周内报送',
    });
    expect(remind.status).toBe(200);
    const before = smtp.mails.length;
    await tickAll();
    let mine = (await outbox(`&rule=manual&taskId=${task.id}`)).items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ state: 'failed', attempts: 1, channel: 'email' });
    expect(mine[0]!.lastError).toMatch(/ECONNREFUSED|connect/i);
    now += 61_000;
    await tickAll();
    expect((await outbox(`&rule=manual&taskId=${task.id}`)).items[0]).toMatchObject({
      state: 'failed',
      attempts: 2,
    });
    await smtp.start();
    now += 30_000;
    await tickAll();
    expect((await outbox(`&rule=manual&taskId=${task.id}`)).items[0]).toMatchObject({
      state: 'failed',
      attempts: 2,
    });
    now += 91_000;
    await tickAll();
    await tickAll();
    mine = (await outbox(`&rule=manual&taskId=${task.id}`)).items;
    expect(mine[0]).toMatchObject({ state: 'sent', attempts: 3 });
    const got = smtp.mails.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain('请本周内报送');
    expect(got[0]!.text).toContain(taskLink(PUBLIC, task.id));
  }, 60_000);

  it('a robot that always fails → dead after N attempts, visible in the outbox; resend delivers it', async () => {
    now = atTime('2024-07-03', '10:00');
    const data = await (servers[0]!.store as PgStore).loadFresh();
    const task = data.tasks.find((t) => t.status === 'in-progress' && t.responsiblePersonId === 'u-kjt')!;
    hook.status = 500;
    const calls = hook.calls.length;
    expect(
      (
        await send('POST', '/api/tasks/bulk', 'u-sup', {
          action: 'remind',
          items: [{ id: task.id, version: task.version }],
        })
      ).status,
    ).toBe(200);
    for (let i = 0; i < 4; i++) {
      await tickAll();
      now += 10 * 60_000;
    }
    const dead = (await outbox(`&rule=manual&state=dead&channel=webhook&taskId=${task.id}`)).items;
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ attempts: 3 });
    expect(dead[0]!.lastError).toContain('HTTP 500');
    expect(dead[0]!.lastError).not.toContain('SECRET-KEY');
    expect((await send('POST', `/api/reminders/outbox/${dead[0]!.id}/resend`, 'u-kjt')).status).toBe(403);
    hook.status = 200;
    const resent = await send('POST', `/api/reminders/outbox/${dead[0]!.id}/resend`, 'u-sup');
    expect(resent.status).toBe(200);
    expect(resent.json).toMatchObject({ state: 'queued', attempts: 0, resent: 1 });
    await tickAll();
    expect((await outbox(`&rule=manual&taskId=${task.id}&channel=webhook`)).items[0]).toMatchObject({
      state: 'sent',
      attempts: 1,
      resent: 1,
    });
    expect(hook.calls.length).toBe(calls + 1);
    const audit = (await send('GET', '/api/audit?action=reminder.resend', 'u-sup')).json.items as {
      outcome: string;
    }[];
    expect(audit.map((a) => a.outcome)).toEqual(expect.arrayContaining(['ok', 'denied']));
  }, 60_000);
});

describe('a running server', () => {
  it('wakes its jobs on a write: a manual 催办 is delivered at once, not at the next interval', async () => {
    const smtp = await smtpReceiver(Date.now);
    const server = await startServer({
      host: '127.0.0.1',
      port: 0,
      memory: true,
      clock: () => atTime('2024-05-20', '10:00'),
      quiet: true,
      print: () => {},
      distDir: '/nonexistent',
      testIdentityHeader: true,
      passwords: fastPasswords,
      jobs: {
        smtpUrl: `smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`,
        smtpFrom: 'luoshi@luoshi.test',
        intervalMs: 3_600_000,
      },
    });
    try {
      await server.jobs!.tick();
      const before = smtp.mails.length;
      const t = (await (server.store as PgStore).loadFresh()).tasks.find((x) => x.id === 'T-0003')!;
      const res = await fetch(`${server.url}/api/tasks/bulk`, {
        method: 'POST',
        headers: { Origin: server.url, 'X-Luoshi-User': 'u-sup', 'Content-Type': 'application/json' },
        body: JSON.stringify({
          action: 'remind',
          items: [{ id: t.id, version: t.version }],
          message: '马上办',
        }),
      });
      expect(res.status).toBe(200);
      await expect
        .poll(() => smtp.mails.slice(before).filter((m) => m.text.includes('马上办')).length, {
          timeout: 5_000,
        })
        .toBe(1);
    } finally {
      await server.close();
      await smtp.close();
    }
  }, 60_000);
});
