import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { accountQueries } from '../../api/accounts';
import { sessionQueries } from '../../api/queries';
import { useT } from '../../i18n';
import { PageHeader, QueryState } from '../../shared/ui/query-state';
import { type AccountAction, AccountsTable } from './accounts-table';
import { ActiveDialog } from './active-dialog';
import { CreateAccountForm } from './create-account-form';
import { ResetPasswordDialog } from './reset-password-dialog';
import './accounts.css';

/** 人员与账号 (supervisors): who may sign in, with what role and unit; create, disable, reset. */
export function AccountsPage() {
  const t = useT();
  const session = useQuery(sessionQueries.current());
  const supervisor = session.data?.role === 'supervisor';
  const accounts = useQuery({ ...accountQueries.list(), enabled: supervisor });
  const [action, setAction] = useState<AccountAction | null>(null);
  // The row's account as it is now (after a write), not as it was when the button was pressed.
  const current = action && accounts.data?.find((a) => a.personId === action.account.personId);
  return (
    <>
      <PageHeader title={t('accounts.title')} />
      {session.data && !supervisor ? (
        <p className="state state--error" role="alert">
          {t('error.forbidden')}
        </p>
      ) : (
        <QueryState query={accounts} what={t('accounts.what')}>
          {(list) => (
            <>
              <section className="panel" aria-label={t('accounts.list')}>
                <AccountsTable accounts={list} onAction={setAction} />
              </section>
              <CreateAccountForm />
            </>
          )}
        </QueryState>
      )}
      {action && current && action.kind === 'active' ? (
        <ActiveDialog account={current} onClose={() => setAction(null)} />
      ) : null}
      {action && current && action.kind === 'password' ? (
        <ResetPasswordDialog account={current} onClose={() => setAction(null)} />
      ) : null}
    </>
  );
}
