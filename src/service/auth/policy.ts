import { PASSWORD_MIN_LENGTH } from '../../domain/contract';

/**
 * Sign-in rules. Sessions: idle 30 min (sliding), absolute 12 h (OWASP ASVS 5, V7.3), both
 * configurable. Lock-outs: 5 failures per account or 20 per client address within 15 min lock
 * further attempts for 15 min from the last failure.
 */
export interface SessionSettings {
  idleMs: number;
  absoluteMs: number;
  /** The cookie carries `Secure` and the `__Host-` prefix (served over HTTPS). */
  secure: boolean;
}
export const DEFAULT_SESSION_SETTINGS: SessionSettings = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 3_600_000,
  secure: false,
};

export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  perAccount: 5,
  perAddress: 20,
} as const;

/** Writes to the session row at most this often: sliding expiry without a write per request. */
export const TOUCH_EVERY_MS = 60_000;

/** Common passwords that pass the length rule (sources: NCSC top-100k and Chinese leak lists, ≥ 12 chars). */
const COMMON = new Set(
  [
    '123456789012',
    '1234567890123',
    '12345678901234',
    '123456789abc',
    '1qaz2wsx3edc',
    '1q2w3e4r5t6y',
    'qwertyuiopas',
    'qwertyuiop123',
    'qwerty123456',
    'password1234',
    'password12345',
    'passw0rd1234',
    'administrator',
    'admin1234567',
    'iloveyou1234',
    'abcdefghijkl',
    'abc123456789',
    'aaaaaaaaaaaa',
    '111111111111',
    '000000000000',
    '888888888888',
    '147258369123',
    'woaini1314520',
    'woaini123456',
    'a123456789012',
    'zxcvbnm12345',
    'asdfghjkl123',
    'luoshi123456',
    'luoshiluoshi',
    'changeme1234',
  ].map((p) => p.toLowerCase()),
);

/** A reason the password is refused, or null. Any Unicode counts, by code point. */
export function passwordProblem(password: string, login?: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 个字符`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return '密码过于常见，请换一个';
  if (new Set([...password]).size <= 2) return '密码过于简单，请换一个';
  if (login && lower.includes(login.toLowerCase())) return '密码不能包含登录名';
  return null;
}
