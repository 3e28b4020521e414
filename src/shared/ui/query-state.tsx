import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n';
import { useDocumentTitle } from '../hooks/use-document-title';

export function errorMessage(t: ReturnType<typeof useT>, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return `${t('error.forbidden')}（${error.message}）`;
    if (error.status === 0) return t('error.network');
    if (error.status === 401) return t('auth.expired');
    return error.message;
  }
  return error instanceof Error ? error.message : t('error.unknown');
}

/**
 * A background refresh failed while data is already on screen: say so and offer a retry, but keep
 * the page (and every open form on it) in place — replacing it would throw away what was typed.
 */
export function StaleNotice({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <div className="stale-notice" role="alert" data-testid="stale-notice">
      <p>{t('common.stale', { what, message: errorMessage(t, error) })}</p>
      <button type="button" className="btn" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}

/**
 * Loading, error-with-retry, or the content: every page reads its queries through this. Only a first
 * load with no data shows the error state; a failed refresh keeps the content under a stale notice.
 */
export function QueryState<T>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  if (query.isPending) {
    return (
      <div className="state state--loading" role="status">
        {t('common.loading')}
      </div>
    );
  }
  // Only a first load with no data shows the error state: a failed refresh (an outage, or a session
  // that ended while the sign-in page takes over) keeps the page and every form open on it.
  if (query.isError && query.data === undefined) {
    return (
      <div className="state state--error" role="alert">
        <p>{t('common.errorDetail', { what, message: errorMessage(t, query.error) })}</p>
        <button type="button" className="btn" onClick={() => query.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  const sessionEnded = query.error instanceof ApiError && query.error.status === 401;
  return (
    <>
      {query.isError && !sessionEnded ? (
        <StaleNotice what={what} error={query.error} onRetry={() => query.refetch()} />
      ) : null}
      {children(query.data as T)}
    </>
  );
}

/** The page's heading; it also names the browser tab. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {children ? <div className="page-header__actions">{children}</div> : null}
    </header>
  );
}
