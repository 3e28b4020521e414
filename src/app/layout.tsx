import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { sessionQueries } from '../api/queries';
import type { Role } from '../domain/schemas';
import { type MessageKey, useLang, useT } from '../i18n';
import { usePreferences } from '../shared/stores/preferences';
import { AccountsNavItem } from './accounts-nav-item';
import { DemoBar } from './demo-bar';
import { NavBadge } from './nav-badge';
import { ServerIdentityBar } from './server-identity-bar';
import { SignOutButton } from './sign-out-button';

/** `hideFor`: roles the server refuses that page's data to (read access, src/service/read-access.ts). */
const NAV: { to: string; key: MessageKey; icon: string; hideFor?: Role[] }[] = [
  { to: '/', key: 'nav.dashboard', icon: '◧' },
  { to: '/inbox', key: 'nav.inbox', icon: '✉' },
  { to: '/meetings', key: 'nav.meetings', icon: '☰' },
  { to: '/import', key: 'nav.import', icon: '⇪' },
  { to: '/ledger', key: 'nav.ledger', icon: '▤' },
  { to: '/review', key: 'nav.review', icon: '◔' },
  { to: '/units', key: 'nav.units', icon: '⌂' },
  { to: '/alignment', key: 'alignment.nav', icon: '⇅' },
  { to: '/audit', key: 'nav.audit', icon: '⎙', hideFor: ['staff'] },
  { to: '/outbox', key: 'reminders.nav.outbox', icon: '✈', hideFor: ['leader', 'staff'] },
  { to: '/reminder-rules', key: 'reminders.nav.rules', icon: '⚙', hideFor: ['leader', 'staff'] },
  { to: '/my-reminders', key: 'reminders.nav.prefs', icon: '☑' },
];

export function Layout() {
  const t = useT();
  const lang = useLang();
  const setLang = usePreferences((s) => s.setLang);
  const session = useQuery(sessionQueries.current());
  const navigation = useNavigation();
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const who = session.data;
  // On narrow screens the navigation is a menu; opening another page closes it.
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close on every new page
  useEffect(() => setMenuOpen(false), [pathname]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="btn topbar__menu"
          aria-expanded={menuOpen}
          aria-controls="sidenav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          <span aria-hidden="true">☰</span> {t('nav.menu')}
        </button>
        <div className="topbar__brand">
          <span className="topbar__logo" aria-hidden="true">
            实
          </span>
          <span className="topbar__name">{t('app.name')}</span>
          <span className="topbar__tagline">{t('app.tagline')}</span>
        </div>
        {__LUOSHI_DEMO__ ? <DemoBar /> : <ServerIdentityBar />}
        <div className="topbar__right">
          {who ? (
            <span className="topbar__who" data-testid="identity">
              {who.person.name} · {t(`role.${who.role}`)} · {who.unit.name}
            </span>
          ) : null}
          <SignOutButton />
          <button
            type="button"
            className="btn btn--ghost"
            // The name starts with what the button shows (WCAG 2.5.3); the purpose follows.
            aria-label={`${t('lang.switch')} — ${t('lang.label')}`}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            <span lang={lang === 'zh' ? 'en' : 'zh-CN'}>{t('lang.switch')}</span>
          </button>
        </div>
      </header>
      <div className="shell__body">
        <nav id="sidenav" className={menuOpen ? 'sidenav is-open' : 'sidenav'} aria-label={t('nav.label')}>
          <ul>
            {NAV.filter((n) => !(session.data && n.hideFor?.includes(session.data.role))).map((n) => (
              <li key={n.to}>
                <NavLink
                  to={n.to}
                  end={n.to === '/'}
                  className={({ isActive }) => (isActive ? 'sidenav__link is-active' : 'sidenav__link')}
                >
                  <span aria-hidden="true" className="sidenav__icon">
                    {n.icon}
                  </span>
                  <span>{t(n.key)}</span>
                  {n.to === '/inbox' ? <NavBadge /> : null}
                </NavLink>
              </li>
            ))}
            <AccountsNavItem />
          </ul>
        </nav>
        <main id="main" className="content" aria-busy={navigation.state === 'loading'}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
