import { createHmac } from 'node:crypto';
import type { RenderedMessage } from '../../../src/domain/reminders/render';
import type { Webhook } from '../../../src/domain/reminders/rules';

/**
 * Group robots by HTTPS webhook. Both accept a JSON `markdown` message:
 * - 企业微信: `{ msgtype: 'markdown', markdown: { content } }`
 * - 钉钉: `{ msgtype: 'markdown', markdown: { title, text } }`, signed when the robot has a 加签
 *   secret (timestamp + HMAC-SHA256 of `timestamp\nsecret`, in the query).
 * Both answer HTTP 200 with `{ errcode: 0 }` on success; anything else is a failed attempt.
 */
export function webhookBody(kind: Webhook['kind'], m: RenderedMessage): unknown {
  return kind === 'wecom'
    ? { msgtype: 'markdown', markdown: { content: m.markdown } }
    : { msgtype: 'markdown', markdown: { title: m.subject, text: m.markdown } };
}

export function signedUrl(hook: Webhook, nowMs: number): string {
  if (hook.kind !== 'dingtalk' || !hook.secret) return hook.url;
  const sign = createHmac('sha256', hook.secret).update(`${nowMs}\n${hook.secret}`).digest('base64');
  const u = new URL(hook.url);
  u.searchParams.set('timestamp', String(nowMs));
  u.searchParams.set('sign', sign);
  return u.toString();
}

export function webhookChannel(o: { timeoutMs?: number } = {}) {
  const timeoutMs = o.timeoutMs ?? 10_000;
  return async (hook: Webhook, m: RenderedMessage): Promise<void> => {
    const res = await fetch(signedUrl(hook, Date.now()), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify(webhookBody(hook.kind, m)),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    // The host only: the path and query hold the robot's key.
    const where = new URL(hook.url).host;
    if (!res.ok) throw new Error(`${where} answered HTTP ${res.status}`);
    let body: { errcode?: number; errmsg?: string } | null = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    if (body && typeof body.errcode === 'number' && body.errcode !== 0)
      throw new Error(`${where} refused: ${body.errcode} ${body.errmsg ?? ''}`.trim());
  };
}
