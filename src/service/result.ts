import type { ErrorCode } from '../domain/contract';

export type FieldError = { path: string; message: string };

/** What a use case answers: a value, or a refusal naming the API error it becomes. Never an exception. */
export type Result =
  | {
      ok: true;
      body: unknown;
      status?: number;
      detail?: string;
      /** A new session cookie (sign-in) or its removal (sign-out). */
      setSession?: { token: string; maxAgeSec: number } | 'clear';
    }
  | Refusal;
export interface Refusal {
  ok: false;
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
  current?: unknown;
  detail?: string;
  /** 429: seconds until another attempt may succeed (`Retry-After`). */
  retryAfterSec?: number;
  /** Keep the transaction's changes although the request is refused (a failed sign-in is counted). */
  keep?: boolean;
}

export const refuse = (
  code: Refusal['code'],
  message: string,
  extra: Omit<Refusal, 'ok' | 'code' | 'message'> = {},
): Refusal => ({ ok: false, code, message, ...extra });

export const okBody = (
  body: unknown,
  extra: {
    status?: number;
    detail?: string;
    setSession?: { token: string; maxAgeSec: number } | 'clear';
  } = {},
): Result => ({
  ok: true,
  body,
  ...extra,
});

export const isRefusal = (x: unknown): x is Refusal =>
  typeof x === 'object' &&
  x !== null &&
  (x as Refusal).ok === false &&
  typeof (x as Refusal).code === 'string';
