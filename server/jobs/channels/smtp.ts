import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { RenderedMessage } from '../../../src/domain/reminders/render';

/**
 * E-mail through nodemailer (SMTP). `LUOSHI_SMTP_URL` is a nodemailer connection URL, e.g.
 * `smtps://user:pass@smtp.example.gov.cn:465` or `smtp://127.0.0.1:2525`. Timeouts are short:
 * a stuck server fails the attempt, which the queue retries later.
 */
export interface SmtpOptions {
  url: string;
  from: string;
  /** Connect, greeting and socket timeouts, ms. Default 10 s. */
  timeoutMs?: number;
}

/** `smtp(s)://user:pass@host:port?ignoreTLS=true` → nodemailer's SMTP options. */
export function parseUrl(url: string): SMTPTransport.Options {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  const flag = (k: string) => u.searchParams.get(k) === 'true';
  return {
    host: u.hostname,
    port: Number(u.port) || (secure ? 465 : 587),
    secure,
    ignoreTLS: flag('ignoreTLS'),
    requireTLS: flag('requireTLS'),
    ...(u.username
      ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } }
      : {}),
  };
}

export function smtpChannel(o: SmtpOptions) {
  const timeout = o.timeoutMs ?? 10_000;
  // The URL's options first (host, port, auth, secure), then the timeouts.
  const transport = nodemailer.createTransport({
    ...parseUrl(o.url),
    // A few kept-open connections: a day's reminders do not each pay for a new SMTP handshake.
    pool: true,
    maxConnections: 2,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  const send = async (to: string, m: RenderedMessage) => {
    await transport.sendMail({ from: o.from, to, subject: m.subject, text: m.text });
  };
  return { send, close: () => transport.close() };
}
