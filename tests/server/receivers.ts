import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * Local receivers for the reminder tests, on 127.0.0.1 only: an SMTP server (smtp-server) that keeps
 * every message, and an HTTP server standing in for the group robots. Each can be stopped and
 * started again on the same port (a receiver "down for a while"), or made to fail.
 */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The test's clock when it arrived. */
  at: number;
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / Q), as nodemailer writes non-ASCII subjects. */
function decodeWords(s: string): string {
  return s.replace(/\s*=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data
            .replace(/_/g, ' ')
            .replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable')
    return Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  return body;
}

export function parseMail(raw: string, at: number): Mail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) =>
    head
      .split('\r\n')
      .find((l) => l.toLowerCase().startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .trim() ?? '';
  const to = header('to').replace(/^.*<|>.*$/g, '');
  return {
    to,
    subject: decodeWords(header('subject')),
    // SMTP carries CRLF line ends; the message was written with LF.
    text: decodeBody(raw.slice(split + 4), header('content-transfer-encoding').toLowerCase()).replace(
      /\r\n/g,
      '\n',
    ),
    at,
  };
}

export interface SmtpReceiver {
  port: number;
  mails: Mail[];
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function smtpReceiver(clock: () => number): Promise<SmtpReceiver> {
  const mails: Mail[] = [];
  let server: SMTPServer | null = null;
  let port = 0;
  const start = async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push(parseMail(Buffer.concat(chunks).toString('latin1'), clock()));
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', () => resolve()));
    port = (server.server.address() as AddressInfo).port;
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      const s = server;
      server = null;
      s.close(() => resolve());
    });
  await start();
  return { port, mails, start, stop, close: stop };
}

export interface HookCall {
  path: string;
  body: { msgtype: string; markdown: { content?: string; title?: string; text?: string } };
  at: number;
}

export interface HttpReceiver {
  url: string;
  calls: HookCall[];
  /** HTTP status to answer (200 = success with errcode 0). */
  status: number;
  close(): Promise<void>;
}

export async function httpReceiver(clock: () => number): Promise<HttpReceiver> {
  const r: HttpReceiver = { url: '', calls: [], status: 200, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (r.status !== 200) {
        res.writeHead(r.status).end('down');
        return;
      }
      r.calls.push({
        path: req.url ?? '',
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        at: clock(),
      });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  r.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return r;
}
