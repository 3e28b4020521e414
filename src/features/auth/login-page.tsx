import { Link, useSearchParams } from 'react-router';
import { useLang, useT } from '../../i18n';
import { safeNext } from '../../shared/login-path';
import { usePreferences } from '../../shared/stores/preferences';
import { useServerIdentity } from '../../shared/stores/server-identity';
import { LoginForm } from './login-form';
import './auth.css';

/** 登录: outside the app shell (nobody is known yet). `?next=` is where the person was. */
export function LoginPage() {
  const t = useT();
  const lang = useLang();
  const setLang = usePreferences((s) => s.setLang);
  const [params] = useSearchParams();
  const signInMode = useServerIdentity((s) => s.mode === 'session');
  const rawNext = params.get('next');
  const next = safeNext(rawNext);
  return (
    <main className="login" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <div className="login__card">
        <p className="login__brand">
          <span className="topbar__logo" aria-hidden="true">
            实
          </span>
          <span>
            {t('app.name')} · {t('app.tagline')}
          </span>
        </p>
        <h1>{t('auth.title')}</h1>
        {signInMode ? (
          <>
            {rawNext ? <p className="muted">{t('auth.continue')}</p> : null}
            <LoginForm next={next} />
          </>
        ) : (
          <p>
            {t('auth.notNeeded')} <Link to="/">{t('auth.home')}</Link>
          </p>
        )}
        <button
          type="button"
          className="btn btn--ghost login__lang"
          // The name starts with what the button shows (WCAG 2.5.3); the purpose follows.
          aria-label={`${t('lang.switch')} — ${t('lang.label')}`}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          <span lang={lang === 'zh' ? 'en' : 'zh-CN'}>{t('lang.switch')}</span>
        </button>
      </div>
    </main>
  );
}
