import { type FormEvent, useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import { PASSWORD_MIN_LENGTH } from '../../domain/contract';
import type { Role } from '../../domain/schemas';
import { useT } from '../../i18n';
import { useLookups } from '../../shared/hooks/use-lookups';
import { type AccountErrors, checkAccount, serverErrors } from './account-errors';
import { Field } from './field';
import { useAccountWrites } from './use-account-writes';

const ROLES: Role[] = ['staff', 'supervisor', 'leader'];
const EMPTY = { login: '', name: '', unitId: '', role: 'staff' as Role, title: '', password: '' };

/** 新建账号: a person with an initial password. A refused save keeps everything typed. */
export function CreateAccountForm() {
  const t = useT();
  const look = useLookups();
  const { create } = useAccountWrites();
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<AccountErrors>({});
  const [attempt, setAttempt] = useState(0);
  const ref = useRef<HTMLFormElement>(null);
  const edit = (patch: Partial<typeof EMPTY>) => setForm({ ...form, ...patch });
  // After a refused attempt, focus goes to the first field that says why.
  useEffect(() => {
    if (attempt > 0)
      ref.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]')?.focus();
  }, [attempt]);
  const refuse = (next: AccountErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = checkAccount(t, form);
    if (Object.keys(problems).length > 0) return refuse(problems);
    setErrors({});
    create.mutate(
      { ...form, login: form.login.trim(), name: form.name.trim(), title: form.title.trim() },
      {
        onSuccess: (account) => {
          toast.success(t('accounts.created', { login: account.login }));
          setForm(EMPTY);
        },
        onError: (err) => refuse(serverErrors(t, err)),
      },
    );
  };
  return (
    <form
      ref={ref}
      className="panel account-create"
      onSubmit={submit}
      noValidate
      aria-labelledby="account-create-h"
    >
      <h2 id="account-create-h">{t('accounts.create.title')}</h2>
      {errors.form ? (
        <p className="field-error" role="alert" tabIndex={-1}>
          {errors.form}
        </p>
      ) : null}
      <div className="form-grid">
        <Field label={t('accounts.col.login')} hint={t('accounts.hint.login')} error={errors.login}>
          <input
            name="login"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={form.login}
            onChange={(e) => edit({ login: e.target.value })}
          />
        </Field>
        <Field label={t('accounts.col.name')} error={errors.name}>
          <input name="name" value={form.name} onChange={(e) => edit({ name: e.target.value })} />
        </Field>
        <Field label={t('accounts.col.unit')} error={errors.unitId}>
          <select name="unitId" value={form.unitId} onChange={(e) => edit({ unitId: e.target.value })}>
            <option value="">{t('accounts.selectUnit')}</option>
            {look.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('accounts.col.role')} error={errors.role}>
          <select name="role" value={form.role} onChange={(e) => edit({ role: e.target.value as Role })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('accounts.col.title')} error={errors.title}>
          <input name="title" value={form.title} onChange={(e) => edit({ title: e.target.value })} />
        </Field>
        <Field
          label={t('accounts.field.password')}
          hint={t('accounts.hint.password', { n: PASSWORD_MIN_LENGTH })}
          error={errors.password}
        >
          <input
            name="new-password"
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => edit({ password: e.target.value })}
          />
        </Field>
      </div>
      <div className="dialog__actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={create.isPending}
          aria-busy={create.isPending}
        >
          {create.isPending ? t('accounts.saving') : t('accounts.create.submit')}
        </button>
      </div>
    </form>
  );
}
