import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { call } from '../../api/client';
import { sessionQueries } from '../../api/queries';
import { api } from '../../domain/contract';
import { useT } from '../../i18n';
import { claimDrafts } from '../../shared/drafts';
import { signInError } from './sign-in-error';

type Failure = { message: string; missing: 'login' | 'password' | null; attempt: number };

/**
 * Login and password. A failure keeps the login, empties the password and moves focus to the message
 * (read out at once); success starts from an empty cache and goes back where the person was.
 */
export function LoginForm({ next }: { next: string }) {
  const t = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const id = useId();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const fail = (message: string, missing: Failure['missing'] = null) =>
    setFailure((f) => ({ message, missing, attempt: (f?.attempt ?? 0) + 1 }));
  const signIn = useMutation({
    mutationFn: (body: { login: string; password: string }) => call(api.signIn, { body }),
    onSuccess: async (session) => {
      claimDrafts(session.person.id);
      // Nothing fetched before (as nobody, or as the previous person) may show now.
      qc.clear();
      qc.setQueryData(sessionQueries.current().queryKey, session);
      await navigate(next, { replace: true });
    },
    onError: (e) => {
      setPassword('');
      fail(signInError(t, e));
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again on every failed attempt
  useEffect(() => {
    if (failure) errorRef.current?.focus();
  }, [failure?.attempt]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!login.trim()) return fail(t('auth.error.required'), 'login');
    if (!password) return fail(t('auth.error.required'), 'password');
    signIn.mutate({ login: login.trim(), password });
  };
  const errorId = `${id}-error`;
  const invalid = (field: 'login' | 'password') =>
    failure ? failure.missing === null || failure.missing === field : undefined;
  return (
    <form className="login-form" onSubmit={submit} noValidate>
      {failure ? (
        <p id={errorId} ref={errorRef} className="login-form__error" role="alert" tabIndex={-1}>
          <span aria-hidden="true">⚠ </span>
          {failure.message}
        </p>
      ) : null}
      <label htmlFor={`${id}-login`}>{t('auth.login')}</label>
      <input
        id={`${id}-login`}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={login}
        onChange={(e) => setLogin(e.target.value)}
        aria-invalid={invalid('login')}
        aria-describedby={failure ? errorId : undefined}
      />
      <label htmlFor={`${id}-password`}>{t('auth.password')}</label>
      <input
        id={`${id}-password`}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        aria-invalid={invalid('password')}
        aria-describedby={failure ? errorId : undefined}
      />
      <button
        type="submit"
        className="btn btn--primary"
        disabled={signIn.isPending}
        aria-busy={signIn.isPending}
      >
        {signIn.isPending ? t('auth.submitting') : t('auth.submit')}
      </button>
    </form>
  );
}
