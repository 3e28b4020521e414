import { toCstIso } from '../../domain/clock';
import type { Account } from '../../domain/contract';
import { useT } from '../../i18n';
import { useLookups } from '../../shared/hooks/use-lookups';
import { scrollRegion } from '../../shared/ui/scroll-region';

export type AccountAction = { account: Account; kind: 'active' | 'password' };

/** Beijing time, to the minute, as the offices read it. */
const when = (instant: string) => toCstIso(Date.parse(instant)).slice(0, 16).replace('T', ' ');

/** Every account with its state in words and the two actions a supervisor may take. */
export function AccountsTable({
  accounts,
  onAction,
}: {
  accounts: Account[];
  onAction: (a: AccountAction) => void;
}) {
  const t = useT();
  const look = useLookups();
  if (accounts.length === 0) return <p className="muted">{t('accounts.empty')}</p>;
  return (
    <div className="table-wrap" {...scrollRegion(t('accounts.list'))}>
      <table className="table accounts-table">
        <caption className="visually-hidden">{t('accounts.list')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('accounts.col.name')}</th>
            <th scope="col">{t('accounts.col.login')}</th>
            <th scope="col">{t('accounts.col.unit')}</th>
            <th scope="col">{t('accounts.col.role')}</th>
            <th scope="col">{t('accounts.col.status')}</th>
            <th scope="col">{t('accounts.col.passwordChanged')}</th>
            <th scope="col">{t('accounts.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.personId}>
              <th scope="row">
                {a.name}
                {a.title ? <span className="muted"> · {a.title}</span> : null}
              </th>
              <td className="num-font">{a.login}</td>
              <td>{look.unitName(a.unitId)}</td>
              <td>{t(`role.${a.role}`)}</td>
              <td>{a.active ? t('accounts.status.active') : t('accounts.status.disabled')}</td>
              <td>{a.passwordChangedAt ? when(a.passwordChangedAt) : t('accounts.never')}</td>
              <td>
                <fieldset className="account-actions">
                  <legend className="visually-hidden">{t('accounts.actionsFor', { name: a.name })}</legend>
                  <button
                    type="button"
                    className={a.active ? 'btn btn--danger' : 'btn'}
                    onClick={() => onAction({ account: a, kind: 'active' })}
                  >
                    {a.active ? t('accounts.disable') : t('accounts.enable')}
                  </button>
                  <button
                    type="button"
                    className="btn"
                    onClick={() => onAction({ account: a, kind: 'password' })}
                  >
                    {t('accounts.reset')}
                  </button>
                </fieldset>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
