import { ApiError } from '../../api/client';
import { loginNameSchema, PASSWORD_MIN_LENGTH } from '../../domain/contract';
import type { T } from '../../i18n';
import { errorMessage } from '../../shared/ui/query-state';

export type AccountField = 'login' | 'name' | 'unitId' | 'role' | 'title' | 'password';
/** Messages by field, plus `form` for what belongs to no field. */
export type AccountErrors = Partial<Record<AccountField | 'form', string>>;

const FIELDS = new Set<string>(['login', 'name', 'unitId', 'role', 'title', 'password']);

export const passwordTooShort = (password: string) => [...password].length < PASSWORD_MIN_LENGTH;

/** The checks the form can make before asking (the server checks again, and refuses common passwords). */
export function checkAccount(
  t: T,
  v: { login: string; name: string; unitId: string; password: string },
): AccountErrors {
  const errors: AccountErrors = {};
  if (!loginNameSchema.safeParse(v.login).success) errors.login = t('accounts.error.login');
  if (!v.name.trim()) errors.name = t('accounts.error.name');
  if (!v.unitId) errors.unitId = t('accounts.error.unit');
  if (passwordTooShort(v.password))
    errors.password = t('accounts.error.password', { n: PASSWORD_MIN_LENGTH });
  return errors;
}

/** A refused save: 400 field messages next to their fields, 409 at the login, anything else on top. */
export function serverErrors(t: T, e: unknown): AccountErrors {
  if (e instanceof ApiError && e.status === 409) return { login: t('accounts.error.taken') };
  const errors: AccountErrors = {};
  if (e instanceof ApiError && e.status === 400 && e.fields.length > 0) {
    for (const f of e.fields) {
      const field = f.path.split('.')[0] ?? '';
      if (FIELDS.has(field)) errors[field as AccountField] ??= f.message;
      else errors.form ??= f.message;
    }
    return errors;
  }
  return { form: t('accounts.error.save', { message: errorMessage(t, e) }) };
}
