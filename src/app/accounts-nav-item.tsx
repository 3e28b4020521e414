import { useQuery } from '@tanstack/react-query';
import { NavLink } from 'react-router';
import { sessionQueries } from '../api/queries';
import { useT } from '../i18n';
import { useServerIdentity } from '../shared/stores/server-identity';

/** 人员与账号 in the navigation: only supervisors, and only where people sign in with passwords. */
export function AccountsNavItem() {
  const t = useT();
  const signInMode = useServerIdentity((s) => s.mode === 'session');
  const session = useQuery(sessionQueries.current());
  if (!signInMode || session.data?.role !== 'supervisor') return null;
  return (
    <li>
      <NavLink
        to="/accounts"
        className={({ isActive }) => (isActive ? 'sidenav__link is-active' : 'sidenav__link')}
      >
        <span aria-hidden="true" className="sidenav__icon">
          ⚿
        </span>
        <span>{t('accounts.nav')}</span>
      </NavLink>
    </li>
  );
}
