import { useState } from 'react';
import { toast } from 'sonner';
import type { Account } from '../../domain/contract';
import { useT } from '../../i18n';
import { AccountDialog } from './account-dialog';
import { serverErrors } from './account-errors';
import { useAccountWrites } from './use-account-writes';

/** 停用 / 启用 after a confirmation that says what it does (disabling ends the person's sessions). */
export function ActiveDialog({ account, onClose }: { account: Account; onClose: () => void }) {
  const t = useT();
  const { setActive } = useAccountWrites();
  const [error, setError] = useState<string>();
  const disable = account.active;
  const vars = { name: account.name, login: account.login };
  return (
    <AccountDialog
      title={`${disable ? t('accounts.disable') : t('accounts.enable')} · ${account.name}`}
      submitLabel={disable ? t('accounts.disable') : t('accounts.enable')}
      danger={disable}
      busy={setActive.isPending}
      error={error}
      onClose={onClose}
      onSubmit={() =>
        setActive.mutate(
          { id: account.personId, active: !disable },
          {
            onSuccess: () => {
              toast.success(t(disable ? 'accounts.disabledDone' : 'accounts.enabledDone', vars));
              onClose();
            },
            onError: (e) => {
              const errors = serverErrors(t, e);
              setError(errors.form ?? Object.values(errors)[0]);
            },
          },
        )
      }
    >
      <p>{t(disable ? 'accounts.confirm.disable' : 'accounts.confirm.enable', vars)}</p>
    </AccountDialog>
  );
}
