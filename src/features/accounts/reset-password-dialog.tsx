import { useState } from 'react';
import { toast } from 'sonner';
import { type Account, PASSWORD_MIN_LENGTH } from '../../domain/contract';
import { useT } from '../../i18n';
import { AccountDialog } from './account-dialog';
import { passwordTooShort, serverErrors } from './account-errors';
import { Field } from './field';
import { useAccountWrites } from './use-account-writes';

/** 重置密码: a new password the supervisor hands over; the person's sessions end at once. */
export function ResetPasswordDialog({ account, onClose }: { account: Account; onClose: () => void }) {
  const t = useT();
  const { resetPassword } = useAccountWrites();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ password?: string; form?: string }>({});
  const submit = () => {
    if (passwordTooShort(password)) {
      setErrors({ password: t('accounts.error.password', { n: PASSWORD_MIN_LENGTH }) });
      return;
    }
    setErrors({});
    resetPassword.mutate(
      { id: account.personId, password },
      {
        onSuccess: () => {
          toast.success(t('accounts.resetDone', { name: account.name }));
          onClose();
        },
        onError: (e) => {
          const { password: field, ...rest } = serverErrors(t, e);
          setErrors({ password: field, form: rest.form ?? Object.values(rest)[0] });
        },
      },
    );
  };
  return (
    <AccountDialog
      title={t('accounts.reset.title', { name: account.name })}
      submitLabel={t('accounts.reset')}
      busy={resetPassword.isPending}
      error={errors.form}
      onClose={onClose}
      onSubmit={submit}
    >
      <Field
        label={t('accounts.reset.password')}
        hint={t('accounts.reset.hint', { n: PASSWORD_MIN_LENGTH, name: account.name })}
        error={errors.password}
      >
        <input
          name="new-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
    </AccountDialog>
  );
}
