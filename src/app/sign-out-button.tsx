import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError, call } from '../api/client';
import { useT } from '../i18n';
import { clearDrafts } from '../shared/drafts';
import { useServerIdentity } from '../shared/stores/server-identity';
import { notify } from '../shared/toast';
import { errorMessage } from '../shared/ui/query-state';

/** 退出: ends the session on the server, forgets everything fetched and every draft, then 登录. */
export function SignOutButton() {
  const t = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const signInMode = useServerIdentity((s) => s.mode === 'session');
  const leave = async () => {
    clearDrafts();
    await navigate('/login', { replace: true });
    qc.clear();
  };
  const signOut = useMutation({
    mutationFn: () => call('signOut'),
    onSuccess: leave,
    onError: (e) => {
      // Already signed out (expired): the result the person asked for.
      if (e instanceof ApiError && e.status === 401) return leave();
      notify.error(t('auth.signOutFailed', { message: errorMessage(t, e) }));
    },
  });
  if (!signInMode) return null;
  return (
    <button
      type="button"
      className="btn btn--ghost"
      disabled={signOut.isPending}
      onClick={() => signOut.mutate()}
    >
      {t('auth.signOut')}
    </button>
  );
}
