import { ApiError } from '../../api/client';
import type { T } from '../../i18n';

/**
 * A failed sign-in in words. Wrong login and wrong password read the same (the server does not say
 * which either); a lock-out says how long to wait.
 */
export function signInError(t: T, error: unknown): string {
  if (!(error instanceof ApiError)) return t('auth.error.other', { message: String(error) });
  if (error.status === 0) return t('auth.error.network');
  if (error.status === 401) return t('auth.error.credentials');
  if (error.status === 400) return t('auth.error.required');
  if (error.status === 429) {
    if (error.retryAfterSeconds === undefined) return error.message;
    return t('auth.error.locked', { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) });
  }
  return t('auth.error.other', { message: error.message });
}
